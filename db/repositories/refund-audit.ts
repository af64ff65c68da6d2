import type { Knex } from 'knex';
import { isPostgres } from '../connection';
import { REFUND_GROUPS, type RefundGroup } from '../../domain/reconciliation';
import type { LedgerStatus, RefundPurpose } from './refund-ledger';

/**
 * The refund ledger as reconciliation and the people who audit money read it: entries with when they
 * were made and last moved, and the one repair reconciliation may make on its own.
 */
export interface AuditedEntry {
  id: number;
  sagaId: string;
  orderId: string;
  customerId: string;
  paymentMethodId: string;
  amountCents: number;
  purpose: RefundPurpose;
  status: LedgerStatus;
  providerRefundId: string | null;
  providerReversalId: string | null;
  recordedPosition: number | null;
  failureReason: string | null;
  providerAttempts: number;
  conversationWorkflowId: string | null;
  createdAt: string;
  updatedAt: string;
}

interface AuditRow {
  id: number;
  saga_id: string;
  order_id: string;
  customer_id: string;
  payment_method_id: string;
  amount_cents: number | string;
  purpose: RefundPurpose;
  status: LedgerStatus;
  provider_refund_id: string | null;
  provider_reversal_id: string | null;
  recorded_position: number | null;
  failure_reason: string | null;
  provider_attempts: number | null;
  conversation_workflow_id: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

const COLUMNS = [
  'id', 'saga_id', 'order_id', 'customer_id', 'payment_method_id', 'amount_cents', 'purpose', 'status', 'provider_refund_id',
  'provider_reversal_id', 'recorded_position', 'failure_reason', 'provider_attempts', 'conversation_workflow_id', 'created_at', 'updated_at',
];

const toAudited = (row: AuditRow): AuditedEntry => ({
  id: Number(row.id),
  sagaId: row.saga_id,
  orderId: row.order_id,
  customerId: row.customer_id,
  paymentMethodId: row.payment_method_id,
  amountCents: Number(row.amount_cents),
  purpose: row.purpose,
  status: row.status,
  providerRefundId: row.provider_refund_id,
  providerReversalId: row.provider_reversal_id,
  recordedPosition: row.recorded_position === null ? null : Number(row.recorded_position),
  failureReason: row.failure_reason ?? null,
  providerAttempts: Number(row.provider_attempts ?? 0),
  conversationWorkflowId: row.conversation_workflow_id ?? null,
  createdAt: isoOf(row.created_at),
  updatedAt: isoOf(row.updated_at),
});

/** SQLite's CURRENT_TIMESTAMP is UTC without a zone ("2026-12-01 12:00:00"); PostgreSQL gives a Date. */
export function isoOf(value: string | Date): string {
  if (value instanceof Date) return value.toISOString();
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value.replace(' ', 'T')}Z`;
  return new Date(zoned).toISOString();
}

/** A moment as the ledger's timestamp columns hold it, so it compares with them in SQL. */
export function ledgerTimestamp(db: Knex, at: Date): Date | string {
  return isPostgres(db) ? at : at.toISOString().replace('T', ' ').slice(0, 19);
}

const UNSETTLED: LedgerStatus[] = ['reserved', 'owed'];

/**
 * What a reconciliation run looks at, oldest first and at most `limit`: every entry not yet settled
 * (reserved, owed), then the settled ones that moved since `changedSince`.
 */
export async function entriesToReconcile(db: Knex, options: { changedSince: Date; limit: number }): Promise<AuditedEntry[]> {
  const unsettled = (await db('refund_ledger').whereIn('status', UNSETTLED).orderBy('id').limit(options.limit).select(COLUMNS)) as AuditRow[];
  const room = options.limit - unsettled.length;
  const recent =
    room > 0
      ? ((await db('refund_ledger')
          .whereNotIn('status', UNSETTLED)
          .where('updated_at', '>=', ledgerTimestamp(db, options.changedSince))
          .orderBy('id')
          .limit(room)
          .select(COLUMNS)) as AuditRow[])
      : [];
  return [...unsettled, ...recent].map(toAudited);
}

/** The order has the entry's refund row where the ledger says it is. */
export async function orderShowsRefund(db: Knex, entry: Pick<AuditedEntry, 'orderId' | 'recordedPosition' | 'amountCents'>): Promise<boolean> {
  if (entry.recordedPosition === null) return false;
  const row = await db('payment_transactions')
    .where({ order_id: entry.orderId, position: entry.recordedPosition, transaction_type: 'refund', amount_cents: entry.amountCents })
    .first('position');
  return row !== undefined;
}

export type RepairOutcome = 'repaired' | 'moved_on' | 'order_missing';

/**
 * Writes down a refund the provider made: its id, and the order's refund row when the order has none,
 * in one transaction. Only from the status the decision saw: an entry that moved since (a saga
 * finishing, an earlier run) is left as it is.
 */
export async function recordProviderRefund(
  db: Knex,
  repair: { sagaId: string; from: LedgerStatus; to: 'recorded' | 'refunded'; providerRefundId: string; addOrderRow: boolean },
): Promise<RepairOutcome> {
  return db.transaction(async (trx) => {
    const entry = (await trx('refund_ledger').where({ saga_id: repair.sagaId }).first(COLUMNS)) as AuditRow | undefined;
    if (!entry || entry.status !== repair.from || (entry.provider_refund_id !== null && entry.provider_refund_id !== repair.providerRefundId)) {
      return 'moved_on';
    }
    const fields: Record<string, unknown> = { status: repair.to, provider_refund_id: repair.providerRefundId, settled_at: trx.fn.now(), updated_at: trx.fn.now() };
    if (repair.addOrderRow) {
      const order = (await trx('orders').where({ id: entry.order_id }).first('status')) as { status: string } | undefined;
      if (!order) return 'order_missing';
      const last = await trx('payment_transactions').where({ order_id: entry.order_id }).max({ position: 'position' }).first();
      const position = Number(last?.position ?? -1) + 1;
      await trx('payment_transactions').insert({
        order_id: entry.order_id,
        position,
        transaction_type: 'refund',
        amount_cents: Number(entry.amount_cents),
        amount_json: null,
        payment_method_id: entry.payment_method_id,
      });
      // A revert of this record puts the order's status back to what it is now: reconciliation changes no status.
      Object.assign(fields, { recorded_position: position, previous_order_status: order.status });
    }
    const moved = await trx('refund_ledger').where({ saga_id: repair.sagaId, status: repair.from }).update(fields);
    if (moved !== 1) throw new Error(`refund ledger entry ${repair.sagaId} moved while it was being repaired`);
    return 'repaired';
  });
}

/** Newest first, one page: `limit` entries older than the entry `beforeId` (the previous page's last). */
export async function listRefunds(db: Knex, options: { group?: RefundGroup; limit: number; beforeId?: number }): Promise<AuditedEntry[]> {
  const query = db('refund_ledger').orderBy('id', 'desc').limit(options.limit).select(COLUMNS);
  if (options.group) query.whereIn('status', REFUND_GROUPS[options.group]);
  if (options.beforeId !== undefined) query.where('id', '<', options.beforeId);
  return ((await query) as AuditRow[]).map(toAudited);
}
