import { requestedLanguage } from './language-request';

/** What the detector made of one message (see nlu/language/detect.ts). */
export interface LanguageGuess {
  /** ISO 639-1, or undefined when the message has too little text to tell (ids, "ok", an e-mail address). */
  language?: string;
  /** The detector's own verdict that the guess is sound. */
  reliable: boolean;
  /** Words of letters left once ids, addresses, numbers and emoji are taken out. */
  words: number;
}

/** The conversation's language as it carries from turn to turn. */
export interface ConversationLanguage {
  language: string;
  /** How it was set: the customer asked for it, or their messages showed it. */
  by: 'request' | 'detection';
  /** A different language seen in the customer's last message, not yet enough to switch. */
  pending?: string;
}

/** `language` stays undefined until a message shows one: replies meanwhile use the default. */
export type LanguageDecision = { language?: ConversationLanguage; changed: boolean };

/** A message this long in another language switches at once; a shorter one needs a second in a row. */
const DECISIVE_WORDS = 7;
/** Shorter messages ("ok", "sí", "danke", an order id) never move the language. */
const MIN_WORDS = 3;
/** The first language can be read from less: there is nothing to overturn yet. */
const FIRST_WORDS = 2;

/**
 * The conversation's language after one more customer message. It changes only on clear evidence:
 * an explicit request, a long message, or two messages in a row in the same other language. Short or
 * mixed messages never flip it.
 */
export function nextConversationLanguage(current: ConversationLanguage | undefined, text: string, guess: LanguageGuess): LanguageDecision {
  const asked = requestedLanguage(text);
  if (asked) return { language: { language: asked, by: 'request' }, changed: asked !== current?.language };
  const seen = guess.reliable ? guess.language : undefined;
  if (!current) {
    if (seen && guess.words >= FIRST_WORDS) return { language: { language: seen, by: 'detection' }, changed: true };
    return { changed: false };
  }
  if (!seen || seen === current.language || guess.words < MIN_WORDS) {
    // The customer's language showed again (or nothing clear did): a half-way switch is forgotten.
    const { pending: _forgotten, ...kept } = current;
    return { language: seen === current.language ? kept : current, changed: false };
  }
  if (guess.words >= DECISIVE_WORDS || current.pending === seen) {
    return { language: { language: seen, by: 'detection' }, changed: true };
  }
  return { language: { ...current, pending: seen }, changed: false };
}

/**
 * A keyword rule written for one language decided the message ("Quero cancelar a minha encomenda"):
 * that is evidence of its language however short, where the detector alone is unsure. A detector sure
 * of another language keeps its word. Rule names end in their language's code ("cancel-order-pt").
 */
export function withRuleEvidence(guess: LanguageGuess, rule: string | undefined): LanguageGuess {
  const ruled = /-(de|es|fr|pt)$/.exec(rule ?? '')?.[1];
  if (!ruled || (guess.reliable && guess.language !== ruled)) return guess;
  return { language: ruled, reliable: true, words: guess.words };
}
