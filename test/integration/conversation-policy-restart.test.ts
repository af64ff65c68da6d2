import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import { DEFAULT_POLICY_SETTINGS, type PolicySettings } from '../../domain/policy';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { startChat, startStack, type Chat, type TestStack } from '../support/stack';

const PROPOSAL_ID = /p_[0-9a-f]{16}/;
/** Every refund waits for a supervisor: the configuration the proposal is made under. */
const EVERYTHING_APPROVED: PolicySettings = { ...DEFAULT_POLICY_SETTINGS, automaticRefundLimitCents: 0 };
/** The configuration after the restart: no refund of the demo store needs approval. */
const NOTHING_APPROVED: PolicySettings = { ...DEFAULT_POLICY_SETTINGS, automaticRefundLimitCents: 100_000_000 };

let stack: TestStack;
let channel: string;

/** The ledger outlives the store's reset: each test refunds a different order (`nth`). */
async function pendingCardOrder(nth: number) {
  const row = await stack.database.db('orders as o')
    .join('customers as c', 'c.id', 'o.customer_id')
    .join('payment_transactions as t', 't.order_id', 'o.id')
    .join('payment_methods as m', 'm.id', 't.payment_method_id')
    .where({ 'o.status': 'pending', 't.transaction_type': 'payment' })
    .whereIn('m.source', ['credit_card', 'paypal'])
    .orderBy('o.position')
    .offset(nth)
    .first('o.id as orderId', 'c.email as email', 't.amount_cents as paidCents');
  assert.ok(row, 'the demo store needs a pending order paid by card or PayPal');
  return row as { orderId: string; email: string; paidCents: number };
}

/** Cancel → e-mail → order → reason: the reply that asks to confirm the proposal. */
async function proposeCancel(chat: Chat, target: { orderId: string; email: string }) {
  await chat.say(`I want to cancel order ${target.orderId}`);
  const reason = await chat.say(target.email);
  assert.equal(reason.awaiting, 'reason', JSON.stringify(reason));
  const proposal = await chat.say('I no longer need it');
  assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
  return proposal;
}

async function assertNoProposalIdsReachedTheCustomer(chat: Chat) {
  const view = await chat.view();
  const botTexts = (view.transcript as { from: string; text: string }[]).filter((t) => t.from !== 'customer').map((t) => t.text);
  assert.ok(botTexts.length > 0);
  for (const text of botTexts) assert.doesNotMatch(text, PROPOSAL_ID);
}

describe('a proposal confirmed after the worker restarted with other policy settings', () => {
  before(async () => {
    stack = await startStack({ policy: NOTHING_APPROVED });
    channel = await stack.token('channel');
  });
  after(() => stack?.close());
  beforeEach(() => replaceStore(stack.database.db, buildDemoStore()));

  it('when the settings changed what would be done, then the customer is told what changed, gets a new proposal, and confirming it cancels and refunds once', async () => {
    const target = await pendingCardOrder(0);
    const refundsBefore = stack.payments.sandbox.book.refundsFor(target.orderId).length;
    const chat = await startChat(stack, channel);
    await stack.stopWorker();
    await stack.startWorker({ policy: EVERYTHING_APPROVED });
    try {
      const proposal = await proposeCancel(chat, target);
      assert.match(proposal.replies[0].text, /supervisor must approve/);
    } finally {
      await stack.stopWorker();
      await stack.startWorker();
    }
    {
      const changed = await chat.say('yes');
      assert.equal(changed.awaiting, 'confirmation', JSON.stringify(changed));
      const text: string = changed.replies[0].text;
      assert.match(text, /I have not done that yet, because something changed since I proposed it\. It no longer needs anyone’s approval\./);
      assert.match(text, new RegExp(`Here is what I can do now: Cancel order ${target.orderId}`));
      assert.doesNotMatch(text, /supervisor must approve/);
      assert.doesNotMatch(text, PROPOSAL_ID);
      assert.equal((await stack.database.db('orders').where({ id: target.orderId }).first('status')).status, 'pending');

      const done = await chat.say('yes');
      assert.deepEqual(done.actions.map((a: { status: string }) => a.status), ['executed'], JSON.stringify(done));
      assert.match(done.replies[0].text, /is cancelled/);
      assert.equal((await stack.database.db('orders').where({ id: target.orderId }).first('status')).status, 'cancelled');
      const refunds = stack.payments.sandbox.book.refundsFor(target.orderId).slice(refundsBefore);
      assert.deepEqual(refunds.map((r) => r.amount_cents), [Number(target.paidCents)]);
      await assertNoProposalIdsReachedTheCustomer(chat);
    }
  });

  it('when the restart left the settings as they were, then the confirmed proposal still holds and is carried out', async () => {
    const target = await pendingCardOrder(1);
    const refundsBefore = stack.payments.sandbox.book.refundsFor(target.orderId).length;
    const chat = await startChat(stack, channel);
    await proposeCancel(chat, target);
    await stack.stopWorker();
    await stack.startWorker();

    const done = await chat.say('yes');
    assert.deepEqual(done.actions.map((a: { status: string }) => a.status), ['executed'], JSON.stringify(done));
    assert.doesNotMatch(done.replies[0].text, /something changed/);
    assert.equal((await stack.database.db('orders').where({ id: target.orderId }).first('status')).status, 'cancelled');
    assert.equal(stack.payments.sandbox.book.refundsFor(target.orderId).length, refundsBefore + 1);
    await assertNoProposalIdsReachedTheCustomer(chat);
  });
});
