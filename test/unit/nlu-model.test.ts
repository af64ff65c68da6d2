import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { DataFileError, parseCsv, parseExamples, decodeUtf8, type Example } from '../../nlu/csv';
import { IntentModel, MODEL_FORMAT, MODEL_VERSION, ModelFileError } from '../../nlu/model';
import { trainModel } from '../../nlu/train';
import { tinyExamples } from '../support/nlu-fixtures';

describe('CSV text,label (RFC 4180)', () => {
  it('when fields are quoted with commas, doubled quotes, CRLF and embedded newlines, then they parse exactly', () => {
    const rows = parseCsv('text,label\r\n"a, b",x\r\n"say ""hi""",y\r\n"two\nlines",z\r\nplain,w');
    assert.deepEqual(rows, [['text', 'label'], ['a, b', 'x'], ['say "hi"', 'y'], ['two\nlines', 'z'], ['plain', 'w']]);
  });

  it('when the columns come in another order with extra columns, then text and label are found by name', () => {
    assert.deepEqual(parseExamples('id,label,text\n1,greet,hello\n'), [{ text: 'hello', label: 'greet' }]);
  });

  it('when the file starts with a UTF-8 BOM, then the header still reads', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('text,label\nhi,greeting\n')]);
    assert.deepEqual(parseExamples(decodeUtf8(bytes, 'f.csv')), [{ text: 'hi', label: 'greeting' }]);
  });

  const bad: [string, string, RegExp][] = [
    ['an empty file', '', /is empty/],
    ['a header without a label column', 'text,intent\nhi,greeting\n', /no "label" column/],
    ['a header without either column', 'a,b\n1,2\n', /no "text" or "label" column/],
    ['a header only', 'text,label\n', /no examples/],
    ['an empty label', 'text,label\nhello,\n', /row 2: the label is empty/],
    ['an unclosed quote', 'text,label\n"hello,x\n', /not closed/],
  ];
  for (const [what, csv, message] of bad) {
    it(`when the data is ${what}, then a DataFileError says what is wrong`, () => {
      assert.throws(() => parseExamples(csv, 'data.csv'), (err: unknown) => err instanceof DataFileError && message.test(err.message));
    });
  }

  it('when the bytes are not UTF-8, then a DataFileError asks for UTF-8', () => {
    assert.throws(() => decodeUtf8(new Uint8Array([0x74, 0x65, 0xff, 0xfe, 0x78]), 'latin1.csv'), /latin1.csv is not valid UTF-8/);
  });
});

describe('training and the model file', () => {
  const examples = tinyExamples();
  const model = trainModel(examples, { folds: 3 });

  it('when trained on a tiny data set, then it labels new phrasings of each intent', () => {
    assert.equal(model.predict('where is my parcel right now').label, 'track_order');
    assert.equal(model.predict('please cancel this order for me').label, 'cancel_order');
    assert.equal(model.predict('I would like my money back').label, 'get_refund');
  });

  it('when trained twice with the same seed, then the model files are identical', () => {
    assert.equal(trainModel(examples, { folds: 3 }).serialize(), model.serialize());
  });

  it('when the training data has an oos label, then the model has an out-of-scope gate that rejects unrelated text', () => {
    assert.equal(model.oosLabel, 'oos');
    assert.ok(model.oosMargin !== undefined);
    assert.equal(model.predict('what is the weather in paris tomorrow').label, 'oos');
  });

  it('when confidences are produced, then they are probabilities and the threshold is one too', () => {
    const p = model.probabilities('where is my order');
    const sum = p.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-9);
    assert.ok(model.threshold > 0 && model.threshold <= 1);
    assert.ok(model.temperature > 0);
  });

  it('when the model is written and read back, then it predicts the same labels and confidences', () => {
    const copy = IntentModel.parse(model.serialize());
    for (const { text } of examples) {
      const a = model.predict(text);
      const b = copy.predict(text);
      assert.equal(b.label, a.label);
      assert.ok(Math.abs(a.confidence - b.confidence) < 1e-3, `${a.confidence} vs ${b.confidence}`);
    }
  });

  it('when the file has another format version, then the error names both versions and says to retrain', () => {
    const file = { ...model.toJSON(), version: MODEL_VERSION + 1 };
    assert.throws(
      () => IntentModel.parse(JSON.stringify(file), 'old.json'),
      (err: unknown) => err instanceof ModelFileError && /version 2.*reads version 1.*retrain/.test(err.message),
    );
  });

  const notModels: [string, string, RegExp][] = [
    ['not JSON', 'text,label\nhi,greeting', /not a model file \(not JSON\)/],
    ['JSON without the header', '{"labels":["a"]}', /not a model file \(no "format"/],
    ['another format', JSON.stringify({ format: 'something-else', version: 1 }), /not a model file/],
    ['a damaged model', JSON.stringify({ format: MODEL_FORMAT, version: MODEL_VERSION, labels: [] }), /damaged model file/],
  ];
  for (const [what, text, message] of notModels) {
    it(`when the file is ${what}, then a ModelFileError says it is not a usable model`, () => {
      assert.throws(() => IntentModel.parse(text, 'x.json'), (err: unknown) => err instanceof ModelFileError && message.test(err.message));
    });
  }

  it('when arrays in the file do not match its labels, then it is reported as damaged', () => {
    const file = model.toJSON();
    file.bias = file.bias.slice(1);
    assert.throws(() => IntentModel.parse(JSON.stringify(file)), /damaged model file/);
  });

  it('when there is only one label, then training refuses', () => {
    const one: Example[] = [{ text: 'a', label: 'x' }, { text: 'b', label: 'x' }];
    assert.throws(() => trainModel(one), /at least two labels/);
  });
});
