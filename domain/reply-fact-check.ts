/**
 * The guard between an LLM's phrasing of a reply and the customer: the phrasing may change the
 * words, never the substance. Every number, date, time and id it mentions must already be in the
 * template or in the facts the workflow decided; it may not add promises the template does not
 * make, and it may not talk about instructions (a sign of a prompt injection or of a model
 * stepping out of its role). Anything doubtful is rejected: the template is always a safe reply.
 */
import { FACT_LEXICONS, OUT_OF_ROLE_WORDS, PROMISE_WORDS, type FactLexicon } from './language/fact-lexicon';
import { foldForMatching } from './language/languages';

export type PhrasingCheck = { ok: true } | { ok: false; reason: string };

/** A phrasing may be this many times the template's length, plus SLACK characters, and no longer. */
export const MAX_LENGTH_FACTOR = 3;
export const MAX_LENGTH_SLACK = 200;

/**
 * Commitments the store makes only when its code decided them. Each may appear in a phrasing only
 * when the template or the facts mention it too.
 */
export const PROMISE_TERMS: readonly { term: string; pattern: RegExp }[] = [
  { term: 'guarantee', pattern: /\bguarantee/i },
  { term: 'promise', pattern: /\bpromis/i },
  { term: 'refund', pattern: /\brefund/i },
  { term: 'credited', pattern: /\bcredited\b/i },
  { term: 'reimburse', pattern: /\breimburs/i },
  { term: 'compensation', pattern: /\bcompensat/i },
  { term: 'discount', pattern: /\b(?:discount|voucher|coupon)/i },
  { term: 'waive', pattern: /\bwaiv/i },
  { term: 'expedite', pattern: /\bexpedit/i },
  { term: 'cancel', pattern: /\bcancel/i },
  { term: 'replacement', pattern: /\breplacement/i },
];

/** Text that speaks about the model, its prompt or its instructions instead of to the customer. */
const OUT_OF_ROLE: readonly RegExp[] = [
  /\bas an? (?:ai|a\.i\.|artificial intelligence|language model|llm|assistant)\b/i,
  /\b(?:language model|system prompt|my (?:instructions|guidelines|programming|prompt)|(?:previous|prior|above|these|the) instructions)\b/i,
  /\b(?:i|we) (?:cannot|can't|can not|won't|will not|am unable to|'m unable to|am not able to) (?:follow|comply with|obey|ignore|disregard)\b/i,
  /\b(?:ignore|disregard) (?:all |any |the )?(?:previous|prior|above|earlier)\b/i,
  /\b(?:anthropic|claude|chatgpt|openai)\b/i,
  /\b(?:rephras|reword|rewrit)\w*/i,
  /<\/?[a-z_]+>/i,
];

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const monthName = (text: string): string => MONTHS.find((m) => m.startsWith(text.toLowerCase().slice(0, 3))) ?? text.toLowerCase();

const SMALL_NUMBERS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NUMBER_WORD = `(?:${[...SMALL_NUMBERS, ...TENS.filter(Boolean), 'hundred', 'thousand'].join('|')})`;

interface Mention {
  /** What is compared: equal keys mean the same fact in any format. */
  key: string;
  /** As the text wrote it, for the rejection reason. */
  surface: string;
}

/** `folded` extractors look at the folded text (lower case, no accents), where the lexicons' words are. */
type Extractor = { pattern: RegExp; keys: (match: RegExpMatchArray) => string[]; folded?: boolean };

const canonicalNumber = (digits: string): string => {
  const plain = digits.replace(/,/g, '');
  const [whole = '0', fraction] = plain.split('.');
  const integer = whole.replace(/^0+(?=\d)/, '');
  const decimals = (fraction ?? '').replace(/0+$/, '');
  return decimals ? `${integer}.${decimals}` : integer;
};

/**
 * Number words as the numbers they say: "twenty-five" → [25], "one hundred and five" → [105];
 * words that do not compose ("five six") each count on their own.
 */
function wordsToNumbers(words: string): number[] {
  const out: number[] = [];
  let total = 0;
  let current = 0;
  let last: 'none' | 'small' | 'tens' | 'hundred' | 'thousand' | 'and' = 'none';
  const flush = () => {
    if (last !== 'none') out.push(total + current);
    total = 0;
    current = 0;
    last = 'none';
  };
  for (const word of words.toLowerCase().split(/[\s-]+/).filter(Boolean)) {
    const small = SMALL_NUMBERS.indexOf(word);
    const tens = TENS.indexOf(word);
    if (word === 'and') {
      if (last !== 'hundred' && last !== 'thousand') flush();
      else last = 'and';
    } else if (small >= 0) {
      if (last === 'small' || (last === 'tens' && (small === 0 || small > 9))) flush();
      current += small;
      last = 'small';
    } else if (tens >= 2) {
      if (last === 'small' || last === 'tens') flush();
      current += tens * 10;
      last = 'tens';
    } else if (word === 'hundred') {
      if (last === 'hundred' || last === 'and') flush();
      current = (current || 1) * 100;
      last = 'hundred';
    } else if (word === 'thousand') {
      if (last === 'thousand' || last === 'and') flush();
      total += (current || 1) * 1000;
      current = 0;
      last = 'thousand';
    }
  }
  flush();
  return out;
}

/** Any of `words` as whole words of folded text, longest first so "vingt-deux" wins over "vingt". */
const wordsPattern = (words: string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, '[\\s-]+')).join('|');
const wholeWords = (words: string[], flags = 'gu'): RegExp => new RegExp(`(?<![\\p{L}\\p{N}_])(?:${wordsPattern(words)})(?![\\p{L}\\p{N}_])`, flags);

