import type { ReplyOption } from '../conversation';
import { chooseOption } from '../dialogue/choose-option';
import { ALL_OTHER } from '../dialogue/choose-options';
import { foldAccents } from '../entities';

/** What a description in plain words picks among the options the bot offered. */
export type Resolution =
  | { kind: 'one'; option: ReplyOption }
  /** The description fits several options equally: ask about exactly these. */
  | { kind: 'several'; options: ReplyOption[] }
  /** `described` when the customer described something none of the options is ("the red one" when none is red). */
  | { kind: 'none'; described: boolean };

export interface ChoiceHints {
  /** The options are orders listed newest first, so "my last order" is the first of them. */
  newestFirst?: boolean;
  /** The label of what is being replaced: among equal fits, the option most like it wins ("the same boots in size 9"). */
  like?: string;
  /** The option chosen so far: "the other one" means another. */
  currentId?: string;
}

/** Words that say nothing about which option is meant. */
const FILLER = new Set(
  `a an the one ones it its this that these those my mine me i im i'm id i'd ill want would like to please thanks thank you
  with of for in on at and or but so just also instead rather same new other another one's
  is are was be been being do does did can could should will shall may might get give take make pick choose go
  order orders ordered item items thing stuff product products option options variant version
  pay paid paying use using used method payment card cards account
  yes no not actually sorry wait mean meant think guess ok okay hi hello hey there
  which what where who how size colour color style`.split(/\s+/),
);

/** Colours and materials a customer names: one that no option has means the description fits none. */
const ATTRIBUTES = new Set(
  `black white grey gray silver gold red blue green yellow orange purple pink brown beige navy
  leather suede cotton wool plastic metal steel wood glass`.split(/\s+/),
);

const NEWEST = /\b(last|latest|newest|most recent(?:ly)?|recent(?:ly)?|just (?:placed|made|ordered))\b/;
const OLDEST = /\b(oldest|earliest|first)\b/;

/**
 * Which offered option a message means: by id, label or position as before, else by the words that
 * describe it ("the blue 1000ml one", "my Mastercard ending in 9212", "the one with the office chair",
 * "my last order"). An option fits when it has every describing word the message uses; equal fits are
 * told apart by `like`; several fits or none are reported, never guessed between.
 */
export function resolveChoice(text: string, options: readonly ReplyOption[], hints: ChoiceHints = {}): Resolution {
  if (options.length === 0) return { kind: 'none', described: false };
  const lower = text.toLowerCase();
  if (hints.newestFirst && /\border\b|\bone\b|\bpurchase\b/.test(lower)) {
    if (NEWEST.test(lower) && !/\blast one\b/.test(lower)) return { kind: 'one', option: options[0] as ReplyOption };
    if (OLDEST.test(lower) && /\b(oldest|earliest|first order|first purchase)\b/.test(lower)) return { kind: 'one', option: options[options.length - 1] as ReplyOption };
  }
  const other = hints.currentId !== undefined && /\b(the )?other\b|\banother\b|\bdifferent\b/.test(lower) ? options.filter((o) => o.id !== hints.currentId) : [];
  // Each label's words, read once for this message.
  const labelWords = new Map(options.map((o) => [o.id, wordsOf(o.label)]));
  const wordsOfOption = (o: ReplyOption) => labelWords.get(o.id) ?? new Set<string>();
  const inLabels = new Set([...labelWords.values()].flatMap((words) => [...words]));
  const said = new Set(tokens(text, { offOptions: true }));
  // The words of the message that appear in some option's label: the ones that describe the choice.
  const described = [...said].filter((w) => !FILLER.has(w) && inLabels.has(w));
  if (other.length > 0 && described.length === 0) return other.length === 1 ? { kind: 'one', option: other[0] as ReplyOption } : { kind: 'several', options: other };
  if (tokens(text).some((w) => ATTRIBUTES.has(w) && !inLabels.has(w))) return { kind: 'none', described: true };
  const holds = (labelWords: ReadonlySet<string>, word: string) => labelHolds(labelWords, word, said);
  // Ids, labels and positions as before, but an option's name ("brightness: low") does not pick an item.
  const picked = chooseOption(text, options.map((o) => ({ id: o.id, label: withoutOptionNames(o.label) })));
  const exact = picked && options.find((o) => o.id === picked.id);
  if (exact && described.every((w) => holds(wordsOfOption(exact), w))) return { kind: 'one', option: exact };
  if (described.length === 0) return exact ? { kind: 'one', option: exact } : { kind: 'none', described: false };
  const pool = other.length > 0 ? other : options;
  const fits = pool.filter((o) => described.every((w) => holds(wordsOfOption(o), w)));
  if (fits.length === 1) return { kind: 'one', option: fits[0] as ReplyOption };
  if (fits.length === 0) return { kind: 'none', described: true };
  const closest = hints.like === undefined ? fits : mostAlike(fits, hints.like);
  return closest.length === 1 ? { kind: 'one', option: closest[0] as ReplyOption } : { kind: 'several', options: closest };
}

/**
 * Several options in one message ("the office chair and the tablet", "1 and 3", "all of them"):
 * each part must pick exactly one; a part that fits several or none is reported with that part.
 */
