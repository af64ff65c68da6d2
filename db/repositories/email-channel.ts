import type { Knex } from 'knex';
import type { ReplyOption } from '../../domain/conversation';

export type InboxStatus = 'pending' | 'processed' | 'quarantined' | 'refused';

export interface InboxMail {
  id: number;
  dedupeKey: string;
  messageId: string | null;
  receivedVia: 'smtp' | 'webhook';
  envelopeFrom: string | null;
  raw: Buffer;
  status: InboxStatus;
  reason: string | null;
  conversationId: string | null;
  attempts: number;
}

interface InboxRow {
  id: number;
  dedupe_key: string;
  message_id: string | null;
  received_via: 'smtp' | 'webhook';
  envelope_from: string | null;
  raw: Buffer | Uint8Array;
  status: InboxStatus;
  reason: string | null;
  conversation_id: string | null;
  attempts: number | string;
}

const mailOf = (row: InboxRow): InboxMail => ({
  id: Number(row.id),
  dedupeKey: row.dedupe_key,
  messageId: row.message_id,
  receivedVia: row.received_via,
  envelopeFrom: row.envelope_from,
  raw: Buffer.from(row.raw),
  status: row.status,
  reason: row.reason,
  conversationId: row.conversation_id,
  attempts: Number(row.attempts),
});

const now = () => new Date().toISOString();

/**
 * Keeps a mail before anything is done with it. The same mail delivered again (same dedupe key)
 * is not kept twice: the first row is returned with `duplicate`.
 */
export async function keepInboundMail(
  db: Knex,
  mail: { dedupeKey: string; messageId?: string; via: 'smtp' | 'webhook'; envelopeFrom?: string; envelopeTo?: string; raw: Buffer; status?: InboxStatus; reason?: string },
): Promise<{ mail: InboxMail; duplicate: boolean }> {
  const inserted = await db('email_inbox')
    .insert({
      dedupe_key: mail.dedupeKey,
      message_id: mail.messageId ?? null,
      received_via: mail.via,
      envelope_from: mail.envelopeFrom ?? null,
      envelope_to: mail.envelopeTo ?? null,
      raw: mail.raw,
      size_bytes: mail.raw.length,
      status: mail.status ?? 'pending',
      reason: mail.reason ?? null,
      received_at: now(),
      ...(mail.status && mail.status !== 'pending' ? { processed_at: now() } : {}),
    })
    .onConflict('dedupe_key')
    .ignore()
    .returning('id');
  const row = (await db('email_inbox').where({ dedupe_key: mail.dedupeKey }).first()) as InboxRow;
  return { mail: mailOf(row), duplicate: inserted.length === 0 };
}

export async function findInboundMail(db: Knex, id: number): Promise<InboxMail | undefined> {
  const row = (await db('email_inbox').where({ id }).first()) as InboxRow | undefined;
  return row ? mailOf(row) : undefined;
}

/** Mail kept but not yet processed, oldest first: after a crash or an outage these are taken again. */
export async function pendingInboundMail(db: Knex, limit = 50): Promise<InboxMail[]> {
  const rows = (await db('email_inbox').where({ status: 'pending' }).orderBy('id').limit(limit)) as InboxRow[];
  return rows.map(mailOf);
}

export async function settleInboundMail(db: Knex, id: number, outcome: { status: Exclude<InboxStatus, 'pending'>; reason?: string; conversationId?: string }): Promise<void> {
  await db('email_inbox')
    .where({ id })
    .update({ status: outcome.status, reason: outcome.reason ?? null, conversation_id: outcome.conversationId ?? null, processed_at: now() });
}

/** A try that failed with trouble that may pass: the mail stays pending, with the count and the last error. */
export async function recordInboundAttempt(db: Knex, id: number, error: string): Promise<number> {
  await db('email_inbox').where({ id }).increment('attempts', 1).update({ last_error: error.slice(0, 2000) });
  const row = (await db('email_inbox').where({ id }).first('attempts')) as { attempts: number | string };
  return Number(row.attempts);
}

/** The mails we kept but did not answer, and those we refused, with their reasons (newest first). */
export async function heldInboundMail(db: Knex): Promise<{ id: number; messageId: string | null; status: InboxStatus; reason: string | null }[]> {
  const rows = (await db('email_inbox').whereIn('status', ['quarantined', 'refused']).orderBy('id', 'desc').select('id', 'message_id', 'status', 'reason')) as {
    id: number;
    message_id: string | null;
    status: InboxStatus;
    reason: string | null;
  }[];
  return rows.map((r) => ({ id: Number(r.id), messageId: r.message_id, status: r.status, reason: r.reason }));
}

export interface EmailThread {
  conversationId: string;
  customerAddress: string;
  subject: string;
  lastOptions: ReplyOption[] | undefined;
}

interface ThreadRow {
  conversation_id: string;
  customer_address: string;
  subject: string;
  last_options: string | null;
}

