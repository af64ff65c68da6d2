import path from 'node:path';
import type { Knex } from 'knex';
import type { Config } from '../../config/config';
import type { Logger } from '../../observability/logger';
import { EmailInbox, type Conversations } from './inbox';
import { mailSenderOf, type MailOutSettings } from './mail-out';
import { startSmtpListener, type SmtpListener } from './smtp-listener';

/** Outgoing mail as configured: From SUPPORT_EMAIL, to SMTP_RELAY, else .eml files in data/outbox-mail. */
export const mailOutOf = (config: Pick<Config, 'supportEmail' | 'smtpRelay' | 'dataDir'>): MailOutSettings => ({
  from: config.supportEmail,
  ...(config.smtpRelay ? { relay: config.smtpRelay } : {}),
  captureDir: path.join(config.dataDir, 'outbox-mail'),
});

export interface EmailChannel {
  inbox: EmailInbox;
  /** Undefined when SMTP_PORT is 0 (the webhook still takes mail). */
  smtp: SmtpListener | undefined;
  stop(): Promise<void>;
}

/** The inbound e-mail channel as configured: the inbox (and its retries), and the SMTP listener unless SMTP_PORT=0. */
export async function startEmailChannel(
  config: Pick<Config, 'supportEmail' | 'smtpRelay' | 'dataDir' | 'smtpPort' | 'host' | 'maxEmailBytes'>,
  runtime: { db: Knex; conversations: Conversations; logger: Logger; retryEveryMs?: number },
): Promise<EmailChannel> {
  const mailOut = mailOutOf(config);
  const inbox = new EmailInbox({
    db: runtime.db,
    conversations: runtime.conversations,
    supportAddress: config.supportEmail,
    mailOut,
    sender: mailSenderOf(mailOut),
    logger: runtime.logger,
    ...(runtime.retryEveryMs !== undefined ? { retryEveryMs: runtime.retryEveryMs } : {}),
  });
  const smtp =
    config.smtpPort === 0
      ? undefined
      : await startSmtpListener({ inbox, supportAddress: config.supportEmail, maxBytes: config.maxEmailBytes, port: config.smtpPort, host: config.host, logger: runtime.logger });
  inbox.start();
  return {
    inbox,
    smtp,
    async stop() {
      await smtp?.close();
      await inbox.stop();
    },
  };
}
