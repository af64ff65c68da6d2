/**
 * The guard between an LLM's phrasing of a reply and the customer: the phrasing may change the
 * words, never the substance. Every number, date, time and id it mentions must already be in the
 * template or in the facts the workflow decided; it may not add promises the template does not
 * make, and it may not talk about instructions (a sign of a prompt injection or of a model
 * stepping out of its role). Anything doubtful is rejected: the template is always a safe reply.
 */
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

type Extractor = { pattern: RegExp; keys: (match: RegExpMatchArray) => string[] };

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

/**
 * In the order they run: each match is blanked out before the next extractor looks, so
 * "credit_card_8035326" is one id, not also the number 8035326.
 */
const EXTRACTORS: readonly Extractor[] = [
  // Pleasantries that mention a day but promise nothing.
  { pattern: /\b(?:an? |the )?(?:nice|great|good|lovely|wonderful|fantastic|pleasant|happy) (?:day|week|weekend|evening)\b/gi, keys: () => [] },
  // "this one", "no one": pronouns, not the number 1.
  { pattern: /\b(?:this|that|which|the|no|any|every|each|another) one\b|\bone (?:moment|sec|second)\b/gi, keys: () => [] },
  { pattern: /\bhttps?:\/\/[^\s<>"'`)\]]+|\bwww\.[^\s<>"'`)\]]+/gi, keys: (m) => [`link:${m[0].replace(/[.,;:!?]+$/, '').replace(/^https?:\/\//i, '').replace(/^www\./i, '').toLowerCase()}`] },
  { pattern: /\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b/gi, keys: (m) => [`email:${m[0].toLowerCase()}`] },
  { pattern: /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|uk|de|eu|shop|store|help|app|dev|info)\b/gi, keys: (m) => [`link:${m[0].toLowerCase()}`] },
  { pattern: /(?<![\w/.:~-])\/[a-z0-9._~%-]*[a-z][a-z0-9._~%-]*(?:\/[a-z0-9._~%-]+)*\/?/gi, keys: (m) => [`link:${m[0].replace(/[.,;:!?]+$/, '').replace(/\/$/, '').toLowerCase()}`] },
  // Payment methods, users and other store ids: credit_card_8035326, gift_card_123, paypal_1.
  { pattern: /\b(?=\w*_)(?=\w*\d)\w+\b/g, keys: (m) => [`id:${m[0].toLowerCase()}`] },
  {
    pattern: /\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g,
    keys: (m) => {
      const month = MONTHS[Number(m[2]) - 1];
      const day = Number(m[3]);
      return [`date:${m[1]}-${m[2]}-${m[3]}`, ...(month ? [`date:${month} ${day}`, `month:${month}`] : [])];
    },
  },
  { pattern: /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/g, keys: (m) => [`date:${Number(m[1])}/${Number(m[2])}${m[3] ? `/${m[3]}` : ''}`] },
  {
    pattern: /\b(\d{1,2})(?::(\d{2}))?\s?([ap])\.?m\b\.?|\b(\d{1,2}):(\d{2})\b/gi,
    keys: (m) =>
      m[3] ? [`time:${Number(m[1])}:${m[2] ?? '00'}${m[3].toLowerCase()}m`] : [`time:${Number(m[4])}:${m[5]}`],
  },
  // Order ids and tracking numbers: letters and digits together, #W2651773 == W2651773.
  { pattern: /#?\b(?!\d+(?:st|nd|rd|th)\b)(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{5,}\b/gi, keys: (m) => [`id:${m[0].replace(/^#/, '').toUpperCase()}`] },
  { pattern: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'gi'), keys: (m) => [`date:${monthName(m[1] ?? '')} ${Number(m[2])}`] },
  { pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?![a-z])`, 'gi'), keys: (m) => [`date:${monthName(m[2] ?? '')} ${Number(m[1])}`] },
  // A month alone; "may" is left out, being mostly a verb.
  { pattern: /\b(january|february|march|april|june|july|august|september|october|november|december)\b/gi, keys: (m) => [`month:${m[1]?.toLowerCase()}`] },
  { pattern: /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/gi, keys: (m) => [`weekday:${m[1]?.toLowerCase()}`] },
  {
    pattern: /\b(?:today|tonight|tomorrow|yesterday|overnight|asap|weekend|(?:next|this|last|coming) (?:week|month|year)|end of (?:the )?(?:day|week|month))\b/gi,
    keys: (m) => [`when:${m[0].toLowerCase().replace(/\s+/g, ' ')}`],
  },
  {
    pattern: new RegExp(`\\b${NUMBER_WORD}(?:(?:\\s+and\\s+|[\\s-]+)${NUMBER_WORD})*\\b(\\s*(?:%|per ?cent\\b))?`, 'gi'),
    keys: (m) => {
      const values = wordsToNumbers(m[0].replace(/\s*(?:%|per ?cent)$/i, ''));
      // Only the last number of a run carries the percent sign.
      return values.map((value, i) => (m[1] && i === values.length - 1 ? `percent:${value}` : `number:${value}`));
    },
  },
  {
    pattern: /(?:[$€£]\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\s*(?:%|per ?cent\b))?/gi,
    keys: (m) => {
      const digits = m[1] ?? '';
      // Item ids and tracking numbers are compared as written; amounts by value.
      if (/^\d{8,}$/.test(digits)) return [`id:${digits}`];
      return [m[2] ? `percent:${canonicalNumber(digits)}` : `number:${canonicalNumber(digits)}`];
    },
  },
  { pattern: /\b(minute|hour|day|week|month|year)s?\b/gi, keys: (m) => [`unit:${m[1]?.toLowerCase()}`] },
];

function mentionsIn(text: string): Mention[] {
  let rest = text;
  const found: Mention[] = [];
  for (const { pattern, keys } of EXTRACTORS) {
    const matches = [...rest.matchAll(pattern)];
    for (const match of matches) {
      for (const key of keys(match)) found.push({ key, surface: match[0].trim() });
    }
    rest = rest.replace(pattern, (whole: string) => ' '.repeat(whole.length));
  }
  return found;
}

/** Every fact the template and the facts state, read generously: "$12.50" also vouches for 12 and 50. */
function allowedKeys(text: string): Set<string> {
  const keys = new Set(mentionsIn(text).map((m) => m.key));
  for (const run of text.match(/\d+(?:\.\d+)?/g) ?? []) {
    keys.add(`number:${canonicalNumber(run)}`);
    for (const part of run.split('.')) keys.add(`number:${canonicalNumber(part)}`);
  }
  return keys;
}

/**
 * Whether `candidate` may stand in for `template`: it says nothing the template and the facts do
 * not already say. Pure, so workflows and activities can both run it.
 */
export function checkPhrasing(candidate: string, template: string, facts: readonly string[] = []): PhrasingCheck {
  const text = candidate.trim();
  if (text === '') return { ok: false, reason: 'the phrasing is empty' };
  const limit = MAX_LENGTH_FACTOR * template.length + MAX_LENGTH_SLACK;
  if (text.length > limit) return { ok: false, reason: `the phrasing is ${text.length} characters long, over the limit of ${limit}` };

  for (const pattern of OUT_OF_ROLE) {
    const hit = pattern.exec(text);
    if (hit && !pattern.test(template)) return { ok: false, reason: `the phrasing talks about itself or its instructions: "${hit[0]}"` };
  }

  const allowedText = [template, ...facts].join('\n');
  const promises = PROMISE_TERMS.filter(({ pattern }) => pattern.test(text) && !pattern.test(allowedText)).map(({ term }) => `"${term}"`);
  if (promises.length > 0) return { ok: false, reason: `the phrasing adds what the template does not say: ${promises.join(', ')}` };

  const allowed = allowedKeys(allowedText);
  const unknown = [...new Set(mentionsIn(text).filter((m) => !allowed.has(m.key)).map((m) => `"${m.surface}"`))];
  if (unknown.length > 0) return { ok: false, reason: `the phrasing mentions what neither the template nor the facts say: ${unknown.join(', ')}` };
  return { ok: true };
}