/** Lexicon words written with spaces or hyphens ("vingt-deux", "la semana que viene") look alike once spaced. */
const lexiconKey = (words: string): string => words.replace(/[\s-]+/g, ' ');
const byKey = <T>(table: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(table).map(([word, value]) => [lexiconKey(word), value]));

/** The fact words of a served language other than English: numbers, dates, times, units. */
function languageExtractors(lexicon: FactLexicon): { early: Extractor[]; dates: Extractor[]; words: Extractor[]; numbers: Extractor[]; units: Extractor[] } {
  const [months, weekdays, when, numbers, units] = [byKey(lexicon.months), byKey(lexicon.weekdays), byKey(lexicon.when), byKey(lexicon.numbers), byKey(lexicon.units)];
  const monthOf = (word: string) => months[lexiconKey(word)] ?? word;
  const monthPattern = `(${wordsPattern(Object.keys(lexicon.months))})`;
  const edge = '(?<![\\p{L}\\p{N}_])';
  const end = '(?![\\p{L}\\p{N}_])';
  return {
    early: [{ pattern: wholeWords(lexicon.pleasantries), keys: () => [], folded: true }],
    dates: [
      // 3.4.2025, 03.04. (day first, as the served languages other than English write them).
      { pattern: /\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?!\d)/g, keys: (m) => dayMonthKeys(Number(m[1]), Number(m[2]), m[3]) },
      { pattern: /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/g, keys: (m) => dayMonthKeys(Number(m[1]), Number(m[2]), m[3]) },
      // "14 Uhr", "14h30", "14 h".
      { pattern: /\b(\d{1,2})\s?(?:uhr|h)(?:\s?(\d{2}))?\b/gi, keys: (m) => [`time:${Number(m[1])}:${m[2] ?? '00'}`] },
      // "3. März", "3 de marzo", "le 1er mars", "3 de março"; "März 3".
      {
        pattern: new RegExp(`${edge}(\\d{1,2})(?:\\.|er|º|°)?\\s+(?:de\\s+)?${monthPattern}${end}`, 'gu'),
        keys: (m) => [`date:${monthOf(m[2] ?? '')} ${Number(m[1])}`],
        folded: true,
      },
      { pattern: new RegExp(`${edge}${monthPattern}\\s+(\\d{1,2})${end}`, 'gu'), keys: (m) => [`date:${monthOf(m[1] ?? '')} ${Number(m[2])}`], folded: true },
    ],
    words: [
      { pattern: wholeWords(Object.keys(lexicon.months)), keys: (m) => [`month:${monthOf(m[0])}`], folded: true },
      { pattern: wholeWords(Object.keys(lexicon.weekdays)), keys: (m) => [`weekday:${weekdays[lexiconKey(m[0])] ?? m[0]}`], folded: true },
      { pattern: wholeWords(Object.keys(lexicon.when)), keys: (m) => [`when:${when[lexiconKey(m[0])] ?? m[0]}`], folded: true },
    ],
    numbers: [
      {
        pattern: wholeWords(Object.keys(lexicon.numbers)),
        keys: (m) => {
          const value = numbers[lexiconKey(m[0])];
          return value === undefined ? [] : [`number:${value}`];
        },
        folded: true,
      },
    ],
    units: [{ pattern: wholeWords(Object.keys(lexicon.units)), keys: (m) => [`unit:${units[lexiconKey(m[0])] ?? m[0]}`], folded: true }],
  };
}

