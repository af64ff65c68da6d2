import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'mocha';
import { languageSection } from '../../nlu/card';
import { SHIPPED_MODEL_PATH, classifyLocal, loadModel } from '../../nlu/cascade';
import { nluCommand } from '../../nlu/command';
import { DataFileError, readExamples } from '../../nlu/csv';
import { INTENT_NAMES, isIntentName } from '../../domain/intents';
import { DEV_LANGUAGES, LANGUAGE_DEV_DIR, languageDevFigures, languageTable } from '../../nlu/language-figures';
import { IntentModel } from '../../nlu/model';
import { loadTrainingData, productSourceLanguage, productSourceName } from '../../nlu/public-data';
import { describeUnless } from '../support/skip';

const shipped = loadModel(SHIPPED_MODEL_PATH);
const TRAINING = path.resolve(__dirname, '..', '..', 'nlu', 'training');
const CARD = path.join(path.dirname(SHIPPED_MODEL_PATH), 'README.md');
const SHARED = path.resolve(__dirname, '..', '..', '..', 'shared', 'data');

// A handful of the product's own training examples per language: the first row of each of these intents in
// nlu/training/intents.<lang>.csv (the dev sets of nlu/language/dev are never read here).
const INTENTS = ['cancel_order', 'return_items', 'exchange_items', 'track_order', 'get_refund', 'recover_password', 'contact_human_agent', 'newsletter_subscription'];

function ownExamples(language: string): { text: string; label: string }[] {
  const rows = readExamples(path.join(TRAINING, `intents.${language}.csv`));
  return INTENTS.map((label) => {
    const row = rows.find((r) => r.label === label);
    if (!row) throw new Error(`intents.${language}.csv has no ${label} example`);
    return row;
  });
}

describe('the shipped intent model in every served language', () => {
  for (const language of DEV_LANGUAGES) {
    for (const { text, label } of ownExamples(language)) {
      it(`when a customer writes "${text}" (${language}), then the model alone decides ${label}`, () => {
        const c = classifyLocal(text, { model: shipped, rules: false });
        assert.deepEqual({ label: c.label, tier: c.tier }, { label, tier: 'model' }, JSON.stringify(c));
      });
    }
  }

  it('when the report is read, then each language\'s own examples are a source of their own', () => {
    const sources = shipped.report.sources ?? [];
    for (const language of ['en', ...DEV_LANGUAGES]) {
      const source = sources.find((s) => productSourceLanguage(s.name) === language);
      assert.ok(source, `no source of the product's ${language} examples`);
      assert.ok(source.used > 500, `${source.name}: only ${source.used} examples used`);
    }
  });
});

describe('the model card in every language', () => {
  const card = fs.readFileSync(CARD, 'utf8');

  it('when the card is read, then it lists the product\'s own examples of every served language with the counts the model stores', () => {
    assert.ok(card.includes(languageSection(shipped, undefined).slice(0, 8).join('\n')), 'run "npm run nlu:card" after training');
    for (const s of (shipped.report.sources ?? []).filter((x) => productSourceLanguage(x.name) !== undefined)) {
      assert.match(card, new RegExp(`\\(\`${productSourceLanguage(s.name)}\`\\) \\| \`nlu/training/${s.file.replace(/\./g, '\\.')}\` \\| ${s.rows} \\| ${s.used} \\|`));
    }
    for (const language of ['English', 'German', 'Spanish', 'French', 'Portuguese']) assert.match(card, new RegExp(`\\| ${language}`));
  });
});

describeUnless(!fs.existsSync(path.join(SHARED, 'bitext-customer-support', 'dev.csv')) && 'no ../shared/data here', 'the per-language figures of the card', () => {
  it('when the per-language dev sets are scored again, then the card shows the same figures for every language', () => {
    const rows = languageDevFigures(shipped, SHARED);
    assert.deepEqual([...new Set(rows.map((r) => r.language))], ['en', ...DEV_LANGUAGES]);
    assert.deepEqual(rows.map((r) => r.set).slice(0, 3), ['nlu/language/dev/en.csv', 'bitext-customer-support/dev.csv', 'bitext-customer-support-20k/dev.csv']);
    const card = fs.readFileSync(CARD, 'utf8');
    assert.ok(card.includes(languageTable(rows, false).join('\n')), 'run "npm run nlu:card" after training');
  });
});

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s.,!?¿¡;:«»"“”„'’-]+/g, ' ')
    .trim();

