// `npm run bench:nlu [-- --datasets a,b --systems ours,nlpjs,natural --write false]`: trains and scores
// our model, nlp.js and natural's BayesClassifier on the shared intent data sets (train split → dev
// split) and writes the table into docs/BENCHMARKS.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFlags } from '../config/args';
import { readExamples, type Example } from '../nlu/csv';
import { evaluate } from '../nlu/evaluate';
import { matchKeywordRule } from '../nlu/keyword-rules';
import { IntentModel } from '../nlu/model';
import { progressBar } from '../nlu/progress';
import { ScoreTally, percentile } from '../nlu/score-tally';
import { trainModel } from '../nlu/train';
import { RELIABILITY_HEADING, sectionOf } from './benchmarks-file';

const ROOT = path.resolve(__dirname, '..');
const DATA = path.resolve(ROOT, '..', 'shared', 'data');
const DATASETS = ['banking77', 'clinc150', 'bitext-customer-support'] as const;
const SYSTEMS = ['ours', 'nlpjs', 'natural'] as const;
type System = (typeof SYSTEMS)[number];
const OOS = 'oos';
const REPEATS = 3;

interface Classifier {
  predict: (text: string) => Promise<string> | string;
}

interface Row {
  dataset: string;
  system: System;
  accuracy: number;
  macroF1: number;
  oosRecall?: number;
  inScopeAccuracy?: number;
  p50: number;
  p99: number;
  trainSeconds: number;
}

const SYSTEM_NAMES: Record<System, string> = {
  ours: 'ours (TF-IDF words+chars → linear SVM + 1-hidden-layer net)',
  nlpjs: 'nlp.js `NlpManager` (node-nlp 4.27)',
  natural: 'natural `BayesClassifier` (8.1)',
};

async function trainSystem(system: System, train: readonly Example[], hasOos: boolean, label: string): Promise<Classifier> {
  if (system === 'ours') {
    const bar = progressBar(`  ${label}: training ours`);
    const model = trainModel(train, {}, bar.update);
    bar.done();
    return { predict: (text) => model.predict(text).label };
  }
  if (system === 'nlpjs') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { NlpManager } = require('node-nlp') as { NlpManager: new (settings: object) => NlpJsManager };
    const manager = new NlpManager({ languages: ['en'], autoSave: false, autoLoad: false, forceNER: false, nlu: { log: false } });
    for (const e of train) manager.addDocument('en', e.text, e.label);
    process.stderr.write(`  ${label}: training nlp.js (no progress available)\n`);
    await manager.train();
    return {
      predict: async (text) => {
        const r = await manager.process('en', text);
        if (r.intent !== 'None') return r.intent;
        // nlp.js answers "None" below its own threshold: out of scope where the data has that label, else its best guess.
        if (hasOos) return OOS;
        return r.classifications.find((c) => c.intent !== 'None')?.intent ?? 'None';
      },
    };
  }
  process.env.DOTENV_CONFIG_QUIET = 'true';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const natural = require('natural') as { BayesClassifier: new () => NaturalBayes };
  const classifier = new natural.BayesClassifier();
  for (const e of train) classifier.addDocument(e.text, e.label);
  process.stderr.write(`  ${label}: training natural (no progress available)\n`);
  classifier.train();
  return { predict: (text) => classifier.classify(text) };
}

interface NlpJsManager {
  addDocument: (locale: string, text: string, intent: string) => void;
  train: () => Promise<unknown>;
  process: (locale: string, text: string) => Promise<{ intent: string; score: number; classifications: { intent: string; score: number }[] }>;
}

interface NaturalBayes {
  addDocument: (text: string, label: string) => void;
  train: () => void;
  classify: (text: string) => string;
}

