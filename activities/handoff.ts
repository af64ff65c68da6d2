import type { Knex } from 'knex';
import type { CustomerProfile, Priority } from '../domain/conversation';
import { PRIORITY_RANK } from '../domain/handoff';
import { DEFAULT_LANGUAGE } from '../domain/language/languages';
import { formatCents } from '../domain/policy';
import { paymentMethodLabel } from './customer-lookup';

export interface QueueEntry {
  conversationId: string;
  workflowId: string;
  status: 'awaiting_agent' | 'with_agent' | 'done';
  priority: Priority;
  reasons: string;
  summary: string;
  customerName?: string;
  claimedBy?: string;
  requestedAt: string;
  slaDueAt?: string;
  /** The customer's language (BCP 47) when the handoff began; absent: English. */
  language?: string;
}

/**
 * The handoff's footprint outside the workflow: the queue people pick from, supervisors'
 * notifications and approval requests. Every write is an upsert or keyed, so retries are harmless.
 */
export function createHandoffActivities(deps: { db: Knex }) {
  const { db } = deps;
  return {
    /** What an agent needs to know about the customer, read once when the handoff begins. */
    async customerProfile(request: { customerId: string }): Promise<CustomerProfile | null> {
      const customer = await db('customers as c')
        .join('addresses as a', 'a.id', 'c.address_id')
        .where('c.id', request.customerId)
        .first('c.first_name', 'c.last_name', 'c.email', 'a.city', 'a.state');
      if (!customer) return null;
      const methods = (await db('payment_methods').where({ customer_id: request.customerId }).orderBy('position')
        .select('id', 'source', 'brand', 'last_four', 'balance_cents')) as { id: string; source: string; brand: string | null; last_four: string | null; balance_cents: number | null }[];
      const orders = (await db('orders').where({ customer_id: request.customerId }).orderBy('position', 'desc').limit(10).select('id', 'status')) as { id: string; status: string }[];
      const totals = (await db('order_items').whereIn('order_id', orders.map((o) => o.id)).groupBy('order_id')
        .select('order_id').sum({ cents: 'price_cents' })) as { order_id: string; cents: number | string | null }[];
      return {
        customerId: request.customerId,
        name: `${customer.first_name} ${customer.last_name}`,
        email: customer.email,
        city: `${customer.city}, ${customer.state}`,
        paymentMethods: methods.map((m) => `${m.id} (${paymentMethodLabel(m)}${m.source === 'gift_card' ? `, balance ${formatCents(m.balance_cents ?? 0)}` : ''})`),
        orders: orders.map((o) => ({ orderId: o.id, status: o.status, totalCents: Number(totals.find((t) => t.order_id === o.id)?.cents ?? 0) })),
      };
    },

    async syncHandoffQueue(entry: QueueEntry): Promise<void> {
      const row = {
        conversation_id: entry.conversationId,
        workflow_id: entry.workflowId,
        status: entry.status,
        priority: entry.priority,
        priority_rank: PRIORITY_RANK[entry.priority],
        reasons: entry.reasons,
        summary: entry.summary,
        customer_name: entry.customerName ?? null,
        claimed_by: entry.claimedBy ?? null,
        requested_at: entry.requestedAt,
        sla_due_at: entry.slaDueAt ?? null,
        language: entry.language ?? DEFAULT_LANGUAGE,
        updated_at: db.fn.now(),
      };
      await db('handoff_queue').insert(row).onConflict('conversation_id').merge();
    },

    async notifyStaff(note: { eventKey: string; audience: 'supervisor' | 'agent'; kind: string; conversationId: string; text: string; at: string }): Promise<void> {
      await db('staff_notifications')
        .insert({ event_key: note.eventKey, audience: note.audience, kind: note.kind, conversation_id: note.conversationId, text: note.text, created_at: note.at })
        .onConflict('event_key')
        .ignore();
    },

    async recordApprovalRequest(request: { proposalId: string; conversationId: string; workflowId: string; role: string; action: string; detail: string; reason: string; requestedAt: string }): Promise<void> {
      await db('approval_requests')
        .insert({
          approval_id: approvalIdOf(request.conversationId, request.proposalId),
          proposal_id: request.proposalId,
          conversation_id: request.conversationId,
          workflow_id: request.workflowId,
          role: request.role,
          action: request.action,
          detail: request.detail,
          reason: request.reason,
          status: 'pending',
          requested_at: request.requestedAt,
        })
        .onConflict('approval_id')
        .ignore();
    },

    async settleApprovalRequest(request: { conversationId: string; proposalId: string; status: 'approved' | 'denied' | 'timed_out' | 'withdrawn'; decidedBy?: string; at: string }): Promise<void> {
      await db('approval_requests')
        .where({ approval_id: approvalIdOf(request.conversationId, request.proposalId), status: 'pending' })
        .update({ status: request.status, decided_by: request.decidedBy ?? null, decided_at: request.at });
    },
  };
}

export const approvalIdOf = (conversationId: string, proposalId: string) => `${conversationId}:${proposalId}`;
