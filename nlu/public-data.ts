// The public training splits the shipped model learns from besides the product's own examples, read from
// the shared data folder at training time (never copied into the repo), with each source's labels mapped
// onto the product's intent names by an explicit table.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { INTENT_NAMES, OOS_INTENT, type IntentName } from '../domain/intents';
import { DataFileError, readExamples, type Example } from './csv';

export interface PublicSource {
  /** The folder under the shared data folder. */
  name: string;
  licence: string;
  /** Where the rows come from, as the folder's README records it. */
  origin: string;
  /** Source label → product intent. A label the table does not name fails training... */
  mapping: Readonly<Record<string, IntentName>>;
  /** ...unless the source says so: then rows of unmapped labels are left out on purpose. */
  ignoreUnmapped?: boolean;
}

/**
 * The product's examples weigh more than one public row each: there are ~1,000 of them against ~17,000
 * Bitext rows, and they carry the store's own intents (items, payments, returns) that Bitext lacks.
 * Chosen by cross-validation on the training data (out-of-fold figures of the product's examples).
 */
export const PRODUCT_WEIGHT = 3;

/** Bitext's 27 support intents under the product's names (which are Bitext's, domain/intents.ts). */
const BITEXT_SAME_NAMES: Record<string, IntentName> = Object.fromEntries(
  (
    [
      'cancel_order', 'change_order', 'change_shipping_address', 'check_cancellation_fee', 'check_invoice',
      'check_payment_methods', 'check_refund_policy', 'complaint', 'contact_customer_service', 'contact_human_agent',
      'create_account', 'delete_account', 'delivery_options', 'delivery_period', 'edit_account', 'get_invoice',
      'get_refund', 'newsletter_subscription', 'payment_issue', 'place_order', 'recover_password',
      'registration_problems', 'review', 'set_up_shipping_address', 'switch_account', 'track_order', 'track_refund',
    ] as const
  ).map((name) => [name, name]),
);

export const PUBLIC_SOURCES: readonly PublicSource[] = [
  {
    name: 'bitext-customer-support',
    licence: 'CDLA-Sharing-1.0',
    origin: 'bitext/customer-support-llm-chatbot-training-dataset@8b6ca3d9559a4a9abab94f7978fae67019215a82',
    mapping: BITEXT_SAME_NAMES,
  },
  {
    name: 'bitext-customer-support-20k',
    licence: 'CDLA-Sharing-1.0',
    origin: 'Bitext 2020 20K sample via the mirror shxunxk/Chatbot@1e2b735488fbaa376f055533797ea003bb34a4e3',
    // The 2020 file spells one label in the plural.
    mapping: { ...withoutKey(BITEXT_SAME_NAMES, 'check_invoice'), check_invoices: 'check_invoice' },
  },
  {
    // Only its out-of-scope rows: they teach what a store is not asked; its 150 other intents are left out.
    name: 'clinc150',
    licence: 'CC-BY-3.0',
    origin: 'clinc/oos-eval@828f8093932c8fe6ca7936c3d2e52903b1c523de (data_full.json)',
    mapping: { oos: OOS_INTENT },
    ignoreUnmapped: true,
  },
];

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/** What one source gave to a training run (kept in the model's report, shown in the model card). */
export interface SourceUse {
  name: string;
  /** The file, relative to the shared data folder (or the repo, for the product's examples). */
  file: string;
  sha256: string;
  licence: string;
  origin: string;
  /** Rows read, rows used (after mapping and de-duplication). */
  rows: number;
  used: number;
  /** How much an error on one of its examples costs the SVM, relative to the others. */
  weight: number;
  /** Source label → product intent, as applied (empty for the product's own examples). */
  mapping: Record<string, string>;
}

export interface TrainingData {
  examples: Example[];
  /** The source of each example, by index into `sources`. */
  origin: Int32Array;
  sources: SourceUse[];
}

export const PRODUCT_SOURCE = 'product';

/** The language a file of the product's examples is in: `intents.de.csv` → `de`; `intents.csv` → English. */
export function productFileLanguage(file: string): string {
  return /\.([a-z]{2})\.csv$/i.exec(path.basename(file))?.[1]?.toLowerCase() ?? 'en';
}

/** The product's examples in English are the source `product`; those in another language `product-<lang>`. */
export function productSourceName(file: string): string {
  const language = productFileLanguage(file);
  return language === 'en' ? PRODUCT_SOURCE : `${PRODUCT_SOURCE}-${language}`;
}

/** The language of a source that is the product's own examples, undefined for a public source. */
export function productSourceLanguage(name: string): string | undefined {
  if (name === PRODUCT_SOURCE) return 'en';
  return name.startsWith(`${PRODUCT_SOURCE}-`) ? name.slice(PRODUCT_SOURCE.length + 1) : undefined;
}

/** The product's example files the shipped model is trained on (`npm run nlu:train`), relative to the repo. */
export const SHIPPED_PRODUCT_FILES = ['intents.csv', 'intents.de.csv', 'intents.es.csv', 'intents.fr.csv', 'intents.pt.csv'].map((f) => `nlu/training/${f}`);

