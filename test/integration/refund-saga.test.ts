import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { deliverNoticesFromActivities } from '../../channels';
import { findLedgerEntry } from '../../db/repositories/refund-ledger';
import { replaceStore } from '../../tau/store/replace-store';
import { buildDemoStore } from '../../seed/build-demo-store';
import type { RefundSagaInput } from '../../domain/refunds';
import { RefundSagaWorkflow } from '../../workflows';
import { approveRefundSignal, denyRefundSignal, refundPhaseQuery } from '../../workflows/refund-saga/definitions';
import { temporaryDatabase, type TestDatabase } from '../support/database';
import { startTestPayments, type TestPayments } from '../support/payments';
import { dataConverterOf, startTemporal, uniqueTaskQueue, workflowBundle } from '../support/temporal';

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let payments: TestPayments;

type Activities = ReturnType<typeof createActivities>;

const realActivities = (): Activities => createActivities({ db: database.db, payments: payments.provider, deliverNotice: deliverNoticesFromActivities(database.db) });

async function newWorker(taskQueue: string, activities: Activities = realActivities()) {
  return Worker.create({
    connection: env.nativeConnection,
    dataConverter: dataConverterOf(env),
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
  });
}

/** A delivered order paid once with the given kind of payment method, and what the store says of it. */
async function deliveredOrderPaidBy(source: 'credit_card' | 'gift_card' | 'paypal') {
  const rows = await database.db('orders as o')
    .join('payment_transactions as t', 't.order_id', 'o.id')
    .join('payment_methods as m', 'm.id', 't.payment_method_id')
    .where({ 'o.status': 'delivered', 't.transaction_type': 'payment', 'm.source': source })
    .select('o.id as orderId', 'o.customer_id as customerId', 't.payment_method_id as paymentMethodId', 't.amount_cents as paidCents');
  const row = rows[0];
  assert.ok(row, `the demo store needs a delivered order paid by ${source}`);
  const item = await database.db('order_items').where({ order_id: row.orderId }).orderBy('position').first('item_id', 'price_cents');
  return { ...row, paidCents: Number(row.paidCents), itemId: item.item_id as string, itemCents: Number(item.price_cents) };
}

async function sagaInput(source: 'credit_card' | 'gift_card' | 'paypal' = 'credit_card', overrides: Partial<RefundSagaInput> = {}): Promise<RefundSagaInput> {
  const order = await deliveredOrderPaidBy(source);
  await database.db('variants').where({ id: order.itemId }).update({ stock: 5 });
  return {
    orderId: order.orderId,
    customerId: order.customerId,
    paymentMethodId: order.paymentMethodId,
    amountCents: order.itemCents,
    purpose: 'return',
    restockItemIds: [order.itemId],
    notification: 'Your refund is on its way.',
    ...overrides,
  };
}

async function snapshot(orderId: string, paymentMethodId: string, itemId: string) {
  const db = database.db;
  return {
    transactions: await db('payment_transactions').where({ order_id: orderId }).orderBy('position').select('transaction_type', 'amount_cents', 'payment_method_id'),
    status: (await db('orders').where({ id: orderId }).first('status')).status as string,
    balance: (await db('payment_methods').where({ id: paymentMethodId }).first('balance_cents')).balance_cents as number | null,
    stock: (await db('variants').where({ id: itemId }).first('stock')).stock as number | null,
    notifications: Number((await db('customer_notifications').count({ n: '*' }).first())?.n ?? 0),
  };
}

/** Exactly one live refund at the provider, matching the ledger: the books balance. */
async function assertOneRefund(input: RefundSagaInput, sagaId: string) {
  const refunds = payments.sandbox.book.refundsFor(input.orderId);
  assert.equal(refunds.length, 1, `provider refunds: ${JSON.stringify(refunds)}`);
  assert.equal(refunds[0]?.amount_cents, input.amountCents);
  assert.equal(refunds[0]?.status, 'succeeded');
  const entry = await findLedgerEntry(database.db, sagaId);
  assert.equal(entry?.status, 'recorded');
  assert.equal(entry?.providerRefundId, refunds[0]?.id);
}

function runSaga(taskQueue: string, input: RefundSagaInput, workflowId = `refund-${Math.random().toString(36).slice(2)}`) {
  return env.client.workflow.start(RefundSagaWorkflow, { workflowId, taskQueue, args: [input] });
}

