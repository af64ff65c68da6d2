import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'mocha';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createRefundSteps } from '../../activities/refund-steps';
import { ledgerTimestamp } from '../../db/repositories/refund-audit';
import { findLedgerEntry, transitionLedgerEntry } from '../../db/repositories/refund-ledger';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { createConversationWorker } from '../../workers/conversation-worker';
import { RefundSagaWorkflow } from '../../workflows';
import { temporaryDatabase, type TestDatabase } from '../support/database';
import { startTestPayments, type TestPayments } from '../support/payments';
import { TEST_PAYLOAD_KEYS } from '../support/payload-privacy';
import { dataConverterOf, startTemporal, uniqueTaskQueue, workflowBundle } from '../support/temporal';

const root = path.resolve(__dirname, '..', '..');

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let payments: TestPayments;
let worker: Worker;
let running: Promise<void>;
const taskQueue = uniqueTaskQueue('cli-refunds');

/** The CLI as an operator runs it, against this file's Temporal and task queue; asynchronous, so the worker here keeps polling. */
function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'cli', 'main.ts'), ...args],
      { cwd: root, env: { ...process.env, TEMPORAL_ADDRESS: env.address, TEMPORAL_TASK_QUEUE: taskQueue, DATABASE_URL: '', PAYLOAD_KEYS: TEST_PAYLOAD_KEYS, ...extraEnv } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: stdout.trim(), stderr: stderr.trim() }),
    );
  });
}