function dayMonthKeys(day: number, month: number, year: string | undefined): string[] {
  const name = MONTHS[month - 1];
  if (!name || day < 1 || day > 31) return [`date:${day}.${month}${year ? `.${year}` : ''}`];
  const full = year ? (year.length === 2 ? `20${year}` : year) : undefined;
  return [`date:${name} ${day}`, ...(full ? [`date:${full}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`] : [])];
}

/**
 * Digits as amounts: "1,234.50" is English whatever the language; in the other served languages
 * "1.234,50" and "12,50" have a decimal comma, as Intl writes them there.
 */
function amountExtractor(decimalComma: boolean): Extractor {
  const percent = '(\\s*(?:%|per ?cent\\b|prozent\\b|por ?ciento\\b|pour ?cent\\b|por ?cento\\b))?';
  const forms = decimalComma
    ? ['\\d{1,3}(?:,\\d{3})+\\.\\d+', '\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?', '\\d{1,3}(?:[\\u00a0\\u202f]\\d{3})+(?:,\\d+)?', '\\d{1,3}(?: \\d{3})+,\\d+', '\\d+,\\d+', '\\d+(?:\\.\\d+)?']
    : ['\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?', '\\d+(?:\\.\\d+)?'];
  return {
    pattern: new RegExp(`(?:[$€£]\\s?)?(${forms.join('|')})${percent}`, 'gi'),
    keys: (m) => {
      const written = m[1] ?? '';
      const english = !decimalComma || /^\d{1,3}(?:,\d{3})+\.\d+$/.test(written) || !/,/.test(written);
      const digits = english ? written : written.replace(/[.\s]/g, '').replace(',', '.');
      // Item ids and tracking numbers are compared as written; amounts by value.
      if (/^\d{8,}$/.test(digits)) return [`id:${digits}`];
      return [m[2] ? `percent:${canonicalNumber(digits)}` : `number:${canonicalNumber(digits)}`];
    },
  };
}