describe('RefundSagaWorkflow on a real dev server and sandbox provider', () => {
  before(async () => {
    [env, database] = await Promise.all([startTemporal(), temporaryDatabase()]);
  });
  after(async () => {
    await env?.teardown();
    await database?.close();
    await payments?.sandbox.close();
  });
  beforeEach(async () => {
    // A fresh provider per test, so its books show only this test's refunds.
    await payments?.sandbox.close();
    payments = await startTestPayments({ clientTimeoutMs: 800, hangMs: 2000 });
    await replaceStore(database.db, buildDemoStore());
    await database.db('refund_ledger').delete();
    await database.db('customer_notifications').delete();
  });

  it('when a return is refunded, then money moves once, the order records it, stock returns and the customer is told', async () => {
    const taskQueue = uniqueTaskQueue('saga-happy');
    const input = await sagaInput('credit_card');
    const before = await snapshot(input.orderId, input.paymentMethodId, input.restockItemIds[0] ?? '');
    const worker = await newWorker(taskQueue);
    await worker.runUntil(async () => {
      const handle = await runSaga(taskQueue, input);
      const result = await handle.result();
      assert.equal(result.outcome, 'completed');
      assert.match(result.providerRefundId ?? '', /^re_/);
      assert.equal(await handle.query(refundPhaseQuery), 'completed');
      await assertOneRefund(input, handle.workflowId);
    });
    const after = await snapshot(input.orderId, input.paymentMethodId, input.restockItemIds[0] ?? '');
    assert.deepEqual(after.transactions, [
      ...before.transactions,
      { transaction_type: 'refund', amount_cents: input.amountCents, payment_method_id: input.paymentMethodId },
    ]);
    assert.equal(after.stock, (before.stock ?? 0) + 1);
    assert.equal(after.notifications, 1);
    // Started on its own, the saga has no conversation to tell: the notice waits in the outbox, and the refund stands.
    const notice = await database.db('customer_notifications').first('body', 'status', 'failure_reason');
    assert.match(notice.body, /^Your refund is on its way\. Receipt: \$[\d.]+ to your \w+ ending \d{4}, reference re_\w+\.$/);
    assert.deepEqual([notice.status, notice.failure_reason], ['failed', 'the notice belongs to no conversation']);
  });

  it('when the refund goes to a gift card, then its balance grows by exactly the amount', async () => {
    const taskQueue = uniqueTaskQueue('saga-gift');
    const input = await sagaInput('gift_card');
    const before = await snapshot(input.orderId, input.paymentMethodId, input.restockItemIds[0] ?? '');
    const worker = await newWorker(taskQueue);
    await worker.runUntil(async () => {
      assert.equal((await (await runSaga(taskQueue, input)).result()).outcome, 'completed');
    });
    const after = await snapshot(input.orderId, input.paymentMethodId, input.restockItemIds[0] ?? '');
    assert.equal(after.balance, (before.balance ?? 0) + input.amountCents);
  });

  it('when the refund goes back to a gift card, then the store credits it and no payment provider is called', async () => {
    const taskQueue = uniqueTaskQueue('saga-store-credit');
    const input = await sagaInput('gift_card', { viaProvider: false });
    const before = await snapshot(input.orderId, input.paymentMethodId, input.restockItemIds[0] ?? '');
    const worker = await newWorker(taskQueue);
    await worker.runUntil(async () => {
      const handle = await runSaga(taskQueue, input);
      const result = await handle.result();
      assert.equal(result.outcome, 'completed');
      assert.equal(result.providerRefundId, undefined);
      assert.equal((await findLedgerEntry(database.db, handle.workflowId))?.status, 'recorded');
    });
    assert.deepEqual(payments.sandbox.book.refundsFor(input.orderId), []);
    const after = await snapshot(input.orderId, input.paymentMethodId, input.restockItemIds[0] ?? '');
    assert.equal(after.balance, (before.balance ?? 0) + input.amountCents);
  });

  it('when a gift-card refund fails after it was marked, then the reservation is released and the card is untouched', async () => {
    const taskQueue = uniqueTaskQueue('saga-store-credit-fail');
    const good = await sagaInput('gift_card', { viaProvider: false });
    const input = { ...good, restockItemIds: ['0000000000'] };
    const before = await snapshot(input.orderId, input.paymentMethodId, good.restockItemIds[0] ?? '');
    const worker = await newWorker(taskQueue);
    await worker.runUntil(async () => {
      const handle = await runSaga(taskQueue, input);
      assert.equal((await handle.result()).outcome, 'compensated');
      assert.equal((await findLedgerEntry(database.db, handle.workflowId))?.status, 'released');
    });
    assert.deepEqual(await snapshot(input.orderId, input.paymentMethodId, good.restockItemIds[0] ?? ''), before);
  });

  for (const mode of ['fail_before', 'fail_after', 'hang_after'] as const) {
    it(`when the provider ${mode.replace('_', 's ')} processing once, then the retried call still refunds exactly once`, async () => {
      const taskQueue = uniqueTaskQueue(`saga-${mode}`);
      const input = await sagaInput('paypal');
      await payments.inject({ route: 'refunds', mode });
      const worker = await newWorker(taskQueue);
      await worker.runUntil(async () => {
        const handle = await runSaga(taskQueue, input);
        assert.equal((await handle.result()).outcome, 'completed');
        await assertOneRefund(input, handle.workflowId);
      });
    });
  }

  it('when the same saga runs twice, then the second run finds the work done and moves no money', async () => {
    const taskQueue = uniqueTaskQueue('saga-twice');
    const input = await sagaInput('credit_card');
    const worker = await newWorker(taskQueue);
    await worker.runUntil(async () => {
      const first = await runSaga(taskQueue, input, 'refund-twice');
      await first.result();
      const second = await runSaga(taskQueue, input, 'refund-twice');
      assert.equal((await second.result()).outcome, 'completed');
      await assertOneRefund(input, 'refund-twice');
    });
    const refunds = await database.db('payment_transactions').where({ order_id: input.orderId, transaction_type: 'refund' });
    assert.equal(refunds.length, 1);
  });

  it('when a later step fails for good, then the completed steps are undone in reverse and the saga ends compensated, saying why', async () => {
    const taskQueue = uniqueTaskQueue('saga-compensate');
    const good = await sagaInput('gift_card');
    const input = { ...good, restockItemIds: ['0000000000'] };
    const before = await snapshot(input.orderId, input.paymentMethodId, good.restockItemIds[0] ?? '');
    const worker = await newWorker(taskQueue);
    await worker.runUntil(async () => {
      const handle = await runSaga(taskQueue, input);
      const result = await handle.result();
      assert.equal(result.outcome, 'compensated');
      assert.match(result.reason ?? '', /while restocking: cannot restock unknown items 0000000000; 3 completed step\(s\) were undone/);
      assert.equal(await handle.query(refundPhaseQuery), 'compensated');
      const entry = await findLedgerEntry(database.db, handle.workflowId);
      assert.equal(entry?.status, 'reversed');
    });
    const refunds = payments.sandbox.book.refundsFor(input.orderId);
    assert.deepEqual(refunds.map((r) => r.status), ['reversed']);
    assert.deepEqual(await snapshot(input.orderId, input.paymentMethodId, good.restockItemIds[0] ?? ''), before);
  });

  it('when the refund would exceed what was paid, then it is refused before any money moves', async () => {
    const taskQueue = uniqueTaskQueue('saga-over');
    const order = await deliveredOrderPaidBy('credit_card');
    const input = await sagaInput('credit_card', { amountCents: order.paidCents + 1 });
    const worker = await newWorker(taskQueue);
    await worker.runUntil(async () => {
      const handle = await runSaga(taskQueue, input);
      const result = await handle.result();
      assert.equal(result.outcome, 'compensated');
      assert.match(result.reason ?? '', /while reserving: refunding \d+ cents would exceed what was paid.*; 0 completed step\(s\) were undone/);
    });
    assert.deepEqual(payments.sandbox.book.refundsFor(input.orderId), []);
    assert.equal(Number((await database.db('refund_ledger').count({ n: '*' }).first())?.n), 0);
  });

  describe('when the provider is down', () => {
    it('when it answers 503 past the retry budget, then the refund settles as owed: nothing paid, nothing recorded, nothing undone that was owed', async () => {
      const taskQueue = uniqueTaskQueue('saga-owed');
      const input = await sagaInput('credit_card', { retryBudgetMs: 3_000 });
      const before = await snapshot(input.orderId, input.paymentMethodId, input.restockItemIds[0] ?? '');
      await payments.inject({ route: 'refunds', mode: 'fail_before', times: 100 });
      const worker = await newWorker(taskQueue);
      await worker.runUntil(async () => {
        const handle = await runSaga(taskQueue, input);
        const result = await handle.result();
        assert.equal(result.outcome, 'owed');
        assert.match(result.reason ?? '', /kept failing for the whole retry budget: payment provider answered 503/);
        assert.ok((result.attempts ?? 0) >= 3, `asked ${result.attempts} time(s)`);
        assert.equal(await handle.query(refundPhaseQuery), 'owed');
        const entry = await findLedgerEntry(database.db, handle.workflowId);
        assert.deepEqual([entry?.status, entry?.providerRefundId, entry?.providerAttempts], ['owed', null, result.attempts]);
        assert.match(entry?.failureReason ?? '', /503/);
        assert.ok(entry?.settledAt);
      });
      assert.deepEqual(payments.sandbox.book.refundsFor(input.orderId), []);
      assert.deepEqual(await snapshot(input.orderId, input.paymentMethodId, input.restockItemIds[0] ?? ''), before, 'no refund row, no restock, no notice');
    });

    it('when a store action already wrote the refund on the order, then an owed refund takes that row off again', async () => {
      const taskQueue = uniqueTaskQueue('saga-owed-claimed');
      const input = await sagaInput('paypal', { retryBudgetMs: 3_000, recordOnOrder: false, restockItemIds: [] });
      const last = await database.db('payment_transactions').where({ order_id: input.orderId }).max({ p: 'position' }).first();
      // What a cancellation writes: the refund row, before the saga moves the money.
      await database.db('payment_transactions').insert({
        order_id: input.orderId, position: Number(last?.p ?? 0) + 1, transaction_type: 'refund', amount_cents: input.amountCents, amount_json: null, payment_method_id: input.paymentMethodId,
      });
      await payments.inject({ route: 'refunds', mode: 'fail_before', times: 100 });
      const worker = await newWorker(taskQueue);
      await worker.runUntil(async () => {
        const handle = await runSaga(taskQueue, input);
        assert.equal((await handle.result()).outcome, 'owed');
        const entry = await findLedgerEntry(database.db, handle.workflowId);
        assert.deepEqual([entry?.status, entry?.recordedPosition], ['owed', null]);
      });
      const refundRows = await database.db('payment_transactions').where({ order_id: input.orderId, transaction_type: 'refund' });
      assert.deepEqual(refundRows, [], 'the order shows no refund the provider did not make');
    });

    it('when it refuses the refund, then the refund is owed at once without waiting out the budget', async () => {
      const taskQueue = uniqueTaskQueue('saga-refused');
      const input = await sagaInput('credit_card', { retryBudgetMs: 600_000 });
      const sagaId = `refund-refused-${Math.random().toString(36).slice(2)}`;
      // The provider already holds this saga's key for another amount: it answers 409, which no retry can change.
      payments.sandbox.book.createRefund(`${sagaId}:provider-refund`, { payment_method_id: input.paymentMethodId, amount_cents: 1, reference: 'elsewhere' });
      const worker = await newWorker(taskQueue);
      await worker.runUntil(async () => {
        const handle = await runSaga(taskQueue, input, sagaId);
        const result = await handle.result();
        assert.equal(result.outcome, 'owed');
        assert.match(result.reason ?? '', /refused it/);
        assert.equal((await findLedgerEntry(database.db, sagaId))?.providerAttempts, 1);
      });
      assert.deepEqual(payments.sandbox.book.refundsFor(input.orderId), []);
    });

    it('when it comes back within the budget, then the refund is paid exactly once after the wait', async () => {
      const taskQueue = uniqueTaskQueue('saga-recovers');
      const input = await sagaInput('credit_card', { retryBudgetMs: 60_000 });
      // One activity's three tries fail: the saga waits on a timer and asks again.
      await payments.inject({ route: 'refunds', mode: 'fail_before', times: 3 });
      const worker = await newWorker(taskQueue);
      await worker.runUntil(async () => {
        const handle = await runSaga(taskQueue, input);
        assert.equal((await handle.result()).outcome, 'completed');
        await assertOneRefund(input, handle.workflowId);
        assert.equal((await findLedgerEntry(database.db, handle.workflowId))?.providerAttempts, 4);
        const events = (await handle.fetchHistory()).events ?? [];
        assert.ok(events.some((e) => e.timerStartedEventAttributes), 'the wait is a durable timer');
      });
    });
  });

  describe('a worker killed at each step', () => {
    const stepsInOrder = ['reserveRefund', 'refundThroughProvider', 'recordRefundOnOrder', 'restockItems', 'notifyCustomer'] as const;
    for (const step of stepsInOrder) {
      it(`when the worker dies right after ${step} did its work, then a new worker finishes the saga with one refund`, async () => {
        const taskQueue = uniqueTaskQueue(`saga-kill-${step}`);
        const input = await sagaInput('gift_card');
        const before = await snapshot(input.orderId, input.paymentMethodId, input.restockItemIds[0] ?? '');
        const real = realActivities();
        const crashing: Activities = {
          ...real,
          // The effect happens, then the worker dies before it can report completion.
          [step]: async (...args: unknown[]) => {
            await (real[step] as (...a: unknown[]) => Promise<unknown>)(...args);
            doomed.shutdown();
            throw new Error(`worker killed after ${step}`);
          },
        };
        const doomed = await newWorker(taskQueue, crashing);
        const handle = await runSaga(taskQueue, input);
        await doomed.run();

        const survivor = await newWorker(taskQueue);
        await survivor.runUntil(async () => {
          assert.equal((await handle.result()).outcome, 'completed');
        });
        await assertOneRefund(input, handle.workflowId);
        const after = await snapshot(input.orderId, input.paymentMethodId, input.restockItemIds[0] ?? '');
        assert.equal(after.transactions.length, before.transactions.length + 1);
        assert.equal(after.balance, (before.balance ?? 0) + input.amountCents);
        assert.equal(after.stock, (before.stock ?? 0) + 1);
        assert.equal(after.notifications, 1);
      });
    }
  });

  describe('over the automatic limit', () => {
    const approval = { role: 'supervisor' as const, timeoutMs: 60_000, reason: 'over the automatic refund limit' };

    it('when a supervisor approves, then the refund runs and records who decided', async () => {
      const taskQueue = uniqueTaskQueue('saga-approve');
      const input = await sagaInput('credit_card', { approval });
      const worker = await newWorker(taskQueue);
      await worker.runUntil(async () => {
        const handle = await runSaga(taskQueue, input);
        assert.equal(await handle.query(refundPhaseQuery), 'awaiting_approval');
        assert.deepEqual(payments.sandbox.book.refundsFor(input.orderId), []);
        await handle.signal(approveRefundSignal, { by: 'supervisor:dana' });
        const result = await handle.result();
        assert.equal(result.outcome, 'completed');
        assert.equal(result.decidedBy, 'supervisor:dana');
        await assertOneRefund(input, handle.workflowId);
      });
    });

    it('when a supervisor denies, then no money moves', async () => {
      const taskQueue = uniqueTaskQueue('saga-deny');
      const input = await sagaInput('credit_card', { approval });
      const worker = await newWorker(taskQueue);
      await worker.runUntil(async () => {
        const handle = await runSaga(taskQueue, input);
        await handle.signal(denyRefundSignal, { by: 'supervisor:dana', reason: 'outside policy' });
        assert.deepEqual(await handle.result(), { outcome: 'denied', decidedBy: 'supervisor:dana', reason: 'outside policy' });
      });
      assert.deepEqual(payments.sandbox.book.refundsFor(input.orderId), []);
    });

    it('when nobody decides in time, then the saga ends timed out and no money moves', async () => {
      const taskQueue = uniqueTaskQueue('saga-timeout');
      const input = await sagaInput('credit_card', { approval: { ...approval, timeoutMs: 1000 } });
      const worker = await newWorker(taskQueue);
      await worker.runUntil(async () => {
        const result = await (await runSaga(taskQueue, input)).result();
        assert.equal(result.outcome, 'approval_timed_out');
      });
      assert.deepEqual(payments.sandbox.book.refundsFor(input.orderId), []);
    });
  });
});
