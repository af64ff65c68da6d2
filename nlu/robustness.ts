// The robustness set: deterministic perturbations of labelled messages, the ways customers really type
// (typos, no punctuation, all lower case, several sentences, greetings and thanks around the request).
import { OOS_INTENT } from '../domain/intents';
import type { Example } from './csv';
import { seededRandom } from './linear';

export const PERTURBATIONS = ['typos', 'no punctuation', 'lower case', 'several sentences', 'greeting and thanks', 'all at once'] as const;
export type Perturbation = (typeof PERTURBATIONS)[number];

/** Labels whose meaning a wrapper would change ("hi there, thanks" around "bye" is not a goodbye any more). */
const SMALL_TALK = new Set(['greeting', 'thanks', 'goodbye']);

const OPENERS = ['hi there, ', 'hello, ', 'hey, good morning. ', 'hi, hope you are well. ', 'good afternoon, '];
const CLOSERS = [', thanks', ' thank you!', ', thanks in advance', '. cheers', ', thanks a lot'];
const BEFORE = [
  'I have a question about my account with you. ',
  'I bought a few things from your shop recently. ',
  'Sorry to bother you. ',
  'I tried the website but could not find it. ',
  'This is my second message today. ',
];
const AFTER = [' Please let me know.', ' I have been waiting a while.', ' It is quite urgent.', ' Thanks for looking into it.', ' I hope that makes sense.'];

function hash(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** One or two words of four letters or more get two inner letters swapped or one dropped. */
function typos(text: string, random: () => number): string {
  const words = text.split(' ');
  const candidates = words.flatMap((w, i) => (/^\p{L}{4,}/u.test(w) ? [i] : []));
  const count = Math.min(candidates.length, 1 + Math.floor(random() * 2));
  for (let c = 0; c < count; c++) {
    const pick = candidates.splice(Math.floor(random() * candidates.length), 1)[0];
    if (pick === undefined) break;
    const word = words[pick] as string;
    const letters = word.match(/^\p{L}+/u)?.[0] ?? word;
    const at = 1 + Math.floor(random() * (letters.length - 2));
    const changed =
      random() < 0.5
        ? letters.slice(0, at) + (letters[at + 1] ?? '') + (letters[at] ?? '') + letters.slice(at + 2)
        : letters.slice(0, at) + letters.slice(at + 1);
    words[pick] = changed + word.slice(letters.length);
  }
  return words.join(' ');
}

const noPunctuation = (text: string) =>
  text
    .replace(/[^\p{L}\p{N}\s#@'-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

/** The message as customers would type it with this perturbation; the same input always gives the same output. */
export function perturb(text: string, kind: Perturbation): string {
  const random = seededRandom(hash(`${kind}\u0000${text}`));
  const trimmed = text.trim().replace(/[.!]+$/, '');
  switch (kind) {
    case 'typos':
      return typos(text, random);
    case 'no punctuation':
      return noPunctuation(text);
    case 'lower case':
      return text.toLowerCase();
    case 'several sentences':
      return `${pick(BEFORE, random)}${/[?]$/.test(trimmed) ? trimmed : `${trimmed}.`}${pick(AFTER, random)}`;
    case 'greeting and thanks':
      return `${pick(OPENERS, random)}${trimmed.charAt(0).toLowerCase()}${trimmed.slice(1)}${pick(CLOSERS, random)}`;
    case 'all at once':
      return noPunctuation(typos(perturb(text, 'greeting and thanks'), random)).toLowerCase();
  }
}

/** Every perturbation of every example that keeps its meaning (small talk is not wrapped in more small talk). */
export function robustnessSet(examples: readonly Example[]): { kind: Perturbation; clean: Example; text: string }[] {
  const out: { kind: Perturbation; clean: Example; text: string }[] = [];
  for (const kind of PERTURBATIONS) {
    const wraps = kind === 'several sentences' || kind === 'greeting and thanks' || kind === 'all at once';
    for (const e of examples) {
      if (wraps && SMALL_TALK.has(e.label)) continue;
      // A sentence about the customer's shopping before an off-topic question makes it a store message.
      if (kind === 'several sentences' && e.label === OOS_INTENT) continue;
      const text = perturb(e.text, kind);
      if (text !== e.text) out.push({ kind, clean: e, text });
    }
  }
  return out;
}
