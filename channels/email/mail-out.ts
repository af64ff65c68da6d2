import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type { Knex } from 'knex';
import type { ReplyOption } from '../../domain/conversation';
import { claimOutgoingMail, latestInboundMessageId, markOutgoingSent, messageIdsOf, rememberOfferedOptions } from '../../db/repositories/email-channel';
import { mailBodies } from './mail-text';

/** How mail leaves: From SUPPORT_EMAIL, to SMTP_RELAY, or (no relay) kept as .eml files in `captureDir`. */
export interface MailOutSettings {
  from: string;
  /** host:port; unset, mail is captured to files instead. */
  relay?: string;
  captureDir: string;
}

export interface MailSender {
  send(mail: SendMailOptions & { messageId: string }): Promise<void>;
}

/** nodemailer to the relay; without one, nodemailer's stream transport written to a file per message. */
export function mailSenderOf(settings: MailOutSettings): MailSender {
  if (settings.relay) {
    const [host, port] = settings.relay.split(':') as [string, string];
    const transport: Transporter = nodemailer.createTransport({ host, port: Number(port), secure: false, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    return { send: async (mail) => void (await transport.sendMail(mail)) };
  }
  const capture = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(mail) {
      const info = await capture.sendMail(mail);
      fs.mkdirSync(settings.captureDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^\w.@-]/g, '')}.eml`;
      // Written aside, then renamed: a reader of the folder never sees half a message.
      const file = path.join(settings.captureDir, name);
      fs.writeFileSync(`${file}.part`, info.message as Buffer);
      fs.renameSync(`${file}.part`, file);
    },
  };
}

/** Our Message-ID for what one idempotency key sends: the same key always names the same mail. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const digest = crypto.createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${digest}@${from.split('@')[1] ?? 'localhost'}>`;
}

export interface ThreadMail {
  conversationId: string;
  to: string;
  subject: string;
  paragraphs: string[];
  options?: readonly ReplyOption[];
  /** The language the paragraphs are in, so the line under the options is too; English when absent. */
  language?: string;
  /** One mail per key, however often this is called (a retried activity, a mail processed again). */
  idempotencyKey: string;
  /** The mail this answers; the thread's latest from the customer when left out. */
  inReplyTo?: string;
}

/**
 * Sends one mail of a thread, once per idempotency key, with In-Reply-To and References that keep
 * the customer's client threading it, and remembers the options it numbered.
 */
export async function sendThreadMail(deps: { db: Knex; settings: MailOutSettings; sender: MailSender }, mail: ThreadMail): Promise<{ messageId: string; alreadySent: boolean }> {
  const claim = await claimOutgoingMail(deps.db, { idempotencyKey: mail.idempotencyKey, messageId: messageIdFor(mail.idempotencyKey, deps.settings.from), conversationId: mail.conversationId });
  if (claim.sent) return { messageId: claim.messageId, alreadySent: true };
  const inReplyTo = mail.inReplyTo ?? (await latestInboundMessageId(deps.db, mail.conversationId));
  const references = (await messageIdsOf(deps.db, mail.conversationId)).filter((id) => id !== claim.messageId).slice(-20);
  const { text, html } = mailBodies(mail.paragraphs, mail.options ?? [], mail.language);
  await deps.sender.send({
    from: deps.settings.from,
    to: mail.to,
    subject: mail.subject,
    text,
    html,
    messageId: claim.messageId,
    ...(inReplyTo ? { inReplyTo } : {}),
    ...(references.length ? { references } : {}),
    // RFC 3834: our mail is an automatic answer, so other responders must not answer it in turn.
    headers: { 'Auto-Submitted': 'auto-replied' },
  });
  await markOutgoingSent(deps.db, mail.idempotencyKey);
  await rememberOfferedOptions(deps.db, mail.conversationId, mail.options);
  return { messageId: claim.messageId, alreadySent: false };
}

/**
 * A mail to an address on file, outside any thread (a reset link, an invoice). Its Message-ID comes
 * from the idempotency key, so a resend after a crash is the same mail to the receiving servers; the
 * outbox row, marked sent after this returns, keeps it from being sent again.
 */
export async function sendAddressedMail(deps: { settings: MailOutSettings; sender: MailSender }, mail: { to: string; subject: string; text: string; idempotencyKey: string }): Promise<void> {
  const { text, html } = mailBodies([mail.text], []);
  await deps.sender.send({
    from: deps.settings.from,
    to: mail.to,
    subject: mail.subject,
    text,
    html,
    messageId: messageIdFor(mail.idempotencyKey, deps.settings.from),
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
}
