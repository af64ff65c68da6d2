// `npm run bench:injection`: the shipped prompt-injection detector on the shared dev splits; writes its
// section of docs/BENCHMARKS.md (and only that section).
import path from 'node:path';
import { readExamples } from '../nlu/csv';
import { detectInjection, loadInjectionModel } from '../nlu/injection';
import { writeSection } from './benchmarks-file';

const ROOT = path.resolve(__dirname, '..');
export const INJECTION_HEADING = '## Prompt-injection detector: shared train splits → dev splits';
/** How many times the dev splits were scored while the detector was built (each run of this script is one look). */
const DEV_LOOKS = 1;

interface Tally {
  rows: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  micros: number[];
}

function tally(file: string, positive: (label: string) => boolean): Tally {
  const model = loadInjectionModel();
  const t: Tally = { rows: 0, positives: 0, tp: 0, fp: 0, fn: 0, micros: [] };
  for (const e of readExamples(file)) {
    const verdict = detectInjection(e.text, model);
    const isPositive = positive(e.label);
    t.rows++;
    if (isPositive) t.positives++;
    if (verdict.flagged && isPositive) t.tp++;
    else if (verdict.flagged) t.fp++;
    else if (isPositive) t.fn++;
    t.micros.push(verdict.micros);
  }
  return t;
}

const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);

function main(): void {
  const data = path.resolve(process.argv[2] ?? path.join(ROOT, '..', 'shared', 'data'));
  const deepset = tally(path.join(data, 'deepset-prompt-injections', 'dev.csv'), (l) => l === 'injection');
  const jbb = tally(path.join(data, 'jailbreakbench-artifacts', 'dev.csv'), () => true);
  const micros = [...deepset.micros, ...jbb.micros].sort((a, b) => a - b);
  const p50 = micros[Math.floor(micros.length / 2)] ?? 0;
  const p99 = micros[Math.floor(micros.length * 0.99)] ?? 0;
  const row = (name: string, t: Tally) =>
    `| \`${name}\` | ${t.rows} | ${t.positives} | ${t.tp} | ${t.fp} | ${t.fn} | ${pct(t.tp, t.tp + t.fp)} | ${pct(t.tp, t.positives)} |`;
  const section = [
    INJECTION_HEADING,
    '',
    'Written by `npm run bench:injection` (`bench/injection.ts`). The model is `nlu/models/prompt-injection.json`',
    '(card: `nlu/models/prompt-injection.md`), trained by `npm run nlu:train-injection` on the shared train splits of',
    'deepset/prompt-injections and JailbreakBench plus the product\'s own phrasings as benign examples. Its threshold was',
    `chosen out-of-fold on the training data; nothing was tuned on dev. The dev splits were looked at ${DEV_LOOKS} time${DEV_LOOKS === 1 ? '' : 's'}`,
    '(this table, once the model was trained).',
    '',
    '| dev split | rows | injections | flagged right | flagged wrongly | missed | precision | recall |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    row('deepset-prompt-injections/dev.csv', deepset),
    row('jailbreakbench-artifacts/dev.csv', jbb),
    '',
    'Every JailbreakBench row is an attack, so there precision is 100% by construction and recall is the figure that counts.',
    `Latency per text (both sets, in-process): p50 ${Math.round(p50)} µs, p99 ${Math.round(p99)} µs.`,
    '',
  ].join('\n');
  writeSection(path.join(ROOT, 'docs', 'BENCHMARKS.md'), INJECTION_HEADING, section);
  process.stdout.write(`${section}\nwrote docs/BENCHMARKS.md\n`);
}

if (require.main === module) main();
