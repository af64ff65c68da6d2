import { isServedLanguage, type ServedLanguage } from '../language/languages';

/**
 * The locale each served language formats numbers, amounts and dates in. The store is in Europe for
 * every language but English, and prices are in US dollars everywhere (the store's one currency).
 */
const LOCALES: Record<ServedLanguage, string> = { en: 'en-US', de: 'de-DE', es: 'es-ES', fr: 'fr-FR', pt: 'pt-PT' };
const CURRENCY = 'USD';

export function localeOf(language: string | undefined): string {
  return LOCALES[isServedLanguage(language) ? language : 'en'];
}

/**
 * An amount in cents: "$12.50" in English, "12,50 $" in German, "12,50 US$" in Portuguese. Without
 * thousands separators, as the English replies have always been written ("$1234.50").
 */
export function formatMoney(cents: number, language: string | undefined): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: CURRENCY, useGrouping: false }).format(cents / 100);
}

export function formatNumber(value: number, language: string | undefined): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

/** A calendar date ("March 4, 2026", "4. März 2026"), read in UTC so it is the same on every machine. */
export function formatDate(iso: string, language: string | undefined): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

/** "a, b and c" with the language's own conjunction ("a, b und c", "a, b y c"). */
export function formatList(items: readonly string[], language: string | undefined): string {
  return new Intl.ListFormat(localeOf(language), { style: 'long', type: 'conjunction' }).format(items);
}