export function resolveChoices(text: string, options: readonly ReplyOption[]): { kind: 'all'; options: ReplyOption[] } | { kind: 'unclear'; part: Resolution } {
  const lower = text.trim().toLowerCase();
  if (/^(all|all of them|everything|both|the whole order)\b/.test(lower) || /\b(all of them|all the items|everything in (it|the order)|both of them)\b/.test(lower) || ALL_OTHER.test(foldAccents(lower))) {
    return { kind: 'all', options: [...options] };
  }
  const whole = resolveChoice(text, options);
  const parts = lower.split(/\s*(?:,|;|\band\b|&|\bplus\b|\bas well as\b)\s*/).filter((part) => part.trim().length > 0);
  if (parts.length <= 1) return whole.kind === 'one' ? { kind: 'all', options: [whole.option] } : { kind: 'unclear', part: whole };
  // One option's label can itself hold commas ("Tea Kettle (steel, 1.5l)"): the whole text naming one option wins.
  if (whole.kind === 'one' && chooseOption(text, options)) return { kind: 'all', options: [whole.option] };
  const chosen: ReplyOption[] = [];
  for (const part of parts) {
    const one = resolveChoice(part, options);
    if (one.kind === 'none' && !one.described) continue; // "…, please" or "and that's it"
    if (one.kind !== 'one') return { kind: 'unclear', part: one };
    if (!chosen.includes(one.option)) chosen.push(one.option);
  }
  return chosen.length > 0 ? { kind: 'all', options: chosen } : { kind: 'unclear', part: whole };
}

function withoutOptionNames(label: string): string {
  return label.replace(/(^|[(,]\s*)[a-z][a-z -]*:\s*/gi, '$1');
}

function mostAlike(fits: readonly ReplyOption[], like: string): ReplyOption[] {
  const reference = wordsOf(like);
  const shared = fits.map((o) => [...wordsOf(o.label)].filter((w) => reference.has(w)).length);
  const best = Math.max(...shared);
  return fits.filter((_, i) => shared[i] === best);
}

/**
 * A label's words, without its price, and with the words a customer uses for what the label shows.
 * Of an option ("backlight: RGB") only the value describes it; one that is off ("backlight: none")
 * is "absent-backlight", as "no backlight" reads.
 */
function wordsOf(label: string): Set<string> {
  const plain = label
    .replace(/\(\s*[$€£][\d.,]+\s*\)/g, ' ')
    .replace(/[$€£][\d.,]+/g, ' ')
    .split(/([,()])/)
    .map((segment) => {
      const pair = /^\s*([^:]+):\s*(.+?)\s*$/.exec(segment);
      if (!pair) return segment;
      const [name, value] = [pair[1] as string, pair[2] as string];
      const nameWords = name.trim().toLowerCase().split(/\s+/);
      if (/^(no|none)$/i.test(value)) return nameWords.map((w) => `absent-${w}`).join(' ');
      return /^yes$/i.test(value) ? name : `${value} ${nameWords.map((w) => `named-${singular(w)}`).join(' ')}`;
    })
    .join('');
  const words = new Set(tokens(plain, { offOptions: false }));
  if (/\bending \d{4}\b/i.test(label)) for (const w of ['credit', 'debit', 'ending', 'last', 'digits']) words.add(w);
  if (/\bgift card\b/i.test(label)) words.add('giftcard');
  return words;
}

/** Lower-case words and numbers, plural endings folded ("boots" and "boot" are one word), "pay pal" as one. */
/**
 * A label has a word when it shows it, names the option that has a value ("RGB backlight" for
 * "backlight: RGB"), or shows the option off where the message said so ("without water resistance").
 */
function labelHolds(labelWords: ReadonlySet<string>, word: string, said: ReadonlySet<string>): boolean {
  return labelWords.has(word) || labelWords.has(`named-${word}`) || (said.has(`absent-${word}`) && labelWords.has(`absent-${word}`));
}

function tokens(text: string, { offOptions }: { offOptions: boolean } = { offOptions: true }): string[] {
  const squashed = text
    .toLowerCase()
    .replace(/\b(?:the )?(?:card|method|account|way|one) i (?:originally )?(?:paid|bought it|ordered it|used)(?: with)?\b|\bi paid with\b|\boriginal(?:ly)?\b|\bsame (?:card|method|payment(?: method)?|way)\b|\bwhere it came from\b/g, ' original ')
    .replace(/\bpay\s+pal\b/g, 'paypal')
    // "Brand A", "type C": the letter is the value, not an article.
    .replace(/\b(brand|type|model|grade|class|series)\s+([a-z0-9])\b/g, '$1-$2')
    // "no backlight", "without water resistance", "not waterproof": an option that is off.
    .replace(/\b(?:no|without|not)\s+([a-z]+)(?:\s+([a-z]+))?/g, (m: string, first: string, second?: string) =>
      offOptions ? `${m} absent-${first}${second ? ` absent-${second}` : ''}` : m,
    )
    .replace(/\bgift\s*-?\s*card\b/g, 'giftcard gift');
  return (squashed.match(/[a-z0-9][a-z0-9.'-]*[a-z0-9]|[a-z0-9]/g) ?? []).map(singular);
}

function singular(word: string): string {
  if (/\d/.test(word) || word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
