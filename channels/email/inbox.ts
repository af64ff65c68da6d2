import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { ConversationStatus, CustomerHint, MessageResult } from '../../domain/conversation';
import {
  conversationOfMessageIds,
  findInboundMail,
  findThread,
  keepInboundMail,
  openThread,
  pendingInboundMail,
  recordInboundAttempt,
  recordInboundMessageId,
  settleInboundMail,
  threadsOfAddress,
  touchThread,
  type InboxMail,
} from '../../db/repositories/email-channel';
import { findCustomerIdByEmail } from '../../db/repositories/store-queries';
import type { Logger } from '../../observability/logger';
import { whyNotAMail, whyNotToAnswer } from './mail-checks';
import { sendThreadMail, type MailOutSettings, type MailSender } from './mail-out';
import { optionPickedByNumber, replySubject, transcriptTextOf } from './mail-text';
import { openConversationOfCustomer } from '../conversation-for';

/** The conversations as the e-mail channel uses them (the API's ConversationGateway is one). */
export interface Conversations {
  start(request: { channel: 'email'; customer?: CustomerHint }): Promise<string>;
  send(conversationId: string, text: string, messageKey: string, channel: 'email'): Promise<{ kind: 'replied'; result: MessageResult } | { kind: 'accepted'; messageId: string }>;
  read(conversationId: string): Promise<{ status: ConversationStatus }>;
}

export interface EmailInboxDeps {
  db: Knex;
  conversations: Conversations;
  supportAddress: string;
  mailOut: MailOutSettings;
  sender: MailSender;
  logger: Logger;
  /** Tries of a mail whose processing keeps failing with trouble that may pass, before it is quarantined (120: an hour of outage at the default 30 s). */
  maxAttempts?: number;
  /** How often pending mail (an outage, a crash) is taken again; 0 only at start and after each new mail. */
  retryEveryMs?: number;
}

export type Acceptance =
  | { accepted: true; id: number; duplicate: boolean }
  | { accepted: false; reason: string };

/**
 * The e-mail channel's inbound side: keeps each mail first (the inbox table), then processes it:
 * refused or quarantined with a reason, or its new text sent to its conversation and the reply mailed
 * back in the same thread. Pending mail is taken again after a crash or an outage; the same mail is
 * handled once, by its Message-ID.
 */
