import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { Logger } from '../../observability/logger';
import type { EmailInbox } from './inbox';

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

/** An SMTP reply with its code: smtp-server answers the client with `responseCode` and the message. */
const smtpError = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

/**
 * The inbound SMTP listener: mail for the support address only (others refused at RCPT), at most
 * `maxBytes` (announced with SIZE, enforced on DATA). A mail is answered 250 once the inbox has kept
 * it; a database that cannot keep it is a 451, so the sender's server tries again later.
 *
 * No STARTTLS and no AUTH: it is meant to sit behind the organisation's MTA (or on the loopback).
 */
export async function startSmtpListener(options: { inbox: EmailInbox; supportAddress: string; maxBytes: number; port: number; host: string; logger: Logger }): Promise<SmtpListener> {
  const support = options.supportAddress.toLowerCase();
  const server = new SMTPServer({
    banner: 'Open Support mail intake',
    size: options.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    socketTimeout: 60_000,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase() === support) return callback();
      callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here; write to ${support}`));
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Past the limit nothing more is kept; the stream still has to be read to its end.
        if (size <= options.maxBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || size > options.maxBytes) {
          options.logger.warn({ size, limit: options.maxBytes }, 'e-mail refused: too large');
          return callback(smtpError(552, `5.3.4 message too large: the limit is ${options.maxBytes} bytes`));
        }
        const mailFrom = session.envelope.mailFrom;
        const envelopeFrom = mailFrom === false ? '' : mailFrom.address;
        options.inbox
          .accept(Buffer.concat(chunks), { via: 'smtp', envelopeFrom, envelopeTo: session.envelope.rcptTo.map((r) => r.address) })
          .then((accepted) => {
            if (!accepted.accepted) return callback(smtpError(550, `5.6.0 not a mail we can read: ${accepted.reason}`));
            callback(null, `2.0.0 kept as ${accepted.id}${accepted.duplicate ? ' (already had it)' : ''}`);
          })
          .catch((err: unknown) => {
            options.logger.error({ err }, 'e-mail could not be kept');
            callback(smtpError(451, '4.3.0 cannot take mail right now; try again later'));
          });
      });
    },
  });
  server.on('error', (err) => options.logger.error({ err }, 'SMTP listener error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