const threadOf = (row: ThreadRow): EmailThread => ({
  conversationId: row.conversation_id,
  customerAddress: row.customer_address,
  subject: row.subject,
  lastOptions: row.last_options ? (JSON.parse(row.last_options) as ReplyOption[]) : undefined,
});

export async function findThread(db: Knex, conversationId: string): Promise<EmailThread | undefined> {
  const row = (await db('email_threads').where({ conversation_id: conversationId }).first()) as ThreadRow | undefined;
  return row ? threadOf(row) : undefined;
}

/** The conversation any of these Message-IDs belongs to (the newest we know of first). */
export async function conversationOfMessageIds(db: Knex, messageIds: readonly string[]): Promise<string | undefined> {
  if (messageIds.length === 0) return undefined;
  const row = (await db('email_messages').whereIn('message_id', [...messageIds]).orderBy('created_at', 'desc').first('conversation_id')) as
    | { conversation_id: string }
    | undefined;
  return row?.conversation_id;
}

/** The address's e-mail threads, the most recently active first. */
export async function threadsOfAddress(db: Knex, address: string): Promise<EmailThread[]> {
  const rows = (await db('email_threads').where({ customer_address: address.toLowerCase() }).orderBy('updated_at', 'desc')) as ThreadRow[];
  return rows.map(threadOf);
}

export async function openThread(db: Knex, thread: { conversationId: string; customerAddress: string; subject: string }): Promise<void> {
  await db('email_threads')
    .insert({ conversation_id: thread.conversationId, customer_address: thread.customerAddress.toLowerCase(), subject: thread.subject, created_at: now(), updated_at: now() })
    .onConflict('conversation_id')
    .ignore();
}

/** What our latest mail in the thread numbered (none: an answer by number means nothing). */
export async function rememberOfferedOptions(db: Knex, conversationId: string, options: readonly ReplyOption[] | undefined): Promise<void> {
  await db('email_threads')
    .where({ conversation_id: conversationId })
    .update({ last_options: options && options.length ? JSON.stringify(options) : null, updated_at: now() });
}

export async function touchThread(db: Knex, conversationId: string): Promise<void> {
  await db('email_threads').where({ conversation_id: conversationId }).update({ updated_at: now() });
}

/** A Message-ID seen in the thread (theirs, or one they referred to that we know). */
export async function recordInboundMessageId(db: Knex, messageId: string, conversationId: string): Promise<void> {
  await db('email_messages').insert({ message_id: messageId, conversation_id: conversationId, direction: 'in', created_at: now() }).onConflict('message_id').ignore();
}

/** The thread's Message-IDs in order, for the References of the next mail. */
export async function messageIdsOf(db: Knex, conversationId: string): Promise<string[]> {
  const rows = (await db('email_messages').where({ conversation_id: conversationId }).orderBy('created_at').orderBy('message_id').select('message_id')) as { message_id: string }[];
  return rows.map((r) => r.message_id);
}

/** The latest mail in the thread the customer sent us: our next mail answers it. */
export async function latestInboundMessageId(db: Knex, conversationId: string): Promise<string | undefined> {
  const row = (await db('email_messages').where({ conversation_id: conversationId, direction: 'in' }).orderBy('created_at', 'desc').first('message_id')) as
    | { message_id: string }
    | undefined;
  return row?.message_id;
}

/**
 * Claims the sending of one mail per idempotency key: the first claim fixes its Message-ID; a later
 * one (a retry) gets the same id back, and whether it already went out.
 */
export async function claimOutgoingMail(db: Knex, claim: { idempotencyKey: string; messageId: string; conversationId: string }): Promise<{ messageId: string; sent: boolean }> {
  await db('email_messages')
    .insert({ message_id: claim.messageId, conversation_id: claim.conversationId, direction: 'out', idempotency_key: claim.idempotencyKey, status: 'sending', created_at: now() })
    .onConflict('idempotency_key')
    .ignore();
  const row = (await db('email_messages').where({ idempotency_key: claim.idempotencyKey }).first('message_id', 'status')) as { message_id: string; status: string };
  return { messageId: row.message_id, sent: row.status === 'sent' };
}

export async function markOutgoingSent(db: Knex, idempotencyKey: string): Promise<void> {
  await db('email_messages').where({ idempotency_key: idempotencyKey }).update({ status: 'sent', sent_at: now() });
}

/** Outgoing mail by idempotency key, as recorded (tests and operators read it). */
export async function outgoingMailOf(db: Knex, conversationId: string): Promise<{ messageId: string; idempotencyKey: string; status: string }[]> {
  const rows = (await db('email_messages').where({ conversation_id: conversationId, direction: 'out' }).orderBy('created_at').select('message_id', 'idempotency_key', 'status')) as {
    message_id: string;
    idempotency_key: string;
    status: string;
  }[];
  return rows.map((r) => ({ messageId: r.message_id, idempotencyKey: r.idempotency_key, status: r.status }));
}
