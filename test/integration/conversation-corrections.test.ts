import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

const CUSTOMER = 'tomas.lindqvist4161@example.com';
const FIRST = '#W2651773';
const SECOND = '#W2651774';

/** The demo store, with a second pending order for the same customer (a copy of the first). */
async function storeWithTwoPendingOrders(): Promise<void> {
  const store = buildDemoStore();
  const first = store.orders.get(FIRST);
  assert.ok(first);
  store.orders.set(SECOND, { ...structuredClone(first), order_id: SECOND });
  store.users.get(first.user_id)?.orders.push(SECOND);
  await replaceStore(stack.database.db, store);
}

const statusOf = async (orderId: string) => (await stack.database.db('orders').where({ id: orderId }).first('status', 'cancel_reason')) as { status: string; cancel_reason: string | null };

describe('conversations that change course', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
  });
  after(() => stack?.close());

  describe('correcting a detail in the middle of a request', () => {
    it('when the customer corrects the reason at the confirmation, then a new proposal is made and the corrected reason is recorded', async () => {
      await storeWithTwoPendingOrders();
      const { say } = await startChat(stack, channel);
      await say(`I want to cancel order ${FIRST}`);
      assert.equal((await say(CUSTOMER)).awaiting, 'reason');
      const first = await say('no longer needed');
      assert.equal(first.awaiting, 'confirmation');
      const corrected = await say('actually, I ordered it by mistake');
      assert.equal(corrected.awaiting, 'confirmation');
      assert.deepEqual(corrected.options.map((o: { id: string }) => o.id), ['yes', 'no']);
      assert.match(corrected.replies[0].text, /ordered by mistake/);
      const done = await say('yes');
      assert.deepEqual(done.actions.map((a: { status: string }) => a.status), ['executed']);
      assert.deepEqual(await statusOf(FIRST), { status: 'cancelled', cancel_reason: 'ordered by mistake' });
    });

    it('when the customer says they meant another of their orders, then the request starts over for that order and only it changes', async () => {
      await storeWithTwoPendingOrders();
      const { say } = await startChat(stack, channel);
      await say(`I want to cancel order ${FIRST}`);
      assert.equal((await say(CUSTOMER)).awaiting, 'reason');
      const switched = await say(`sorry, I meant ${SECOND}`);
      assert.equal(switched.awaiting, 'reason');
      assert.match(switched.replies[0].text, new RegExp(`order ${SECOND} instead`));
      assert.equal((await say('ordered by mistake')).awaiting, 'confirmation');
      await say('yes');
      assert.equal((await statusOf(SECOND)).status, 'cancelled');
      assert.equal((await statusOf(FIRST)).status, 'pending');
    });

    it('when the customer names an order the request cannot be about, then the bot says so and stays on the chosen order', async () => {
      await storeWithTwoPendingOrders();
      const { say } = await startChat(stack, channel);
      await say(`I want to cancel order ${FIRST}`);
      const reason = await say(CUSTOMER);
      const delivered = (await stack.database.db('orders').where({ status: 'delivered' }).whereNot({ customer_id: 'tomas_lindqvist_4161' }).first('id')) as { id: string };
      const refused = await say(`no wait, ${delivered.id}`);
      assert.equal(refused.awaiting, 'reason');
      assert.deepEqual(refused.options, reason.options);
      assert.match(refused.replies[0].text, new RegExp(`still on order ${FIRST}`));
      assert.doesNotMatch(refused.replies[0].text, /delivered|shipped/, 'nothing about another customer\'s order is revealed');
      assert.equal((await statusOf(FIRST)).status, 'pending');
    });
  });

  describe('policy questions', () => {
    it('when the customer asks a policy question, then the answer comes from the help centre with the article cited', async () => {
      await replaceStore(stack.database.db, buildDemoStore());
      const { say, view } = await startChat(stack, channel);
      const answer = await say('how long does a refund take to show on my credit card?');
      assert.match(answer.replies[0].text, /5 to 7 business days/);
      assert.match(answer.replies[0].text, /Source: .*\(\/help\/refunds\)/);
      assert.equal(answer.awaiting, undefined);
      const fee = await say('Is there a fee to cancel an order?');
      assert.match(fee.replies[0].text, /\/help\/cancelling-an-order/);
      const decisions = (await view()).decisions;
      assert.equal(decisions.filter((d: { rule?: string }) => d.rule === 'help_centre:answered').length, 2);
    });

    it('when a question is out of scope, then the bot does not guess an article but asks what the customer needs', async () => {
      const { say } = await startChat(stack, channel);
      const reply = await say("what's the capital of France?");
      assert.doesNotMatch(reply.replies[0].text, /Source:/);
      assert.equal(reply.status, 'open');
    });
  });

  describe('broad requests', () => {
    it('when the customer asks to change their order, then the bot offers the changes it can make and starts the one picked', async () => {
      const { say } = await startChat(stack, channel);
      const menu = await say('I need to make a change to my order');
      assert.equal(menu.intent, 'change_order', JSON.stringify(menu));
      assert.deepEqual(menu.options.map((o: { id: string }) => o.id), ['modify_items', 'change_shipping_address', 'modify_payment_method', 'cancel_order']);
      const picked = await say('Change the delivery address');
      assert.equal(picked.intent, 'change_shipping_address');
      assert.equal(picked.awaiting, 'email');
    });

    it('when the customer wants their money back, then returns, cancellations and refund status are offered', async () => {
      const { say } = await startChat(stack, channel);
      const menu = await say('I want my money back');
      assert.deepEqual(menu.options.map((o: { id: string }) => o.id), ['cancel_order', 'return_items', 'track_refund']);
      const picked = await say('return_items');
      assert.equal(picked.intent, 'return_items');
      assert.equal(picked.awaiting, 'email');
    });

    it('when a payment went wrong, then the help centre answers with its article', async () => {
      const { say } = await startChat(stack, channel);
      const known = await say('I was charged twice for my order');
      assert.equal(known.intent, 'payment_issue');
      assert.match(known.replies[0].text, /\/help\/payment-problems/);
    });
  });
});
