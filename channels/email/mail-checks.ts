/** What the loop and sender checks read of a mail: its headers (lower-case names) and its addresses. */
export interface MailFacts {
  /** Header values by lower-case name (the first of each). */
  headers: ReadonlyMap<string, string>;
  /** The From address, lower-cased; undefined when there is none we can read. */
  from: string | undefined;
  /** The SMTP return path: '' is the null sender of a bounce; undefined when no envelope came with it (the webhook). */
  envelopeFrom: string | undefined;
}

/**
 * Why a mail must not be answered, or undefined. Answering an auto-reply, a bounce, a list or
 * ourselves starts a mail loop (RFC 3834): such mail is kept, with this reason, and not answered.
 */
export function whyNotToAnswer(mail: MailFacts, supportAddress: string): string | undefined {
  const header = (name: string) => mail.headers.get(name)?.trim().toLowerCase();
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted !== undefined && autoSubmitted !== '' && !autoSubmitted.startsWith('no')) return `auto-submitted mail (Auto-Submitted: ${autoSubmitted})`;
  const precedence = header('precedence');
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply', 'auto-reply'].includes(precedence)) return `bulk or automatic mail (Precedence: ${precedence})`;
  for (const name of ['x-autoreply', 'x-autorespond', 'x-auto-response-suppress']) {
    const value = header(name);
    // Exchange sends X-Auto-Response-Suppress on its own replies to stop others answering them.
    if (value !== undefined && (name !== 'x-auto-response-suppress' || /\b(all|oof|autoreply)\b/.test(value))) return `an auto-reply (${name})`;
  }
  if (mail.envelopeFrom === '') return 'a bounce (empty return path)';
  const from = mail.from;
  if (!from) return 'no From address to answer';
  const local = from.split('@')[0] ?? '';
  if (['mailer-daemon', 'postmaster'].includes(local)) return `a bounce (from ${from})`;
  if (from === supportAddress.toLowerCase()) return 'mail from our own address';
  const contentType = header('content-type') ?? '';
  if (/^multipart\/report\b/.test(contentType) && /report-type\s*=\s*"?(delivery-status|disposition-notification)/.test(contentType)) return 'a delivery or read report';
  return undefined;
}

/**
 * Why raw bytes are not a mail we can read, or undefined: a mail starts with header lines
 * ("Name: value", folded lines indented), ends them with a blank line, and has a From.
 */
export function whyNotAMail(raw: Buffer): string | undefined {
  if (raw.length === 0) return 'the message is empty';
  const text = raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const head = end === -1 ? text : text.slice(0, end);
  const lines = head.split(/\r?\n/);
  if (lines.length === 0 || !/^[!-9;-~]+:/.test(lines[0] ?? '')) return 'the message does not start with a header line (Name: value)';
  for (const [i, line] of lines.entries()) {
    if (line === '' || /^[ \t]/.test(line)) continue;
    if (!/^[!-9;-~]+:/.test(line)) return `header line ${i + 1} is not "Name: value"`;
  }
  if (end === -1 && raw.length > 64 * 1024) return 'the header section never ends (no blank line)';
  if (!lines.some((line) => /^from:/i.test(line))) return 'the message has no From header';
  return undefined;
}
