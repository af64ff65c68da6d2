// `npm run bench:nlu [-- --datasets a,b --systems ours,nlpjs,natural --write false]`: trains and scores
// our model, nlp.js and natural's BayesClassifier on the shared intent data sets (train split → dev
// split) and writes the table into docs/BENCHMARKS.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFlags } from '../config/args';
import { readExamples, type Example } from '../nlu/csv';
import { classifyLocal } from '../nlu/cascade';
import { matchKeywordRule } from '../nlu/keyword-rules';
import { IntentModel } from '../nlu/model';
import { loadTrainingData, PRODUCT_SOURCE, SHIPPED_PRODUCT_FILES, textKey } from '../nlu/public-data';
import { robustnessSet } from '../nlu/robustness';
import { devTable, perIntentTable, robustnessFigures, robustnessTable, shippedDevFigures } from '../nlu/shipped-eval';
import { progressBar } from '../nlu/progress';
import { ScoreTally, percentile } from '../nlu/score-tally';
import { trainModel } from '../nlu/train';
import { RELIABILITY_HEADING, replaceSection, sectionOf, writeSection } from './benchmarks-file';

const ROOT = path.resolve(__dirname, '..');
const DATA = path.resolve(ROOT, '..', 'shared', 'data');
const DATASETS = ['banking77', 'clinc150', 'bitext-customer-support'] as const;
const SYSTEMS = ['ours', 'nlpjs', 'natural'] as const;
type System = (typeof SYSTEMS)[number];
const OOS = 'oos';
const REPEATS = 3;
const COMPARISON_HEADING = '## Intent classification: train split → dev split';
const SHIPPED_HEADING = '## The shipped model on the shared dev splits (tiers 1–2)';
const OLD_SHIPPED_HEADING = '## The shipped model on Bitext (transfer)';
const MODEL_FILE = path.join(ROOT, 'nlu', 'models', 'support-intents.json');
/**
 * How many times the dev figures of the shipped model were looked at while its training was being
 * chosen (issue 15), counted by hand: a dev split looked at often stops being a fair measure.
 */
