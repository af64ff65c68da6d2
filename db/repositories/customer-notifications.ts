import type { Knex } from 'knex';
import type { Channel, NoticeKind, ReplyOption } from '../../domain/conversation';

export type { NoticeKind } from '../../domain/conversation';
export type DeliveryStatus = 'queued' | 'sent' | 'failed';

/** A row of the customer notification outbox: one notice, where it goes, and how its delivery went. */
export interface OutboxNotice {
  idempotencyKey: string;
  /** Null for a message to a customer nobody has verified yet (an agent's reply, say). */
  customerId: string | null;
  orderId: string | null;
  body: string;
  conversationWorkflowId: string | null;
  channel: Channel | null;
  /** The e-mail address it goes to, for a notice outside any conversation. */
  recipient: string | null;
  status: DeliveryStatus;
  failureReason: string | null;
  attempts: number;
  /** Null for notices queued before kinds (refund receipts). */
  kind: NoticeKind | null;
  /** The transcript turn it is, when the conversation wrote it itself (a channel that shows the transcript has it). */
  seq: number | null;
  options: ReplyOption[];
  /** The conversation's language when it was queued; absent for English and rows from before languages. */
  language?: string;
  createdAt: string;
  sentAt: string | null;
}

interface OutboxRow {
  idempotency_key: string;
  customer_id: string | null;
  order_id: string | null;
  body: string;
  conversation_workflow_id: string | null;
  channel: Channel | null;
  recipient: string | null;
  status: DeliveryStatus;
  failure_reason: string | null;
  attempts: number | string;
  kind: NoticeKind | null;
  seq: number | string | null;
  options: string | null;
  language?: string | null;
  created_at: string | Date;
  sent_at: string | Date | null;
}

const iso = (value: string | Date) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

function noticeOf(row: OutboxRow): OutboxNotice {
  return {
    idempotencyKey: row.idempotency_key,
    customerId: row.customer_id,
    orderId: row.order_id,
    body: row.body,
    conversationWorkflowId: row.conversation_workflow_id,
    channel: row.channel,
    recipient: row.recipient ?? null,
    status: row.status,
    failureReason: row.failure_reason,
    attempts: Number(row.attempts),
    kind: row.kind ?? null,
    seq: row.seq === null || row.seq === undefined ? null : Number(row.seq),
    options: row.options ? (JSON.parse(row.options) as ReplyOption[]) : [],
    ...(row.language ? { language: row.language } : {}),
    createdAt: iso(row.created_at),
    sentAt: row.sent_at ? iso(row.sent_at) : null,
  };
}

/** Queues a notice once: a retried step finds its row and leaves it as it is. */
export async function queueNotice(
  db: Knex,
  notice: {
    idempotencyKey: string;
    customerId?: string;
    orderId?: string;
    body: string;
    conversationWorkflowId?: string;
    channel?: Channel;
    /** An e-mail address the notice goes to instead of a conversation (on the e-mail channel). */
    recipient?: string;
    kind?: NoticeKind;
    seq?: number;
    options?: ReplyOption[];
    /** The conversation's language (BCP 47 primary subtag); English is left out. */
    language?: string;
  },
): Promise<void> {
  await db('customer_notifications')
    .insert({
      idempotency_key: notice.idempotencyKey,
      customer_id: notice.customerId ?? null,
      order_id: notice.orderId ?? null,
      body: notice.body,
      conversation_workflow_id: notice.conversationWorkflowId ?? null,
      ...(notice.channel ? { channel: notice.channel } : {}),
      ...(notice.recipient ? { recipient: notice.recipient, channel: 'email' } : {}),
      ...(notice.kind ? { kind: notice.kind } : {}),
      ...(notice.seq !== undefined ? { seq: notice.seq } : {}),
      ...(notice.options?.length ? { options: JSON.stringify(notice.options) } : {}),
      ...(notice.language && notice.language !== 'en' ? { language: notice.language } : {}),
      status: 'queued',
    })
    .onConflict('idempotency_key')
    .ignore();
}

export async function findNotice(db: Knex, idempotencyKey: string): Promise<OutboxNotice | undefined> {
  const row = (await db('customer_notifications').where({ idempotency_key: idempotencyKey }).first()) as OutboxRow | undefined;
  return row ? noticeOf(row) : undefined;
}

/** A conversation's notices, oldest first: what went out to the customer later, and how. */
export async function noticesOfConversation(db: Knex, conversationWorkflowId: string): Promise<OutboxNotice[]> {
  const rows = (await db('customer_notifications').where({ conversation_workflow_id: conversationWorkflowId }).orderBy('id')) as OutboxRow[];
  return rows.map(noticeOf);
}

/** One delivery attempt and its outcome; a sent notice stays sent. */
export async function recordDelivery(
  db: Knex,
  idempotencyKey: string,
  outcome: { status: 'sent'; channel: Channel } | { status: 'failed'; reason: string; channel?: Channel },
): Promise<void> {
  await db('customer_notifications')
    .where({ idempotency_key: idempotencyKey })
    .whereNot({ status: 'sent' })
    .update({
      status: outcome.status,
      failure_reason: outcome.status === 'failed' ? outcome.reason : null,
      sent_at: outcome.status === 'sent' ? db.fn.now() : null,
      ...(outcome.channel ? { channel: outcome.channel } : {}),
      attempts: db.raw('attempts + 1'),
    });
}