/** `--data a.csv,b.csv`: one or more files of the product's examples. */
export function dataFiles(list: string): string[] {
  return list.split(',').map((f) => f.trim()).filter((f) => f !== '');
}

/** Maps one source's rows; an unmapped label is an error unless the source leaves such rows out on purpose. */
export function mapSource(rows: readonly Example[], source: PublicSource, file: string): Example[] {
  const unknownTargets = Object.values(source.mapping).filter((intent) => !INTENT_NAMES.includes(intent));
  if (unknownTargets.length > 0) throw new DataFileError(`${source.name}: the mapping names intents the product does not have: ${unknownTargets.join(', ')}`);
  const unmapped = new Map<string, number>();
  const out: Example[] = [];
  for (const row of rows) {
    const intent = source.mapping[row.label];
    if (intent !== undefined) out.push({ text: row.text, label: intent });
    else unmapped.set(row.label, (unmapped.get(row.label) ?? 0) + 1);
  }
  if (unmapped.size > 0 && !source.ignoreUnmapped) {
    const list = [...unmapped.entries()].sort().map(([label, n]) => `${label} (${n} rows)`);
    throw new DataFileError(
      `${file}: label(s) with no product intent in the mapping of ${source.name} (nlu/public-data.ts): ${list.join(', ')}; add them to the table`,
    );
  }
  return out;
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The key two texts share when they are the same message (case, spacing and final punctuation aside). */
export function textKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim().replace(/[\s.!?]+$/, '');
}

/**
 * The product's examples first (each file its own source, in the order given), then each public source's
 * `train.csv` from `sharedDir`, mapped. A text that occurs again (in any source) is used once, with the
 * label it had first: the product's label wins.
 */
export function loadTrainingData(
  productFiles: string | readonly string[],
  sharedDir: string | undefined,
  sources: readonly PublicSource[] = PUBLIC_SOURCES,
  productWeight = PRODUCT_WEIGHT,
): TrainingData {
  const parts: { use: Omit<SourceUse, 'used'>; rows: Example[] }[] = [];
  const files = typeof productFiles === 'string' ? [productFiles] : productFiles;
  if (files.length === 0) throw new DataFileError('no file of the product\'s examples given');
  const names = files.map(productSourceName);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new DataFileError(`two files of the product's examples in one language (${twice}): ${files.join(', ')}`);
  for (const file of files) {
    const product = readExamples(file);
    const language = productFileLanguage(file);
    parts.push({
      use: {
        name: productSourceName(file),
        file: path.basename(file),
        sha256: sha256(file),
        licence: 'MIT (this repository)',
        origin: language === 'en' ? 'written for this product' : `written for this product, in ${language}`,
        rows: product.length,
        mapping: {},
        weight: productWeight,
      },
      rows: product,
    });
  }
  if (sharedDir !== undefined) {
    if (!fs.existsSync(sharedDir) || !fs.statSync(sharedDir).isDirectory()) {
      throw new DataFileError(
        `the shared data folder ${sharedDir} does not exist: the shipped model also trains on the public Bitext training splits there. ` +
          'Put the shared data sets next to the repository (../shared/data, with bitext-customer-support/, bitext-customer-support-20k/ and clinc150/), ' +
          'or pass --public DIR where they are, or leave out --public to train on the product\'s examples alone',
      );
    }
    for (const source of sources) {
      const file = path.join(sharedDir, source.name, 'train.csv');
      if (!fs.existsSync(file)) throw new DataFileError(`${file} does not exist: the shared data folder ${sharedDir} lacks ${source.name}/train.csv`);
      const rows = readExamples(file);
      const mapped = mapSource(rows, source, file);
      const used = Object.fromEntries(Object.entries(source.mapping).filter(([label]) => rows.some((r) => r.label === label)));
      parts.push({
        use: { name: source.name, file: `${source.name}/train.csv`, sha256: sha256(file), licence: source.licence, origin: source.origin, rows: rows.length, mapping: used, weight: 1 },
        rows: mapped,
      });
    }
  }
  const seen = new Set<string>();
  const examples: Example[] = [];
  const origin: number[] = [];
  const sourceUses: SourceUse[] = parts.map((part, s) => {
    let used = 0;
    for (const row of part.rows) {
      const key = textKey(row.text);
      if (seen.has(key)) continue;
      seen.add(key);
      examples.push(row);
      origin.push(s);
      used++;
    }
    return { ...part.use, used };
  });
  return { examples, origin: Int32Array.from(origin), sources: sourceUses };
}

/** A source's dev split with the same mapping as training (rows of labels it leaves out are dropped). */
export function readMappedDev(sharedDir: string, source: PublicSource): Example[] {
  const file = path.join(sharedDir, source.name, 'dev.csv');
  return mapSource(readExamples(file), source, file);
}

export function publicSource(name: string): PublicSource {
  const source = PUBLIC_SOURCES.find((s) => s.name === name);
  if (!source) throw new Error(`no public source named ${name}`);
  return source;
}
