import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'mocha';
import { INTENT_NAMES, isIntentName } from '../../domain/intents';
import { readExamples, type Example } from '../../nlu/csv';

const ROOT = path.resolve(__dirname, '..', '..');
const LANGUAGES = ['de', 'es', 'fr', 'pt'] as const;
// The store's actions are where a wrong reading costs most, so they get more phrasings.
const ACTIONS = new Set([
  'cancel_order',
  'return_items',
  'exchange_items',
  'modify_items',
  'change_shipping_address',
  'update_default_address',
  'modify_payment_method',
  'get_refund',
  'track_order',
  'track_refund',
]);
const MIN_TRAIN = 12;
const MIN_TRAIN_ACTION = 20;
const MIN_DEV = 5;
/**
 * A dev text within this many edits of a training text (after normalising) would measure memory, not
 * understanding: a quarter of the longer text, and at least two edits for the shortest ones ("hola"/"holaa").
 */
const nearLimit = (a: string, b: string) => Math.max(2, Math.floor(Math.max(a.length, b.length) / 4));

const trainingFile = (lang: string) => path.join(ROOT, 'nlu', 'training', `intents.${lang}.csv`);
const devFile = (lang: string) => path.join(ROOT, 'nlu', 'language', 'dev', `${lang}.csv`);

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s.,!?¿¡;:«»"“”„'’-]+/g, ' ')
    .trim();

/** Levenshtein distance, or `limit` as soon as it is certain to reach it (a band around the diagonal). */
function editDistanceAtLeast(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best >= limit) return limit;
    prev = row;
  }
  return Math.min(prev[b.length] as number, limit);
}

function countsOf(examples: Example[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  return counts;
}

describe('the product examples in German, Spanish, French and Portuguese', () => {
  for (const lang of LANGUAGES) {
    describe(lang, () => {
      const training = readExamples(trainingFile(lang));
      const dev = readExamples(devFile(lang));

      it('when the training file is read, then every label is an intent of the catalogue', () => {
        const unknown = training.filter((e) => !isIntentName(e.label)).map((e) => e.label);
        assert.deepEqual(unknown, []);
      });

      it('when the training file is counted, then every intent has its minimum of phrasings', () => {
        const counts = countsOf(training);
        const short = INTENT_NAMES.filter((name) => (counts.get(name) ?? 0) < (ACTIONS.has(name) ? MIN_TRAIN_ACTION : MIN_TRAIN));
        assert.deepEqual(short, [], `too few: ${short.map((n) => `${n}=${counts.get(n) ?? 0}`).join(', ')}`);
      });

      it('when the dev file is read, then every intent has at least five rows and every label is in the catalogue', () => {
        const counts = countsOf(dev);
        assert.deepEqual(
          dev.filter((e) => !isIntentName(e.label)).map((e) => e.label),
          [],
        );
        assert.deepEqual(
          INTENT_NAMES.filter((name) => (counts.get(name) ?? 0) < MIN_DEV),
          [],
        );
      });

      it('when a text occurs twice in the training file, then it is the same example (no text with two labels, no repeats)', () => {
        const seen = new Map<string, string>();
        const repeats: string[] = [];
        for (const e of training) {
          const key = normalise(e.text);
          if (seen.has(key)) repeats.push(`${e.text} (${seen.get(key)} / ${e.label})`);
          seen.set(key, e.label);
        }
        assert.deepEqual(repeats, []);
      });

      it('when dev texts are compared with training texts, then none is a near-duplicate of one', () => {
        const train = training.map((e) => normalise(e.text));
        const close: string[] = [];
        for (const e of dev) {
          const d = normalise(e.text);
          const near = train.find((t) => editDistanceAtLeast(d, t, nearLimit(d, t) + 1) <= nearLimit(d, t));
          if (near !== undefined) close.push(`"${e.text}" ~ "${near}"`);
        }
        assert.deepEqual(close, []);
      });
    });
  }

  it('when the edit distance is measured, then it counts insertions, deletions and substitutions', () => {
    assert.equal(editDistanceAtLeast('kitten', 'sitting', 10), 3);
    assert.equal(editDistanceAtLeast('abc', 'abc', 10), 0);
    assert.equal(editDistanceAtLeast('abc', 'xyzabcdef', 4), 4);
  });
});
