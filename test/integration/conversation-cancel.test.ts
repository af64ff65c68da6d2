import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

/** A customer with a pending order paid by card or PayPal, from the demo store. */
async function customerWithPendingOrder() {
  const row = await stack.database.db('orders as o')
    .join('customers as c', 'c.id', 'o.customer_id')
    .join('payment_transactions as t', 't.order_id', 'o.id')
    .join('payment_methods as m', 'm.id', 't.payment_method_id')
    .where({ 'o.status': 'pending', 't.transaction_type': 'payment' })
    .whereIn('m.source', ['credit_card', 'paypal'])
    .orderBy('o.position')
    .first('o.id as orderId', 'c.id as customerId', 'c.email as email', 't.amount_cents as paidCents', 'm.id as methodId');
  assert.ok(row, 'the demo store needs a pending order paid by card or PayPal');
  return row as { orderId: string; customerId: string; email: string; paidCents: number; methodId: string };
}

describe('cancelling a pending order through the API', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
  });
  after(() => stack?.close());
  beforeEach(() => replaceStore(stack.database.db, buildDemoStore()));

  it('when the customer identifies, picks the order, gives a reason and says yes, then it is cancelled and refunded once', async () => {
    const target = await customerWithPendingOrder();
    const { say, view } = await startChat(stack, channel);

    const first = await say('I want to cancel my order');
    assert.equal(first.awaiting, 'email');
    assert.equal(first.intent, 'cancel_order');

    const second = await say(`it's ${target.email.toUpperCase()}`);
    let reasonStep = second;
    if (second.awaiting === 'order_id') {
      assert.ok(second.options.some((o: { id: string }) => o.id === target.orderId), JSON.stringify(second.options));
      reasonStep = await say(target.orderId);
    }
    assert.equal(reasonStep.awaiting, 'reason');
    assert.deepEqual(reasonStep.options.map((o: { id: string }) => o.id), ['no longer needed', 'ordered by mistake']);
    // The conversation says the same to whoever reads it later (a client whose message was answered 202).
    const read = await view();
    assert.equal(read.awaiting, 'reason');
    assert.deepEqual(read.options.map((o: { id: string }) => o.id), ['no longer needed', 'ordered by mistake']);

    const proposal = await say('I ordered it by mistake');
    assert.equal(proposal.awaiting, 'confirmation');
    assert.deepEqual(proposal.options.map((o: { id: string }) => o.id), ['yes', 'no']);
    assert.equal(proposal.actions[0].status, 'proposed');
    assert.match(proposal.replies[0].text, new RegExp(`Cancel order ${target.orderId}`));

    const done = await say('yes');
    assert.deepEqual(done.actions.map((a: { status: string }) => a.status), ['executed']);
    assert.match(done.replies[0].text, /is cancelled/);
    assert.equal(done.awaiting, undefined);
    assert.equal((await view()).awaiting, undefined, 'nothing is asked once it is done');

    const db = stack.database.db;
    assert.equal((await db('orders').where({ id: target.orderId }).first('status')).status, 'cancelled');
    // The money went back through the provider by the refund saga, once (this is the first test on a fresh provider).
    const refunds = stack.payments.sandbox.book.refundsFor(target.orderId);
    assert.equal(refunds.length, 1);
    assert.equal(refunds[0]?.amount_cents, Number(target.paidCents));
    const ledger = await db('refund_ledger').where({ order_id: target.orderId });
    assert.deepEqual(ledger.map((e) => [e.status, Number(e.amount_cents)]), [['refunded', Number(target.paidCents)]]);
  });

  it('when the customer says no at the confirmation, then nothing changes', async () => {
    const target = await customerWithPendingOrder();
    const refundsBefore = stack.payments.sandbox.book.refundsFor(target.orderId).length;
    const { say } = await startChat(stack, channel);
    await say(`cancel order ${target.orderId} please`);
    const reason = await say(target.email);
    assert.equal(reason.awaiting, 'reason', JSON.stringify(reason));
    await say('the first one');
    const no = await say('no');
    assert.match(no.replies[0].text, /stays as it is/);
    assert.equal((await stack.database.db('orders').where({ id: target.orderId }).first('status')).status, 'pending');
    assert.equal(stack.payments.sandbox.book.refundsFor(target.orderId).length, refundsBefore);
  });

  it("when the e-mail is unknown or the order is someone else's, then the bot asks again and reveals nothing", async () => {
    const target = await customerWithPendingOrder();
    const other = await stack.database.db('orders').whereNot({ customer_id: target.customerId }).where({ status: 'pending' }).first('id');
    const { say } = await startChat(stack, channel);
    await say('I need to cancel an order');
    const unknown = await say('nobody@nowhere.example');
    assert.equal(unknown.awaiting, 'name_zip');
    assert.match(unknown.replies[0].text, /could not find an account/);
    const known = await say(target.email);
    if (known.awaiting === 'order_id' && other) {
      const wrong = await say(other.id);
      assert.equal(wrong.awaiting, 'order_id');
      assert.ok(!wrong.options.some((o: { id: string }) => o.id === other.id));
    }
    assert.equal((await stack.database.db('orders').where({ id: target.orderId }).first('status')).status, 'pending');
  });

  it('when the customer drops the flow or asks something else, then the bot follows instead of asking again', async () => {
    const target = await customerWithPendingOrder();
    const { say } = await startChat(stack, channel);
    await say('I want to cancel my order');
    const dropped = await say('never mind');
    assert.match(dropped.replies[0].text, /left that/);
    assert.equal(dropped.awaiting, undefined);

    await say('cancel my order please');
    const human = await say('I want to talk to a human');
    assert.equal(human.intent, 'contact_human_agent');
    assert.equal(human.awaiting, undefined);
    assert.equal((await stack.database.db('orders').where({ id: target.orderId }).first('status')).status, 'pending');
  });
});

