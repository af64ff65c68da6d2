/**
 * What the policy tells a customer, as templates of the message catalogue rather than finished English:
 * the workflow renders them in the conversation's language, while the English rendering stays the
 * decision's `reason` (audit, agents, tests) exactly as it always read.
 */
import { render, type MessageKey, type MessageParam } from '../messages';

/** A template and its facts; a fact may itself be worded (a status, a nested problem) or a list of such. */
export interface Wording {
  key: MessageKey;
  params?: Readonly<Record<string, WordingParam>>;
}
/** Worded text, or text put in as it is: ids, names, addresses, the customer's own words. */
export type Words = Wording | string;
/** Pieces joined with a fixed separator ("a; b"), or listed as the language lists ("a, b and c"). */
export type WordList = { joined: readonly Words[]; by: string } | { listed: readonly Words[] };
export type WordingParam = MessageParam | Wording | WordList;

export const words = (key: MessageKey, params?: Readonly<Record<string, WordingParam>>): Wording => (params ? { key, params } : { key });

/** How one template is said: `render` in a language, or the conversation's `say` (which also keeps the English). */
export type SayTemplate = (key: MessageKey, params: Readonly<Record<string, MessageParam>>) => string;

function isWording(value: WordingParam): value is Wording {
  return typeof value === 'object' && 'key' in value;
}

/** Says worded text from the inside out: nested wordings first, then the template that holds them. */
export function sayWords(text: Words, say: SayTemplate): string {
  if (typeof text === 'string') return text;
  const params: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) params[name] = paramText(value, say);
  return say(text.key, params);
}

function paramText(value: WordingParam, say: SayTemplate): MessageParam {
  if (typeof value !== 'object') return value;
  if (isWording(value)) return sayWords(value, say);
  if ('joined' in value) return value.joined.map((piece) => sayWords(piece, say)).join(value.by);
  if ('listed' in value) {
    const pieces = value.listed.map((piece) => sayWords(piece, say));
    // "a, b and c" without a serial comma, as the English reasons have always listed orders.
    return pieces.length <= 1 ? (pieces[0] ?? '') : say('{items} and {last}', { items: pieces.slice(0, -1).join(', '), last: pieces[pieces.length - 1]! });
  }
  return value;
}

/** Worded text in a language ('en' gives the decision's `reason`). */
export function wordsIn(language: string | undefined, text: Words): string {
  return sayWords(text, (key, params) => render(language, key, params));
}

export const inEnglish = (text: Words): string => wordsIn('en', text);
