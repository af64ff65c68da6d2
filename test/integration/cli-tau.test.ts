import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'mocha';
import { tauCommand } from '../../cli/commands/tau';
import { UsageError } from '../../config/args';
import { parseOrderedJson, type OrderedJson } from '../../tau/format/ordered-json';
import { toPythonJson } from '../../tau/format/python-json';

const TAU_DIR = path.join(__dirname, '..', '..', '..', 'shared', 'data', 'tau-retail');
const TAU_DB_DIR = path.join(TAU_DIR, 'db');

describe('the tau replay command', () => {
  let workDir: string;
  let out: string[];
  let err: string[];
  const run = (...args: string[]): Promise<number> => tauCommand(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  const writeActions = (content: unknown, name = 'actions.json'): string => {
    const file = path.join(workDir, name);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  beforeEach(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-cli-tau-'));
    out = [];
    err = [];
  });
  afterEach(() => {
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('when task 69 is replayed after a call to a tool that does not exist, then it prints every output and the changed records of the reference', async () => {
    // Task 69: find the customer, read their profile and order, cancel the order paid by gift card.
    const task = parseOrderedJson(fs.readFileSync(path.join(TAU_DIR, 'expected', 'task-069.json'), 'utf8')) as Map<string, OrderedJson>;
    const taskActions = task.get('actions') as Map<string, OrderedJson>[];
    const actions = [
      { name: 'refund_everything', kwargs: {} },
      ...taskActions.map((action) => ({ name: action.get('name'), kwargs: Object.fromEntries(action.get('arguments') as Map<string, OrderedJson>) })),
    ];

    assert.equal(await run('replay', '--db', TAU_DB_DIR, '--actions', writeActions(actions)), 0);
    assert.deepEqual(err, []);
    assert.equal(out.length, 1);
    const printed = parseOrderedJson(out[0] as string) as Map<string, OrderedJson>;
    assert.deepEqual([...printed.keys()], ['outputs', 'changed']);
    assert.deepEqual(printed.get('outputs'), ["Error: Tool 'refund_everything' not found.", ...taskActions.map((action) => action.get('output'))]);

    const changed = printed.get('changed') as Map<string, Map<string, OrderedJson>>;
    const expected = task.get('db_diff') as Map<string, Map<string, OrderedJson>>;
    assert.deepEqual([...changed.keys()], ['users', 'orders', 'products']);
    for (const kind of ['users', 'orders', 'products']) {
      assert.equal(toPythonJson(changed.get(kind)), toPythonJson(expected.get(kind)), `changed ${kind}`);
    }
    assert.deepEqual([...(changed.get('users')?.keys() ?? [])], ['emma_smith_8564']);
    assert.deepEqual([...(changed.get('orders')?.keys() ?? [])], ['#W2417020']);
  });

  it('when the actions come as a tau task file, then its action list is replayed', async () => {
    const file = writeActions({ task_id: 'x', actions: [{ action_id: 'x_0', name: 'calculate', arguments: { expression: '652.61 + 473.43' }, info: null }] });
    assert.equal(await run('replay', '--db', TAU_DB_DIR, '--actions', file), 0);
    assert.equal(out[0], '{"outputs": ["1126.04"], "changed": {"users": {}, "orders": {}, "products": {}}}');
  });

  const usageMistakes: [string, string[], RegExp][] = [
    ['no subcommand', [], /^tau needs a subcommand\nusage: npm run -s cli -- tau replay --db DIR --actions FILE\.json/],
    ['an unknown subcommand', ['play'], /^unknown tau subcommand "play"\nusage:/],
    ['no --db', ['replay', '--actions', 'a.json'], /^tau replay needs --db DIR, the folder that holds users\.json/],
    ['no --actions', ['replay', '--db', 'dir'], /^tau replay needs --actions FILE\.json, a JSON list of/],
    ['an unknown option', ['replay', '--store', 'dir'], /^unknown option --store \(expected --db, --actions\)/],
    ['an option without a value', ['replay', '--db'], /^--db needs a value/],
  ];
  for (const [what, args, message] of usageMistakes) {
    it(`when given ${what}, then it throws a UsageError that says what to give`, async () => {
      await assert.rejects(run(...args), (error: unknown) => error instanceof UsageError && message.test(error.message));
      assert.deepEqual(out, []);
    });
  }

  const badActions: [string, unknown, RegExp][] = [
    ['is not JSON', '[{"name": }', /actions\.json is not valid JSON: unexpected character "}" at line 1, column 11$/],
    ['is not a list', { name: 'calculate' }, /actions\.json must hold a JSON list of actions, \[\{"name": "\.\.\.", "kwargs": \{\.\.\.\}\}\], not an object$/],
    ['holds a string instead of an action', ['calculate'], /action 0 in .*actions\.json must be an object \{"name": "\.\.\.", "kwargs": \{\.\.\.\}\}, not a string$/],
    ['has an action without a name', [{ kwargs: {} }], /action 0 in .*actions\.json needs a "name", the tool to call, as a string$/],
    ['has kwargs that are not an object', [{ name: 'calculate', kwargs: ['1 + 1'] }], /action 0 in .*actions\.json: "kwargs" must be an object of keyword arguments, not a list$/],
    ['has a misspelt field', [{ name: 'calculate', kwarg: {} }], /action 0 in .*actions\.json has an unknown field "kwarg"; an action is/],
  ];
  for (const [what, content, message] of badActions) {
    it(`when the actions file ${what}, then it exits with 1 and says what is wrong`, async () => {
      assert.equal(await run('replay', '--db', TAU_DB_DIR, '--actions', writeActions(content)), 1);
      assert.equal(err.length, 1);
      assert.match(err[0] as string, /^error: /);
      assert.match(err[0] as string, message);
      assert.deepEqual(out, []);
    });
  }

  it('when the actions file does not exist, then it exits with 1 naming the file', async () => {
    assert.equal(await run('replay', '--db', TAU_DB_DIR, '--actions', path.join(workDir, 'nope.json')), 1);
    assert.match(err.join('\n'), /^error: cannot read the actions file .*nope\.json: ENOENT/);
  });

  it('when the store folder does not exist, then it exits with 1 naming the folder', async () => {
    assert.equal(await run('replay', '--db', path.join(workDir, 'no-store'), '--actions', writeActions([])), 1);
    assert.match(err.join('\n'), /^error: .*no-store is not a folder: give the folder that holds users\.json, orders\.json and products\.json/);
    assert.deepEqual(out, []);
  });
});
