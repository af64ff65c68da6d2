import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { UsageError, parseFlags } from '../config/args';
import { classifyLocal } from './cascade';
import { DataFileError, readExamples } from './csv';
import { evaluate, type EvalReport } from './evaluate';
import { DEFAULT_MLP } from './mlp';
import { IntentModel, ModelFileError } from './model';
import { progressBar } from './progress';
import { modelCard } from './card';
import { languageDevFigures } from './language-figures';
import { dataFiles, loadTrainingData } from './public-data';
import { shippedDevFigures } from './shipped-eval';
import { trainModel } from './train';

export const NLU_USAGE = `nlu train --data FILE.csv[,FILE.csv...] --out MODEL [--public DIR] [--folds N] [--seed N] [--hidden N]
      (several files: the product's examples in each language, e.g. intents.csv,intents.de.csv; --public DIR: also the public train splits in DIR, mapped onto the product's intents; --hidden 0: SVM alone)
  nlu predict --model MODEL [--rules on|off]      (one text per line on stdin → JSON lines)
  nlu eval --data FILE.csv --model MODEL [--rules on|off] [--json true]
  nlu card --model MODEL --out FILE.md [--public DIR]   (the model card; with DIR, also its dev-split scores)`;

export interface NluIo {
  stdin: NodeJS.ReadableStream;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where the progress bar goes; stderr unless told otherwise. */
  progress?: { write: (chunk: string) => void; isTTY?: boolean };
}

/** `nlu train|predict|eval`: usage mistakes throw UsageError; bad data or model files print a message and return 1. */
export async function nluCommand(args: string[], io: NluIo): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'train') return train(rest, io);
    if (sub === 'predict') return await predict(rest, io);
    if (sub === 'eval') return evalCommand(rest, io);
    if (sub === 'card') return card(rest, io);
  } catch (err) {
    if (err instanceof DataFileError || err instanceof ModelFileError) {
      io.err(`error: ${err.message}`);
      return 1;
    }
    throw err;
  }
  throw new UsageError(`usage: ${NLU_USAGE}`);
}

function required(flags: Map<string, string>, name: string, what: string): string {
  const value = flags.get(name);
  if (value === undefined || value === '') throw new UsageError(`--${name} is required (${what})`);
  return value;
}

function intFlag(flags: Map<string, string>, name: string): number | undefined {
  const raw = flags.get(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  return value;
}

function rulesFlag(flags: Map<string, string>): boolean {
  const value = flags.get('rules') ?? 'on';
  if (value !== 'on' && value !== 'off') throw new UsageError(`--rules must be "on" or "off", got "${value}"`);
  return value === 'on';
}

function readModel(file: string): IntentModel {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ModelFileError(`model file ${file} does not exist: train one with "nlu train --data FILE.csv --out ${file}"`);
    throw new ModelFileError(`cannot read model file ${file}: ${(err as Error).message}`);
  }
  return IntentModel.parse(text, file);
}

