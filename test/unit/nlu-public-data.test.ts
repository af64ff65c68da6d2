import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'mocha';
import { DataFileError } from '../../nlu/csv';
import { PUBLIC_SOURCES, loadTrainingData, mapSource, publicSource, type PublicSource } from '../../nlu/public-data';
import { trainModel } from '../../nlu/train';
import { tinyExamples } from '../support/nlu-fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-public-'));
const write = (rel: string, text: string) => {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
};
const csv = (rows: [string, string][]) => `text,label\r\n${rows.map(([t, l]) => `"${t.replace(/"/g, '""')}",${l}`).join('\r\n')}\r\n`;

describe('public training data mapped onto the product intents', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('when the 20k Bitext file says check_invoices, then the table maps it to check_invoice', () => {
    const source = publicSource('bitext-customer-support-20k');
    assert.deepEqual(mapSource([{ text: 'show me my invoices', label: 'check_invoices' }], source, 'f.csv'), [{ text: 'show me my invoices', label: 'check_invoice' }]);
    assert.equal(source.mapping.check_invoice, undefined);
  });

  it('when a Bitext file has a label the table does not map, then training fails and names the label and the table', () => {
    assert.throws(
      () => mapSource([{ text: 'a', label: 'track_order' }, { text: 'b', label: 'check_loyalty_points' }], publicSource('bitext-customer-support'), 'train.csv'),
      (err: unknown) => err instanceof DataFileError && /check_loyalty_points \(1 rows\).*add them to the table/.test(err.message),
    );
  });

  it('when CLINC150 rows come in, then only its out-of-scope rows are kept', () => {
    const rows = [{ text: 'what is the weather', label: 'weather' }, { text: 'my cat is called tom', label: 'oos' }];
    assert.deepEqual(mapSource(rows, publicSource('clinc150'), 'c.csv'), [{ text: 'my cat is called tom', label: 'oos' }]);
  });

  it('when a mapping names an intent the product lacks, then it is refused', () => {
    const bad: PublicSource = { name: 'x', licence: 'l', origin: 'o', mapping: { a: 'buy_bitcoin' as never } };
    assert.throws(() => mapSource([{ text: 't', label: 'a' }], bad, 'x.csv'), /intents the product does not have: buy_bitcoin/);
  });

  it('when the shared folder is missing, then the error says where the data should be and how to do without it', () => {
    const product = write('product.csv', csv([['hello', 'greeting']]));
    assert.throws(
      () => loadTrainingData(product, path.join(dir, 'no-such-shared')),
      (err: unknown) => err instanceof DataFileError && /no-such-shared does not exist.*\.\.\/shared\/data.*--public DIR.*leave out --public/.test(err.message),
    );
  });

  it('when sources overlap, then each text is used once with the product label first, and the report counts rows per source', () => {
    const product = write('p2.csv', csv([['Where is my order?', 'track_order'], ['cancel my order', 'cancel_order']]));
    const shared = path.join(dir, 'shared');
    write('shared/bitext-customer-support/train.csv', csv([['where is my order', 'track_order'], ['I want my invoice', 'get_invoice']]));
    write('shared/bitext-customer-support-20k/train.csv', csv([['show invoices', 'check_invoices'], ['cancel my order!', 'change_order']]));
    write('shared/clinc150/train.csv', csv([['play jazz', 'play_music'], ['how do camels sleep', 'oos']]));
    const data = loadTrainingData(product, shared, PUBLIC_SOURCES, 3);
    assert.deepEqual(data.examples.map((e) => e.label), ['track_order', 'cancel_order', 'get_invoice', 'check_invoice', 'oos']);
    assert.deepEqual(Array.from(data.origin), [0, 0, 1, 2, 3]);
    assert.deepEqual(
      data.sources.map((s) => [s.name, s.rows, s.used, s.weight]),
      [['product', 2, 2, 3], ['bitext-customer-support', 2, 1, 1], ['bitext-customer-support-20k', 2, 1, 1], ['clinc150', 2, 1, 1]],
    );
    assert.deepEqual(data.sources[2]?.mapping, { change_order: 'change_order', check_invoices: 'check_invoice' });
    assert.match(data.sources[1]?.sha256 ?? '', /^[0-9a-f]{64}$/);
  });

  it('when trained twice from several sources, then the model files are byte-identical and the report keeps the sources', () => {
    const examples = tinyExamples();
    const origin = Int32Array.from(examples, (_, i) => i % 2);
    const uses = ['product', 'public'].map((name, i) => ({ name, file: `${name}.csv`, sha256: '0'.repeat(64), licence: 'l', origin: 'o', rows: 20, used: 20, weight: i === 0 ? 3 : 1, mapping: {} }));
    const a = trainModel(examples, { folds: 3, mlp: false, sources: { uses, origin } });
    const b = trainModel(examples, { folds: 3, mlp: false, sources: { uses, origin } });
    assert.equal(a.serialize(), b.serialize());
    assert.deepEqual(a.report.sources?.map((s) => s.weight), [3, 1]);
    assert.deepEqual(a.report.crossValidatedBySource?.map((s) => [s.name, s.examples]), [['product', 20], ['public', 20]]);
    assert.match(a.report.thresholdRule, /on every source with in-scope examples/);
  });
});
