import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, it } from 'mocha';
import { createReconcileActivities } from '../../activities/reconcile-refunds';
import { createRefundSteps } from '../../activities/refund-steps';
import { ledgerTimestamp } from '../../db/repositories/refund-audit';
import { findLedgerEntry, transitionLedgerEntry } from '../../db/repositories/refund-ledger';
import { HttpPaymentProvider } from '../../payments/http-payment-provider';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { migrateToLatest } from '../../db/migrate';
import { startTestPayments, type TestPayments } from '../support/payments';
import { describeUnless } from '../support/skip';
import { testEngines, type TestDatabase } from '../support/test-databases';

let database: TestDatabase;
let payments: TestPayments;

/** A delivered order paid by card, as a return's refund saga would refund part of it. */
async function cardOrder(index = 0) {
  const rows = await database.db('orders as o')
    .join('payment_transactions as t', 't.order_id', 'o.id')
    .join('payment_methods as m', 'm.id', 't.payment_method_id')
    .where({ 'o.status': 'delivered', 't.transaction_type': 'payment', 'm.source': 'credit_card' })
    .orderBy('o.id')
    .select('o.id as orderId', 'o.customer_id as customerId', 't.payment_method_id as paymentMethodId');
  const row = rows[index];
  assert.ok(row, 'the demo store needs delivered card orders');
  return row as { orderId: string; customerId: string; paymentMethodId: string };
}

const refundRows = (orderId: string) =>
  database.db('payment_transactions').where({ order_id: orderId, transaction_type: 'refund' }).orderBy('position').select('position', 'amount_cents', 'payment_method_id');

/** The saga's last move was this long ago: it stopped there (a worker that never came back). */
const stalled = (sagaId: string, minutes: number) =>
  database.db('refund_ledger').where({ saga_id: sagaId }).update({ updated_at: ledgerTimestamp(database.db, new Date(Date.now() - minutes * 60_000)) });

