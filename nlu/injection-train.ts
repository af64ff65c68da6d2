// `npm run nlu:train-injection`: trains the prompt-injection detector from the shared public train
// splits (read here, never copied into the repo) and the product's own customer phrasings as benign
// examples, then writes the model and its card. Nothing is tuned on a dev split.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readExamples, type Example } from './csv';
import { INJECTION_LABEL } from './injection';
import { trainModel } from './train';

export interface InjectionSource {
  name: string;
  file: string;
  licence: string;
  origin: string;
  /** The file's label → the detector's label. */
  mapping: Record<string, string>;
}

/** The training splits, relative to the shared data folder (`..` for the product's own file). */
export function injectionSources(dataDir: string, repoDir: string): InjectionSource[] {
  return [
    {
      name: 'deepset-prompt-injections/train.csv',
      file: path.join(dataDir, 'deepset-prompt-injections', 'train.csv'),
      licence: 'Apache-2.0',
      origin: 'deepset/prompt-injections (Hugging Face), shared train split',
      mapping: { benign: 'benign', injection: INJECTION_LABEL },
    },
    {
      name: 'jailbreakbench-artifacts/train.csv',
      file: path.join(dataDir, 'jailbreakbench-artifacts', 'train.csv'),
      licence: 'MIT',
      origin: 'JailbreakBench/artifacts (Chao et al. 2024), shared train split; every row an attack',
      mapping: { jailbreak: INJECTION_LABEL },
    },
    {
      name: 'nlu/training/intents.csv',
      file: path.join(repoDir, 'nlu', 'training', 'intents.csv'),
      licence: 'this repository',
      origin: "the product's own customer phrasings, all benign (so ordinary requests are not flagged)",
      mapping: { '*': 'benign' },
    },
  ];
}

export interface SourceCount {
  name: string;
  sha256: string;
  licence: string;
  origin: string;
  rows: Record<string, number>;
}

/** Every example of every source under the detector's labels, each distinct text once (first source wins). */
export function loadInjectionTraining(sources: readonly InjectionSource[]): { examples: Example[]; counts: SourceCount[] } {
  const seen = new Set<string>();
  const examples: Example[] = [];
  const counts: SourceCount[] = [];
  for (const source of sources) {
    if (!fs.existsSync(source.file)) throw new Error(`${source.file} is missing: the detector trains on ${source.name}`);
    const bytes = fs.readFileSync(source.file);
    const rows: Record<string, number> = {};
    for (const e of readExamples(source.file)) {
      const label = source.mapping[e.label] ?? source.mapping['*'];
      if (label === undefined) throw new Error(`${source.name}: label "${e.label}" has no mapping`);
      const key = e.text.trim().toLowerCase().replace(/\s+/g, ' ');
      if (seen.has(key)) continue;
      seen.add(key);
      examples.push({ text: e.text, label });
      rows[label] = (rows[label] ?? 0) + 1;
    }
    counts.push({ name: source.name, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), licence: source.licence, origin: source.origin, rows });
  }
  return { examples, counts };
}

/** The model card: where every example came from, under which licence, how many of each label. */
export function injectionCard(threshold: number, oofAccuracy: number, folds: number, counts: readonly SourceCount[]): string {
  const lines = [
    '# prompt-injection.json — model card',
    '',
    'Written by `npm run nlu:train-injection` (`nlu/injection-train.ts`); do not edit by hand.',
    '',
    'A binary detector (`benign` / `injection`) with the intent model\'s pieces: TF-IDF over word 1–2-grams and',
    'in-word character 2–4-grams (`nlu/features.ts`), a linear SVM (`nlu/linear.ts`), temperature-calibrated on',
    `out-of-fold scores (${folds} stratified folds). A turn is flagged when P(injection) ≥ the threshold **${threshold}** (the lowest`,
    'confidence at which out-of-fold answers were 98% precise). Out-of-fold accuracy on the training data: ' + `${(oofAccuracy * 100).toFixed(1)}%.`,
    'Nothing was tuned on a dev split; the dev figures are in `docs/BENCHMARKS.md` (`npm run bench:injection`).',
    '',
    '## Training data (read at training time, never copied into the repo)',
    '',
    '| source | origin | licence | sha256 | benign | injection |',
    '| --- | --- | --- | --- | --- | --- |',
    ...counts.map((c) => `| \`${c.name}\` | ${c.origin} | ${c.licence} | \`${c.sha256.slice(0, 12)}…\` | ${c.rows['benign'] ?? 0} | ${c.rows[INJECTION_LABEL] ?? 0} |`),
    `| **total** | | | | ${counts.reduce((n, c) => n + (c.rows['benign'] ?? 0), 0)} | ${counts.reduce((n, c) => n + (c.rows[INJECTION_LABEL] ?? 0), 0)} |`,
    '',
    'A text that occurs again (case and spacing aside) is used once, from the first source listed.',
    'Limits: deepset\'s data is English and German; JailbreakBench rows are jailbreaks of harmful goals, not',
    'attacks on a support bot; the product\'s own phrasings are the only benign customer-support text.',
    '',
  ];
  return lines.join('\n');
}

function main(): void {
  const repoDir = path.resolve(__dirname, '..');
  const dataDir = path.resolve(process.argv[2] ?? path.join(repoDir, '..', 'shared', 'data'));
  const out = path.join(repoDir, 'nlu', 'models', 'prompt-injection.json');
  const { examples, counts } = loadInjectionTraining(injectionSources(dataDir, repoDir));
  const model = trainModel(examples, { mlp: false, targetPrecision: 0.98 });
  fs.writeFileSync(out, `${model.serialize()}\n`);
  fs.writeFileSync(path.join(repoDir, 'nlu', 'models', 'prompt-injection.md'), injectionCard(model.threshold, model.report.crossValidatedAccuracy, model.report.folds, counts));
  process.stdout.write(`${out}: ${examples.length} examples, threshold ${model.threshold}, out-of-fold accuracy ${model.report.crossValidatedAccuracy}\n`);
}

if (require.main === module) main();
