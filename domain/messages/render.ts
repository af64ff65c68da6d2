import { isServedLanguage } from '../language/languages';
import type { Catalogue, TranslatedLanguage } from './catalogue';
import { formatDate, formatMoney, formatNumber } from './format';
import { MESSAGES, type MessageKey } from './messages';

/** An amount of money, formatted for the reader's locale. */
export interface MoneyParam {
  money: number;
}
/** A date (ISO 8601), formatted for the reader's locale. */
export interface DateParam {
  date: string;
}
/** Text is put in as it is (order ids, names, an already rendered sentence); numbers and amounts are formatted. */
export type MessageParam = string | number | MoneyParam | DateParam;
export type MessageParams = Readonly<Record<string, MessageParam | undefined>>;

export const money = (cents: number): MoneyParam => ({ money: cents });
export const date = (iso: string): DateParam => ({ date: iso });

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders a template uses, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1]!))];
}

/**
 * A template in the reader's language with its placeholders filled. A language the catalogue does
 * not hold (the LLM tier may serve it) gets English, which the phrasing step then rewrites.
 */
export function render(language: string | undefined, key: MessageKey, params: MessageParams = {}): string {
  const template = templateIn(MESSAGES, language, key);
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : formatParam(value, language);
  });
}

function templateIn(catalogue: Catalogue, language: string | undefined, key: string): string {
  if (!isServedLanguage(language) || language === 'en') return key;
  return catalogue[key]?.[language as TranslatedLanguage] ?? key;
}

function formatParam(value: MessageParam, language: string | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, language);
  if ('money' in value) return formatMoney(value.money, language);
  return formatDate(value.date, language);
}
