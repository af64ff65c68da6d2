import type { ReplyOption } from '../../domain/conversation';
import { MAX_MESSAGE_CHARS } from '../../domain/message-validation';
import { render } from '../../domain/messages';

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Lines that open the quoted history a mail client puts under a reply: everything from there on is
 * what we (or someone) wrote before, not what the customer says now. English first, then the
 * variants of the clients people use most in other languages.
 */
const ATTRIBUTION_LINES: readonly RegExp[] = [
  /^on\b.{0,300}\bwrote:?$/i,
  /^-{2,}\s*original message\s*-{2,}$/i,
  /^-{2,}\s*forwarded message\s*-{2,}$/i,
  /^begin forwarded message:?$/i,
  /^am\b.{0,300}\bschrieb\b.{0,200}:?$/i,
  /^-{2,}\s*(ursprüngliche nachricht|original-nachricht)\s*-{2,}$/i,
  /^le\b.{0,300}\ba écrit\s*:?$/i,
  /^-{2,}\s*message d'origine\s*-{2,}$/i,
  /^el\b.{0,300}\bescribió:?$/i,
  /^-{2,}\s*mensaje original\s*-{2,}$/i,
  /^em\b.{0,300}\bescreveu:?$/i,
  /^il giorno\b.{0,300}\bha scritto:?$/i,
  /^op\b.{0,300}\bschreef\b.{0,200}:?$/i,
  /^den\b.{0,300}\bskrev\b.{0,200}:?$/i,
  /^-{2,}\s*(oorspronkelijk bericht|originalmeddelande|alkuperäinen viesti)\s*-{2,}$/i,
];

/** Outlook's header block that starts a quoted message ("From: …" followed by "Sent:" or "Date:"). */
const OUTLOOK_FROM = /^(from|von|de|van|från|da):\s+\S/i;
const OUTLOOK_NEXT = /^(sent|date|gesendet|datum|envoyé|enviado|verzonden|skickat|inviato|data):\s+\S/i;

/** "-- " alone on a line (RFC 3676), and the two-dash line people type without its space. */
const SIGNATURE_LINE = /^--\s?$/;
/** What phones put under every message. */
const SENT_FROM = /^(sent from my|get outlook for|von meinem .* gesendet|envoyé de mon)\b/i;

/**
 * What the customer wrote in this mail: the quoted history (attribution lines, `>` lines, Outlook's
 * original-message block) and the signature cut away, trailing blank lines trimmed.
 */
export function newTextOf(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const trimmed = line.trim();
    if (SIGNATURE_LINE.test(line)) break;
    if (SENT_FROM.test(trimmed)) break;
    if (ATTRIBUTION_LINES.some((re) => re.test(trimmed))) break;
    // Gmail wraps a long attribution over two lines: "On Tue, 1 Dec 2026 at 10:00, Support" / "<support@…> wrote:".
    const next = (lines[i + 1] ?? '').trim();
    if (/^on\s/i.test(trimmed) && /\bwrote:?$/i.test(next) && trimmed.length + next.length < 300) break;
    if (OUTLOOK_FROM.test(trimmed) && lines.slice(i + 1, i + 4).some((next) => OUTLOOK_NEXT.test(next.trim()))) break;
    if (/^_{10,}$/.test(trimmed) && lines.slice(i + 1, i + 3).some((next) => OUTLOOK_FROM.test(next.trim()))) break;
    if (trimmed.startsWith('>')) continue;
    kept.push(line.replace(/\s+$/, ''));
  }
  return kept.join('\n').replace(/^\n+|\n+$/g, '');
}

export interface AttachmentFacts {
  filename?: string;
  contentType: string;
  size: number;
}

/** How an attachment is noted in the transcript: named, never opened or read as words to act on. */
export function attachmentNote(attachment: AttachmentFacts): string {
  const name = (attachment.filename ?? 'unnamed').replace(/[\u0000-\u001f\u007f[\]]/g, '').slice(0, 120) || 'unnamed';
  return `[attachment: ${name}, ${attachment.contentType.replace(/[^\w.+/-]/g, '')}, ${readableSize(attachment.size)}]`;
}

function readableSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A reply that is only a number ("2", "2.", "#2", "2)"), on its first line, picks that option of the
 * ones our last mail numbered: the option's id goes to the conversation, so the flow sees what it offered.
 */
export function optionPickedByNumber(text: string, offered: readonly ReplyOption[] | undefined): ReplyOption | undefined {
  if (!offered || offered.length === 0) return undefined;
  const first = text.trim().split('\n')[0]?.trim() ?? '';
  const match = /^(?:#|no\.?\s*|option\s*)?(\d{1,2})[.)]?$/i.exec(first);
  if (!match) return undefined;
  return offered[Number(match[1]) - 1];
}

/** The options as the plain-text part lists them: numbered, with how to answer. */
export function numberedOptionsText(options: readonly ReplyOption[], language?: string): string {
  if (options.length === 0) return '';
  const list = options.map((option, i) => `${i + 1}. ${option.label}`).join('\n');
  return `${list}\n\n${render(language, 'Reply with the number of your choice.')}`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** The plain-text and HTML bodies of one mail of ours: the paragraphs, then the numbered options, answered in `language`. */
export function mailBodies(paragraphs: readonly string[], options: readonly ReplyOption[], language?: string): { text: string; html: string } {
  const listed = numberedOptionsText(options, language);
  const text = [...paragraphs, ...(listed ? [listed] : [])].join('\n\n') + '\n';
  const htmlParagraphs = paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  const htmlOptions = options.length
    ? [`<ol>${options.map((o) => `<li>${escapeHtml(o.label)}</li>`).join('')}</ol>`, `<p>${escapeHtml(render(language, 'Reply with the number of your choice.'))}</p>`]
    : [];
  const html = `<!doctype html><html><body>${[...htmlParagraphs, ...htmlOptions].join('')}</body></html>`;
  return { text, html };
}

/** The subject of our answer: the customer's, with one "Re:"; without one, ours in the reply's language. */
export function replySubject(subject: string | undefined, language?: string): string {
  const plain = (subject ?? '').replace(/[\r\n]+/g, ' ').trim();
  if (!plain) return render(language, 'Re: your message to support');
  return /^(re|aw|sv|antw?)\s*:/i.test(plain) ? plain : `Re: ${plain}`;
}

/**
 * What the conversation is told of a mail: the new text (quoted history and signature cut), else its
 * subject, and a note per attachment. Attachments are named, never opened.
 */
export function transcriptTextOf(parsed: { text?: string; subject?: string; attachments: readonly AttachmentFacts[] }): string {
  const body = newTextOf(parsed.text ?? '').replace(CONTROL_CHARACTERS, '');
  const said = body || (parsed.subject ?? '').replace(CONTROL_CHARACTERS, '').replace(/^((re|fwd?|aw|sv)\s*:\s*)+/i, '').trim();
  const notes = parsed.attachments.map((a) => attachmentNote({ filename: a.filename, contentType: a.contentType, size: a.size }));
  const tail = notes.join('\n');
  const room = MAX_MESSAGE_CHARS - tail.length - 2;
  const cut = said.length > room ? `${said.slice(0, Math.max(0, room - 20))} […cut: too long]` : said;
  return [cut, tail].filter(Boolean).join('\n\n').trim();
}
