// The model card (nlu/models/README.md), written by `nlu card` from the model's own stored report and,
// with the shared data, from the same evaluation `nlu eval` runs: the card cannot drift from the model.
import { confusionLines, examplesPerLanguage, languageTable, type LanguageRow } from './language-figures';
import type { IntentModel } from './model';
import { devTable, perIntentTable, type ShippedDevFigures } from './shipped-eval';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export const CARD_HEADING = '# Model card: `support-intents.json`';

/** Sources, mapping, settings and cross-validated figures: everything the model file itself records. */
export function trainingSection(model: IntentModel, fileBytes: number): string[] {
  const r = model.report;
  const sources = r.sources ?? [];
  const lines = [
    '## Training data',
    '',
    '| source | file (sha256, first 12) | origin | licence | rows | used | weight |',
    '| --- | --- | --- | --- | ---: | ---: | ---: |',
    ...sources.map((s) => `| ${s.name} | \`${s.file}\` (${s.sha256.slice(0, 12)}) | ${s.origin} | ${s.licence} | ${s.rows} | ${s.used} | ${s.weight} |`),
    '',
    `${r.examples} examples, ${r.labels} labels. "Used" counts rows after mapping and de-duplication (a text that appears again,`,
    'case, spacing and final punctuation aside, is used once, with the label it had first: the product\'s examples come first).',
    '"Weight" multiplies the SVM\'s cost of an error on that source\'s examples.',
    '',
    '### Label mapping',
    '',
  ];
  const mapped = sources.filter((s) => Object.keys(s.mapping).length > 0);
  if (mapped.length === 0) lines.push('The model was trained on the product\'s own examples only (no mapping).');
  else {
    const intents = [...new Set(mapped.flatMap((s) => Object.values(s.mapping)))].sort();
    lines.push(`| product intent | ${mapped.map((s) => s.name).join(' | ')} |`, `| --- | ${mapped.map(() => '---').join(' | ')} |`);
    for (const intent of intents) {
      const cells = mapped.map((s) => {
        const from = Object.entries(s.mapping)
          .filter(([, to]) => to === intent)
          .map(([label]) => (label === intent ? '=' : `\`${label}\``));
        return from.length > 0 ? from.join(', ') : '–';
      });
      lines.push(`| \`${intent}\` | ${cells.join(' | ')} |`);
    }
    lines.push('', '`=`: the same name. Labels a source has that are not in its column (CLINC150\'s 150 in-scope intents) are not used.');
  }
  const bySource = r.crossValidatedBySource ?? [];
  lines.push(
    '',
    '## Model and thresholds',
    '',
    `- features: TF-IDF over word 1–${model.featurizer.options.maxWordNgram}-grams and in-word character ${model.featurizer.options.minCharNgram}–${model.featurizer.options.maxCharNgram}-grams, ${r.features} features`,
    `- scorer: ${model.mlp ? `linear SVM + a ${model.mlp.hidden}-unit network` : 'linear SVM alone (`--hidden 0`)'}, one-vs-rest, temperature ${model.temperature}`,
    `- confidence threshold ${model.threshold}${model.oosMargin !== undefined ? `, out-of-scope margin ${model.oosMargin}` : ''} (${r.thresholdRule})`,
    `- chosen from ${r.folds}-fold out-of-fold scores on the training data only; nothing is tuned on a dev split`,
    `- file: ${(fileBytes / 2 ** 20).toFixed(2)} MiB`,
    '',
    '## Cross-validated (out-of-fold, training data)',
    '',
    `Out-of-fold top-1 accuracy over all ${r.examples} examples: ${pct(r.crossValidatedAccuracy)}. Per source, as the model tier answers`,
    '(out-of-scope gate and threshold applied; keyword rules not used here):',
    '',
    '| source | examples | top-1 accuracy | decided | precision of decided |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...bySource.map((s) => `| ${s.name} | ${s.examples} | ${pct(s.accuracy)} | ${pct(s.decided)} | ${pct(s.decidedPrecision)} |`),
  );
  return lines;
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', de: 'German', es: 'Spanish', fr: 'French', pt: 'Portuguese (pt-PT)' };

/** The product's own examples per language (from the stored report) and, when measured, the per-language dev figures. */
export function languageSection(model: IntentModel, rows: readonly LanguageRow[] | undefined): string[] {
  const own = examplesPerLanguage(model);
  const lines = [
    '## Languages',
    '',
    'The product\'s own examples in each language are written for this product (they are not translations of public',
    'data), under the repository\'s licence (MIT). The public sources above are English.',
    '',
    '| language | file | rows | used |',
    '| --- | --- | ---: | ---: |',
    ...own.map((o) => `| ${LANGUAGE_NAMES[o.language] ?? o.language} (\`${o.language}\`) | \`nlu/training/${o.file}\` | ${o.rows} | ${o.used} |`),
    '',
  ];
  if (own.length <= 1) lines.push('The model was trained on English examples only.', '');
  if (!rows) lines.push('Per-language dev figures: not measured (no --public DIR when this card was written).');
  else {
    lines.push(
      'Tiers 1–2 (`classifyLocal`) per language, keyword rules on (as the product runs) and off (the model alone): each',
      'language on its own dev set (`nlu/language/dev`, written for this product apart from the training files and never',
      'trained on), English also on the shared Bitext dev splits. Accuracy is top-1 (the model\'s best answer, out-of-scope',
      'gate applied); "decided" is what tiers 1–2 answer without the LLM tier or a clarifying question. One confidence',
      `threshold (${model.threshold}) serves every language: training picks the lowest at which each source, each language's`,
      'own examples among them, reaches its out-of-fold precision target.',
      '',
      ...languageTable(rows, false),
      '',
      'Worst confusions (rules on, gold → predicted: count):',
      '',
      ...confusionLines(rows),
    );
  }
  return lines;
}

export function modelCard(model: IntentModel, fileBytes: number, dev: ShippedDevFigures | undefined, languages?: readonly LanguageRow[]): string {
  const lines = [
    CARD_HEADING,
    '',
    'Written by `npm run nlu:card` (`nlu card`, nlu/card.ts) from the model file\'s stored report and the shared dev splits; do not edit by hand.',
    '',
    'The intent model the product ships (tier 2 of the cascade, nlu/README.md). It is trained by `npm run nlu:train` on the',
    'product\'s own examples (`nlu/training/intents.csv` and, in German, Spanish, French and Portuguese,',
    '`nlu/training/intents.{de,es,fr,pt}.csv`, all written for this product) and on public training splits read',
    'from `../shared/data` at training time. No public data is copied into this repository: the model file holds',
    'weights, a vocabulary of word and character n-grams, and this report.',
    '',
    'Licences: Bitext\'s data is under the Community Data License Agreement – Sharing 1.0 (CDLA-Sharing-1.0); a model',
    'trained on it is a Result in that licence\'s sense (§1.11: outputs of Computational Use holding no more than a de',
    'minimis portion of the Data; the file holds no training text, only weights over word 1–2-grams and character',
    'n-grams), and §3.5 puts no obligation or restriction on publishing Results. CLINC150 (Larson et al.,',
    'EMNLP 2019, "An Evaluation Dataset for Intent Classification and Out-of-Scope Prediction") is under CC BY 3.0:',
    'its 100 out-of-scope training rows teach what a store is not asked. Only train splits are trained on; dev splits',
    'only measure; the held-out test portions are not in ../shared at all.',
    '',
    ...trainingSection(model, fileBytes),
    '',
    ...languageSection(model, languages),
    '',
    '## Dev splits (tiers 1–2, as the product runs them)',
    '',
  ];
  if (!dev) lines.push('Not measured: the shared data was not available when this card was written.');
  else {
    lines.push(
      'Keyword rules then the model (`classifyLocal`), on the shared dev splits with the same label mapping; "decided" is an',
      'intent given by tiers 1–2, the rest goes to the LLM tier or a clarifying question. Computed by `evaluate` (nlu/evaluate.ts),',
      'the code of `nlu eval`.',
      '',
      ...devTable(dev),
      '',
      '### Per intent',
      '',
      ...perIntentTable(dev),
    );
  }
  return `${lines.join('\n')}\n`;
}
