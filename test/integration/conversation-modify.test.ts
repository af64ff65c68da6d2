import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { eventually } from '../support/eventually';
import { call, startChat, startStack, type TestStack } from '../support/stack';
import { cheaperSwap } from '../../dev/demo-store-picks';

let stack: TestStack;
let channel: string;

describe('changing an item of a pending order through the API', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  it('when the customer swaps an item for a cheaper option and says yes, then the order changes and the difference is refunded once', async () => {
    const swap = await cheaperSwap(stack.database.db, 'pending');
    assert.ok(swap, 'the demo store needs a pending card or PayPal order with a cheaper variant in stock');
    const { say } = await startChat(stack, channel);

    assert.equal((await say(`I want to change the size of an item in order ${swap.orderId}`)).awaiting, 'email');
    const items = await say(swap.email);
    assert.equal(items.awaiting, 'items', JSON.stringify(items));
    const variants = await say(swap.itemId);
    assert.equal(variants.awaiting, 'new_items', JSON.stringify(variants));
    assert.ok(variants.options.some((o: { id: string }) => o.id === swap.newItemId));
    assert.ok(!variants.options.some((o: { id: string }) => o.id === swap.itemId), 'the current option is not offered');
    const methods = await say(swap.newItemId);
    assert.equal(methods.awaiting, 'payment_method');
    const proposal = await say(swap.methodId);
    assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
    const done = await say('yes');
    assert.deepEqual(done.actions.map((a: { status: string }) => a.status), ['executed'], JSON.stringify(done));
    assert.match(done.replies[0].text, /price difference of \$[\d.]+ is refunded/);

    const db = stack.database.db;
    assert.equal((await db('orders').where({ id: swap.orderId }).first('status')).status, 'pending (item modified)');
    const difference = swap.oldCents - swap.newCents;
    assert.deepEqual(stack.payments.sandbox.book.refundsFor(swap.orderId).map((r) => r.amount_cents), [difference]);
    const ledger = await db('refund_ledger').where({ order_id: swap.orderId });
    assert.deepEqual(ledger.map((e) => [e.purpose, e.status]), [['price_difference', 'refunded']]);
  });

  it('when a delivered item is exchanged for a cheaper option, then the difference is refunded once the old item is back', async () => {
    const swap = await cheaperSwap(stack.database.db, 'delivered');
    assert.ok(swap, 'the demo store needs a delivered card or PayPal order with a cheaper variant in stock');
    const { say } = await startChat(stack, channel);

    assert.equal((await say(`I want to exchange an item from order ${swap.orderId}`)).awaiting, 'email');
    assert.equal((await say(swap.email)).awaiting, 'items');
    assert.equal((await say(swap.itemId)).awaiting, 'new_items');
    assert.equal((await say(swap.newItemId)).awaiting, 'payment_method');
    assert.equal((await say(swap.methodId)).awaiting, 'confirmation');
    const done = await say('yes');
    assert.match(done.replies[0].text, /exchange for order .* is requested/);
    const db = stack.database.db;
    assert.equal((await db('orders').where({ id: swap.orderId }).first('status')).status, 'exchange requested');
    assert.deepEqual(stack.payments.sandbox.book.refundsFor(swap.orderId), [], 'nothing is refunded before the item is back');

    const agent = await stack.token('agent');
    const received = await call(stack, 'POST', `/v1/orders/${encodeURIComponent(swap.orderId)}/return-received`, { token: agent });
    assert.equal(received.status, 202);
    // The saga pays the provider first and records the ledger after: wait for its last step, not its first.
    const ledger = await eventually(async () => {
      const entries = await db('refund_ledger').where({ order_id: swap.orderId });
      return entries.length > 0 && entries.every((e) => e.status === 'recorded') && entries;
    }, 'the price difference to be recorded in the ledger');
    assert.deepEqual(ledger.map((e) => [e.purpose, e.status]), [['price_difference', 'recorded']]);
    assert.deepEqual(stack.payments.sandbox.book.refundsFor(swap.orderId).map((r) => r.amount_cents), [swap.oldCents - swap.newCents]);
  });

  it('when the customer answers the proposal with "no, the <other> one", then that option replaces the first choice and is proposed again', async () => {
    await replaceStore(stack.database.db, buildDemoStore());
    const db = stack.database.db;
    // A pending order with an item that has at least two other options in stock.
    const rows = await db('orders as o')
      .join('customers as c', 'c.id', 'o.customer_id')
      .join('order_items as i', 'i.order_id', 'o.id')
      .join('variants as v', 'v.product_id', 'i.product_id')
      .where({ 'o.status': 'pending' })
      .where('v.available', true)
      .whereRaw('v.id <> i.item_id')
      .groupBy('o.id', 'c.email', 'i.item_id')
      .havingRaw('count(*) >= 2')
      .select('o.id as orderId', 'c.email as email', 'i.item_id as itemId');
    const target = rows[0] as { orderId: string; email: string; itemId: string } | undefined;
    assert.ok(target, 'the demo store needs a pending item with two other options in stock');
    const { say } = await startChat(stack, channel);
    await say(`I want to change the size of an item in order ${target.orderId}`);
    await say(target.email);
    const variants = await say(target.itemId);
    assert.equal(variants.awaiting, 'new_items');
    const [first, second] = variants.options as { id: string; label: string }[];
    assert.ok(first && second);
    const methods = await say(first.id);
    const card = (methods.options as { id: string }[]).find((o) => !o.id.startsWith('gift_card'));
    assert.ok(card, JSON.stringify(methods));
    // A gift card too small for the difference is refused, and the other methods are offered again.
    const small = (methods.options as { id: string }[]).find((o) => o.id.startsWith('gift_card'));
    if (small) {
      const balance = Number((await db('payment_methods').where({ id: small.id }).first('balance_cents')).balance_cents);
      const priceOf = async (id: string) => Number((await db('variants').where({ id }).first('price_cents')).price_cents);
      const oldCents = Number((await db('order_items').where({ order_id: target.orderId, item_id: target.itemId }).first('price_cents')).price_cents);
      if ((await priceOf(first.id)) - oldCents > balance) {
        const again = await say(small.id);
        assert.equal(again.awaiting, 'payment_method', JSON.stringify(again));
        assert.match(again.replies[0].text, /not enough/);
        assert.deepEqual(again.options.map((o: { id: string }) => o.id), (methods.options as { id: string }[]).filter((o) => o.id !== small.id).map((o) => o.id));
      }
    }
    const proposal = await say(card.id);
    assert.equal(proposal.awaiting, 'confirmation', JSON.stringify({ methods, proposal }));
    assert.match(proposal.actions[0].detail, new RegExp(first.id));

    // Name the second option by a part of its label no other option has, as a customer would.
    const others = (variants.options as { label: string }[]).filter((o) => o !== second).map((o) => o.label.toLowerCase());
    const part = second.label.toLowerCase().split(/[:,;()]/).map((p) => p.trim()).find((p) => p.length >= 4 && !others.some((o) => o.includes(p))) ?? second.label;
    const corrected = await say(`no, the ${part} one`);
    assert.equal(corrected.awaiting, 'confirmation', JSON.stringify({ part, options: variants.options, corrected }));
    assert.match(corrected.actions[0].detail, new RegExp(second.id));
    await say('yes');
    const items = await db('order_items').where({ order_id: target.orderId }).pluck('item_id');
    assert.ok(items.includes(second.id), `${second.id} is now in the order`);
    assert.ok(!items.includes(first.id));
  });
});