/** Levenshtein distance, or `limit` as soon as every path has reached it. */
function editDistanceAtLeast(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      if (v < best) best = v;
    }
    if (best >= limit) return limit;
    prev = row;
  }
  return Math.min(prev[b.length] as number, limit);
}

describe('the English dev set of the product\'s own', () => {
  const dev = readExamples(path.join(LANGUAGE_DEV_DIR, 'en.csv'));
  const training = readExamples(path.join(TRAINING, 'intents.csv')).map((e) => normalise(e.text));

  it('when it is counted, then every intent of the catalogue has at least five phrasings and no other label is used', () => {
    assert.deepEqual(dev.filter((e) => !isIntentName(e.label)).map((e) => e.label), []);
    const short = INTENT_NAMES.filter((name) => dev.filter((e) => e.label === name).length < 5);
    assert.deepEqual(short, []);
  });

  it('when each text is compared with the English training file, then none is within a quarter of its length in edits of a training text', () => {
    const near = dev.flatMap((e) => {
      const a = normalise(e.text);
      const hit = training.find((b) => {
        const limit = Math.max(2, Math.floor(Math.max(a.length, b.length) / 4));
        return Math.abs(a.length - b.length) < limit && editDistanceAtLeast(a, b, limit) < limit;
      });
      return hit === undefined ? [] : [`${e.text} ~ ${hit}`];
    });
    assert.deepEqual(near, []);
  });
});

describe('training on the product\'s examples in several languages', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-langs-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, rows: [string, string][]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `text,label\n${rows.map(([t, l]) => `"${t}",${l}`).join('\n')}\n`);
    return file;
  };
  const en = write('intents.csv', [
    ['cancel my order', 'cancel_order'], ['please cancel the order', 'cancel_order'], ['I want to cancel my purchase', 'cancel_order'],
    ['where is my order', 'track_order'], ['track my package', 'track_order'], ['has my order shipped', 'track_order'],
  ]);
  const de = write('intents.de.csv', [
    ['Bitte stornieren Sie meine Bestellung', 'cancel_order'], ['Ich möchte meine Bestellung stornieren', 'cancel_order'], ['Bestellung stornieren bitte', 'cancel_order'],
    ['Wo ist meine Bestellung', 'track_order'], ['Wo bleibt mein Paket', 'track_order'], ['Ist meine Bestellung schon unterwegs', 'track_order'],
  ]);

  it('when "nlu train --data" names two files, then the model learns from both', async () => {
    const out = path.join(dir, 'm.json');
    const lines: string[] = [];
    const code = await nluCommand(['train', '--data', `${en},${de}`, '--out', out, '--folds', '3', '--hidden', '0'], {
      stdin: Readable.from([]),
      out: (l) => lines.push(l),
      err: () => undefined,
      progress: { write: () => undefined },
    });
    assert.equal(code, 0);
    const model = IntentModel.parse(fs.readFileSync(out, 'utf8'), out);
    assert.equal(model.report.examples, 12);
    assert.match(lines.join('\n'), /12 examples/);
  });

  it('when the files are loaded as the shipped model\'s are, then each language is its own source, named by its file', () => {
    const data = loadTrainingData([en, de], undefined);
    assert.deepEqual(data.sources.map((s) => [s.name, s.used, s.origin]), [['product', 6, 'written for this product'], ['product-de', 6, 'written for this product, in de']]);
    assert.deepEqual(Array.from(data.origin), [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    assert.equal(productSourceName('nlu/training/intents.pt.csv'), 'product-pt');
  });

  it('when two files are in the same language, then training refuses them and names both', () => {
    const again = write('more.de.csv', [['Stornieren', 'cancel_order']]);
    assert.throws(() => loadTrainingData([de, again], undefined), (err: unknown) => err instanceof DataFileError && /product-de.*intents\.de\.csv.*more\.de\.csv/.test(err.message));
  });

  it('when --data names no file, then the usage error says so', async () => {
    await assert.rejects(
      nluCommand(['train', '--data', ',', '--out', path.join(dir, 'x.json')], { stdin: Readable.from([]), out: () => undefined, err: () => undefined }),
      /--data must name at least one CSV file/,
    );
  });
});