async function score(classifier: Classifier, dev: readonly Example[], label: string): Promise<Omit<Row, 'dataset' | 'system' | 'trainSeconds'>> {
  for (const e of dev.slice(0, 20)) await classifier.predict(e.text); // warm-up
  const bar = progressBar(`  ${label}: scoring`);
  const latencies: number[] = [];
  const tally = new ScoreTally(OOS);
  for (let i = 0; i < dev.length; i++) {
    const e = dev[i] as Example;
    // Best of three runs per message: other jobs on a shared machine preempt single runs at random.
    let predicted = '';
    let fastest = Infinity;
    for (let r = 0; r < REPEATS; r++) {
      const started = process.hrtime.bigint();
      predicted = await classifier.predict(e.text);
      fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / 1000);
    }
    latencies.push(fastest);
    tally.add(e.label, predicted);
    bar.update(i + 1, dev.length);
  }
  bar.done();
  latencies.sort((a, b) => a - b);
  return { ...tally.scores(), p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

const TARGETS: Record<string, string> = {
  banking77: 'accuracy ≥ 0.91',
  clinc150: 'accuracy ≥ 0.92, out-of-scope recall ≥ 0.80',
  'bitext-customer-support': 'accuracy ≥ 0.99',
};

function table(rows: Row[]): string[] {
  const f3 = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(3));
  const out = [
    '| data set (dev) | system | accuracy | macro-F1 | OOS recall | in-scope acc. | p50 µs | p99 µs | training s |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const best = rows.filter((o) => o.dataset === r.dataset).every((o) => o.accuracy <= r.accuracy);
    const acc = best ? `**${f3(r.accuracy)}**` : f3(r.accuracy);
    out.push(
      `| ${r.dataset} | ${SYSTEM_NAMES[r.system]} | ${acc} | ${f3(r.macroF1)} | ${f3(r.oosRecall)} | ${f3(r.inScopeAccuracy)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.trainSeconds.toFixed(1)} |`,
    );
  }
  return out;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), ['datasets', 'systems', 'write']);
  const datasets = (flags.get('datasets')?.split(',') ?? [...DATASETS]).filter((d) => d !== '');
  const systems = (flags.get('systems')?.split(',') ?? [...SYSTEMS]) as System[];
  for (const s of systems) if (!SYSTEMS.includes(s)) throw new Error(`unknown system "${s}" (expected ${SYSTEMS.join(', ')})`);
  const rows: Row[] = [];
  for (const dataset of datasets) {
    const train = readExamples(path.join(DATA, dataset, 'train.csv'));
    const dev = readExamples(path.join(DATA, dataset, 'dev.csv'));
    const hasOos = train.some((e) => e.label === OOS);
    process.stderr.write(`${dataset}: ${train.length} train, ${dev.length} dev\n`);
    for (const system of systems) {
      const label = `${dataset}/${system}`;
      const started = process.hrtime.bigint();
      const classifier = await trainSystem(system, train, hasOos, label);
      const trainSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const result = await score(classifier, dev, label);
      rows.push({ dataset, system, trainSeconds, ...result });
      process.stderr.write(`  ${label}: accuracy ${result.accuracy.toFixed(4)}, p99 ${result.p99.toFixed(0)} µs, trained in ${trainSeconds.toFixed(1)} s\n`);
    }
  }

  // The shipped model, trained only on the product's own examples, on Bitext's dev split (shared intents).
  const shipped = IntentModel.parse(fs.readFileSync(path.join(ROOT, 'nlu', 'models', 'support-intents.json'), 'utf8'), 'support-intents.json');
  const bitextDev = readExamples(path.join(DATA, 'bitext-customer-support', 'dev.csv'));
  const cascade = evaluate(bitextDev, shipped, { rules: true });
  const modelOnly = evaluate(bitextDev, shipped, { rules: false });
  const ruleTimes: number[] = [];
  for (const e of bitextDev) matchKeywordRule(e.text); // warm-up
  for (const e of bitextDev) {
    let fastest = Infinity;
    for (let r = 0; r < REPEATS; r++) {
      const started = process.hrtime.bigint();
      matchKeywordRule(e.text, (l) => shipped.has(l));
      fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / 1000);
    }
    ruleTimes.push(fastest);
  }
  ruleTimes.sort((a, b) => a - b);
  const ruleP99 = ruleTimes[Math.ceil(0.99 * ruleTimes.length) - 1] ?? 0;
  const ruleP50 = ruleTimes[Math.ceil(0.5 * ruleTimes.length) - 1] ?? 0;

  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench:nlu` (`bench/nlu.ts`); do not edit by hand.',
    '',
    `- date: ${new Date().toISOString().slice(0, 10)}`,
    `- machine: ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.arch()}`,
    `- Node ${process.version}`,
    '',
    '## Intent classification: train split → dev split',
    '',
    'Each system is trained on the data set\'s `train.csv` and scored on its `dev.csv` from `../shared/data`',
    '(the held-out test portions are not used anywhere). Latency is wall time per message, one message at a',
    `time after 20 warm-up messages, the best of ${REPEATS} runs of each message (the machine is shared: load average`,
    `${os.loadavg()[0]?.toFixed(1) ?? '?'} when the table was written). Training time is wall time on one core. Our model is the local`,
    'tier alone (keyword rules off); its hyper-parameters are fixed defaults chosen by cross-validation on',
    'BANKING77 train, and its confidence calibration, threshold and out-of-scope gate come from out-of-fold',
    'predictions on the train split only. For nlp.js, an answer of `None` counts as `oos` on CLINC150 and',
    'falls back to its best-scoring intent elsewhere; natural always answers its best class.',
    '',
    ...table(rows),
    '',
    `Targets (issue 3): ${Object.entries(TARGETS)
      .map(([d, t]) => `${d} ${t}`)
      .join('; ')}; p99 ≤ 1 ms per message.`,
    '',
    '## The shipped model on Bitext (transfer)',
    '',
    '`nlu/models/support-intents.json` is trained only on the product\'s own examples (`nlu/training/intents.csv`),',
    `never on Bitext. On Bitext's dev split, restricted to the ${cascade.examples} messages whose intent the product shares`,
    `(${cascade.skipped} messages of other intents left out: ${cascade.skippedLabels.join(', ')}):`,
    '',
    '| tiers | top-1 accuracy | macro-F1 | decided by tiers 1–2 | precision of decided | keyword | model | none | p99 µs |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[
      ['keyword rules + model', cascade],
      ['model only', modelOnly],
    ].map(
      ([name, r]) =>
        `| ${name as string} | ${(r as typeof cascade).accuracy.toFixed(3)} | ${(r as typeof cascade).macroF1.toFixed(3)} | ${((r as typeof cascade).decided * 100).toFixed(1)}% | ${((r as typeof cascade).decidedPrecision * 100).toFixed(1)}% | ${(r as typeof cascade).tiers.keyword.count} | ${(r as typeof cascade).tiers.model.count} | ${(r as typeof cascade).tiers.none.count} | ${(r as typeof cascade).latencyMicros.p99.toFixed(0)} |`,
    ),
    '',
    `Thresholds of the shipped model: confidence ${shipped.threshold} (${shipped.report.thresholdRule}). The messages not decided`,
    'by tiers 1–2 go to the LLM tier when it is configured, else the conversation asks a clarifying question.',
    `The keyword tier alone takes p50 ${ruleP50.toFixed(1)} µs, p99 ${ruleP99.toFixed(1)} µs per message on these ${bitextDev.length} messages (target p99 ≤ 20 µs).`,
    '',
  ];
  const text = lines.join('\n');
  if (flags.get('write') === 'false') {
    process.stdout.write(text);
    return;
  }
  fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  const file = path.join(ROOT, 'docs', 'BENCHMARKS.md');
  // The reliability section is bench/reliability.ts's: kept as it is.
  const kept = fs.existsSync(file) ? sectionOf(fs.readFileSync(file, 'utf8'), RELIABILITY_HEADING) : '';
  fs.writeFileSync(file, kept ? `${text}\n${kept}` : text);
  process.stdout.write(`${table(rows).join('\n')}\n\nwrote docs/BENCHMARKS.md\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
