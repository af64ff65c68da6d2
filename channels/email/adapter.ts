import type { Knex } from 'knex';
import type { ReplyOption } from '../../domain/conversation';
import { findThread } from '../../db/repositories/email-channel';
import { conversationIdOfWorkflow } from '../../observability/conversation-ids';
import type { ChannelAdapter, CustomerNotice } from '../channel-adapter';
import { mailSenderOf, sendAddressedMail, sendThreadMail, type MailOutSettings, type MailSender } from './mail-out';
import { replySubject } from './mail-text';
import { render } from '../../domain/messages';

/**
 * E-mail for the outbox: a later message (an agent's reply, a refund notice, a reply that came after
 * the turn timed out) is mailed into the conversation's thread, once per idempotency key.
 */
export function emailChannel(deps: { db: Knex; settings: MailOutSettings; sender?: MailSender }): ChannelAdapter {
  const sender = deps.sender ?? mailSenderOf(deps.settings);
  return {
    channel: 'email',
    async deliver(notice) {
      if (notice.recipient) {
        await sendAddressedMail({ settings: deps.settings, sender }, { to: notice.recipient, subject: subjectOf(notice.kind, notice.language), text: notice.text, idempotencyKey: notice.idempotencyKey });
        return { delivered: true };
      }
      const conversationId = conversationIdOfWorkflow(notice.conversationWorkflowId);
      const thread = conversationId ? await findThread(deps.db, conversationId) : undefined;
      if (!conversationId || !thread) return { delivered: false, reason: `conversation ${notice.conversationWorkflowId} has no e-mail thread to write to` };
      await sendThreadMail(
        { db: deps.db, settings: deps.settings, sender },
        {
          conversationId,
          to: thread.customerAddress,
          subject: replySubject(thread.subject, notice.language),
          paragraphs: [notice.text],
          options: optionsOf(notice),
          language: notice.language,
          idempotencyKey: notice.idempotencyKey,
        },
      );
      return { delivered: true };
    },
  };
}

/** A notice may carry options (the outbox helper may add them to CustomerNotice): they are numbered too. */
function optionsOf(notice: CustomerNotice): ReplyOption[] | undefined {
  const options = (notice as CustomerNotice & { options?: unknown }).options;
  return Array.isArray(options) ? (options as ReplyOption[]) : undefined;
}

/** The subject of a mail that goes to the address on file rather than into a thread, in the conversation's language. */
function subjectOf(kind: CustomerNotice['kind'], language: string | undefined): string {
  if (kind === 'password_reset') return render(language, 'Reset your password');
  if (kind === 'account_change') return render(language, 'The e-mail address on your account was changed');
  if (kind === 'invoice') return render(language, 'Your invoice');
  return render(language, 'A message from customer support');
}
