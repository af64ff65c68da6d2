import type { MessageKey } from '../messages';

/** What a customer says about the newsletter: join it, leave it, or (undefined) not clear which. */
export type SubscriptionChoice = 'subscribe' | 'unsubscribe';

const UNSUBSCRIBE = [
  /\bun-?subscri/,
  /\bopt(ing)?[ -]?out\b/,
  /\b(stop|quit|cease|end)\b[^.?!]*\b(send|sending|e-?mail|emailing|newsletter|mail|marketing|receiving|getting)/,
  /\b(don'?t|do not|no longer|never) (want|wish|need|like)\b[^.?!]*\b(newsletter|e-?mails?|mails?|marketing|promotions?|offers)/,
  /\b(newsletter|e-?mails?|marketing)\b[^.?!]*\b(any ?more|no more|no longer)\b/,
  /\b(remove|take) me\b[^.?!]*\b(off|from)\b/,
  /\b(cancel|leave|end)\b[^.?!]*\b(newsletter|subscription|mailing list)/,
  /^\s*(leave|out|remove|stop)\b/,
];

const SUBSCRIBE = [
  /\bsubscri/,
  /\bsign(ing)? (me )?up\b/,
  /\bopt(ing)?[ -]?in\b/,
  /\bjoin\b/,
  /\b(want|like|love|wish|get|receive|add me|start)\b[^.?!]*\b(newsletter|mailing list|updates|offers)/,
  /\badd me\b/,
];

export function subscriptionChoice(text: string): SubscriptionChoice | undefined {
  const t = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  if (UNSUBSCRIBE.some((re) => re.test(t))) return 'unsubscribe';
  if (SUBSCRIBE.some((re) => re.test(t))) return 'subscribe';
  return undefined;
}

/** The two choices; their labels are templates, said in the customer's language. */
export const SUBSCRIPTION_OPTIONS: readonly { id: SubscriptionChoice; label: MessageKey }[] = [
  { id: 'subscribe', label: 'Subscribe' },
  { id: 'unsubscribe', label: 'Unsubscribe' },
];

/**
 * The words a subscriber agrees to: stored with each consent, so a change of wording never rewrites
 * what someone agreed to. A template: the customer agrees to it in their language, and that is stored.
 */
export const NEWSLETTER_CONSENT_WORDING: MessageKey =
  'I agree to receive the store newsletter by e-mail, with news and offers, about once a week. I can unsubscribe at any time.';

export const NEWSLETTER_WITHDRAWAL_WORDING: MessageKey = 'I no longer want to receive the store newsletter.';

/** "a•••@example.com": enough for the customer to recognise the address, not enough to read it out. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '•••';
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}
