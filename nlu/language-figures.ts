// Intent accuracy per served language, as the product runs tiers 1–2 (`classifyLocal`), with the keyword
// rules on and off: every served language on its own dev set (nlu/language/dev, never trained on), and
// English also on the shared Bitext dev splits. What `npm run bench:languages` writes into
// docs/BENCHMARKS.md and `nlu card` into the model card.
import fs from 'node:fs';
import path from 'node:path';
import { readExamples } from './csv';
import { evaluate, type EvalReport } from './evaluate';
import type { IntentModel } from './model';
import { productSourceLanguage, publicSource, readMappedDev } from './public-data';
import { BITEXT_DEV_SETS } from './shipped-eval';

/** The languages besides English, each with its training file (intents.<lang>.csv) and its dev set. */
export const DEV_LANGUAGES = ['de', 'es', 'fr', 'pt'] as const;
/** Every language with a dev set of the product's own (nlu/language/dev/<lang>.csv). */
export const OWN_DEV_SETS = ['en', ...DEV_LANGUAGES] as const;

export const LANGUAGE_DEV_DIR = path.join(__dirname, 'language', 'dev');

export interface LanguageRow {
  language: string;
  /** Where the messages come from: `nlu/language/dev/de.csv`, or a shared dev split for English. */
  set: string;
  rulesOn: EvalReport;
  rulesOff: EvalReport;
}

function row(language: string, set: string, examples: Parameters<typeof evaluate>[0], model: IntentModel): LanguageRow {
  return { language, set, rulesOn: evaluate(examples, model, { rules: true }), rulesOff: evaluate(examples, model, { rules: false }) };
}

/** Each language's own dev set, English's followed by the shared Bitext dev splits when they are there. */
export function languageDevFigures(model: IntentModel, sharedDir: string | undefined, devDir = LANGUAGE_DEV_DIR): LanguageRow[] {
  const rows: LanguageRow[] = [];
  for (const language of OWN_DEV_SETS) {
    const file = path.join(devDir, `${language}.csv`);
    if (fs.existsSync(file)) rows.push(row(language, `nlu/language/dev/${language}.csv`, readExamples(file), model));
    if (language === 'en' && sharedDir !== undefined) {
      for (const name of BITEXT_DEV_SETS) rows.push(row('en', `${name}/dev.csv`, readMappedDev(sharedDir, publicSource(name)), model));
    }
  }
  return rows;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** With `latency`, a p99 column (wall time, so not reproducible: the model card leaves it out). */
export function languageTable(rows: readonly LanguageRow[], latency: boolean): string[] {
  return [
    `| language | dev set | messages | rules on: accuracy | decided | precision of decided | rules off: accuracy | decided | precision of decided |${latency ? ' p99 µs (rules on) |' : ''}`,
    `| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${latency ? ' ---: |' : ''}`,
    ...rows.map(
      (r) =>
        `| ${r.language} | \`${r.set}\` | ${r.rulesOn.examples} | ${r.rulesOn.accuracy.toFixed(3)} | ${pct(r.rulesOn.decided)} | ${pct(r.rulesOn.decidedPrecision)} | ` +
        `${r.rulesOff.accuracy.toFixed(3)} | ${pct(r.rulesOff.decided)} | ${pct(r.rulesOff.decidedPrecision)} |${latency ? ` ${r.rulesOn.latencyMicros.p99.toFixed(0)} |` : ''}`,
    ),
  ];
}

/** The product's own training examples per language, from the sources the model's report records. */
export function examplesPerLanguage(model: IntentModel): { language: string; source: string; file: string; rows: number; used: number }[] {
  return (model.report.sources ?? []).flatMap((s) => {
    const language = productSourceLanguage(s.name);
    return language === undefined ? [] : [{ language, source: s.name, file: s.file, rows: s.rows, used: s.used }];
  });
}

/** The worst confusions of tiers 1–2 (rules on) per language, for the reader who wants to know what goes wrong. */
export function confusionLines(rows: readonly LanguageRow[], per = 3): string[] {
  return rows
    .filter((r) => r.rulesOn.confusions.length > 0)
    .map((r) => `- ${r.language} (\`${r.set}\`): ${r.rulesOn.confusions.slice(0, per).map((c) => `${c.gold} → ${c.predicted} ${c.count}`).join(', ')}`);
}
