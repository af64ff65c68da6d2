import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { deliverNotice } from '../../channels';
import { findNotice, queueNotice } from '../../db/repositories/customer-notifications';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { workflowIdFor } from '../../domain/conversation';
import { startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;


const receipts = (view: { transcript: { from: string; text: string }[] }) => view.transcript.filter((t) => /Receipt:/.test(t.text));

/** Cancels the first card-paid pending order of the demo store over the API; the conversation and the refunded amount. */
async function cancelACardOrder() {
  const target = await stack.database.db('orders as o')
    .join('customers as c', 'c.id', 'o.customer_id')
    .join('payment_transactions as t', 't.order_id', 'o.id')
    .join('payment_methods as m', 'm.id', 't.payment_method_id')
    .where({ 'o.status': 'pending', 't.transaction_type': 'payment', 'm.source': 'credit_card' })
    .orderBy('o.position')
    .first('o.id as orderId', 'c.email as email', 't.amount_cents as paidCents', 'm.brand as brand', 'm.last_four as lastFour');
  assert.ok(target, 'the demo store needs a pending order paid by card');
  const chat = await startChat(stack, channel);
  await chat.say(`I want to cancel order ${target.orderId}`);
  assert.equal((await chat.say(target.email)).awaiting, 'reason');
  assert.equal((await chat.say('no longer needed')).awaiting, 'confirmation');
  const done = await chat.say('yes');
  assert.match(done.replies[0].text, /is cancelled/);
  return { chat, ...target, paidCents: Number(target.paidCents) };
}

describe('customer notices through the chat channel', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  it('when a refund saga completes, then its receipt shows once in the conversation and the outbox row is sent', async () => {
    const { chat, orderId, paidCents, brand, lastFour } = await cancelACardOrder();
    const [refund] = stack.payments.sandbox.book.refundsFor(orderId);
    assert.ok(refund, 'the provider refunded the cancellation');

    const view = await chat.view();
    const shown = receipts(view);
    assert.equal(shown.length, 1, JSON.stringify(view.transcript));
    const [receipt] = shown;
    assert.equal(receipt?.from, 'system');
    const money = `$${(paidCents / 100).toFixed(2)}`;
    assert.equal(receipt?.text, `Your refund for order ${orderId} has been issued. Receipt: ${money} to your ${brand} ending ${lastFour}, reference ${refund.id}.`);
    // The bot's own reply of the turn is still the last word, and says the news in its words, not the receipt's.
    assert.equal(view.transcript.at(-1).from, 'bot');
    assert.match(view.transcript.at(-1).text, /is cancelled/);

    const rows = await stack.database.db('customer_notifications').where({ order_id: orderId });
    assert.equal(rows.length, 1);
    assert.equal(rows[0].status, 'sent');
    assert.equal(rows[0].channel, 'chat');
    assert.equal(rows[0].conversation_workflow_id, workflowIdFor(chat.id));
    assert.equal(Number(rows[0].attempts), 1);
    assert.equal(rows[0].failure_reason, null);
    assert.ok(rows[0].sent_at);
  });

  it('when a delivery is retried after its outcome was lost, then the conversation still shows the notice once', async () => {
    const { chat, orderId } = await cancelACardOrder();
    const db = stack.database.db;
    const row = await db('customer_notifications').where({ order_id: orderId }).first('idempotency_key');
    // As if the worker died after signalling the conversation but before recording that it had.
    await db('customer_notifications').where({ idempotency_key: row.idempotency_key }).update({ status: 'queued', sent_at: null });

    assert.equal(await deliverNotice({ db, client: () => stack.env.client }, row.idempotency_key), 'sent');
    assert.equal(receipts(await chat.view()).length, 1);
    const again = await findNotice(db, row.idempotency_key);
    assert.equal(again?.status, 'sent');
    assert.equal(again?.attempts, 2);
    // A sent notice is not delivered again at all.
    assert.equal(await deliverNotice({ db, client: () => stack.env.client }, row.idempotency_key), 'sent');
    assert.equal((await findNotice(db, row.idempotency_key))?.attempts, 2);
  });

  it('when the conversation has ended or there is none, then the notice stays in the outbox as failed with the reason', async () => {
    const db = stack.database.db;
    const chat = await startChat(stack, channel);
    await chat.say('hello');
    await stack.env.client.workflow.getHandle(workflowIdFor(chat.id)).terminate('test: the conversation ended');
    const base = { customerId: 'c1', orderId: '#W0000001', body: 'Your refund has been issued.' };
    await queueNotice(db, { ...base, idempotencyKey: 'notice-test:ended', conversationWorkflowId: workflowIdFor(chat.id) });
    await queueNotice(db, { ...base, idempotencyKey: 'notice-test:none' });

    assert.equal(await deliverNotice({ db, client: () => stack.env.client }, 'notice-test:ended'), 'failed');
    const ended = await findNotice(db, 'notice-test:ended');
    assert.equal(ended?.status, 'failed');
    assert.match(ended?.failureReason ?? '', /is closed/);
    assert.equal(ended?.channel, 'chat');

    assert.equal(await deliverNotice({ db, client: () => assert.fail('no conversation, so no client is needed') }, 'notice-test:none'), 'failed');
    assert.equal((await findNotice(db, 'notice-test:none'))?.failureReason, 'the notice belongs to no conversation');
  });
});