for (const engine of testEngines()) {
  describeUnless(engine.skip, `reconcileRefunds against the sandbox provider and a ledger on ${engine.name}`, () => {
    before(async () => {
      database = await engine.open();
      await migrateToLatest(database.db);
    });
    after(async () => {
      await database?.close();
      await payments?.sandbox.close();
    });
    beforeEach(async () => {
      await payments?.sandbox.close();
      payments = await startTestPayments();
      await replaceStore(database.db, buildDemoStore());
      await database.db('refund_ledger').delete();
      await database.db('staff_notifications').delete();
    });

    const steps = () => createRefundSteps({ db: database.db, payments: payments.provider });
    const reconcile = () => createReconcileActivities({ db: database.db, payments: payments.provider }).reconcileRefunds();

    it('when the provider refunded but the saga never wrote it down, then reconciliation records it once and a second run changes nothing', async () => {
      const order = await cardOrder();
      const sagaId = 'refund-recon-reserved';
      // What the saga had done when it stopped: its reservation, then the provider call with its key, no ledger write after.
      await steps().reserveRefund({ sagaId, ...order, amountCents: 1234, purpose: 'return' });
      const receipt = await payments.provider.refund({ idempotencyKey: `${sagaId}:provider-refund`, paymentMethodId: order.paymentMethodId, amountCents: 1234, reference: order.orderId });
      await stalled(sagaId, 10);
      const rowsBefore = await refundRows(order.orderId);

      const first = await reconcile();
      assert.equal(first.repaired, 1, JSON.stringify(first));
      assert.equal(first.reported, 0, JSON.stringify(first));
      assert.deepEqual(first.findings.map((f) => [f.sagaId, f.outcome]), [[sagaId, 'repaired']]);
      const entry = await findLedgerEntry(database.db, sagaId);
      assert.equal(entry?.status, 'recorded');
      assert.equal(entry?.providerRefundId, receipt.refundId);
      const rowsAfter = await refundRows(order.orderId);
      assert.equal(rowsAfter.length, rowsBefore.length + 1);
      assert.deepEqual(rowsAfter.at(-1), { position: entry?.recordedPosition, amount_cents: 1234, payment_method_id: order.paymentMethodId });

      const second = await reconcile();
      assert.deepEqual({ repaired: second.repaired, reported: second.reported, findings: second.findings }, { repaired: 0, reported: 0, findings: [] });
      assert.equal(second.checked, 1);
      assert.deepEqual(await refundRows(order.orderId), rowsAfter);
      assert.equal(payments.sandbox.book.refundsFor(order.orderId).length, 1, 'reconciliation never moves money');
    });

    it('when a reservation the provider paid is only a moment old, then it is left to its saga', async () => {
      const order = await cardOrder();
      const sagaId = 'refund-recon-in-flight';
      await steps().reserveRefund({ sagaId, ...order, amountCents: 500, purpose: 'return' });
      await payments.provider.refund({ idempotencyKey: `${sagaId}:provider-refund`, paymentMethodId: order.paymentMethodId, amountCents: 500, reference: order.orderId });
      const summary = await reconcile();
      assert.deepEqual({ checked: summary.checked, findings: summary.findings }, { checked: 1, findings: [] });
      assert.equal((await findLedgerEntry(database.db, sagaId))?.status, 'reserved');
    });

    it('when the ledger shows a refund paid that the provider never made, then supervisors are told once and nothing is changed', async () => {
      const order = await cardOrder(1);
      const sagaId = 'refund-recon-ghost';
      await steps().reserveRefund({ sagaId, ...order, amountCents: 800, purpose: 'return' });
      assert.ok(await transitionLedgerEntry(database.db, sagaId, 'reserved', 'refunded', { provider_refund_id: 're_0000ghost' }));
      await steps().recordRefundOnOrder({ sagaId });
      const before = await findLedgerEntry(database.db, sagaId);

      const first = await reconcile();
      assert.equal(first.reported, 1, JSON.stringify(first));
      assert.deepEqual(first.findings.map((f) => [f.sagaId, f.outcome, f.code]), [[sagaId, 'reported', 'paid_not_at_provider']]);
      await reconcile();
      const notes = await database.db('staff_notifications').select('audience', 'kind', 'text', 'event_key');
      assert.equal(notes.length, 1, JSON.stringify(notes));
      assert.equal(notes[0].audience, 'supervisor');
      assert.equal(notes[0].kind, 'refund_mismatch');
      assert.match(notes[0].text, new RegExp(`Refund ${sagaId} of \\$8\\.00 on order ${order.orderId} needs a person: .*re_0000ghost`));
      assert.deepEqual(await findLedgerEntry(database.db, sagaId), before);
    });

    it('when a refund is owed and the provider never paid it, then it is reported as owed, not repaired', async () => {
      const order = await cardOrder(2);
      const sagaId = 'refund-recon-owed';
      await steps().reserveRefund({ sagaId, ...order, amountCents: 300, purpose: 'return' });
      assert.ok(await transitionLedgerEntry(database.db, sagaId, 'reserved', 'owed', { failure_reason: 'the provider answered 503 for 3 hours' }));
      const summary = await reconcile();
      assert.deepEqual(summary.findings.map((f) => f.code), ['owed_unpaid']);
      assert.match(summary.findings[0]?.reason ?? '', /answered 503 for 3 hours/);
      const notes = await database.db('staff_notifications').select('kind');
      assert.deepEqual(notes.map((n) => n.kind), ['refund_owed']);
      assert.equal((await findLedgerEntry(database.db, sagaId))?.status, 'owed');
    });

    it('when an owed refund was paid by the provider after all, then it becomes recorded with its order row', async () => {
      const order = await cardOrder(2);
      const sagaId = 'refund-recon-owed-paid';
      await steps().reserveRefund({ sagaId, ...order, amountCents: 300, purpose: 'return' });
      const receipt = await payments.provider.refund({ idempotencyKey: `${sagaId}:provider-refund`, paymentMethodId: order.paymentMethodId, amountCents: 300, reference: order.orderId });
      assert.ok(await transitionLedgerEntry(database.db, sagaId, 'reserved', 'owed', { failure_reason: 'the provider timed out' }));
      const summary = await reconcile();
      assert.deepEqual(summary.findings.map((f) => f.outcome), ['repaired']);
      const entry = await findLedgerEntry(database.db, sagaId);
      assert.equal(entry?.status, 'recorded');
      assert.equal(entry?.providerRefundId, receipt.refundId);
      assert.equal((await refundRows(order.orderId)).filter((r) => r.position === entry?.recordedPosition).length, 1);
    });
    it('when a settled refund last moved days ago, then the run does not ask about it again; unsettled ones it always asks about', async () => {
      const order = await cardOrder(3);
      await steps().reserveRefund({ sagaId: 'refund-recon-old-paid', ...order, amountCents: 200, purpose: 'return' });
      assert.ok(await transitionLedgerEntry(database.db, 'refund-recon-old-paid', 'reserved', 'refunded', { provider_refund_id: 're_00000old' }));
      await stalled('refund-recon-old-paid', 48 * 60);
      await steps().reserveRefund({ sagaId: 'refund-recon-old-owed', ...order, amountCents: 100, purpose: 'return' });
      assert.ok(await transitionLedgerEntry(database.db, 'refund-recon-old-owed', 'reserved', 'owed'));
      await stalled('refund-recon-old-owed', 48 * 60);
      const summary = await reconcile();
      assert.equal(summary.checked, 1);
      assert.deepEqual(summary.findings.map((f) => [f.sagaId, f.code]), [['refund-recon-old-owed', 'owed_unpaid']]);
    });

    it('when a reservation was released though the provider paid it, then the refund is recorded', async () => {
      const order = await cardOrder(3);
      const sagaId = 'refund-recon-released';
      await steps().reserveRefund({ sagaId, ...order, amountCents: 650, purpose: 'return' });
      const receipt = await payments.provider.refund({ idempotencyKey: `${sagaId}:provider-refund`, paymentMethodId: order.paymentMethodId, amountCents: 650, reference: order.orderId });
      // The ledger write after the provider call kept failing; the compensation released the reservation without a reversal.
      await steps().releaseRefund(sagaId);
      const summary = await reconcile();
      assert.deepEqual(summary.findings.map((f) => [f.sagaId, f.outcome]), [[sagaId, 'repaired']]);
      const entry = await findLedgerEntry(database.db, sagaId);
      assert.deepEqual([entry?.status, entry?.providerRefundId], ['recorded', receipt.refundId]);
    });
    it('when the provider does not answer, then the run stops asking after a few, changes nothing and says how many it could not check', async () => {
      const order = await cardOrder(3);
      for (const n of [1, 2, 3, 4, 5]) {
        await steps().reserveRefund({ sagaId: `refund-recon-down-${n}`, ...order, amountCents: 10 * n, purpose: 'return' });
        assert.ok(await transitionLedgerEntry(database.db, `refund-recon-down-${n}`, 'reserved', 'owed'));
      }
      // A provider that takes connections and never answers: every lookup waits out the client's timeout.
      const asked: string[] = [];
      const hung = http.createServer((req) => asked.push(req.url ?? ''));
      await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
      try {
        const silent = new HttpPaymentProvider(`http://127.0.0.1:${(hung.address() as AddressInfo).port}`, 300);
        const summary = await createReconcileActivities({ db: database.db, payments: silent }).reconcileRefunds();
        assert.deepEqual(summary, { checked: 0, repaired: 0, reported: 0, unreachable: 5, findings: [] });
        assert.equal(asked.length, 3, `it stopped asking after three lookups went unanswered: ${asked.join(', ')}`);
      } finally {
        hung.closeAllConnections();
        await new Promise<void>((resolve) => hung.close(() => resolve()));
      }
      assert.equal(Number((await database.db('staff_notifications').count({ n: '*' }).first())?.n), 0);
    });
  });
}
