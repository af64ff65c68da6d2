/**
 * The languages the product serves without an LLM, and the names customers use for languages when
 * they ask for one. Codes are BCP 47 primary subtags (ISO 639-1).
 */

export const DEFAULT_LANGUAGE = 'en';
export const SERVED_LANGUAGES = ['en', 'de', 'es', 'fr', 'pt'] as const;
export type ServedLanguage = (typeof SERVED_LANGUAGES)[number];

export function isServedLanguage(code: string | undefined): code is ServedLanguage {
  return (SERVED_LANGUAGES as readonly string[]).includes(code ?? '');
}

/**
 * How customers name a language, in the five served languages, lower-cased and without accents
 * (see `foldForMatching`). Enough to catch "auf Deutsch bitte", "en español", "can we speak French".
 */
export const LANGUAGE_NAMES: Record<string, readonly string[]> = {
  en: ['english', 'englisch', 'ingles', 'anglais'],
  de: ['german', 'deutsch', 'aleman', 'allemand', 'alemao'],
  es: ['spanish', 'spanisch', 'espanol', 'castellano', 'espagnol', 'espanhol'],
  fr: ['french', 'franzosisch', 'frances', 'francais'],
  pt: ['portuguese', 'portugiesisch', 'portugues', 'portugais'],
  it: ['italian', 'italienisch', 'italiano', 'italien'],
  nl: ['dutch', 'niederlandisch', 'neerlandes', 'neerlandais', 'holandes'],
  pl: ['polish', 'polnisch', 'polaco', 'polonais'],
  tr: ['turkish', 'turkisch', 'turco', 'turc'],
  sv: ['swedish', 'schwedisch', 'sueco', 'suedois'],
};

/**
 * Lower case without diacritics, so "Español" and "espanol" match alike. Each character stays one
 * character ("ß" stays "ß"), so a match in the folded text is at the same place in the original.
 */
export function foldForMatching(text: string): string {
  return Array.from(text.normalize('NFC'), (ch) => {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    return base.length === ch.length ? base : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }).join('');
}
