import type { Knex } from 'knex';
import { isPostgres } from '../connection';
import { REFUND_GROUPS, type RefundGroup } from '../../domain/reconciliation';
import { toLedgerEntry, type LedgerEntry, type LedgerRow, type LedgerStatus } from './refund-ledger';

/**
 * The refund ledger as reconciliation and the people who audit money read it: entries with when they
 * were made and last moved (`LedgerEntry`), and the one repair reconciliation may make on its own.
 */

/** A moment as the ledger's timestamp columns hold it, so it compares with them in SQL. */
export function ledgerTimestamp(db: Knex, at: Date): Date | string {
  return isPostgres(db) ? at : at.toISOString().replace('T', ' ').slice(0, 19);
}

const UNSETTLED: LedgerStatus[] = ['reserved', 'owed'];

/**
 * What a reconciliation run looks at, oldest first and at most `limit`: every entry not yet settled
 * (reserved, owed), then the settled ones that moved since `changedSince`.
 */
export async function entriesToReconcile(db: Knex, options: { changedSince: Date; limit: number }): Promise<LedgerEntry[]> {
  const unsettled = (await db('refund_ledger').whereIn('status', UNSETTLED).orderBy('id').limit(options.limit).select('*')) as LedgerRow[];
  const room = options.limit - unsettled.length;
  const recent =
    room > 0
      ? ((await db('refund_ledger')
          .whereNotIn('status', UNSETTLED)
          .where('updated_at', '>=', ledgerTimestamp(db, options.changedSince))
          .orderBy('id')
          .limit(room)
          .select('*')) as LedgerRow[])
      : [];
  return [...unsettled, ...recent].map(toLedgerEntry);
}

/** The order has the entry's refund row where the ledger says it is. */
export async function orderShowsRefund(db: Knex, entry: Pick<LedgerEntry, 'orderId' | 'recordedPosition' | 'amountCents'>): Promise<boolean> {
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
    const entry = (await trx('refund_ledger').where({ saga_id: repair.sagaId }).first()) as LedgerRow | undefined;
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
export async function listRefunds(db: Knex, options: { group?: RefundGroup; limit: number; beforeId?: number }): Promise<LedgerEntry[]> {
  const query = db('refund_ledger').orderBy('id', 'desc').limit(options.limit).select('*');
  if (options.group) query.whereIn('status', REFUND_GROUPS[options.group]);
  if (options.beforeId !== undefined) query.where('id', '<', options.beforeId);
  return ((await query) as LedgerRow[]).map(toLedgerEntry);
}
