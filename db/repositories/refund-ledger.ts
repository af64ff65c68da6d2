import type { Knex } from 'knex';
import type { RefundPurpose } from '../../domain/refunds';

/**
 * reserved → refunded → recorded is the happy path (a refund the store already wrote stops at
 * refunded); released and reversed end a compensation; owed is a refund the provider did not pay
 * within the retry budget, still due to the customer.
 */
export type LedgerStatus = 'reserved' | 'refunded' | 'recorded' | 'released' | 'reversed' | 'owed';
export type { RefundPurpose } from '../../domain/refunds';

export interface LedgerEntry {
  id: number;
  sagaId: string;
  idempotencyKey: string;
  orderId: string;
  customerId: string;
  paymentMethodId: string;
  amountCents: number;
  purpose: RefundPurpose;
  status: LedgerStatus;
  providerRefundId: string | null;
  providerReversalId: string | null;
  recordedPosition: number | null;
  previousOrderStatus: string | null;
  restockSnapshot: string | null;
  failureReason: string | null;
  providerAttempts: number;
  settledAt: string | null;
  conversationWorkflowId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LedgerRow {
  id: number;
  saga_id: string;
  idempotency_key: string;
  order_id: string;
  customer_id: string;
  payment_method_id: string;
  amount_cents: number;
  purpose: RefundPurpose;
  status: LedgerStatus;
  provider_refund_id: string | null;
  provider_reversal_id: string | null;
  recorded_position: number | null;
  previous_order_status: string | null;
  restock_snapshot: string | null;
  failure_reason: string | null;
  provider_attempts: number | null;
  settled_at: string | Date | null;
  conversation_workflow_id: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

/** SQLite's CURRENT_TIMESTAMP is UTC without a zone ("2026-12-01 12:00:00"); PostgreSQL gives a Date. */
export function isoOf(value: string | Date): string {
  if (value instanceof Date) return value.toISOString();
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value.replace(' ', 'T')}Z`;
  return new Date(zoned).toISOString();
}

/** A ledger row as the rest of the product reads it (counts as numbers, times as ISO 8601). */
export const toLedgerEntry = (row: LedgerRow): LedgerEntry => ({
  id: Number(row.id),
  sagaId: row.saga_id,
  idempotencyKey: row.idempotency_key,
  orderId: row.order_id,
  customerId: row.customer_id,
  paymentMethodId: row.payment_method_id,
  amountCents: Number(row.amount_cents),
  purpose: row.purpose,
  status: row.status,
  providerRefundId: row.provider_refund_id,
  providerReversalId: row.provider_reversal_id,
  recordedPosition: row.recorded_position === null ? null : Number(row.recorded_position),
  previousOrderStatus: row.previous_order_status,
  restockSnapshot: row.restock_snapshot,
  failureReason: row.failure_reason ?? null,
  providerAttempts: Number(row.provider_attempts ?? 0),
  settledAt: row.settled_at ? isoOf(row.settled_at) : null,
  conversationWorkflowId: row.conversation_workflow_id ?? null,
  createdAt: isoOf(row.created_at),
  updatedAt: isoOf(row.updated_at),
});

export async function findLedgerEntry(db: Knex, sagaId: string): Promise<LedgerEntry | undefined> {
  const row = (await db('refund_ledger').where({ saga_id: sagaId }).first()) as LedgerRow | undefined;
  return row && toLedgerEntry(row);
}

export async function ledgerEntriesForOrder(db: Knex, orderId: string): Promise<LedgerEntry[]> {
  const rows = (await db('refund_ledger').where({ order_id: orderId }).orderBy('id')) as LedgerRow[];
  return rows.map(toLedgerEntry);
}

export async function insertLedgerEntry(
  db: Knex,
  entry: Pick<LedgerEntry, 'sagaId' | 'idempotencyKey' | 'orderId' | 'customerId' | 'paymentMethodId' | 'amountCents' | 'purpose'> &
    Partial<Pick<LedgerEntry, 'conversationWorkflowId' | 'recordedPosition'>>,
): Promise<void> {
  await db('refund_ledger').insert({
    saga_id: entry.sagaId,
    idempotency_key: entry.idempotencyKey,
    order_id: entry.orderId,
    customer_id: entry.customerId,
    payment_method_id: entry.paymentMethodId,
    amount_cents: entry.amountCents,
    purpose: entry.purpose,
    status: 'reserved',
    conversation_workflow_id: entry.conversationWorkflowId ?? null,
    recorded_position: entry.recordedPosition ?? null,
  });
}

type LedgerFields = Record<
  'provider_refund_id' | 'provider_reversal_id' | 'recorded_position' | 'previous_order_status' | 'restock_snapshot' | 'failure_reason' | 'settled_at',
  string | number | null
>;

/**
 * Moves an entry from one status to the next only if it is still in `from`: two racing
 * attempts (a retried activity, a restarted worker) cannot both make the same transition.
 */
export async function transitionLedgerEntry(
  db: Knex,
  sagaId: string,
  from: LedgerStatus,
  to: LedgerStatus,
  fields: Partial<LedgerFields> = {},
): Promise<boolean> {
  const changed = await db('refund_ledger')
    .where({ saga_id: sagaId, status: from })
    .update({ status: to, ...fields, updated_at: db.fn.now() });
  return changed === 1;
}

export async function setRestockSnapshot(db: Knex, sagaId: string, snapshot: string | null): Promise<void> {
  await db('refund_ledger').where({ saga_id: sagaId }).update({ restock_snapshot: snapshot, updated_at: db.fn.now() });
}

/** Cents already promised, owed or paid back on an order by sagas that have not been undone. */
export async function committedRefundCents(db: Knex, orderId: string): Promise<number> {
  const row = await db('refund_ledger')
    .where({ order_id: orderId })
    .whereIn('status', ['reserved', 'refunded', 'recorded', 'owed'])
    .sum({ total: 'amount_cents' })
    .first();
  return Number(row?.total ?? 0);
}

/** Counts one more ask of the provider, so a person sees how hard the saga tried. */
export async function countProviderAttempt(db: Knex, sagaId: string): Promise<void> {
  await db('refund_ledger').where({ saga_id: sagaId }).increment('provider_attempts', 1);
}
