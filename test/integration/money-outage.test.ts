import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import { mintToken } from '../../auth/token-service';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { DEFAULT_POLICY_SETTINGS } from '../../domain/policy';
import { pendingCardOrder } from '../../dev/demo-store-picks';
import { eventually } from '../support/eventually';
import { ReconciliationWorkflow } from '../../workflows';
import { call, startChat, startStack, type Chat, type TestStack } from '../support/stack';
import { failLedgerWritesOfProviderRefunds, restoreLedgerWrites } from '../support/money-lanes';

/** The provider answers 503 to everything for longer than any test runs. */
const PROVIDER_DOWN = { route: 'refunds', mode: 'fail_before', times: 100 } as const;

/** A short budget: the saga gives up within seconds, as it would after hours in production. */
const RETRY_BUDGET_MS = 3_000;

async function cancelUpToYes(chat: Chat, target: { orderId: string; email: string }) {
  await chat.say(`I want to cancel order ${target.orderId}`);
  const reason = await chat.say(target.email);
  assert.equal(reason.awaiting, 'reason', JSON.stringify(reason));
  assert.equal((await chat.say('no longer needed')).awaiting, 'confirmation');
  return chat.say('yes');
}

/** What the store, the ledger and the provider say about the order's refunds. */
async function booksOf(stack: TestStack, orderId: string, methodId: string) {
  const db = stack.database.db;
  const ledger = await db('refund_ledger').where({ order_id: orderId }).select('status', 'provider_refund_id', 'failure_reason', 'recorded_position');
  const refundRows = await db('payment_transactions').where({ order_id: orderId, transaction_type: 'refund', payment_method_id: methodId });
  return { ledger, refundRows, providerRefunds: stack.payments.sandbox.book.refundsFor(orderId) };
}

/** The conversation once the saga has given up: a person has it, and the customer has been told. */
async function afterTheSagaGaveUp(chat: Chat) {
  let last: any;
  return eventually(async () => {
    const view = await chat.view();
    last = view;
    return view.status === 'awaiting_agent' && view.handoff?.reasons.some((r: any) => r.code === 'refund_failed') ? view : undefined;
  }, 'the handoff for the owed refund', 30_000).catch((err: Error) => {
    throw new Error(`${err.message}; the conversation: ${JSON.stringify({ status: last?.status, actions: last?.actions, transcript: last?.transcript?.slice(-3) })}`);
  });
}

function assertOwedAndHandedOver(view: any, orderId: string) {
  const told = view.transcript.filter((t: any) => /could not complete the refund/.test(t.text));
  assert.equal(told.length, 1, 'the customer is told once');
  assert.match(told[0].text, new RegExp(`order ${orderId}`));
  assert.doesNotMatch(told[0].text, /saga|p_[0-9a-f]|refund-|503/, 'no internal ids or status codes');
  assert.ok(view.actions.some((a: any) => a.status === 'failed' && /is owed/.test(a.detail)), JSON.stringify(view.actions));
  const owed = view.handoff.refundsOwed;
  assert.equal(owed.length, 1);
  assert.equal(owed[0].status, 'owed');
  assert.equal(owed[0].orderId, orderId);
  assert.match(owed[0].reason, /503/);
  assert.ok(owed[0].attempts >= 3, 'how hard the saga tried');
  assert.match(view.handoff.reasons.find((r: any) => r.code === 'refund_failed').detail, /owed: refund of \$[\d.]+ to \S+ for order/);
}

