import type { MessageKey } from '../messages';
import { foldAccents } from '../entities';

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

// The same in German, Spanish, French and Portuguese, on accent-folded text; leaving is read first
// ("désabonner" holds "abonner", "abbestellen" is not "bestellen").
const UNSUBSCRIBE_OTHER = [
  /(?<![\p{L}])(abbestellen|abbestellt|abmelden|austragen|abonnement kundigen|keine? (newsletter|e-?mails?|werbung) mehr)(?![\p{L}])/u,
  /(?<![\p{L}])(darme de baja|darse de baja|dar de baja|de baja|cancelar (la |mi )?suscripcion|anular (la |mi )?suscripcion|desuscrib\p{L}*|no (quiero|deseo) recibir)/u,
  /(?<![\p{L}])(desabonn\p{L}*|desinscri\p{L}*|ne (plus|veux plus|souhaite plus) recevoir|ne plus recevoir|resilier (l'|mon )?abonnement)/u,
  /(?<![\p{L}])(cancelar (a |minha )?subscricao|anular (a |minha )?subscricao|deixar de receber|nao quero (receber|mais)|remover-me|desinscrever\p{L}*)/u,
];
const SUBSCRIBE_OTHER = [
  /(?<![\p{L}])(abonnieren|abonniere|anmelden|eintragen)(?![\p{L}])/u,
  /(?<![\p{L}])(suscribir\p{L}*|suscribame|apuntar\p{L}*|alta en (el|su) (boletin|newsletter))/u,
  /(?<![\p{L}])(abonner|abonnez|m'abonner|inscrire|m'inscrire|inscrivez)(?![\p{L}])/u,
  /(?<![\p{L}])(subscrever|subscreva|inscrever\p{L}*|assinar)(?![\p{L}])/u,
];

export function subscriptionChoice(text: string): SubscriptionChoice | undefined {
  const t = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  const folded = foldAccents(t);
  // Leaving in any language before joining: "cancelar a subscrição" also holds the English "subscri".
  if (UNSUBSCRIBE.some((re) => re.test(t)) || UNSUBSCRIBE_OTHER.some((re) => re.test(folded))) return 'unsubscribe';
  if (SUBSCRIBE.some((re) => re.test(t)) || SUBSCRIBE_OTHER.some((re) => re.test(folded))) return 'subscribe';
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