export class EmailInbox {
  private draining: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly deps: EmailInboxDeps) {}

  /** Processes what an earlier run left pending, then keeps retrying on a timer. */
  start(): void {
    this.stopped = false;
    this.kick();
    const every = this.deps.retryEveryMs ?? 30_000;
    if (every > 0) {
      this.timer = setInterval(() => this.kick(), every);
      this.timer.unref();
    }
  }

  /** Stops taking pending mail; what is being processed finishes first. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining;
  }

  /** Keeps one mail, or refuses what is not a mail (kept too, as refused, with the reason). */
  async accept(raw: Buffer, source: { via: 'smtp' | 'webhook'; envelopeFrom?: string; envelopeTo?: string[] }): Promise<Acceptance> {
    const digest = `sha256:${crypto.createHash('sha256').update(raw).digest('hex')}`;
    const envelope = { via: source.via, envelopeFrom: source.envelopeFrom, envelopeTo: source.envelopeTo?.join(', ') };
    const malformed = whyNotAMail(raw);
    if (malformed) {
      await keepInboundMail(this.deps.db, { ...envelope, dedupeKey: digest, raw, status: 'refused', reason: malformed });
      this.deps.logger.warn({ via: source.via, reason: malformed }, 'e-mail refused');
      return { accepted: false, reason: malformed };
    }
    const messageId = messageIdOfHead(raw);
    const kept = await keepInboundMail(this.deps.db, { ...envelope, dedupeKey: messageId ?? digest, ...(messageId ? { messageId } : {}), raw });
    if (kept.duplicate) this.deps.logger.info({ id: kept.mail.id, messageId }, 'e-mail delivered again: handled once');
    else this.kick();
    return { accepted: true, id: kept.mail.id, duplicate: kept.duplicate };
  }

  /** Resolves once everything pending now has been tried (tests wait on it). */
  async settled(): Promise<void> {
    this.kick();
    await this.draining;
  }

  private kick(): void {
    this.draining = this.draining.then(() => this.drain()).catch((err: unknown) => this.deps.logger.error({ err }, 'e-mail inbox could not be read'));
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const pending = await pendingInboundMail(this.deps.db);
      let progressed = false;
      for (const mail of pending) {
        if (this.stopped) return;
        if (await this.processOne(mail)) progressed = true;
      }
      // Whatever is left failed with trouble that may pass: the timer takes it again later.
      if (!progressed || pending.length === 0) return;
    }
  }

  /** True when the mail is settled (processed, quarantined); false when it stays pending for a later try. */
  private async processOne(mail: InboxMail): Promise<boolean> {
    try {
      const outcome = await this.handle(mail);
      await settleInboundMail(this.deps.db, mail.id, outcome);
      if (outcome.status === 'quarantined') this.deps.logger.warn({ id: mail.id, messageId: mail.messageId, reason: outcome.reason }, 'e-mail quarantined');
      else this.deps.logger.info({ id: mail.id, conversationId: outcome.conversationId }, 'e-mail processed');
      return true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const status = (err as { status?: unknown }).status;
      // The conversation refused the message itself (4xx): trying again would be refused again.
      if (typeof status === 'number' && status >= 400 && status < 500) {
        await settleInboundMail(this.deps.db, mail.id, { status: 'quarantined', reason: `the conversation refused it: ${message}`, ...(mail.conversationId ? { conversationId: mail.conversationId } : {}) });
        this.deps.logger.warn({ id: mail.id, reason: message }, 'e-mail quarantined');
        return true;
      }
      const attempts = await recordInboundAttempt(this.deps.db, mail.id, message);
      const max = this.deps.maxAttempts ?? 120;
      if (attempts >= max) {
        await settleInboundMail(this.deps.db, mail.id, { status: 'quarantined', reason: `gave up after ${attempts} tries: ${message}` });
        this.deps.logger.error({ id: mail.id, err }, 'e-mail quarantined after repeated failures');
        return true;
      }
      this.deps.logger.warn({ id: mail.id, attempts, err }, 'e-mail not processed yet: it will be tried again');
      return false;
    }
  }

  private async handle(mail: InboxMail): Promise<{ status: 'processed' | 'quarantined'; reason?: string; conversationId?: string }> {
    const { db } = this.deps;
    const parsed = await simpleParser(mail.raw, { skipImageLinks: true, skipTextLinks: true });
    const from = parsed.from?.value[0]?.address?.toLowerCase();
    const headers = new Map<string, string>();
    for (const { key, line } of parsed.headerLines) if (!headers.has(key)) headers.set(key, line.slice(line.indexOf(':') + 1).trim());
    const why = whyNotToAnswer({ headers, from, envelopeFrom: mail.envelopeFrom ?? undefined }, this.deps.supportAddress);
    if (why) return { status: 'quarantined', reason: why };
    const customerAddress = from as string;
    const messageId = parsed.messageId ?? mail.dedupeKey;

    const text = transcriptTextOf(parsed);
    if (!text) return { status: 'quarantined', reason: 'the mail says nothing (no text, no subject, no attachment)' };

    const vouched = await this.vouchedFor(customerAddress);
    let conversationId = mail.conversationId ?? (await this.conversationFor(parsed, customerAddress, vouched));
    if (conversationId && !(await findThread(db, conversationId))) {
      // The customer's conversation began on another channel: from now on it has this e-mail thread too.
      await openThread(db, { conversationId, customerAddress, subject: (parsed.subject ?? '').slice(0, 300) });
      await db('email_inbox').where({ id: mail.id }).update({ conversation_id: conversationId });
    }
    if (!conversationId) {
      const name = parsed.from?.value[0]?.name?.trim();
      conversationId = await this.deps.conversations.start({
        channel: 'email',
        customer: { email: customerAddress, ...(name ? { name: name.slice(0, 100) } : {}), ...(vouched ? { vouched } : {}) },
      });
      // Before the message goes: a crash from here on continues this conversation rather than opening another.
      await openThread(db, { conversationId, customerAddress, subject: (parsed.subject ?? '').slice(0, 300) });
      await db('email_inbox').where({ id: mail.id }).update({ conversation_id: conversationId });
    }
    await recordInboundMessageId(db, messageId, conversationId);
    await touchThread(db, conversationId);

    const thread = await findThread(db, conversationId);
    const picked = optionPickedByNumber(text, thread?.lastOptions);
    const delivery = await this.deps.conversations.send(conversationId, picked ? picked.id : text, messageId, 'email');
    if (delivery.kind === 'replied') {
      const replies = delivery.result.replies.map((r) => r.text).filter((t) => t.trim());
      if (replies.length > 0) {
        await sendThreadMail(
          { db, settings: this.deps.mailOut, sender: this.deps.sender },
          {
            conversationId,
            to: customerAddress,
            subject: replySubject(parsed.subject ?? thread?.subject, delivery.result.language),
            paragraphs: replies,
            options: delivery.result.options,
            language: delivery.result.language,
            idempotencyKey: `email-reply:${messageId}`,
            inReplyTo: messageId,
          },
        );
      }
    }
    // Accepted but not answered in time: the conversation keeps the reply, and the outbox mails it.
    return { status: 'processed', conversationId };
  }

  /** The store's customer with this address: the channel vouches for them (reads, not money). */
  private async vouchedFor(address: string): Promise<CustomerHint['vouched']> {
    const customerId = await findCustomerIdByEmail(this.deps.db, address);
    if (!customerId) return undefined;
    const row = (await this.deps.db('customers').where({ id: customerId }).first('first_name')) as { first_name: string } | undefined;
    return row ? { customerId, firstName: row.first_name, by: 'email_address' } : undefined;
  }

  /**
   * The conversation a mail continues: the thread it answers, else the sender's open e-mail
   * conversation, else (one customer, one conversation) the open conversation of the customer the
   * address vouches for, begun on any channel.
   */
  private async conversationFor(parsed: ParsedMail, address: string, vouched: CustomerHint['vouched']): Promise<string | undefined> {
    const referenced = [parsed.inReplyTo, ...(typeof parsed.references === 'string' ? [parsed.references] : (parsed.references ?? []))].filter((id): id is string => !!id);
    return (
      (await conversationOfMessageIds(this.deps.db, referenced)) ??
      (await this.openConversationOfAddress(address)) ??
      (vouched ? await openConversationOfCustomer({ gateway: this.deps.conversations, db: this.deps.db }, vouched.customerId) : undefined)
    );
  }

  /** The sender's latest e-mail thread, unless its conversation is closed. */
  private async openConversationOfAddress(address: string): Promise<string | undefined> {
    const [latest] = await threadsOfAddress(this.deps.db, address);
    if (!latest) return undefined;
    try {
      const view = await this.deps.conversations.read(latest.conversationId);
      return view.status === 'closed' ? undefined : latest.conversationId;
    } catch (err) {
      if ((err as { status?: unknown }).status === 404) return undefined;
      throw err;
    }
  }

  /** One kept mail, for tests and operators. */
  find(id: number): Promise<InboxMail | undefined> {
    return findInboundMail(this.deps.db, id);
  }
}

/** The Message-ID from the header section, read without parsing the whole mail (duplicates are found by it). */
function messageIdOfHead(raw: Buffer): string | undefined {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1').split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const match = /^message-id:\s*(<[^<>\s]{1,900}>)/im.exec(unfolded);
  return match?.[1];
}
