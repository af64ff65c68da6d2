import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import { insertLedgerEntry, transitionLedgerEntry } from '../../db/repositories/refund-ledger';
import { RefundBook } from '../../payments/sandbox/refund-book';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { pendingCardOrder } from '../../dev/demo-store-picks';
import { checkBooks, orderRefundBaseline } from '../../dev/books-agree';
import { temporaryDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
let book: RefundBook;
let order: { orderId: string; customerId: string; methodId: string };
let saga = 0;

/** A ledger entry for the order, moved along the statuses given, as the saga's steps would. */
async function ledger(cents: number, path: ('refunded' | 'recorded' | 'reversed' | 'owed')[], fields: { provider_refund_id?: string; provider_reversal_id?: string } = {}) {
  const sagaId = `refund-test-${++saga}`;
  await insertLedgerEntry(database.db, { sagaId, idempotencyKey: `${sagaId}:reserve`, orderId: order.orderId, customerId: order.customerId, paymentMethodId: order.methodId, amountCents: cents, purpose: 'cancellation' });
  let from: 'reserved' | 'refunded' | 'recorded' | 'reversed' | 'owed' = 'reserved';
  for (const to of path) {
    assert.ok(await transitionLedgerEntry(database.db, sagaId, from, to, to === 'refunded' ? { provider_refund_id: fields.provider_refund_id ?? null } : to === 'reversed' ? { provider_reversal_id: fields.provider_reversal_id ?? null } : {}));
    from = to;
  }
}

async function refundRowOnOrder(cents: number) {
  const last = await database.db('payment_transactions').where({ order_id: order.orderId }).max({ position: 'position' }).first();
  await database.db('payment_transactions').insert({ order_id: order.orderId, position: Number(last?.position ?? -1) + 1, transaction_type: 'refund', amount_cents: cents, amount_json: null, payment_method_id: order.methodId });
}

const providerRefund = (cents: number, key = `k-${saga}-${cents}-${Math.random()}`) => {
  const made = book.createRefund(key, { payment_method_id: order.methodId, amount_cents: cents, reference: order.orderId });
  assert.equal(made.kind, 'created');
  return made.kind === 'created' ? made.value.id : '';
};

const kinds = async () => (await checkBooks(database.db, book, { orderIds: [order.orderId] })).map((m) => m.kind).sort();

describe('the books-agree check of the fault tests (dev/books-agree.ts)', () => {
  before(async () => {
    database = await temporaryDatabase();
  });
  after(() => database?.close());
  beforeEach(async () => {
    await database.db('refund_ledger').delete();
    await replaceStore(database.db, buildDemoStore());
    book?.close();
    book = new RefundBook(':memory:');
    const picked = await pendingCardOrder(database.db);
    const row = await database.db('payment_transactions as t').join('orders as o', 'o.id', 't.order_id').where({ 't.order_id': picked.orderId, 't.transaction_type': 'payment' }).first('o.customer_id', 't.payment_method_id');
    order = { orderId: picked.orderId, customerId: row.customer_id, methodId: row.payment_method_id };
  });

  it('when the provider, the ledger and the order each show the same refund once, then there is no mismatch', async () => {
    const id = providerRefund(2500);
    await ledger(2500, ['refunded'], { provider_refund_id: id });
    await refundRowOnOrder(2500);
    assert.deepEqual(await kinds(), []);
  });

  it('when the provider refunded and no ledger entry carries it, then both the refund and the cents are reported', async () => {
    providerRefund(2500);
    assert.deepEqual(await kinds(), ['provider_and_ledger_differ', 'provider_refund_without_ledger_entry']);
  });

  it('when the provider refunded twice for one paid ledger entry, then the second refund is reported', async () => {
    const id = providerRefund(2500);
    providerRefund(2500);
    await ledger(2500, ['refunded'], { provider_refund_id: id });
    await refundRowOnOrder(2500);
    assert.deepEqual(await kinds(), ['provider_and_ledger_differ', 'provider_refund_without_ledger_entry']);
  });

  it('when the ledger says paid with a refund the provider does not have, then it is reported', async () => {
    await ledger(2500, ['refunded'], { provider_refund_id: 're_never_made' });
    await refundRowOnOrder(2500);
    assert.deepEqual(await kinds(), ['ledger_paid_not_at_provider', 'provider_and_ledger_differ']);
  });

  it('when an owed refund shows on the order as refunded, then the order and the ledger differ', async () => {
    await ledger(2500, ['owed']);
    await refundRowOnOrder(2500);
    const mismatches = await checkBooks(database.db, book, { orderIds: [order.orderId] });
    assert.deepEqual(mismatches.map((m) => m.kind), ['order_and_ledger_differ']);
    assert.match(mismatches[0]?.detail ?? '', /owed 2500/);
  });

  it('when the ledger says reversed and the provider still holds the refund, then it is reported', async () => {
    const id = providerRefund(2500);
    await ledger(2500, ['refunded', 'reversed'], { provider_refund_id: id, provider_reversal_id: 'rv_never_made' });
    assert.deepEqual(await kinds(), ['ledger_reversed_not_at_provider', 'provider_and_ledger_differ', 'provider_refund_not_paid_in_ledger']);
  });

  it('when a refund was reversed at the provider and in the ledger, then it counts for nothing anywhere', async () => {
    const id = providerRefund(2500);
    const reversal = book.reverseRefund('rv-key', id);
    assert.equal(reversal?.kind, 'created');
    await ledger(2500, ['refunded', 'reversed'], { provider_refund_id: id, provider_reversal_id: reversal?.kind === 'created' ? reversal.value.id : '' });
    assert.deepEqual(await kinds(), []);
  });

  it('when refund rows were on the order before, then the baseline keeps them out of the count', async () => {
    await refundRowOnOrder(700);
    const baseline = await orderRefundBaseline(database.db, [order.orderId]);
    assert.deepEqual(await kinds(), ['order_and_ledger_differ']);
    assert.deepEqual(await checkBooks(database.db, book, { orderIds: [order.orderId], baseline }), []);
  });
});
