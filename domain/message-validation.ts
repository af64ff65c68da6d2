/** Limits on one customer message; checked by the API and again by the workflow's Update validator. */
export const MAX_MESSAGE_CHARS = 4000;

/** Returns why a customer message is unacceptable, or undefined when it is fine. */
export function whyMessageIsInvalid(text: unknown): string | undefined {
  if (typeof text !== 'string') return 'text must be a string';
  if (text.trim().length === 0) return 'text must not be empty';
  if (text.length > MAX_MESSAGE_CHARS) return `text must be at most ${MAX_MESSAGE_CHARS} characters (got ${text.length})`;
  // Control characters other than tab and line breaks are never typed by a person; they break channels downstream.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return 'text must not contain control characters';
  return undefined;
}
