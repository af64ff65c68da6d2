import type { Knex } from 'knex';
import type { Awaiting, ReplyOption } from '../../domain/conversation';

export type PhoneChannel = 'voice' | 'sms';

/** A call (by its CallSid) or an SMS thread (by the texter's number) and the conversation it is. */
export interface PhoneThread {
  id: number;
  channel: PhoneChannel;
  threadKey: string;
  conversationId: string;
  caller: string;
  callee: string;
  awaiting?: Awaiting;
  options?: ReplyOption[];
  /** The language of the last reply, for what the line says before the next one; absent: English. */
  language?: string;
  callbackRequestedAt?: string;
}

interface ThreadRow {
  id: number;
  channel: PhoneChannel;
  thread_key: string;
  conversation_id: string;
  caller: string;
  callee: string;
  awaiting: string | null;
  options: string | null;
  language?: string | null;
  callback_requested_at: string | null;
}

const threadOf = (row: ThreadRow): PhoneThread => ({
  id: Number(row.id),
  channel: row.channel,
  threadKey: row.thread_key,
  conversationId: row.conversation_id,
  caller: row.caller,
  callee: row.callee,
  ...(row.awaiting ? { awaiting: row.awaiting as Awaiting } : {}),
  ...(row.options ? { options: JSON.parse(row.options) as ReplyOption[] } : {}),
  ...(row.language ? { language: row.language } : {}),
  ...(row.callback_requested_at ? { callbackRequestedAt: row.callback_requested_at } : {}),
});

/** The customer whose number this is, if any. */
export async function customerByPhone(db: Knex, phone: string): Promise<{ customerId: string; firstName: string } | undefined> {
  const row = await db('customer_phones as p').join('customers as c', 'c.id', 'p.customer_id').where('p.phone', phone).first('c.id as customerId', 'c.first_name as firstName');
  return row ? { customerId: row.customerId, firstName: row.firstName } : undefined;
}

export async function addCustomerPhone(db: Knex, customerId: string, phone: string): Promise<void> {
  await db('customer_phones').insert({ phone, customer_id: customerId }).onConflict('phone').merge();
}

export async function findThread(db: Knex, channel: PhoneChannel, threadKey: string): Promise<PhoneThread | undefined> {
  const row = (await db('phone_conversations').where({ channel, thread_key: threadKey }).first()) as ThreadRow | undefined;
  return row ? threadOf(row) : undefined;
}

/**
 * Records the thread's conversation once: when two first requests race (Twilio retried one), the
 * first row stays and both are answered from it.
 */
export async function openThread(
  db: Knex,
  thread: { channel: PhoneChannel; threadKey: string; conversationId: string; caller: string; callee: string },
): Promise<PhoneThread> {
  const now = new Date().toISOString();
  await db('phone_conversations')
    .insert({ channel: thread.channel, thread_key: thread.threadKey, conversation_id: thread.conversationId, caller: thread.caller, callee: thread.callee, created_at: now, updated_at: now })
    .onConflict(['channel', 'thread_key'])
    .ignore();
  const stored = await findThread(db, thread.channel, thread.threadKey);
  if (!stored) throw new Error(`the ${thread.channel} thread ${thread.threadKey} was not recorded`);
  return stored;
}

/** What the last reply asked for and offered, so the next key or number is read against it, and the language it was in. */
export async function rememberChoices(db: Knex, id: number, awaiting: Awaiting | undefined, options: readonly ReplyOption[] | undefined, language?: string): Promise<void> {
  await db('phone_conversations')
    .where({ id })
    .update({
      awaiting: awaiting ?? null,
      options: options?.length ? JSON.stringify(options) : null,
      language: language && language !== 'en' ? language : null,
      updated_at: new Date().toISOString(),
    });
}

/** The customer was promised a call back (a handoff with no agent line to transfer to); the first promise's time stays. */
export async function recordCallbackRequest(db: Knex, id: number): Promise<void> {
  const now = new Date().toISOString();
  await db('phone_conversations').where({ id }).whereNull('callback_requested_at').update({ callback_requested_at: now, updated_at: now });
}

/** The number a conversation's customer called or texted from, from its latest call or thread. */
export async function phoneOfConversation(db: Knex, conversationId: string): Promise<{ caller: string; callee: string; channel: PhoneChannel } | undefined> {
  const row = await db('phone_conversations').where({ conversation_id: conversationId }).orderBy('id', 'desc').first('caller', 'callee', 'channel');
  return row ? { caller: row.caller, callee: row.callee, channel: row.channel } : undefined;
}
