import type { Knex } from 'knex';
import type { StoredRefund } from '../payments/sandbox/refund-book';

/**
 * "The books agree": for each order and card or PayPal method, what the provider refunded (less what
 * it reversed) equals what the refund ledger says was paid (refunded or recorded, with the provider's
 * refund id) equals the refund rows on the order; every provider refund has its ledger entry, and
 * every paid entry its provider refund. Mismatches come back as a list, so a test asserts it is
 * empty and the reliability benchmark counts them.
 */

/** The sandbox provider's book, or anything that lists a reference's refunds the same way. */
export interface ProviderBook {
  refundsFor(reference: string): StoredRefund[];
}

export type MismatchKind =
  /** The provider refunded, and no ledger entry carries that refund. */
  | 'provider_refund_without_ledger_entry'
  /** The provider refunded, and the ledger entry that carries it does not say paid (reserved, owed, reversed...). */
  | 'provider_refund_not_paid_in_ledger'
  /** The ledger says paid with a refund id the provider does not have, or has reversed. */
  | 'ledger_paid_not_at_provider'
  /** The ledger says reversed, and the provider still holds the refund. */
  | 'ledger_reversed_not_at_provider'
  /** Per order and method: provider cents ≠ ledger paid cents. */
  | 'provider_and_ledger_differ'
  /** Per order and card/PayPal method: the order's refund rows ≠ ledger paid cents (an owed or undone refund shown as paid, say). */
  | 'order_and_ledger_differ';

export interface Mismatch {
  kind: MismatchKind;
  orderId: string;
  paymentMethodId: string;
  detail: string;
}

/** Refund cents already on the orders' payment histories (card and PayPal), before the runs to check. */
export type OrderRefundBaseline = Map<string, number>;

const keyOf = (orderId: string, methodId: string) => `${orderId}\u0000${methodId}`;

interface LedgerRow {
  saga_id: string;
  order_id: string;
  payment_method_id: string;
  amount_cents: number | string;
  status: string;
  provider_refund_id: string | null;
}

async function orderRefundCents(db: Knex, orderIds: string[]): Promise<Map<string, number>> {
  const rows = (await db('payment_transactions as t')
    .join('payment_methods as m', 'm.id', 't.payment_method_id')
    .whereIn('t.order_id', orderIds)
    .where({ 't.transaction_type': 'refund' })
    .whereIn('m.source', ['credit_card', 'paypal'])
    .select('t.order_id as orderId', 't.payment_method_id as methodId', 't.amount_cents as cents')) as { orderId: string; methodId: string; cents: number | string }[];
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(keyOf(r.orderId, r.methodId), (sums.get(keyOf(r.orderId, r.methodId)) ?? 0) + Number(r.cents));
  return sums;
}

/** Takes the orders' card and PayPal refund rows as they are now, so `checkBooks` counts only what came after. */
export function orderRefundBaseline(db: Knex, orderIds: string[]): Promise<OrderRefundBaseline> {
  return orderRefundCents(db, orderIds);
}

/**
 * Compares the provider's book, the refund ledger and the orders' payment histories for `orderIds`
 * and every order the ledger names.
 */
export async function checkBooks(db: Knex, provider: ProviderBook, options: { orderIds?: string[]; baseline?: OrderRefundBaseline } = {}): Promise<Mismatch[]> {
  const ledger = (await db('refund_ledger').select('saga_id', 'order_id', 'payment_method_id', 'amount_cents', 'status', 'provider_refund_id')) as LedgerRow[];
  const orderIds = [...new Set([...(options.orderIds ?? []), ...ledger.map((e) => e.order_id)])].sort();
  const cardMethods = new Set(
    ((await db('payment_methods').whereIn('source', ['credit_card', 'paypal']).select('id')) as { id: string }[]).map((m) => m.id),
  );
  const onOrders = await orderRefundCents(db, orderIds);
  const mismatches: Mismatch[] = [];
  const add = (kind: MismatchKind, orderId: string, paymentMethodId: string, detail: string) => mismatches.push({ kind, orderId, paymentMethodId, detail });
  const isPaid = (e: LedgerRow) => (e.status === 'refunded' || e.status === 'recorded') && e.provider_refund_id !== null;

  for (const orderId of orderIds) {
    const refunds = provider.refundsFor(orderId);
    const entries = ledger.filter((e) => e.order_id === orderId);
    const byRefundId = new Map(entries.filter((e) => e.provider_refund_id).map((e) => [e.provider_refund_id as string, e]));

    for (const refund of refunds) {
      if (refund.status !== 'succeeded') continue;
      const entry = byRefundId.get(refund.id);
      if (!entry) add('provider_refund_without_ledger_entry', orderId, refund.payment_method_id, `provider refund ${refund.id} of ${refund.amount_cents} cents has no ledger entry`);
      else if (!isPaid(entry)) add('provider_refund_not_paid_in_ledger', orderId, refund.payment_method_id, `provider refund ${refund.id} is ${entry.status} in the ledger (saga ${entry.saga_id})`);
    }
    for (const entry of entries) {
      if (!entry.provider_refund_id) continue;
      const refund = refunds.find((r) => r.id === entry.provider_refund_id);
      if (isPaid(entry) && refund?.status !== 'succeeded') {
        add('ledger_paid_not_at_provider', orderId, entry.payment_method_id, `saga ${entry.saga_id} says ${entry.status} with ${entry.provider_refund_id}, which the provider ${refund ? 'reversed' : 'does not have'}`);
      }
      if (entry.status === 'reversed' && refund?.status === 'succeeded') {
        add('ledger_reversed_not_at_provider', orderId, entry.payment_method_id, `saga ${entry.saga_id} says reversed, and the provider still holds ${refund.id}`);
      }
    }

    const methods = new Set([...refunds.map((r) => r.payment_method_id), ...entries.map((e) => e.payment_method_id)]);
    for (const [key] of onOrders) if (key.startsWith(`${orderId}\u0000`)) methods.add(key.slice(orderId.length + 1));
    for (const methodId of [...methods].sort()) {
      const providerCents = refunds.filter((r) => r.payment_method_id === methodId && r.status === 'succeeded').reduce((sum, r) => sum + r.amount_cents, 0);
      const mine = entries.filter((e) => e.payment_method_id === methodId);
      const ledgerCents = mine.filter(isPaid).reduce((sum, e) => sum + Number(e.amount_cents), 0);
      if (providerCents !== ledgerCents) {
        add('provider_and_ledger_differ', orderId, methodId, `the provider refunded ${providerCents} cents, the ledger says ${ledgerCents} paid`);
      }
      if (!cardMethods.has(methodId)) continue;
      const key = keyOf(orderId, methodId);
      const orderCents = (onOrders.get(key) ?? 0) - (options.baseline?.get(key) ?? 0);
      if (orderCents !== ledgerCents) {
        const other = mine.filter((e) => !isPaid(e)).map((e) => `${e.status} ${Number(e.amount_cents)}`);
        add('order_and_ledger_differ', orderId, methodId, `the order shows ${orderCents} cents refunded, the ledger says ${ledgerCents} paid${other.length ? ` (other entries: ${other.join(', ')})` : ''}`);
      }
    }
  }
  return mismatches;
}
