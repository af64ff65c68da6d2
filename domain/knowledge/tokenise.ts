/**
 * Text → search terms: lowercase words without stop words, each cut to a crude stem so that
 * "cancelled", "cancelling" and "cancellation" meet as "cancel". The same function reads articles
 * and questions, so a stem only has to be consistent, not a real word.
 */

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing done down during each either else ever every few for from
  further get gets getting got had has have having he her here hers herself him himself his how i if in into
  is it its itself just let like me might mine more most must my myself no nor not now of off on one
  only or other our ours ourselves out over own please same shall she should so some such than that the
  their theirs them themselves then there these they this those through to too under until up upon us very
  was we were what whatever when where whether which while who whom whose why will with would yes yet you
  your yours yourself yourselves hi hello hey thanks thank ok okay want wants wanted need needs needed
  help tell know anyone someone something anything really still already maybe many much`.split(/\s+/),
);

/** Irregular forms the suffix rules cannot reach. */
const IRREGULAR: Readonly<Record<string, string>> = {
  paid: 'pay',
  sent: 'send',
  bought: 'buy',
  took: 'take',
  taken: 'take',
  gave: 'give',
  given: 'give',
  came: 'come',
  went: 'go',
  gone: 'go',
  arrival: 'arrive',
  arrivals: 'arrive',
  colour: 'color',
  colours: 'color',
  parcel: 'package',
  parcels: 'package',
  refundable: 'refund',
};

/** Longest first; the first suffix that leaves a stem of MIN_STEM letters or more is cut. */
const SUFFIXES: readonly (readonly [string, string])[] = [
  ['ications', 'y'],
  ['ication', 'y'],
  ['ations', ''],
  ['ation', ''],
  ['ments', ''],
  ['ment', ''],
  ['eries', 'er'],
  ['ions', ''],
  ['ings', ''],
  ['ion', ''],
  ['ing', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ery', 'er'],
  ['ed', ''],
  ['es', ''],
  ['s', ''],
];

/**
 * How customers name a topic in other words than the articles do: "payment options" are the payment
 * methods (not the options of an item), a payment that "did not go through" failed.
 */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\b(?:payment|paying) (?:options?|forms?|types?|ways?|choices?|means)\b/g, 'payment methods'],
  [/\b(?:options?|forms?|types?|ways?|kinds?|means|methods?) (?:of|for|to) (?:pay|payment|paying)\b/g, 'payment methods'],
  [/\b(?:did|does|do|has|have|is|was|will) not (?:go|gone|going|went|get|got) through\b/g, 'failed'],
];

const MIN_STEM = 3;
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

export function stem(input: string): string {
  const word = IRREGULAR[input] ?? input;
  if (word.length <= MIN_STEM || /\d/.test(word)) return word;
  let base = word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const cut = word.slice(0, -suffix.length);
    if (cut.length < MIN_STEM) continue;
    // "status", "address", "this": a final s that is not a plural.
    if (suffix === 's' && /(?:s|u|i)$/.test(cut)) continue;
    base = cut + replacement;
    break;
  }
  if (base.length > MIN_STEM && base.endsWith('e')) base = base.slice(0, -1);
  const last = base.at(-1) ?? '';
  if (base.length > MIN_STEM && !VOWELS.has(last) && base.at(-2) === last) base = base.slice(0, -1);
  if (base.length > MIN_STEM && base.endsWith('y') && !VOWELS.has(base.at(-2) ?? '')) base = `${base.slice(0, -1)}i`;
  return base;
}

export function tokenise(text: string): string[] {
  const spelled = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\be-mail/g, 'email')
    .replace(/\bcan't\b/g, 'can not')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/n't\b/g, ' not')
    .replace(/'(?:s|re|ve|ll|d|m)\b/g, '');
  const words = PHRASES.reduce((text, [phrase, meaning]) => text.replace(phrase, meaning), spelled).split(/[^a-z0-9]+/);
  const terms: string[] = [];
  for (const word of words) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    terms.push(stem(word));
  }
  return terms;
}
