import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'mocha';
import { workflowIdFor } from '../../domain/conversation';
import { checkBooks, orderRefundBaseline } from '../../dev/books-agree';
import { MONEY_FLOWS, driveFlow, pickTarget, type FlowContext } from '../../dev/money-flows';
import { eventually } from '../support/eventually';
import { ReconciliationWorkflow } from '../../workflows';
import { call } from '../support/stack';
import { failLedgerWritesOfProviderRefunds, openLane, restoreLedgerWrites, type Lane } from '../support/money-lanes';

/**
 * Each money-moving flow, walked over the API, with the provider answering 503 to every refund for
 * longer than the (short) retry budget: nothing reaches the customer as a 5xx, the conversation keeps
 * running, a person takes over, and nothing shows as refunded that the provider did not refund.
 */

const RETRY_BUDGET_MS = 3_000;

/** The conversation once its refund has ended owed and a person has it. */
function handedOverAsOwed(lane: Lane, conversationId: string, what: string) {
  return eventually(async () => {
    const v = (await call(lane.stack, 'GET', `/v1/conversations/${conversationId}`, { token: lane.tokens.channel })).body;
    return v?.status === 'awaiting_agent' && v.handoff?.reasons.some((r: any) => r.code === 'refund_failed') ? v : undefined;
  }, what, 40_000);
}

describe('every money flow while the payment provider is down past the retry budget, over the API', () => {
  let plain: Lane;
  let approvals: Lane;
  before(async () => {
    [plain, approvals] = await Promise.all([openLane(false, { refundRetryMs: RETRY_BUDGET_MS }), openLane(true, { refundRetryMs: RETRY_BUDGET_MS })]);
  });
  after(async () => {
    await plain?.stack.close();
    await approvals?.stack.close();
  });
  afterEach(async () => {
    await plain?.stack.payments.clearFaults();
    await approvals?.stack.payments.clearFaults();
  });

  for (const flow of MONEY_FLOWS) {
    it(`${flow}: then no 5xx, the customer hears of a delay and then once that the money is owed, a person takes over, and the books agree`, async () => {
      const lane = flow === 'approved_cancel' ? approvals : plain;
      const db = lane.stack.database.db;
      const target = await pickTarget(db, flow, lane.taken);
      const baseline = await orderRefundBaseline(db, [target.orderId]);
      const providerBefore = lane.stack.payments.sandbox.book.refundsFor(target.orderId).length;
      const ledgerBefore = new Set((await db('refund_ledger').where({ order_id: target.orderId }).select('saga_id')).map((r) => r.saga_id as string));
      const ctx: FlowContext = {
        product: lane.product,
        tokens: lane.tokens,
        // No patience: a 5xx anywhere fails the walk.
        patienceMs: 0,
        beforeMoney: () => lane.stack.payments.inject({ route: 'refunds', mode: 'fail_before', times: 100 }),
      };
      const run = await driveFlow(ctx, target);
      assert.equal(run.retries, 0, 'the API answered every call without a 5xx');

      const channel = lane.tokens.channel;
      const view = await handedOverAsOwed(lane, run.conversationId, `the ${flow} refund to be handed over as owed`);

      const texts: string[] = view.transcript.filter((t: any) => t.from !== 'customer').map((t: any) => t.text);
      assert.equal(texts.filter((t) => /delayed/.test(t)).length, 1, `told of the delay once: ${JSON.stringify(texts)}`);
      assert.equal(texts.filter((t) => /could not complete the refund/.test(t)).length, 1, `told once that it is owed: ${JSON.stringify(texts)}`);
      // A return's promise ("as soon as they reach us, your refund is on its way") is not news that money left.
      assert.equal(texts.filter((t) => /on its way|is refunded;/.test(t) && !/as soon as they reach us/.test(t)).length, 0, `never told the money left: ${JSON.stringify(texts)}`);
      assert.equal(view.handoff.refundsOwed[0]?.orderId, target.orderId);
      assert.ok(view.actions.some((a: any) => a.status === 'failed'), JSON.stringify(view.actions));

      assert.equal(lane.stack.payments.sandbox.book.refundsFor(target.orderId).length, providerBefore, 'the provider refunded nothing');
      const entries = (await db('refund_ledger').where({ order_id: target.orderId }).select('saga_id', 'status')).filter((e) => !ledgerBefore.has(e.saga_id));
      assert.deepEqual(entries.map((e) => e.status), ['owed']);
      assert.deepEqual(await checkBooks(db, lane.stack.payments.sandbox.book, { orderIds: [target.orderId], baseline }), []);

      const next = await call(lane.stack, 'POST', `/v1/conversations/${run.conversationId}/messages`, { token: channel, body: { text: 'ok, thanks' } });
      assert.equal(next.status, 200, JSON.stringify(next.body));
      const described = await lane.stack.env.client.workflow.getHandle(workflowIdFor(run.conversationId)).describe();
      assert.equal(described.status.name, 'RUNNING');
    });
  }
});

describe('every money flow when the provider pays but the ledger cannot write it down, over the API', () => {
  let plain: Lane;
  let approvals: Lane;
  before(async () => {
    [plain, approvals] = await Promise.all([openLane(false, { refundRetryMs: RETRY_BUDGET_MS }), openLane(true, { refundRetryMs: RETRY_BUDGET_MS })]);
  });
  after(async () => {
    await plain?.stack.close();
    await approvals?.stack.close();
  });

  for (const flow of MONEY_FLOWS) {
    it(`${flow}: then the saga settles owed with the money paid once, and reconciliation finds it and makes the books agree`, async () => {
      const lane = flow === 'approved_cancel' ? approvals : plain;
      const db = lane.stack.database.db;
      const target = await pickTarget(db, flow, lane.taken);
      const baseline = await orderRefundBaseline(db, [target.orderId]);
      const providerBefore = new Set(lane.stack.payments.sandbox.book.refundsFor(target.orderId).map((r) => r.id));
      const ctx: FlowContext = {
        product: lane.product,
        tokens: lane.tokens,
        patienceMs: 0,
        beforeMoney: () => failLedgerWritesOfProviderRefunds(db),
      };
      let conversationId: string;
      try {
        const run = await driveFlow(ctx, target);
        conversationId = run.conversationId;
        await handedOverAsOwed(lane, conversationId, `the ${flow} refund to be handed over as owed`);
      } finally {
        await restoreLedgerWrites(db);
      }
      const paid = lane.stack.payments.sandbox.book.refundsFor(target.orderId).filter((r) => !providerBefore.has(r.id));
      assert.equal(paid.length, 1, 'the provider paid once, whatever the retries');
      assert.notDeepEqual(await checkBooks(db, lane.stack.payments.sandbox.book, { orderIds: [target.orderId], baseline }), [], 'before reconciliation the books disagree');

      const found = await lane.stack.env.client.workflow.execute(ReconciliationWorkflow, {
        workflowId: `reconcile-${flow}-${Date.now()}`,
        taskQueue: lane.stack.taskQueue,
        args: [{}],
      });
      const mine = found.findings.filter((f) => f.orderId === target.orderId);
      assert.deepEqual(mine.map((f) => f.outcome), ['repaired'], JSON.stringify(found.findings));
      assert.deepEqual(await checkBooks(db, lane.stack.payments.sandbox.book, { orderIds: [target.orderId], baseline }), []);
    });
  }
});
