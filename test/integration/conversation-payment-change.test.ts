import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import { diffStores, replayActions } from '../../tau/replay';
import { exportTauStore } from '../../tau/store/export';
import { getOrder, getUser } from '../../tau/store/queries';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { toPythonJson } from '../../tau/format/python-json';
import type { TauOrder, TauPaymentMethod, TauStore, TauUser } from '../../tau/format/records';
import { temporaryDatabase } from '../support/database';
import { startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

/** The demo store, changed by `adjust` first; the refund ledger is emptied with it. */
async function freshStore(adjust?: (store: TauStore) => void): Promise<TauStore> {
  const store = buildDemoStore();
  adjust?.(store);
  await stack.database.db('refund_ledger').delete();
  await replaceStore(stack.database.db, store);
  return store;
}

interface Scenario {
  order: TauOrder;
  user: TauUser;
  paidWith: TauPaymentMethod;
  others: TauPaymentMethod[];
  totalCents: number;
}

/** The first pending order of the demo store that fits, with its customer and payment methods. */
function pendingOrder(store: TauStore, fits: (s: Scenario) => boolean, what: string): Scenario {
  for (const order of store.orders.values()) {
    const user = store.users.get(order.user_id);
    const paid = order.payment_history[0];
    if (order.status !== 'pending' || !user || !paid || order.payment_history.length !== 1) continue;
    const methods = [...user.payment_methods.values()];
    const paidWith = methods.find((m) => m.id === paid.payment_method_id);
    if (!paidWith) continue;
    const scenario = { order, user, paidWith, others: methods.filter((m) => m !== paidWith), totalCents: Math.round(paid.amount * 100) };
    if (fits(scenario)) return scenario;
  }
  assert.fail(`the demo store needs ${what}`);
}

const balanceCents = (m: TauPaymentMethod) => (m.source === 'gift_card' ? Math.round(m.balance * 100) : 0);
const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const label = (m: TauPaymentMethod) =>
  m.source === 'credit_card' ? `${m.brand.charAt(0).toUpperCase()}${m.brand.slice(1)} ending ${m.last_four}`
  : m.source === 'gift_card' ? `Gift card (balance ${dollars(balanceCents(m))})`
  : 'PayPal';
const optionsOf = (methods: TauPaymentMethod[]) => methods.map((m) => ({ id: m.id, label: label(m) }));
const YES_NO = [
  { id: 'yes', label: 'Yes, change it' },
  { id: 'no', label: 'No, keep it as it is' },
];

async function paymentHistory(orderId: string) {
  return (await getOrder(stack.database.db, orderId))?.payment_history.map((p) => ({ ...p }));
}

async function giftCardBalance(userId: string, id: string) {
  const method = (await getUser(stack.database.db, userId))?.payment_methods.get(id);
  return method?.source === 'gift_card' ? method.balance : undefined;
}

/** The orders the customer would be offered: their pending ones, newest first. */
async function pendingOrderIds(customerId: string): Promise<string[]> {
  const rows = await stack.database.db('orders').where({ customer_id: customerId, status: 'pending' }).orderBy('position', 'desc').select('id');
  return rows.map((r: { id: string }) => r.id);
}

describe('changing the payment method of a pending order through the API', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
  });
  after(() => stack?.close());
  beforeEach(() => freshStore());

  it('when a card-paid order moves to a gift card that covers it and the customer says yes, then the store matches tau replay and the card is refunded once', async () => {
    const store = buildDemoStore();
    const target = pendingOrder(store, (s) => s.paidWith.source === 'credit_card' && s.others.some((m) => m.source === 'gift_card' && balanceCents(m) >= s.totalCents), 'a card-paid pending order whose customer has a gift card that covers it');
    const giftCard = target.others.find((m) => m.source === 'gift_card' && balanceCents(m) >= target.totalCents) as TauPaymentMethod;
    const db = stack.database.db;
    const before = await exportTauStore(db);
    const { say } = await startChat(stack, channel);

    const first = await say('change the payment method of my order');
    assert.equal(first.intent, 'modify_payment_method');
    assert.equal(first.awaiting, 'email');
    assert.equal(first.options, undefined);

    const orders = await say(target.user.email);
    assert.equal(orders.awaiting, 'order_id', JSON.stringify(orders));
    assert.deepEqual(orders.options.map((o: { id: string }) => o.id), await pendingOrderIds(target.user.user_id));

    const methods = await say(target.order.order_id);
    assert.equal(methods.awaiting, 'payment_method', JSON.stringify(methods));
    assert.deepEqual(methods.options, optionsOf(target.others), 'every other method, and not the one that paid');
    assert.match(methods.replies[0].text, new RegExp(`Order ${target.order.order_id} \\(\\${dollars(target.totalCents)}\\) is paid with ${label(target.paidWith)}`));

    const proposal = await say('my gift card');
    assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
    assert.deepEqual(proposal.options, YES_NO);
    assert.deepEqual(proposal.actions.map((a: { name: string; status: string }) => [a.name, a.status]), [['modify_pending_order_payment', 'proposed']]);
    const amount = dollars(target.totalCents).replace('$', '\\$');
    assert.match(
      proposal.replies[0].text,
      new RegExp(`Order ${target.order.order_id} will be paid with your gift card instead of ${label(target.paidWith)}: your gift card is charged ${amount}, and ${label(target.paidWith)} is refunded ${amount} within 5 to 7 business days\\. Shall I go ahead\\?`),
    );
    assert.deepEqual(await paymentHistory(target.order.order_id), target.order.payment_history, 'nothing changes before the yes');

    const done = await say('yes');
    assert.equal(done.awaiting, undefined);
    assert.equal(done.options, undefined);
    assert.deepEqual(done.actions.map((a: { name: string; status: string }) => [a.name, a.status]), [['modify_pending_order_payment', 'executed']]);
    const left = balanceCents(giftCard) - target.totalCents;
    assert.match(done.replies[0].text, new RegExp(`order ${target.order.order_id} is now paid with your gift card, which is charged ${amount}\\. Its balance is now \\${dollars(left)}\\.`));
    assert.match(done.replies[0].text, /is refunded; card and PayPal refunds usually arrive within 5 to 7 business days/);

    const total = target.totalCents / 100;
    assert.deepEqual(await paymentHistory(target.order.order_id), [
      { transaction_type: 'payment', amount: total, payment_method_id: target.paidWith.id },
      { transaction_type: 'payment', amount: total, payment_method_id: giftCard.id },
      { transaction_type: 'refund', amount: total, payment_method_id: target.paidWith.id },
    ]);
    assert.equal(await giftCardBalance(target.user.user_id, giftCard.id), left / 100);
    assert.equal((await getOrder(db, target.order.order_id))?.status, 'pending');
    assert.deepEqual(
      stack.payments.sandbox.book.refundsFor(target.order.order_id).map((r) => [r.payment_method_id, r.amount_cents]),
      [[target.paidWith.id, target.totalCents]],
    );
    const ledger = await db('refund_ledger').where({ order_id: target.order.order_id });
    assert.deepEqual(ledger.map((e) => [e.purpose, e.status, Number(e.amount_cents)]), [['payment_change', 'refunded', target.totalCents]]);

    // The records the conversation changed are exactly those `tau replay` gives for the same call.
    const reference = await temporaryDatabase();
    try {
      await replaceStore(reference.db, buildDemoStore());
      const replayed = await replayActions(reference.db, [{ name: 'modify_pending_order_payment', kwargs: { order_id: target.order.order_id, payment_method_id: giftCard.id } }]);
      assert.equal(toPythonJson(diffStores(before, await exportTauStore(db))), toPythonJson(replayed.changed));
    } finally {
      await reference.close();
    }

    // Once changed, never again.
    const again = await startChat(stack, channel);
    await again.say(`change the payment method of my order ${target.order.order_id}`);
    const refused = await again.say(target.user.email);
    assert.equal(refused.awaiting, undefined, JSON.stringify(refused));
    assert.match(refused.replies[0].text, /cannot change how order .* is paid: .*can be changed only once/);
  });

  it('when a gift-card-paid order moves to a card, then the gift card balance is restored at once and no provider refund is made', async () => {
    const store = buildDemoStore();
    const target = pendingOrder(store, (s) => s.paidWith.source === 'gift_card' && s.others.some((m) => m.source === 'credit_card'), 'a gift-card-paid pending order whose customer has a card');
    const card = target.others.find((m) => m.source === 'credit_card') as TauPaymentMethod;
    const { say } = await startChat(stack, channel);

    const first = await say('I want to pay with a different card');
    assert.equal(first.intent, 'modify_payment_method');
    assert.equal(first.awaiting, 'email');
    const orders = await say(target.user.email);
    assert.equal(orders.awaiting, 'order_id');
    const methods = await say(target.order.order_id);
    assert.equal(methods.awaiting, 'payment_method');
    assert.deepEqual(methods.options, optionsOf(target.others));
    const proposal = await say(card.id);
    assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
    assert.deepEqual(proposal.options, YES_NO);
    assert.match(proposal.replies[0].text, /your gift card is refunded \$[\d.]+ at once/);

    const done = await say('Yes, change it');
    assert.equal(done.awaiting, undefined);
    const restored = balanceCents(target.paidWith) + target.totalCents;
    assert.match(done.replies[0].text, new RegExp(`is now paid with ${label(card)}`));
    assert.match(done.replies[0].text, new RegExp(`is back on your gift card already: its balance is now \\${dollars(restored)}\\.`));
    assert.equal(await giftCardBalance(target.user.user_id, target.paidWith.id), restored / 100);
    assert.deepEqual(stack.payments.sandbox.book.refundsFor(target.order.order_id), []);
    assert.deepEqual(await stack.database.db('refund_ledger').where({ order_id: target.order.order_id }), []);
  });

  it('when the chosen gift card cannot cover the total, then the bot says so plainly and offers the others', async () => {
    const store = await freshStore((s) => {
      // A PayPal-paid order whose customer also holds a gift card with too little on it.
      const t = pendingOrder(s, (x) => x.paidWith.source === 'paypal' && x.others.length > 0 && x.others.every((m) => m.source !== 'gift_card'), 'a PayPal-paid pending order');
      t.user.payment_methods.set('gift_card_9000001', { source: 'gift_card', id: 'gift_card_9000001', balance: 20 });
    });
    const target = pendingOrder(store, (x) => x.others.some((m) => m.id === 'gift_card_9000001'), 'the adjusted order');
    const { say } = await startChat(stack, channel);

    const first = await say(`use my gift card instead of PayPal for order ${target.order.order_id}`);
    assert.equal(first.intent, 'modify_payment_method');
    const methods = await say(target.user.email);
    assert.equal(methods.awaiting, 'payment_method', 'the order named in the first message is taken');
    assert.deepEqual(methods.options, optionsOf(target.others));

    const refused = await say('the gift card');
    assert.equal(refused.awaiting, 'payment_method', JSON.stringify(refused));
    assert.match(refused.replies[0].text, new RegExp(`Your gift card has \\$20\\.00, which is not enough to pay the order total of \\${dollars(target.totalCents)}, so it cannot pay for order ${target.order.order_id}\\. You can pay with one of these instead:`));
    assert.deepEqual(refused.options, optionsOf(target.others.filter((m) => m.source !== 'gift_card')));
    assert.equal(refused.actions, undefined, 'nothing was proposed');

    const proposal = await say(refused.options[0].id);
    assert.equal(proposal.awaiting, 'confirmation');
    assert.deepEqual(await paymentHistory(target.order.order_id), target.order.payment_history);
  });

  it('when the only other method is a gift card that cannot cover the total, then the bot says so and ends the request', async () => {
    const target = pendingOrder(buildDemoStore(), (s) => s.others.length === 1 && s.others.every((m) => m.source === 'gift_card' && balanceCents(m) < s.totalCents), 'a pending order whose customer has only a small gift card besides');
    const { say } = await startChat(stack, channel);
    await say(`change the payment method of my order ${target.order.order_id}`);
    const methods = await say(target.user.email);
    assert.deepEqual(methods.options, optionsOf(target.others));
    const refused = await say('gift card');
    assert.equal(refused.awaiting, undefined);
    assert.equal(refused.options, undefined);
    assert.match(refused.replies[0].text, /is not enough to pay the order total .* None of your other payment methods can pay it either, so the order stays paid with/);
    assert.deepEqual(await paymentHistory(target.order.order_id), target.order.payment_history);
  });

  it('when the customer says no to the proposal, then the store is unchanged', async () => {
    const target = pendingOrder(buildDemoStore(), (s) => s.paidWith.source === 'paypal' && s.others.some((m) => m.source === 'credit_card'), 'a PayPal-paid pending order whose customer has a card');
    const card = target.others.find((m) => m.source === 'credit_card') as TauPaymentMethod;
    const before = await exportTauStore(stack.database.db);
    const { say } = await startChat(stack, channel);
    await say(`change the payment method of my order ${target.order.order_id}`);
    assert.equal((await say(target.user.email)).awaiting, 'payment_method');
    assert.equal((await say(label(card))).awaiting, 'confirmation');
    const no = await say('No, keep it as it is');
    assert.equal(no.awaiting, undefined);
    assert.equal(no.options, undefined);
    assert.match(no.replies[0].text, /stays paid as it is/);
    const changed = diffStores(before, await exportTauStore(stack.database.db));
    assert.deepEqual([changed.users.size, changed.orders.size, changed.products.size], [0, 0, 0]);
    assert.deepEqual(stack.payments.sandbox.book.refundsFor(target.order.order_id), []);
  });

  it('when an answer is not one of the options, then the bot asks again with the same options', async () => {
    const target = pendingOrder(buildDemoStore(), (s) => s.paidWith.source === 'gift_card' && s.others.length >= 2, 'a gift-card-paid pending order whose customer has two other methods');
    const { say } = await startChat(stack, channel);
    await say(`change the payment method of my order ${target.order.order_id}`);
    const methods = await say(target.user.email);
    assert.equal(methods.awaiting, 'payment_method');

    const unknown = await say('with bitcoin please');
    assert.equal(unknown.awaiting, 'payment_method');
    assert.deepEqual(unknown.options, methods.options);
    assert.match(unknown.replies[0].text, /^Please choose one of these payment methods:/);

    const same = await say('my gift card');
    assert.equal(same.awaiting, 'payment_method');
    assert.deepEqual(same.options, methods.options);
    assert.match(same.replies[0].text, new RegExp(`Order ${target.order.order_id} is already paid with your gift card\\.`));

    const proposal = await say('2');
    assert.equal(proposal.awaiting, 'confirmation');
    const unsure = await say('hmm, maybe');
    assert.equal(unsure.awaiting, 'confirmation');
    assert.deepEqual(unsure.options, YES_NO);
    assert.deepEqual(await paymentHistory(target.order.order_id), target.order.payment_history);
  });

  it('when the customer names an order that is not pending, then it is not offered and is refused if named again', async () => {
    const store = buildDemoStore();
    const delivered = [...store.orders.values()].find((o) => o.status === 'delivered' && [...store.orders.values()].some((p) => p.user_id === o.user_id && p.status === 'pending'));
    assert.ok(delivered, 'the demo store needs a customer with a delivered and a pending order');
    const user = store.users.get(delivered.user_id) as TauUser;
    const { say } = await startChat(stack, channel);

    await say(`I want to change the payment method of my order ${delivered.order_id}`);
    const orders = await say(user.email);
    assert.equal(orders.awaiting, 'order_id', JSON.stringify(orders));
    assert.deepEqual(orders.options.map((o: { id: string }) => o.id), await pendingOrderIds(user.user_id));
    assert.ok(!orders.options.some((o: { id: string }) => o.id === delivered.order_id));
    const named = await say(delivered.order_id);
    assert.equal(named.awaiting, 'order_id');
    assert.match(named.replies[0].text, /not one of the orders I can help with here/);

    const noPending = [...store.users.values()].find((u) => ![...store.orders.values()].some((o) => o.user_id === u.user_id && o.status === 'pending'));
    assert.ok(noPending, 'the demo store needs a customer without pending orders');
    const other = await startChat(stack, channel);
    await other.say('change the payment method of my order');
    const none = await other.say(noPending.email);
    assert.equal(none.awaiting, undefined);
    assert.match(none.replies[0].text, /no orders whose payment method can still be changed/);
  });

  it("when the customer names someone else's order, then it is neither offered nor described", async () => {
    const store = buildDemoStore();
    const mine = pendingOrder(store, () => true, 'a pending order');
    const theirs = pendingOrder(store, (s) => s.user.user_id !== mine.user.user_id, "another customer's pending order");
    const { say, view } = await startChat(stack, channel);

    await say(`change the payment method of my order ${theirs.order.order_id}`);
    const orders = await say(mine.user.email);
    assert.equal(orders.awaiting, 'order_id');
    assert.ok(!orders.options.some((o: { id: string }) => o.id === theirs.order.order_id));
    const named = await say(theirs.order.order_id);
    assert.equal(named.awaiting, 'order_id');
    assert.match(named.replies[0].text, /not one of the orders I can help with here/);
    const botSaid = (await view()).transcript.filter((t: { from: string }) => t.from === 'bot').map((t: { text: string }) => t.text).join(' ');
    assert.ok(!botSaid.includes(theirs.order.order_id), botSaid);
    for (const method of [theirs.paidWith, ...theirs.others]) assert.ok(!botSaid.includes(method.id), botSaid);
    assert.deepEqual(await paymentHistory(theirs.order.order_id), theirs.order.payment_history);
  });
});
