import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'mocha';
import { UsageError } from '../../config/args';
import { nluCommand } from '../../nlu/command';
import { tinyExamples } from '../support/nlu-fixtures';

const root = path.resolve(__dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nlu-cli-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};
const csv = (rows: { text: string; label: string }[]) =>
  `text,label\r\n${rows.map((r) => `${/[",\n]/.test(r.text) ? `"${r.text.replace(/"/g, '""')}"` : r.text},${r.label}`).join('\r\n')}\r\n`;

async function run(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const code = await nluCommand(args, {
    stdin: Readable.from([stdin]),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    progress: { write: (c) => progress.push(c), isTTY: false },
  });
  return { code, out, err: err.join('\n'), progress: progress.join('') };
}

describe('nlu command', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const data = file('train.csv', csv(tinyExamples()));
  const model = path.join(dir, 'out', 'model.json');

  before(async () => {
    const r = await run(['train', '--data', data, '--out', model]);
    assert.equal(r.code, 0, r.err);
  });

  it('when training succeeds, then it writes the model, reports it and shows progress', async () => {
    const r = await run(['train', '--data', data, '--out', path.join(dir, 'again.json'), '--folds', '3']);
    assert.equal(r.code, 0);
    assert.match(r.out.join('\n'), /wrote .*again\.json: 5 labels, 40 examples/);
    assert.match(r.progress, /training on 40 examples \[#+\] 100%/);
    assert.ok(fs.existsSync(model));
  });

  it('when lines come on stdin, then predict prints one JSON object per line with label, confidence, tier and micros', async () => {
    const r = await run(['predict', '--model', model], 'hello\nwhen will my parcel arrive\nwhat is the weather in tokyo\n');
    assert.equal(r.code, 0, r.err);
    const lines = r.out.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 3);
    for (const l of lines) {
      assert.equal(typeof l.confidence, 'number');
      assert.ok(Number.isInteger(l.micros));
    }
    assert.deepEqual([lines[0]?.label, lines[0]?.tier], ['greeting', 'keyword']);
    assert.deepEqual([lines[1]?.label, lines[1]?.tier], ['track_order', 'model']);
    assert.deepEqual([lines[2]?.label, lines[2]?.tier], ['oos', 'none']);
  });

  it('when a labelled file is evaluated, then accuracy, macro-F1, out-of-scope recall, tiers and latency are reported', async () => {
    const r = await run(['eval', '--data', data, '--model', model]);
    assert.equal(r.code, 0, r.err);
    const text = r.out.join('\n');
    for (const re of [/accuracy\s+\d+\.\d%/, /macro-F1\s+\d+\.\d%/, /out-of-scope recall/, /decided by tiers 1-2/, /p50 \d+ µs, p99 \d+ µs/]) assert.match(text, re);
    const json = await run(['eval', '--data', data, '--model', model, '--json', 'true']);
    const report = JSON.parse(json.out[0] ?? '{}') as { accuracy: number; examples: number };
    assert.equal(report.examples, 40);
    assert.ok(report.accuracy > 0.9);
  });

  const usage: [string, string[], RegExp][] = [
    ['no subcommand', [], /usage: nlu train/],
    ['an unknown subcommand', ['fit'], /usage: nlu train/],
    ['train without --data', ['train', '--out', 'x.json'], /--data is required/],
    ['train without --out', ['train', '--data', 'x.csv'], /--out is required/],
    ['predict without --model', ['predict'], /--model is required/],
    ['eval without --data', ['eval', '--model', 'm.json'], /--data is required/],
    ['an unknown flag', ['train', '--data', 'x', '--out', 'y', '--epochs', '3'], /unknown option --epochs/],
    ['a flag without a value', ['predict', '--model'], /--model needs a value/],
    ['a bad --rules', ['predict', '--model', 'm.json', '--rules', 'maybe'], /--rules must be "on" or "off"/],
    ['a bad --folds', ['train', '--data', 'x', '--out', 'y', '--folds', 'two'], /--folds must be a whole number/],
  ];
  for (const [what, args, message] of usage) {
    it(`when given ${what}, then it throws a UsageError`, async () => {
      await assert.rejects(run(args), (err: unknown) => err instanceof UsageError && message.test(err.message));
    });
  }

  const badData: [string, () => string, RegExp][] = [
    ['a missing file', () => path.join(dir, 'nope.csv'), /nope\.csv does not exist/],
    ['an empty file', () => file('empty.csv', ''), /empty\.csv is empty/],
    ['a non-UTF-8 file', () => file('latin1.csv', Buffer.from([0x74, 0x65, 0x78, 0x74, 0x2c, 0x6c, 0x61, 0x62, 0x65, 0x6c, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x2c, 0x78, 0x0a])), /latin1\.csv is not valid UTF-8/],
    ['a file without a label column', () => file('cols.csv', 'text,intent\nhi,greeting\n'), /cols\.csv has no "label" column/],
  ];
  for (const [what, make, message] of badData) {
    it(`when train gets ${what}, then it exits 1 with a message that says what to fix`, async () => {
      const r = await run(['train', '--data', make(), '--out', path.join(dir, 'x.json')]);
      assert.equal(r.code, 1);
      assert.match(r.err, message);
    });
  }

  const badModels: [string, () => string, RegExp][] = [
    ['a missing model', () => path.join(dir, 'missing.json'), /missing\.json does not exist: train one/],
    ['a file that is not a model', () => file('notes.json', '{"hello": "world"}'), /not a model file/],
    ['a CSV given as a model', () => data, /not a model file \(not JSON\)/],
    [
      'a model of an unknown version',
      () => {
        const json = JSON.parse(fs.readFileSync(model, 'utf8')) as Record<string, unknown>;
        return file('v99.json', JSON.stringify({ ...json, version: 99 }));
      },
      /version 99, but this build reads version 1: retrain/,
    ],
  ];
  for (const [what, make, message] of badModels) {
    it(`when predict and eval get ${what}, then they exit 1 with a clear message`, async () => {
      const p = await run(['predict', '--model', make()], 'hello\n');
      assert.equal(p.code, 1);
      assert.match(p.err, message);
      const e = await run(['eval', '--data', data, '--model', make()]);
      assert.equal(e.code, 1);
      assert.match(e.err, message);
    });
  }

  it('when eval data has no label the model knows, then it exits 1 and names the model labels', async () => {
    const r = await run(['eval', '--data', file('other.csv', 'text,label\nhi,salutation\n'), '--model', model]);
    assert.equal(r.code, 1);
    assert.match(r.err, /no example with a label the model knows/);
  });

  it('when run as a program, then usage mistakes exit 2 and predict answers on stdout', () => {
    const entry = path.join(root, 'nlu', 'main.ts');
    const usageRun = spawnSync(process.execPath, ['--import', 'tsx', entry, 'train'], { cwd: root, encoding: 'utf8' });
    assert.equal(usageRun.status, 2);
    assert.match(usageRun.stderr, /--data is required/);
    const predicted = spawnSync(process.execPath, ['--import', 'tsx', entry, 'predict', '--model', model], { cwd: root, encoding: 'utf8', input: 'hello!\n' });
    assert.equal(predicted.status, 0, predicted.stderr);
    assert.deepEqual(JSON.parse(predicted.stdout.trim()).tier, 'keyword');
  });
});
