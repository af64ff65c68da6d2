import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import type { CarriedState, MessageResult } from '../../domain/conversation';
import { workflowIdFor } from '../../domain/conversation';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { ConversationWorkflow } from '../../workflows';
import { messageUpdate } from '../../workflows/conversation/definitions';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;

/** A pending order paid by card or PayPal, from the demo store. */
async function pendingCardOrder() {
  const row = await stack.database.db('orders as o')
    .join('customers as c', 'c.id', 'o.customer_id')
    .join('payment_transactions as t', 't.order_id', 'o.id')
    .join('payment_methods as m', 'm.id', 't.payment_method_id')
    .where({ 'o.status': 'pending', 't.transaction_type': 'payment' })
    .whereIn('m.source', ['credit_card', 'paypal'])
    .orderBy('o.position')
    .first('o.id as orderId', 'c.email as email');
  assert.ok(row, 'the demo store needs a pending order paid by card or PayPal');
  return row as { orderId: string; email: string };
}

/**
 * A conversation whose language is already German (as if the customer had asked for it). The messages
 * are ids, one or two words and option numbers, so nothing in them could move the language.
 */
async function germanConversation() {
  const conversationId = `policy-words-${Math.random().toString(36).slice(2)}`;
  const carried: CarriedState = { status: 'open', transcript: [], decisions: [], nextSeq: 1, runs: 1, startedAt: new Date().toISOString(), language: { language: 'de', by: 'request' } };
  const handle = await stack.env.client.workflow.start(ConversationWorkflow, {
    workflowId: workflowIdFor(conversationId),
    taskQueue: stack.taskQueue,
    args: [{ conversationId, channel: 'chat', idleTimeoutMs: 60 * 60_000, carried }],
  });
  return { say: (text: string): Promise<MessageResult> => handle.executeUpdate(messageUpdate, { args: [text] }) };
}

const text = (result: MessageResult) => result.replies.map((r) => r.text).join(' ').replace(/\s/g, ' ');

describe('the policy’s words in a German conversation', () => {
  before(async () => {
    stack = await startStack();
  });
  after(() => stack?.close());
  beforeEach(() => replaceStore(stack.database.db, buildDemoStore()));

  it('when a cancellation is proposed and the order moves on before the yes, then the proposal, the question and the refusal are German, the reports English', async () => {
    const target = await pendingCardOrder();
    const chat = await germanConversation();
    await chat.say(`cancel ${target.orderId}`);
    const reason = await chat.say(target.email);
    assert.equal(reason.awaiting, 'reason', JSON.stringify(reason));

    const proposal = await chat.say('1');
    assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
    const proposed = text(proposal);
    assert.match(proposed, new RegExp(`Die Bestellung ${target.orderId} stornieren \\(Grund: nicht mehr benötigt\\)\\.`));
    assert.match(proposed, / auf (credit_card|paypal)_\d+ erstatten\./);
    assert.match(proposed, /Die Erstattung geht auf die ursprüngliche Zahlungsart/);
    assert.match(proposed, /Soll ich das so ausführen\?$/);
    assert.doesNotMatch(proposed, /Cancel order|Refund|Shall I/);
    assert.match(proposal.actions?.[0]?.detail ?? '', new RegExp(`^Cancel order ${target.orderId} \\(reason: no longer needed\\)\\.`));

    const unclear = await chat.say('vielleicht');
    assert.match(text(unclear), /Soll ich das so ausführen\? Bitte antworten Sie mit Ja oder Nein\./);

    await stack.database.db('orders').where({ id: target.orderId }).update({ status: 'processed' });
    const refused = await chat.say('ja');
    assert.equal(
      text(refused),
      `Ich kann diese Bestellung nicht stornieren: Die Bestellung ${target.orderId} hat den Status „bearbeitet“; nur ausstehende Bestellungen können storniert werden.`,
    );
    assert.deepEqual((refused.actions ?? []).map((a) => [a.status, a.detail]), [['denied', `Order ${target.orderId} is processed; only pending orders can be cancelled.`]]);
  });
});
