import type { Entities } from '../entities';
import { type EscalationInput, type Finding } from './types';
import { wordsOf } from './words';

/** Shouting needs several shouted words: one "WHY?" is emphasis, not anger. */
export const SHOUTING_MIN_WORDS = 3;
/** ...and most of the message: a capitalised product name inside a calm sentence is not shouting. */
export const SHOUTING_MIN_RATIO = 0.6;
/** Words shorter than this ("I", "OK", "NO") are upper case too often by habit to count. */
export const REAL_WORD_MIN_LETTERS = 3;
/** Exclamation marks in one message worth showing an agent; never an escalation on their own. */
export const EXCLAMATIONS_SIGNAL_MIN = 3;

/** Upper case by convention, not by mood. */
export const ALLOWED_ACRONYMS: ReadonlySet<string> = new Set([
  'ASAP', 'ATM', 'CEO', 'CPU', 'CVV', 'DHL', 'DIY', 'DVD', 'EST', 'ETA', 'FAQ', 'FEDEX', 'FYI', 'GMT', 'GPS', 'GPU',
  'HDD', 'HDMI', 'IBAN', 'LCD', 'LED', 'NYC', 'PDF', 'PIN', 'PST', 'RAM', 'RMA', 'RSVP', 'SKU', 'SMS', 'SSD',
  'TBD', 'UPS', 'URL', 'USA', 'USB', 'USPS', 'UTC', 'VAT', 'VIP', 'XXL', 'ZIP',
  'AM', 'EU', 'ID', 'OK', 'PC', 'PM', 'TV', 'UK', 'US', 'XL',
]);

export interface CapsReading {
  /** Words that can shout: long enough, no digits, no order ids, not an acronym or a known term. */
  realWords: number;
  shoutedWords: string[];
  ratio: number;
  exclamations: number;
}

function knownWords(knownTerms: readonly string[]): Set<string> {
  return new Set(knownTerms.flatMap((term) => term.split(/[^\p{L}\p{N}]+/u)).filter(Boolean).map((w) => w.toUpperCase()));
}

// E-mail addresses and links are often typed or pasted in capitals; they are data, not tone.
const EMAILS_AND_LINKS = /\S+@\S+|\bhttps?:\/\/\S+|\bwww\.\S+/gi;

export function readCaps(text: string, knownTerms: readonly string[] = []): CapsReading {
  const known = knownWords(knownTerms);
  let realWords = 0;
  const shoutedWords: string[] = [];
  for (const word of wordsOf(text.replace(EMAILS_AND_LINKS, ' '))) {
    if (word.text.startsWith('#') || /\p{N}/u.test(word.text)) continue;
    const letters = word.text.replace(/[^\p{L}]/gu, '');
    if (letters.length < REAL_WORD_MIN_LETTERS) continue;
    const upper = letters.toUpperCase();
    const inCapitals = letters === upper && letters !== letters.toLowerCase();
    // "UPS" is a carrier, "ups and downs" a phrase: the allow-lists only excuse words written in capitals.
    if (inCapitals && (ALLOWED_ACRONYMS.has(upper) || known.has(upper))) continue;
    realWords++;
    if (inCapitals) shoutedWords.push(word.text);
  }
  const exclamations = (text.match(/!/g) ?? []).length;
  return { realWords, shoutedWords, ratio: realWords === 0 ? 0 : shoutedWords.length / realWords, exclamations };
}

export function isShouting(reading: CapsReading): boolean {
  return reading.shoutedWords.length >= SHOUTING_MIN_WORDS && reading.ratio >= SHOUTING_MIN_RATIO;
}

export function checkShouting(input: EscalationInput): Finding {
  const reading = readCaps(input.text, input.knownTerms);
  const finding: Finding = { reasons: [], signals: [] };
  const shouted = `${reading.shoutedWords.length} of ${reading.realWords} words in capitals (${reading.shoutedWords.join(' ')})`;
  if (isShouting(reading)) finding.reasons.push({ code: 'shouting', detail: shouted });
  else if (reading.shoutedWords.length > 0) finding.signals.push({ code: 'capitals', detail: shouted });
  if (reading.exclamations >= EXCLAMATIONS_SIGNAL_MIN) {
    finding.signals.push({ code: 'exclamations', detail: `${reading.exclamations} exclamation marks` });
  }
  return finding;
}

/**
 * The details a customer gives when asked (a name, an address), which are often typed in capitals:
 * only these words are excused, so "WHY DO YOU NEED MY EMAIL" while the bot asks for one still shouts.
 */
export function detailTerms(entities: Entities): string[] {
  const { name, address } = entities;
  const parts = [name?.first, name?.last, address?.address1, address?.address2, address?.city, address?.state, address?.country];
  return parts.filter((p): p is string => p !== undefined && p.length > 0);
}
