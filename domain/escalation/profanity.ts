import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { type EscalationInput, type Finding } from './types';
import { type Word, wordsOf } from './words';

/** Insults the profanity list leaves out: harsh about the bot or the company, not obscene. */
export const INSULT_WORDS: ReadonlySet<string> = new Set([
  'brainless', 'clueless', 'crap', 'crappy', 'disgrace', 'disgraceful', 'dumb', 'fraud', 'frauds', 'garbage',
  'hopeless', 'idiot', 'idiotic', 'idiots', 'incompetent', 'joke', 'liar', 'liars', 'moron', 'moronic', 'morons',
  'pathetic', 'rubbish', 'scam', 'scammer', 'scammers', 'stupid', 'suck', 'sucks', 'thieves', 'trash', 'useless',
  'worthless',
]);

/** Words naming the bot, the company or the situation: a swear word near one is aimed, not an exclamation. */
export const AIM_WORDS: ReadonlySet<string> = new Set([
  'you', "you're", 'youre', 'u', 'ur', 'your', 'yours', 'yourself', 'yourselves', 'ya',
  'bot', 'robot', 'chatbot', 'machine', 'ai', 'assistant', 'computer',
  'company', 'store', 'shop', 'service', 'support', 'team', 'staff', 'people', 'guys', 'website', 'site', 'app',
  'this', "this's", 'that', "that's", 'thats',
]);
/** How far an aim word may stand before the swear word ("you are so useless") and after it ("stupid bot"). */
export const AIM_WORDS_BEFORE = 3;
export const AIM_WORDS_AFTER = 1;

// Real words the recommended dataset still flags ("cockpit", the town of Penistone).
const INNOCENT_WORDS = ['cockpit', 'cockpits', 'penistone'];

let matcher: RegExpMatcher | undefined;
function profanityMatcher(): RegExpMatcher {
  if (!matcher) {
    const built = englishDataset.build();
    matcher = new RegExpMatcher({
      ...built,
      whitelistedTerms: [...(built.whitelistedTerms ?? []), ...INNOCENT_WORDS],
      ...englishRecommendedTransformers,
    });
  }
  return matcher;
}

export interface Swear {
  /** The word as the customer wrote it. */
  word: string;
  kind: 'profanity' | 'insult';
  /** At the bot, the company or the situation, rather than a plain exclamation. */
  aimed: boolean;
}

/** An aim word shortly before the first word of the swear ("you are so useless") or right after its last ("stupid bot"). */
function isAimed(words: Word[], first: number, last: number): boolean {
  const near = (from: number, to: number, clause: number | undefined) =>
    words.slice(Math.max(0, from), Math.max(0, to)).some((w) => w.clause === clause && AIM_WORDS.has(w.lower));
  return near(first - AIM_WORDS_BEFORE, first, words[first]?.clause) || near(last + 1, last + 1 + AIM_WORDS_AFTER, words[last]?.clause);
}

/** Profanity (the obscenity English dataset, leetspeak and look-alikes included) and insults, one per word. */
export function findSwears(text: string): Swear[] {
  const words = wordsOf(text);
  const found = new Map<number, Omit<Swear, 'aimed'> & { last: number }>();
  // The leetspeak transformer reads "!" as "i", so "bullshit!!" would end in "bullshitii" and slip through:
  // trailing punctuation becomes spaces (same length, so match positions still point into `text`).
  const spaced = text.replace(/[!?.,;:]+(?![\p{L}\p{N}])/gu, (run) => ' '.repeat(run.length));
  for (const match of profanityMatcher().getAllMatches(spaced)) {
    const first = words.findIndex((w) => w.end > match.startIndex);
    // "sh!t" or "a$$hole" splits into several words: the swear spans all of them.
    const lastFound = words.findIndex((w) => w.end > match.endIndex);
    const last = lastFound < 0 ? first : lastFound;
    const [from, to] = [words[first], words[last]];
    if (from && to && !found.has(first)) {
      found.set(first, { word: text.slice(Math.min(from.start, match.startIndex), Math.max(to.end, match.endIndex + 1)), kind: 'profanity', last });
    }
  }
  words.forEach((w, index) => {
    if (!found.has(index) && INSULT_WORDS.has(w.lower)) found.set(index, { word: w.text, kind: 'insult', last: index });
  });
  return [...found.entries()]
    .sort(([a], [b]) => a - b)
    .map(([first, { word, kind, last }]) => ({ word, kind, aimed: isAimed(words, first, last) }));
}

export function checkProfanity(input: EscalationInput): Finding {
  const finding: Finding = { reasons: [], signals: [] };
  const all = findSwears(input.text);
  for (const kind of ['profanity', 'insult'] as const) {
    const swears = all.filter((s) => s.kind === kind);
    const aimed = swears.filter((s) => s.aimed).map((s) => s.word);
    const loose = swears.filter((s) => !s.aimed).map((s) => s.word);
    if (aimed.length > 0) finding.reasons.push({ code: kind, detail: `${kind} aimed at the bot or the company: ${aimed.join(', ')}` });
    else if (loose.length > 0) finding.signals.push({ code: kind, detail: `${kind}, not aimed at anyone: ${loose.join(', ')}` });
  }
  return finding;
}
