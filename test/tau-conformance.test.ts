import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { replayActions, type ToolAction } from '../commerce/replay';
import { exportTauStore } from '../db/export-tau-store';
import { importTauStore } from '../db/import-tau-store';
import { migrateToLatest } from '../db/migrate';
import { testEngines, type TestDatabase } from '../db/testing/test-databases';
import { parseOrderedJson, type OrderedJson } from '../db/tau-format/ordered-json';
import { toPythonJson } from '../db/tau-format/python-json';
import type { TauStore } from '../db/tau-format/records';

/**
 * Replays the gold actions of every shared tau-bench retail task (../shared/data/tau-retail/expected)
 * on the initial store and checks each tool output against the reference's text and error flag, and
 * the changed records against the task's db_diff, on every engine.
 *
 * Two deliberate differences from the reference, applied to the expected side:
 * - Money is compared to the cent. The reference stores unrounded sums (35.52999999999997); the store
 *   keeps integer cents and never writes such noise, so money fields on both sides are rounded to cents.
 * - The reference's multi-item modify_pending_order_items bug is corrected (see correctionsFor below).
 */

const TAU_DIR = path.join(__dirname, '..', '..', 'shared', 'data', 'tau-retail');
const EXPECTED_DIR = path.join(TAU_DIR, 'expected');
const MONEY_FIELDS = new Set(['price', 'amount', 'balance', 'exchange_price_difference']);

interface ExpectedAction {
  name: string;
  kwargs: Record<string, unknown>;
  output: string;
  error: boolean;
}

interface ExpectedTask {
  id: string;
  actions: ExpectedAction[];
  diff: Record<'users' | 'orders' | 'products', Map<string, OrderedJson>>;
}

const asMap = (value: OrderedJson | undefined, what: string): Map<string, OrderedJson> => {
  assert.ok(value instanceof Map, `${what} is not a JSON object`);
  return value;
};

/** OrderedJson to plain JS values (kwargs are what JSON.parse would give a caller). */
function toPlain(value: OrderedJson): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [key, toPlain(item)]));
  if (Array.isArray(value)) return value.map(toPlain);
  return value;
}

function loadTask(file: string): ExpectedTask {
  const task = asMap(parseOrderedJson(fs.readFileSync(path.join(EXPECTED_DIR, file), 'utf8')), file);
  const actions = task.get('actions');
  assert.ok(Array.isArray(actions), `${file}: actions is not a list`);
  const diff = asMap(task.get('db_diff'), `${file}: db_diff`);
  return {
    id: String(task.get('task_id')),
    actions: actions.map((entry, index) => {
      const action = asMap(entry, `${file}: action ${index}`);
      return {
        name: String(action.get('name')),
        kwargs: toPlain(asMap(action.get('arguments'), `${file}: action ${index} arguments`)) as Record<string, unknown>,
        output: String(action.get('output')),
        error: action.get('error') === true,
      };
    }),
    diff: {
      users: asMap(diff.get('users'), `${file}: db_diff.users`),
      orders: asMap(diff.get('orders'), `${file}: db_diff.orders`),
      products: asMap(diff.get('products'), `${file}: db_diff.products`),
    },
  };
}

/** A copy with every money field rounded to the cent, so that only float noise is forgiven. */
function roundMoney(value: OrderedJson): OrderedJson {
  if (Array.isArray(value)) return value.map(roundMoney);
  if (!(value instanceof Map)) return value;
  return new Map(
    [...value].map(([key, item]): [string, OrderedJson] => [
      key,
      MONEY_FIELDS.has(key) && typeof item === 'number' ? Math.round(item * 100) / 100 : roundMoney(item),
    ]),
  );
}

/** The text to compare: a JSON object with money rounded to cents and printed the reference's way; any other output as it is. */
function comparable(output: string): string {
  let parsed: OrderedJson;
  try {
    parsed = parseOrderedJson(output);
  } catch {
    return output;
  }
  return parsed instanceof Map ? toPythonJson(roundMoney(parsed)) : output;
}

// ---------------------------------------------------------------------------------------------------
// The reference's multi-item modify bug, corrected on the expected side.
//
// The reference's modify_pending_order_items rewrites, for each (old, new) pair in order, the first
// order item that carries the old id at that moment, but gives it the price and options of the LAST
// pair's new variant (a leftover loop variable). The correct record gives each rewritten item its own
// new variant's price and options; everything else (ids, payment, status) is the same. So for every
// successful call we redo the reference's choice of items from the call's arguments and the order's
// items before the call, and put each chosen item's own variant price and options into every later
// expected view of that order: the call's output, later outputs that show the order, and db_diff.
// Items cannot change before that call (it works on pending orders only, and only once), so the
// order's items in the initial orders.json are its items before the call.

interface ItemCorrection {
  price: number;
  options: Map<string, OrderedJson>;
}

const initialOrders = asMap(parseOrderedJson(fs.readFileSync(path.join(TAU_DIR, 'db', 'orders.json'), 'utf8')), 'orders.json');
const products = asMap(parseOrderedJson(fs.readFileSync(path.join(TAU_DIR, 'db', 'products.json'), 'utf8')), 'products.json');