describe('money when the payment provider is down, over the API', () => {
  describe('a cancellation', () => {
    let stack: TestStack;
    let channel: string;
    before(async () => {
      stack = await startStack({ refundRetryMs: RETRY_BUDGET_MS, timings: { handoffSlaMs: 60 * 60_000 } });
      channel = await stack.token('channel');
    });
    after(() => stack?.close());
    beforeEach(async () => {
      await stack.payments.clearFaults();
      await replaceStore(stack.database.db, buildDemoStore());
      // The store is put back as it was; so is its ledger, or the last test's refund would count against this one's.
      await stack.database.db('refund_ledger').delete();
    });

    it('when the provider answers 503 past the retry budget, then the customer hears of a delay, a person takes over, and nothing shows as refunded', async () => {
      const target = await pendingCardOrder(stack.database.db);
      const method = await stack.database.db('payment_transactions').where({ order_id: target.orderId, transaction_type: 'payment' }).first('payment_method_id');
      await stack.payments.inject(PROVIDER_DOWN);
      const chat = await startChat(stack, channel);

      const done = await cancelUpToYes(chat, target);
      assert.match(done.replies[0].text, new RegExp(`order ${target.orderId} is cancelled`));
      assert.match(done.replies[0].text, /delayed/);
      assert.doesNotMatch(done.replies[0].text, /on its way/, 'never promised before the provider took it');
      assert.deepEqual(done.actions.map((a: any) => a.status), ['delayed']);

      const view = await afterTheSagaGaveUp(chat);
      assertOwedAndHandedOver(view, target.orderId);
      const books = await booksOf(stack, target.orderId, method.payment_method_id);
      assert.deepEqual(books.providerRefunds, []);
      assert.deepEqual(books.refundRows, [], 'the order does not show a refund the provider did not make');
      assert.deepEqual(books.ledger.map((e: any) => e.status), ['owed']);
      assert.equal((await stack.database.db('orders').where({ id: target.orderId }).first('status')).status, 'cancelled');

      const next = await chat.say('hello? is anyone there?');
      assert.equal(next.status, 'awaiting_agent');
      assert.ok(next.replies[0].text.length > 0);
    });

    it('when the provider fails once and then works, then one refund is made and the customer is told it is on its way, once', async () => {
      const target = await pendingCardOrder(stack.database.db);
      await stack.payments.inject({ route: 'refunds', mode: 'fail_before', times: 1 });
      const chat = await startChat(stack, channel);
      const done = await cancelUpToYes(chat, target);
      assert.match(done.replies[0].text, /on its way/);
      assert.deepEqual(done.actions.map((a: any) => a.status), ['executed']);
      const view = await eventually(async () => {
        const v = await chat.view();
        return v.transcript.some((t: any) => /has been issued/.test(t.text)) ? v : undefined;
      }, 'the receipt');
      assert.equal(view.transcript.filter((t: any) => /has been issued/.test(t.text)).length, 1);
      assert.equal(view.transcript.filter((t: any) => /delayed|could not complete the refund/.test(t.text)).length, 0);
      assert.equal(stack.payments.sandbox.book.refundsFor(target.orderId).length, 1);
      assert.equal(view.status, 'open');
    });
    it('when the provider takes the refund but the ledger cannot write it down, then reconciliation finds the money that left and repairs the books', async () => {
      const db = stack.database.db;
      const target = await pendingCardOrder(db);
      const method = await db('payment_transactions').where({ order_id: target.orderId, transaction_type: 'payment' }).first('payment_method_id', 'amount_cents');
      // One provider serves the whole file: only this test's refunds count.
      const earlier = new Set(stack.payments.sandbox.book.refundsFor(target.orderId).map((r) => r.id));
      await failLedgerWritesOfProviderRefunds(db);
      try {
        const chat = await startChat(stack, channel);
        const done = await cancelUpToYes(chat, target);
        assert.match(done.replies[0].text, /delayed/);
        const view = await afterTheSagaGaveUp(chat);
        assert.equal(view.handoff.refundsOwed[0].status, 'owed');
      } finally {
        await restoreLedgerWrites(db);
      }
      const paidAtProvider = stack.payments.sandbox.book.refundsFor(target.orderId).filter((r) => !earlier.has(r.id));
      assert.equal(paidAtProvider.length, 1, 'the provider paid once, whatever the retries');
      assert.equal((await booksOf(stack, target.orderId, method.payment_method_id)).ledger[0].status, 'owed', 'before reconciliation the books disagree');

      const found = await stack.env.client.workflow.execute(ReconciliationWorkflow, {
        workflowId: `reconcile-${target.orderId}-${Date.now()}`,
        taskQueue: stack.taskQueue,
        args: [{}],
      });
      const mine = found.findings.filter((f) => f.orderId === target.orderId);
      assert.deepEqual(mine.map((f) => f.outcome), ['repaired'], JSON.stringify(found.findings));
      const books = await booksOf(stack, target.orderId, method.payment_method_id);
      assert.deepEqual(books.ledger.map((e: any) => [e.status, e.provider_refund_id]), [['recorded', paidAtProvider[0]?.id]]);
      assert.deepEqual(books.refundRows.map((r: any) => Number(r.amount_cents)), [Number(method.amount_cents)], 'the order shows the refund once');
      const again = await stack.env.client.workflow.execute(ReconciliationWorkflow, { workflowId: `reconcile-again-${Date.now()}`, taskQueue: stack.taskQueue, args: [{}] });
      assert.equal(again.findings.filter((f) => f.orderId === target.orderId && f.outcome === 'repaired').length, 0, 'a second run changes nothing');
    });
  });

  describe('an over-limit cancellation a supervisor approved', () => {
    let stack: TestStack;
    let channel: string;
    let supervisor: string;
    before(async () => {
      stack = await startStack({
        refundRetryMs: RETRY_BUDGET_MS,
        policy: { ...DEFAULT_POLICY_SETTINGS, automaticRefundLimitCents: 100 },
        timings: { approvalTimeoutMs: 60 * 60_000, handoffSlaMs: 60 * 60_000 },
      });
      channel = await stack.token('channel');
      supervisor = await mintToken(stack.database.db, { role: 'supervisor', name: 'Sam' });
    });
    after(() => stack?.close());
    beforeEach(() => replaceStore(stack.database.db, buildDemoStore()));

    it('when the provider is down after the approval, then the conversation keeps running, a person takes over, and the refund is owed', async () => {
      const target = await pendingCardOrder(stack.database.db);
      const chat = await startChat(stack, channel);
      const parked = await cancelUpToYes(chat, target);
      assert.match(parked.replies[0].text, /supervisor's approval/);
      const approvals = (await call(stack, 'GET', '/v1/approvals', { token: supervisor })).body.approvals;
      const request = approvals.find((a: any) => a.conversationId === chat.id);
      await stack.payments.inject(PROVIDER_DOWN);
      assert.equal((await call(stack, 'POST', `/v1/approvals/${request.approvalId}`, { token: supervisor, body: { decision: 'approve' } })).status, 202);

      const view = await afterTheSagaGaveUp(chat);
      assertOwedAndHandedOver(view, target.orderId);
      assert.ok(view.transcript.some((t: any) => /A supervisor approved your request/.test(t.text)));
      assert.ok(view.transcript.some((t: any) => /delayed/.test(t.text)));
      const described = await stack.env.client.workflow.getHandle(`conversation-${chat.id}`).describe();
      assert.equal(described.status.name, 'RUNNING', 'the conversation workflow did not fail');
      assert.equal((await chat.say('thanks, I will wait')).status, 'awaiting_agent');
    });
  });

  describe('a conversation that goes quiet while its refund waits for the provider', () => {
    let stack: TestStack;
    let channel: string;
    before(async () => {
      stack = await startStack({ refundRetryMs: 60_000, idleTimeoutMs: 1_500 });
      channel = await stack.token('channel');
      await replaceStore(stack.database.db, buildDemoStore());
    });
    after(() => stack?.close());

    it('when the provider comes back after the customer fell silent, then the conversation stayed open to tell them, and closes only after', async () => {
      const target = await pendingCardOrder(stack.database.db);
      // One activity's three tries fail: the saga waits on a timer (longer than the idle timeout) and asks again.
      await stack.payments.inject({ route: 'refunds', mode: 'fail_before', times: 3 });
      const chat = await startChat(stack, channel);
      const done = await cancelUpToYes(chat, target);
      assert.match(done.replies[0].text, /delayed/);
      const view = await eventually(async () => {
        const v = await chat.view();
        // The receipt (the saga's notice) and the action's final status (the saga's last signal) land one after the other.
        const settled = v.actions.some((a: any) => a.status === 'executed' && /paid after a delay/.test(a.detail));
        return settled && v.transcript.some((t: any) => /has been issued/.test(t.text)) ? v : undefined;
      }, 'the receipt and the executed refund after the delay');
      const texts = view.transcript.map((t: any) => t.text);
      const receipt = texts.findIndex((t: string) => /has been issued/.test(t));
      const closed = texts.findIndex((t: string) => /closed after a period of inactivity/.test(t));
      assert.ok(closed === -1 || closed > receipt, `the conversation closed before the receipt: ${JSON.stringify(texts)}`);
      assert.ok(view.actions.some((a: any) => a.status === 'executed' && /paid after a delay/.test(a.detail)), JSON.stringify(view.actions));
      assert.equal(stack.payments.sandbox.book.refundsFor(target.orderId).length, 1);
      await eventually(async () => ((await chat.view()).status === 'closed' ? true : undefined), 'the idle close once nothing is in flight');
    });
  });
});