const DEV_LOOKS = 4;
/** One in this many of the product's examples is held out of the robustness model's training. */
const HOLD_OUT = 5;

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
  const flags = parseFlags(process.argv.slice(2), ['datasets', 'systems', 'write', 'part']);
  const part = flags.get('part') ?? 'all';
  if (part !== 'all' && part !== 'shipped') throw new Error(`--part must be "all" or "shipped", got "${part}"`);
  if (part === 'shipped') {
    // Only the shipped model's section: the comparison table (long to rebuild) and the others are kept.
    const section = shippedSection();
    if (flags.get('write') === 'false') process.stdout.write(section);
    else {
      const file = path.join(ROOT, 'docs', 'BENCHMARKS.md');
      const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      // The section this one replaces (the shipped model trained on the product's examples alone) keeps its place.
      if (sectionOf(text, OLD_SHIPPED_HEADING)) fs.writeFileSync(file, replaceSection(text, OLD_SHIPPED_HEADING, section));
      else writeSection(file, SHIPPED_HEADING, section);
    }
    return;
  }
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

  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench:nlu` (`bench/nlu.ts`); do not edit by hand.',
    '',
    `- date: ${new Date().toISOString().slice(0, 10)}`,
    `- machine: ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.arch()}`,
    `- Node ${process.version}`,
    '',
    COMPARISON_HEADING,
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
  ];
  const shipped = shippedSection();
  const text = `${lines.join('\n')}\n${shipped}`;
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

function fnv(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Best of REPEATS runs per message of tiers 1–2, in µs, sorted. */
function cascadeLatencies(model: IntentModel, texts: readonly string[]): number[] {
  for (const t of texts.slice(0, 200)) classifyLocal(t, { model }); // warm-up
  const out = texts.map((t) => {
    let fastest = Infinity;
    for (let r = 0; r < REPEATS; r++) fastest = Math.min(fastest, classifyLocal(t, { model }).micros);
    return fastest;
  });
  return out.sort((a, b) => a - b);
}

function keywordLatencies(model: IntentModel, texts: readonly string[]): number[] {
  for (const t of texts) matchKeywordRule(t); // warm-up
  return texts
    .map((t) => {
      let fastest = Infinity;
      for (let r = 0; r < REPEATS; r++) {
        const started = process.hrtime.bigint();
        matchKeywordRule(t, (l) => model.has(l));
        fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / 1000);
      }
      return fastest;
    })
    .sort((a, b) => a - b);
}

/** The shipped model as the product runs it (keyword rules, then the model) on the shared dev splits, and the robustness set. */
function shippedSection(): string {
  const modelText = fs.readFileSync(MODEL_FILE, 'utf8');
  const loads: number[] = [];
  let shipped = IntentModel.parse(modelText, 'support-intents.json');
  for (let i = 0; i < 5; i++) {
    const started = process.hrtime.bigint();
    shipped = IntentModel.parse(modelText, 'support-intents.json');
    loads.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  loads.sort((a, b) => a - b);
  process.stderr.write('shipped model: scoring the dev splits\n');
  const dev = shippedDevFigures(shipped, DATA);
  const allDev = dev.bitext.flatMap((b) => readExamples(path.join(DATA, b.name, 'dev.csv')).map((e) => e.text));
  const latencies = cascadeLatencies(shipped, allDev);
  const ruleTimes = keywordLatencies(shipped, allDev);

  // Robustness: perturbations of the product's own examples. The shipped model has seen their clean forms,
  // so a model trained the same way without one in five of them is scored on those too.
  const data = loadTrainingData(SHIPPED_PRODUCT_FILES.map((f) => path.join(ROOT, f)), DATA);
  const productIndex = data.sources.findIndex((s) => s.name === PRODUCT_SOURCE);
  const isHeld = (i: number) => data.origin[i] === productIndex && fnv(textKey((data.examples[i] as Example).text)) % HOLD_OUT === 0;
  const keep = data.examples.map((_, i) => i).filter((i) => !isHeld(i));
  const held = data.examples.filter((_, i) => isHeld(i));
  const bar = progressBar(`robustness: training without ${held.length} of the product's examples`);
  const holdOutModel = trainModel(
    keep.map((i) => data.examples[i] as Example),
    { mlp: false, sources: { uses: data.sources, origin: Int32Array.from(keep, (i) => data.origin[i] as number) } },
    bar.update,
  );
  bar.done();
  const product = data.examples.filter((_, i) => data.origin[i] === productIndex);
  const heldRows = robustnessFigures(held, holdOutModel, robustnessSet(held));
  const shippedRows = robustnessFigures(product, shipped, robustnessSet(product));
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const size = fs.statSync(MODEL_FILE).size;
  const lines = [
    SHIPPED_HEADING,
    '',
    '`nlu/models/support-intents.json` (`npm run nlu:train`) is trained on the product\'s own examples and on the train',
    'splits of Bitext (both files) and CLINC150\'s out-of-scope rows, mapped onto the product\'s intents (sources, mapping',
    'and cross-validated figures: nlu/models/README.md). Here it runs as the product runs it: keyword rules, then the model',
    '(`classifyLocal`), on the dev splits of `../shared/data` with the same label mapping. "Decided" is an intent given by',
    'tiers 1–2; the rest goes to the LLM tier when one is configured, else to a clarifying question.',
    '',
    ...devTable(dev),
    '',
    `Latency of tiers 1–2 over all ${allDev.length} Bitext dev messages (best of ${REPEATS} runs each, after warm-up, load average ${os.loadavg()[0]?.toFixed(1) ?? '?'}):` +
      ` p50 ${percentile(latencies, 0.5).toFixed(0)} µs, p99 ${percentile(latencies, 0.99).toFixed(0)} µs, max ${(latencies[latencies.length - 1] ?? 0).toFixed(0)} µs.` +
      ` Model file ${(size / 2 ** 20).toFixed(2)} MiB, parsed in ${(loads[2] ?? 0).toFixed(0)} ms (median of 5).`,
    '',
    `Thresholds of the shipped model: confidence ${shipped.threshold}, out-of-scope margin ${shipped.oosMargin ?? '–'} (${shipped.report.thresholdRule}),`,
    `from ${shipped.report.folds}-fold out-of-fold scores on the training data only. Nothing was tuned on these dev splits by hand;`,
    `while the training was being chosen (product example weight, threshold rule, more product examples), the dev figures`,
    `were looked at ${DEV_LOOKS} times (the first run of this table included); later runs followed no change to the training.`,
    '',
    'Targets (issue 15): tiers 1–2 decide ≥ 95% of each Bitext dev split at ≥ 98% precision of decided; p99 ≤ 1 ms.',
    '',
    '### Per intent (all 27 Bitext intents)',
    '',
    ...perIntentTable(dev),
    '',
    '### Robustness: the product\'s own examples as customers type them',
    '',
    'Deterministic perturbations (nlu/robustness.ts) of the product\'s examples: one or two typos (two letters swapped or',
    'one dropped), no punctuation, all lower case, a sentence before and after the request, a greeting before and thanks',
    'after it, and all of these at once. Small talk is not wrapped in more small talk, and off-topic messages get no',
    'sentence about the customer\'s shopping. "Same answer" compares with what tiers 1–2 answer to the clean form.',
    '',
    `Held out: a model trained exactly as the shipped one but without one in ${HOLD_OUT} of the product's examples (${held.length},`,
    'chosen by a hash of their text), scored on those and their perturbations — phrasings it has never seen:',
    '',
    ...robustnessTable(heldRows),
    '',
    `The shipped model on all ${product.length} product examples and their perturbations (it was trained on the clean forms,`,
    'so the clean row is not a measure of generalisation; the drop from it is the cost of the noise):',
    '',
    ...robustnessTable(shippedRows),
    '',
    `Held out, clean → all at once: decided ${pct(heldRows[0]?.decided ?? 0)} → ${pct(heldRows[heldRows.length - 1]?.decided ?? 0)}. Read the wrapper rows with care:`,
    'the cascade reads a request without its greeting and thanks, and sentence by sentence, when the whole message is not',
    'decided (nlu/message-parts.ts), and corrects words one typo away from the model\'s vocabulary (`SpellingIndex`); those',
    'were written after a first run of this table, by the author of the perturbations, so wrappers unlike these may fare worse.',
    'The held-out clean row is the honest figure for new phrasings of the store\'s own intents: tiers 1–2 decide about half of',
    'them, at high precision; the rest go to the LLM tier or a clarifying question.',
    `The keyword tier alone takes p50 ${percentile(ruleTimes, 0.5).toFixed(1)} µs, p99 ${percentile(ruleTimes, 0.99).toFixed(1)} µs per message on the ${allDev.length} Bitext dev messages (target p99 ≤ 20 µs).`,
    '',
  ];
  return lines.join('\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