function findVariant(itemId: string): Map<string, OrderedJson> {
  for (const product of products.values()) {
    const variant = asMap(asMap(product, 'product').get('variants'), 'variants').get(itemId);
    if (variant) return asMap(variant, `variant ${itemId}`);
  }
  assert.fail(`no variant ${itemId} in products.json`);
}

function correctionsFor(kwargs: Record<string, unknown>): { orderId: string; byPosition: Map<number, ItemCorrection> } {
  const orderId = String(kwargs.order_id);
  const oldIds = kwargs.item_ids as string[];
  const newIds = kwargs.new_item_ids as string[];
  const items = asMap(initialOrders.get(orderId), `order ${orderId}`).get('items') as OrderedJson[];
  const currentIds = items.map((item) => String(asMap(item, 'item').get('item_id')));
  const byPosition = new Map<number, ItemCorrection>();
  oldIds.forEach((oldId, pair) => {
    const newId = newIds[pair] as string;
    const position = currentIds.indexOf(oldId);
    assert.ok(position >= 0, `order ${orderId} has no item ${oldId} for pair ${pair}`);
    currentIds[position] = newId;
    const variant = findVariant(newId);
    byPosition.set(position, { price: variant.get('price') as number, options: asMap(variant.get('options'), 'options') });
  });
  return { orderId, byPosition };
}

function applyCorrections(order: Map<string, OrderedJson>, byPosition: Map<number, ItemCorrection>): Map<string, OrderedJson> {
  const items = (order.get('items') as OrderedJson[]).map((item, position) => {
    const correction = byPosition.get(position);
    if (!correction) return item;
    return new Map([...asMap(item, 'item')].map(([key, value]): [string, OrderedJson] => [key, key === 'price' ? correction.price : key === 'options' ? correction.options : value]));
  });
  return new Map([...order].map(([key, value]): [string, OrderedJson] => [key, key === 'items' ? items : value]));
}

/** The task's expectations with the reference's modify bug corrected (a no-op for single-item calls). */
function corrected(task: ExpectedTask): ExpectedTask {
  const outputs = task.actions.map((action) => action.output);
  const orders = new Map(task.diff.orders);
  task.actions.forEach((action, index) => {
    if (action.name !== 'modify_pending_order_items' || action.error) return;
    const { orderId, byPosition } = correctionsFor(action.kwargs);
    for (let later = index; later < outputs.length; later++) {
      const view = parseObject(outputs[later] as string);
      if (view?.get('order_id') === orderId) outputs[later] = toPythonJson(applyCorrections(view, byPosition));
    }
    const final = orders.get(orderId);
    if (final !== undefined) orders.set(orderId, applyCorrections(asMap(final, orderId), byPosition));
  });
  return {
    ...task,
    actions: task.actions.map((action, index) => ({ ...action, output: outputs[index] as string })),
    diff: { ...task.diff, orders },
  };
}

function parseObject(text: string): Map<string, OrderedJson> | undefined {
  try {
    const parsed = parseOrderedJson(text);
    return parsed instanceof Map ? parsed : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------

const TASK_FILES = fs
  .readdirSync(EXPECTED_DIR)
  .filter((file) => /^task-\d+\.json$/.test(file))
  .sort();

for (const engine of testEngines()) {
  describe(`tau-bench retail conformance on ${engine.name}`, { skip: engine.skip }, () => {
    let database: TestDatabase;
    let initial: TauStore;
    const passed: string[] = [];

    before(async () => {
      database = await engine.open();
      await migrateToLatest(database.db);
      await importTauStore(database.db, path.join(TAU_DIR, 'db'));
      initial = await exportTauStore(database.db);
    });
    after(async () => {
      await database?.close();
    });

    test('when the shared tasks are listed, then all 74 are there', () => {
      assert.equal(TASK_FILES.length, 74);
    });

    for (const file of TASK_FILES) {
      test(`when the gold actions of ${file} are replayed, then every output and every changed record matches the reference`, async () => {
        const task = corrected(loadTask(file));
        const actions: ToolAction[] = task.actions.map(({ name, kwargs }) => ({ name, kwargs }));
        // Each task starts from the initial store: it runs in a transaction that is rolled back.
        const trx = await database.db.transaction();
        const result = await replayActions(trx, actions, { before: initial }).finally(() => trx.rollback());

        task.actions.forEach((expected, index) => {
          const actual = result.outputs[index];
          assert.ok(actual, `no output for action ${index}`);
          const where = `task ${task.id}, action ${index} (${expected.name})`;
          assert.equal(actual.error, expected.error, `${where}: error flag`);
          assert.equal(comparable(actual.output), comparable(expected.output), `${where}: output`);
        });
        for (const kind of ['users', 'orders', 'products'] as const) {
          const actual = result.changed[kind];
          const expected = task.diff[kind];
          assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), `task ${task.id}: changed ${kind}`);
          for (const [id, record] of expected) {
            assert.equal(comparable(toPythonJson(actual.get(id))), toPythonJson(roundMoney(record)), `task ${task.id}: ${kind} ${id}`);
          }
        }
        passed.push(task.id);
      });
    }

    test('when every task has run, then every one of them matched', (t) => {
      t.diagnostic(`${engine.name}: ${passed.length} of ${TASK_FILES.length} shared tasks match the reference`);
      assert.equal(passed.length, TASK_FILES.length);
    });
  });
}
