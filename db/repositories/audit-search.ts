import type { Knex } from 'knex';

export interface AuditSearch {
  /** A customer id, or the e-mail address on their account. */
  customer?: string;
  /** An order id: its customer's conversations, and any conversation whose refunds or return promise name it. */
  order?: string;
  since?: Date;
  until?: Date;
  limit: number;
}

export interface AuditConversationRow {
  conversationId: string;
  channel: string;
  customerKey: string | null;
  outcome: string | null;
  reason: string;
  startedAt: string;
  closedAt: string | null;
}

/** A refund saga's id is its conversation's workflow id, then what it pays, the proposal and a number. */
const SAGA_SUFFIX = /-[a-z][a-z_-]*-p_[0-9a-f]+-\d+$/;

/**
 * The auditors' search over the outcomes projection (every conversation reports there from its first
 * turn), newest first. Ids the store cannot place (an unknown e-mail or order) match nothing.
 */
export async function searchConversations(db: Knex, search: AuditSearch): Promise<AuditConversationRow[]> {
  let query = db('conversation_outcomes').orderBy('started_at', 'desc').orderBy('conversation_id').limit(search.limit);
  if (search.since) query = query.where('started_at', '>=', search.since.toISOString());
  if (search.until) query = query.where('started_at', '<', search.until.toISOString());
  if (search.customer !== undefined) {
    const byEmail = (await db('customers').whereRaw('lower(email) = ?', [search.customer.toLowerCase()]).first('id')) as { id: string } | undefined;
    query = query.whereIn('customer_key', [search.customer, ...(byEmail ? [byEmail.id] : [])]);
  }
  if (search.order !== undefined) {
    const order = (await db('orders').where({ id: search.order }).first('customer_id')) as { customer_id: string } | undefined;
    const sagas = (await db('refund_ledger').where({ order_id: search.order }).select('saga_id')) as { saga_id: string }[];
    const promised = (await db('return_conversations').where({ order_id: search.order }).select('workflow_id')) as { workflow_id: string }[];
    const workflowIds = [...sagas.map((s) => s.saga_id.replace(SAGA_SUFFIX, '')), ...promised.map((p) => p.workflow_id)];
    query = query.where((q) => {
      q.whereIn('workflow_id', workflowIds.length > 0 ? workflowIds : ['']);
      if (order) q.orWhere('customer_key', order.customer_id);
    });
  }
  const rows = (await query.select('conversation_id', 'channel', 'customer_key', 'outcome', 'reason', 'started_at', 'closed_at')) as {
    conversation_id: string;
    channel: string;
    customer_key: string | null;
    outcome: string | null;
    reason: string;
    started_at: string;
    closed_at: string | null;
  }[];
  return rows.map((r) => ({
    conversationId: r.conversation_id,
    channel: r.channel,
    customerKey: r.customer_key,
    outcome: r.outcome,
    reason: r.reason,
    startedAt: r.started_at,
    closedAt: r.closed_at,
  }));
}