describe('cli refunds reconcile', () => {
  before(async () => {
    [env, database, payments] = await Promise.all([startTemporal(), temporaryDatabase(), startTestPayments()]);
    await replaceStore(database.db, buildDemoStore());
    worker = await createConversationWorker({
      connection: env.nativeConnection,
      dataConverter: dataConverterOf(env),
      namespace: env.namespace ?? 'default',
      taskQueue,
      db: database.db,
      payments: payments.provider,
      workflowBundle: await workflowBundle(),
    });
    running = worker.run();
  });
  after(async () => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
    await env?.teardown();
    await database?.close();
    await payments?.sandbox.close();
  });

  it('when a provider refund was never written down and a paid entry was never made, then it repairs one, reports the other, prints both and exits 0', async () => {
    const orders = await database.db('orders as o')
      .join('payment_transactions as t', 't.order_id', 'o.id')
      .join('payment_methods as m', 'm.id', 't.payment_method_id')
      .where({ 'o.status': 'delivered', 't.transaction_type': 'payment', 'm.source': 'credit_card' })
      .orderBy('o.id')
      .limit(2)
      .select('o.id as orderId', 'o.customer_id as customerId', 't.payment_method_id as paymentMethodId');
    const [lost, ghost] = orders as { orderId: string; customerId: string; paymentMethodId: string }[];
    assert.ok(lost && ghost);
    const steps = createRefundSteps({ db: database.db, payments: payments.provider });
    await steps.reserveRefund({ sagaId: 'refund-cli-lost', ...lost, amountCents: 999, purpose: 'return' });
    const receipt = await payments.provider.refund({ idempotencyKey: 'refund-cli-lost:provider-refund', paymentMethodId: lost.paymentMethodId, amountCents: 999, reference: lost.orderId });
    await database.db('refund_ledger').where({ saga_id: 'refund-cli-lost' }).update({ updated_at: ledgerTimestamp(database.db, new Date(Date.now() - 30 * 60_000)) });
    await steps.reserveRefund({ sagaId: 'refund-cli-ghost', ...ghost, amountCents: 450, purpose: 'return' });
    await transitionLedgerEntry(database.db, 'refund-cli-ghost', 'reserved', 'refunded', { provider_refund_id: 're_00000dead' });
    await steps.recordRefundOnOrder({ sagaId: 'refund-cli-ghost' });

    const result = await cli(['refunds', 'reconcile', '--wait-seconds', '60']);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 3), ['checked 2', 'repaired 1', 'reported 1']);
    assert.equal(lines.length, 5, result.stdout);
    assert.ok(lines.some((l) => l.startsWith(`repaired ${lost.orderId} $9.99 refund-cli-lost: `) && l.includes(receipt.refundId)), result.stdout);
    assert.ok(lines.some((l) => l.startsWith(`reported paid_not_at_provider ${ghost.orderId} $4.50 refund-cli-ghost: `)), result.stdout);
    assert.equal((await findLedgerEntry(database.db, 'refund-cli-lost'))?.status, 'recorded');

    const again = await cli(['refunds', 'reconcile']);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(again.stdout.split('\n').slice(0, 3), ['checked 2', 'repaired 0', 'reported 1']);
  });

  it('when a reservation the provider paid belongs to a saga that still runs, then it is left to that saga', async () => {
    const order = (await database.db('orders as o')
      .join('payment_transactions as t', 't.order_id', 'o.id')
      .join('payment_methods as m', 'm.id', 't.payment_method_id')
      .where({ 'o.status': 'delivered', 't.transaction_type': 'payment', 'm.source': 'credit_card' })
      .orderBy('o.id', 'desc')
      .first('o.id as orderId', 'o.customer_id as customerId', 't.payment_method_id as paymentMethodId')) as { orderId: string; customerId: string; paymentMethodId: string };
    const sagaId = 'refund-cli-running';
    // A saga still waiting (here for an approval) is alive; its ledger entry is its own business.
    const saga = await env.client.workflow.start(RefundSagaWorkflow, {
      workflowId: sagaId,
      taskQueue,
      args: [{ ...order, amountCents: 321, purpose: 'return', restockItemIds: [], notification: 'n', approval: { role: 'supervisor', timeoutMs: 10 * 60_000, reason: 'test' } }],
    });
    try {
      const steps = createRefundSteps({ db: database.db, payments: payments.provider });
      await steps.reserveRefund({ sagaId, ...order, amountCents: 321, purpose: 'return' });
      await payments.provider.refund({ idempotencyKey: `${sagaId}:provider-refund`, paymentMethodId: order.paymentMethodId, amountCents: 321, reference: order.orderId });
      await database.db('refund_ledger').where({ saga_id: sagaId }).update({ updated_at: ledgerTimestamp(database.db, new Date(Date.now() - 3 * 3_600_000)) });
      const result = await cli(['refunds', 'reconcile']);
      assert.equal(result.code, 0, result.stderr);
      assert.doesNotMatch(result.stdout, /refund-cli-running/);
      assert.equal((await findLedgerEntry(database.db, sagaId))?.status, 'reserved');
    } finally {
      await saga.terminate('test over');
    }
  });

  const mistakes: [string, string[], RegExp][] = [
    ['no subcommand', ['refunds'], /refunds needs a subcommand/],
    ['an unknown subcommand', ['refunds', 'pay'], /unknown refunds subcommand "pay"/],
    ['an unknown flag', ['refunds', 'reconcile', '--dry-run', 'yes'], /unknown option --dry-run/],
    ['a flag without a value', ['refunds', 'reconcile', '--stale-minutes'], /--stale-minutes needs a value/],
    ['a wait that is not a number', ['refunds', 'reconcile', '--wait-seconds', 'soon'], /--wait-seconds must be a whole number from 1 to 3600, not "soon"/],
    ['a zero staleness', ['refunds', 'reconcile', '--stale-minutes', '0'], /--stale-minutes must be a whole number from 1/],
  ];
  for (const [label, args, message] of mistakes) {
    it(`when given ${label}, then it exits 2 and says what to fix`, async () => {
      const result = await cli(args);
      assert.equal(result.code, 2, result.stdout);
      assert.match(result.stderr, message);
    });
  }

  it('when no worker polls the task queue, then it says so within the wait and exits 1', async () => {
    const result = await cli(['refunds', 'reconcile', '--wait-seconds', '2'], { TEMPORAL_TASK_QUEUE: uniqueTaskQueue('nobody') });
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /did not finish within 2 s.*is a worker polling task queue/);
  });
});