function train(args: string[], io: NluIo): number {
  const flags = parseFlags(args, ['data', 'public', 'out', 'folds', 'seed', 'hidden']);
  const data = dataFiles(required(flags, 'data', 'the CSV file(s) with "text,label" columns, separated by commas'));
  if (data.length === 0) throw new UsageError('--data must name at least one CSV file');
  const out = required(flags, 'out', 'where to write the model');
  const folds = intFlag(flags, 'folds');
  const seed = intFlag(flags, 'seed');
  const hidden = intFlag(flags, 'hidden');
  if (folds !== undefined && folds < 2) throw new UsageError('--folds must be at least 2');
  const publicDir = flags.get('public');
  const training = publicDir === undefined ? undefined : loadTrainingData(data, publicDir);
  const examples = training?.examples ?? data.flatMap((file) => readExamples(file));
  if (training) {
    for (const s of training.sources) io.err(`  ${s.name}: ${s.used} of ${s.rows} rows used (${s.file})`);
  }
  const bar = progressBar(`training on ${examples.length} examples`, io.progress ?? process.stderr);
  const started = Date.now();
  const model = trainModel(
    examples,
    {
      ...(folds ? { folds } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(hidden !== undefined ? { mlp: hidden === 0 ? false : { ...DEFAULT_MLP, hidden } } : {}),
      ...(training ? { sources: { uses: training.sources, origin: training.origin } } : {}),
    },
    bar.update,
  );
  bar.done();
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, `${model.serialize()}\n`);
  const r = model.report;
  io.out(
    `wrote ${out}: ${r.labels} labels, ${r.examples} examples, ${r.features} features, ` +
      `cross-validated accuracy ${(r.crossValidatedAccuracy * 100).toFixed(1)}%, confidence threshold ${model.threshold}` +
      (model.oosMargin !== undefined ? `, out-of-scope margin ${model.oosMargin}` : '') +
      `, ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
  return 0;
}

async function predict(args: string[], io: NluIo): Promise<number> {
  const flags = parseFlags(args, ['model', 'rules']);
  const modelFile = required(flags, 'model', 'the model file written by "nlu train"');
  const rules = rulesFlag(flags);
  const model = readModel(modelFile);
  const lines = readline.createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const c = classifyLocal(line, { model, rules });
    io.out(
      JSON.stringify({
        label: c.label,
        confidence: c.confidence,
        tier: c.tier,
        micros: Math.round(c.micros),
        ...(c.rule ? { rule: c.rule } : {}),
        ...(c.candidate ? { candidate: c.candidate } : {}),
      }),
    );
  }
  return 0;
}

function evalCommand(args: string[], io: NluIo): number {
  const flags = parseFlags(args, ['data', 'model', 'rules', 'json']);
  const data = required(flags, 'data', 'the CSV file with "text,label" columns');
  const modelFile = required(flags, 'model', 'the model file written by "nlu train"');
  const rules = rulesFlag(flags);
  const model = readModel(modelFile);
  const examples = readExamples(data);
  const bar = progressBar(`scoring ${examples.length} examples`, io.progress ?? process.stderr);
  const report = evaluate(examples, model, { rules }, examples.length >= 500 ? bar.update : undefined);
  bar.done();
  if (report.examples === 0) {
    io.err(`error: ${data} has no example with a label the model knows (its labels: ${model.labels.slice(0, 8).join(', ')}, …)`);
    return 1;
  }
  if (flags.get('json') === 'true') io.out(JSON.stringify(report));
  else for (const line of formatReport(report, model)) io.out(line);
  return 0;
}

function card(args: string[], io: NluIo): number {
  const flags = parseFlags(args, ['model', 'out', 'public']);
  const modelFile = required(flags, 'model', 'the model file written by "nlu train"');
  const out = required(flags, 'out', 'where to write the model card');
  const model = readModel(modelFile);
  const publicDir = flags.get('public');
  if (publicDir !== undefined && !fs.existsSync(publicDir)) {
    throw new DataFileError(`the shared data folder ${publicDir} does not exist: pass --public DIR where the shared data sets are, or leave it out to write the card without dev scores`);
  }
  const dev = publicDir === undefined ? undefined : shippedDevFigures(model, publicDir);
  const languages = publicDir === undefined ? undefined : languageDevFigures(model, publicDir);
  fs.writeFileSync(out, modelCard(model, fs.statSync(modelFile).size, dev, languages));
  io.out(`wrote ${out}${dev ? '' : ' (no dev scores: no --public DIR)'}`);
  return 0;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatReport(r: EvalReport, model: IntentModel): string[] {
  const lines = [
    `examples           ${r.examples}${r.skipped > 0 ? ` (skipped ${r.skipped} with labels the model does not know: ${r.skippedLabels.join(', ')})` : ''}`,
    `accuracy           ${pct(r.accuracy)}`,
    `macro-F1           ${pct(r.macroF1)}`,
  ];
  if (r.oosRecall !== undefined) {
    lines.push(`in-scope accuracy  ${pct(r.inScopeAccuracy ?? 0)}`, `out-of-scope recall ${pct(r.oosRecall)} (label "${model.oosLabel ?? ''}")`);
  }
  lines.push(
    `decided by tiers 1-2 ${pct(r.decided)} at precision ${pct(r.decidedPrecision)} (threshold ${model.threshold}): keyword ${r.tiers.keyword.count}, model ${r.tiers.model.count}, none ${r.tiers.none.count}`,
    `latency per message p50 ${r.latencyMicros.p50.toFixed(0)} µs, p99 ${r.latencyMicros.p99.toFixed(0)} µs, max ${r.latencyMicros.max.toFixed(0)} µs`,
  );
  if (r.confusions.length > 0) {
    lines.push('worst confusions (gold → predicted: count)');
    for (const c of r.confusions) lines.push(`  ${c.gold} → ${c.predicted}: ${c.count}`);
  }
  return lines;
}