// The English extractors, by what they read.
const PLEASANTRIES: Extractor = { pattern: /\b(?:an? |the )?(?:nice|great|good|lovely|wonderful|fantastic|pleasant|happy) (?:day|week|weekend|evening)\b/gi, keys: () => [] };
/** "this one", "no one": pronouns, not the number 1. */
const PRONOUN_ONE: Extractor = { pattern: /\b(?:this|that|which|the|no|any|every|each|another) one\b|\bone (?:moment|sec|second)\b/gi, keys: () => [] };
const LINKS_AND_IDS: Extractor[] = [
  { pattern: /\bhttps?:\/\/[^\s<>"'`)\]]+|\bwww\.[^\s<>"'`)\]]+/gi, keys: (m) => [`link:${m[0].replace(/[.,;:!?]+$/, '').replace(/^https?:\/\//i, '').replace(/^www\./i, '').toLowerCase()}`] },
  { pattern: /\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b/gi, keys: (m) => [`email:${m[0].toLowerCase()}`] },
  { pattern: /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|uk|de|eu|shop|store|help|app|dev|info)\b/gi, keys: (m) => [`link:${m[0].toLowerCase()}`] },
  { pattern: /(?<![\w/.:~-])\/[a-z0-9._~%-]*[a-z][a-z0-9._~%-]*(?:\/[a-z0-9._~%-]+)*\/?/gi, keys: (m) => [`link:${m[0].replace(/[.,;:!?]+$/, '').replace(/\/$/, '').toLowerCase()}`] },
  // Payment methods, users and other store ids: credit_card_8035326, gift_card_123, paypal_1.
  { pattern: /\b(?=\w*_)(?=\w*\d)\w+\b/g, keys: (m) => [`id:${m[0].toLowerCase()}`] },
];
const ISO_DATE: Extractor = {
  pattern: /\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g,
  keys: (m) => {
    const month = MONTHS[Number(m[2]) - 1];
    const day = Number(m[3]);
    return [`date:${m[1]}-${m[2]}-${m[3]}`, ...(month ? [`date:${month} ${day}`, `month:${month}`] : [])];
  },
};
/** Month first, as American English writes it. */
const SLASH_DATE: Extractor = { pattern: /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/g, keys: (m) => [`date:${Number(m[1])}/${Number(m[2])}${m[3] ? `/${m[3]}` : ''}`] };
const TIME: Extractor = {
  pattern: /\b(\d{1,2})(?::(\d{2}))?\s?([ap])\.?m\b\.?|\b(\d{1,2}):(\d{2})\b/gi,
  keys: (m) => (m[3] ? [`time:${Number(m[1])}:${m[2] ?? '00'}${m[3].toLowerCase()}m`] : [`time:${Number(m[4])}:${m[5]}`]),
};
/** Order ids and tracking numbers: letters and digits together, #W2651773 == W2651773. */
const ORDER_ID: Extractor = { pattern: /#?\b(?!\d+(?:st|nd|rd|th)\b)(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{5,}\b/gi, keys: (m) => [`id:${m[0].replace(/^#/, '').toUpperCase()}`] };
const CALENDAR_WORDS: Extractor[] = [
  { pattern: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'gi'), keys: (m) => [`date:${monthName(m[1] ?? '')} ${Number(m[2])}`] },
  { pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?![a-z])`, 'gi'), keys: (m) => [`date:${monthName(m[2] ?? '')} ${Number(m[1])}`] },
  // A month alone; "may" is left out, being mostly a verb.
  { pattern: /\b(january|february|march|april|june|july|august|september|october|november|december)\b/gi, keys: (m) => [`month:${m[1]?.toLowerCase()}`] },
  { pattern: /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/gi, keys: (m) => [`weekday:${m[1]?.toLowerCase()}`] },
  {
    pattern: /\b(?:today|tonight|tomorrow|yesterday|overnight|asap|weekend|(?:next|this|last|coming) (?:week|month|year)|end of (?:the )?(?:day|week|month))\b/gi,
    keys: (m) => [`when:${m[0].toLowerCase().replace(/\s+/g, ' ')}`],
  },
];
const NUMBER_WORDS: Extractor = {
  pattern: new RegExp(`\\b${NUMBER_WORD}(?:(?:\\s+and\\s+|[\\s-]+)${NUMBER_WORD})*\\b(\\s*(?:%|per ?cent\\b))?`, 'gi'),
  keys: (m) => {
    const values = wordsToNumbers(m[0].replace(/\s*(?:%|per ?cent)$/i, ''));
    // Only the last number of a run carries the percent sign.
    return values.map((value, i) => (m[1] && i === values.length - 1 ? `percent:${value}` : `number:${value}`));
  },
};
const UNITS: Extractor = { pattern: /\b(minute|hour|day|week|month|year)s?\b/gi, keys: (m) => [`unit:${m[1]?.toLowerCase()}`] };

/**
 * In the order they run: each match is blanked out before the next extractor looks, so
 * "credit_card_8035326" is one id, not also the number 8035326. English is always read (ids and
 * some templates are English); a served `language` adds its own words and its way with dates and
 * decimal commas.
 */
function extractorsFor(language: string | undefined): Extractor[] {
  const lexicon = language && language !== 'en' ? FACT_LEXICONS[language] : undefined;
  if (!lexicon) return [PLEASANTRIES, PRONOUN_ONE, ...LINKS_AND_IDS, ISO_DATE, SLASH_DATE, TIME, ORDER_ID, ...CALENDAR_WORDS, NUMBER_WORDS, amountExtractor(false), UNITS];
  const own = languageExtractors(lexicon);
  return [...own.early, PLEASANTRIES, PRONOUN_ONE, ...LINKS_AND_IDS, ISO_DATE, ...own.dates, TIME, ORDER_ID, ...CALENDAR_WORDS, ...own.words, ...own.numbers, NUMBER_WORDS, amountExtractor(true), UNITS, ...own.units];
}

function mentionsIn(text: string, language: string | undefined): Mention[] {
  // The folded copy keeps every character's place, so a match found there is blanked in both.
  let rest = text;
  let folded = foldForMatching(text);
  const found: Mention[] = [];
  for (const { pattern, keys, folded: onFolded } of extractorsFor(language)) {
    const matches = [...(onFolded ? folded : rest).matchAll(pattern)];
    for (const match of matches) {
      const at = match.index ?? 0;
      const surface = rest.slice(at, at + match[0].length).trim();
      for (const key of keys(match)) found.push({ key, surface });
    }
    for (const match of matches) {
      const at = match.index ?? 0;
      const blank = ' '.repeat(match[0].length);
      rest = rest.slice(0, at) + blank + rest.slice(at + match[0].length);
      folded = folded.slice(0, at) + blank + folded.slice(at + match[0].length);
    }
  }
  return found;
}

/** Every fact the template and the facts state, read generously: "$12.50" also vouches for 12 and 50. */
function allowedKeys(text: string, language: string | undefined): Set<string> {
  const keys = new Set(mentionsIn(text, language).map((m) => m.key));
  for (const run of text.match(/\d+(?:\.\d+)?/g) ?? []) {
    keys.add(`number:${canonicalNumber(run)}`);
    for (const part of run.split('.')) keys.add(`number:${canonicalNumber(part)}`);
  }
  return keys;
}

/**
 * Digits of any script as ASCII ("١٢" and "１２" are 12): decimal digits come in runs of ten, zero
 * first, so a digit's value is its distance from the start of its run, modulo ten.
 */
function asciiDigits(text: string): string {
  // Arabic writes its own decimal and thousands separators.
  return text.replace(/\u066b/g, '.').replace(/\u066c/g, ',').replace(/\p{Nd}/gu, (digit) => {
    if (digit >= '0' && digit <= '9') return digit;
    let start = digit.codePointAt(0) ?? 0;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    return String(((digit.codePointAt(0) ?? 0) - start) % 10);
  });
}

/** A commitment in any served language, in the raw or the folded text. */
const promiseIn = (term: string, pattern: RegExp) => (raw: string, folded: string) => pattern.test(raw) || (PROMISE_WORDS[term]?.test(folded) ?? false);

/**
 * Whether `candidate` may stand in for `template`: it says nothing the template and the facts do
 * not already say. `language` is the candidate's (the conversation's) when it is not English: the
 * template may be in it or in English, and the facts compare across the two. Pure, so workflows and
 * activities can both run it.
 */
export function checkPhrasing(candidate: string, template: string, facts: readonly string[] = [], language?: string): PhrasingCheck {
  const text = asciiDigits(candidate.normalize('NFC').trim());
  template = asciiDigits(template.normalize('NFC'));
  facts = facts.map((fact) => asciiDigits(fact.normalize('NFC')));
  if (text === '') return { ok: false, reason: 'the phrasing is empty' };
  const limit = MAX_LENGTH_FACTOR * template.length + MAX_LENGTH_SLACK;
  if (text.length > limit) return { ok: false, reason: `the phrasing is ${text.length} characters long, over the limit of ${limit}` };

  const folded = foldForMatching(text);
  const foldedTemplate = foldForMatching(template);
  for (const pattern of OUT_OF_ROLE) {
    const hit = pattern.exec(text);
    if (hit && !pattern.test(template)) return { ok: false, reason: `the phrasing talks about itself or its instructions: "${hit[0]}"` };
  }
  for (const pattern of OUT_OF_ROLE_WORDS) {
    const hit = pattern.exec(folded);
    if (hit && !pattern.test(foldedTemplate)) return { ok: false, reason: `the phrasing talks about itself or its instructions: "${text.slice(hit.index, hit.index + hit[0].length)}"` };
  }

  const allowedText = [template, ...facts].join('\n');
  const foldedAllowed = foldForMatching(allowedText);
  const promises = PROMISE_TERMS.filter(({ term, pattern }) => {
    const said = promiseIn(term, pattern);
    return said(text, folded) && !said(allowedText, foldedAllowed);
  }).map(({ term }) => `"${term}"`);
  if (promises.length > 0) return { ok: false, reason: `the phrasing adds what the template does not say: ${promises.join(', ')}` };

  const allowed = allowedKeys(allowedText, language);
  const unknown = [...new Set(mentionsIn(text, language).filter((m) => !allowed.has(m.key)).map((m) => `"${m.surface}"`))];
  if (unknown.length > 0) return { ok: false, reason: `the phrasing mentions what neither the template nor the facts say: ${unknown.join(', ')}` };
  return { ok: true };
}
