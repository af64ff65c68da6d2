/**
 * The shared tau-bench retail tasks (../shared/data/tau-retail/expected) as tests and benchmarks read
 * them: the customer's scenario, the gold actions, and the records the task changes, with the two
 * deliberate differences from the reference applied to the expected side:
 * - Money is compared to the cent. The reference stores unrounded sums (35.52999999999997); the store
 *   keeps integer cents and never writes such noise, so money fields on both sides are rounded to cents.
 * - The reference's multi-item modify_pending_order_items bug is corrected (see correctedTask below).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { StoreChanges } from '../../tau/replay';
import { parseOrderedJson, type OrderedJson } from '../../tau/format/ordered-json';
import { toPythonJson } from '../../tau/format/python-json';

export const TAU_DIR = path.join(__dirname, '..', '..', '..', 'shared', 'data', 'tau-retail');
export const TAU_DB_DIR = path.join(TAU_DIR, 'db');
export const TAU_EXPECTED_DIR = path.join(TAU_DIR, 'expected');
const MONEY_FIELDS = new Set(['price', 'amount', 'balance', 'exchange_price_difference']);

export type RecordKind = 'users' | 'orders' | 'products';
export const RECORD_KINDS: readonly RecordKind[] = ['users', 'orders', 'products'];

export interface ExpectedAction {
  name: string;
  kwargs: Record<string, unknown>;
  output: string;
  error: boolean;
}

/** What the reference's user simulator is told (persona is always null in retail). */
export interface TauInstructions {
  reason_for_call: string;
  known_info: string;
  unknown_info: string | null;
  task_instructions: string;
}

export interface ExpectedTask {
  id: string;
  file: string;
  userId: string;
  instructions: TauInstructions;
  actions: ExpectedAction[];
  /** Every record the task changes, in full and in the reference's form. */
  diff: Record<RecordKind, Map<string, OrderedJson>>;
}

export function asMap(value: OrderedJson | undefined, what: string): Map<string, OrderedJson> {
  assert.ok(value instanceof Map, `${what} is not a JSON object`);
  return value;
}

/** OrderedJson to plain JS values (kwargs are what JSON.parse would give a caller). */
function toPlain(value: OrderedJson): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [key, toPlain(item)]));
  if (Array.isArray(value)) return value.map(toPlain);
  return value;
}

/** The shared task files, `task-NNN.json`, in id order. */
export function taskFiles(): string[] {
  return fs
    .readdirSync(TAU_EXPECTED_DIR)
    .filter((file) => /^task-\d+\.json$/.test(file))
    .sort();
}

/** One task file as the reference wrote it (see correctedTask for what the store is held to). */
export function loadTask(file: string): ExpectedTask {
  const task = asMap(parseOrderedJson(fs.readFileSync(path.join(TAU_EXPECTED_DIR, file), 'utf8')), file);
  const actions = task.get('actions');
  assert.ok(Array.isArray(actions), `${file}: actions is not a list`);
  const diff = asMap(task.get('db_diff'), `${file}: db_diff`);
  const scenario = asMap(task.get('user_scenario'), `${file}: user_scenario`);
  return {
    id: String(task.get('task_id')),
    file,
    userId: String(task.get('user_id')),
    instructions: toPlain(asMap(scenario.get('instructions'), `${file}: instructions`)) as TauInstructions,
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
export function roundMoney(value: OrderedJson): OrderedJson {
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
export function comparable(output: string): string {
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

let initialRecords: { orders: Map<string, OrderedJson>; products: Map<string, OrderedJson> } | undefined;
function initial() {
  initialRecords ??= {
    orders: asMap(parseOrderedJson(fs.readFileSync(path.join(TAU_DB_DIR, 'orders.json'), 'utf8')), 'orders.json'),
    products: asMap(parseOrderedJson(fs.readFileSync(path.join(TAU_DB_DIR, 'products.json'), 'utf8')), 'products.json'),
  };
  return initialRecords;
}

function findVariant(itemId: string): Map<string, OrderedJson> {
  for (const product of initial().products.values()) {
    const variant = asMap(asMap(product, 'product').get('variants'), 'variants').get(itemId);
    if (variant) return asMap(variant, `variant ${itemId}`);
  }
  assert.fail(`no variant ${itemId} in products.json`);
}

function correctionsFor(kwargs: Record<string, unknown>): { orderId: string; byPosition: Map<number, ItemCorrection> } {
  const orderId = String(kwargs.order_id);
  const oldIds = kwargs.item_ids as string[];
  const newIds = kwargs.new_item_ids as string[];
  const items = asMap(initial().orders.get(orderId), `order ${orderId}`).get('items') as OrderedJson[];
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
export function correctedTask(task: ExpectedTask): ExpectedTask {
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

/**
 * Why the store's changes are not the task's: every record the task changes must end equal to the
 * expected record (money to the cent), and no other record may change. Empty when they match.
 */
export function differencesFromExpected(actual: StoreChanges, expected: ExpectedTask['diff']): string[] {
  const problems: string[] = [];
  for (const kind of RECORD_KINDS) {
    const changed = actual[kind] as Map<string, unknown>;
    for (const [id, record] of expected[kind]) {
      const mine = changed.get(id);
      if (mine === undefined) {
        problems.push(`${kind} ${id} should have changed but did not`);
        continue;
      }
      const where = firstDifference(roundMoney(parseOrderedJson(toPythonJson(mine))), roundMoney(record), '');
      if (where) problems.push(`${kind} ${id} differs at ${where}`);
    }
    for (const id of changed.keys()) {
      if (!expected[kind].has(id)) problems.push(`${kind} ${id} changed but should not have`);
    }
  }
  return problems;
}

/** Where two JSON values first differ, as `path: actual ≠ expected`; undefined when they are equal. */
function firstDifference(actual: OrderedJson, expected: OrderedJson, at: string): string | undefined {
  if (actual instanceof Map && expected instanceof Map) {
    for (const key of new Set([...expected.keys(), ...actual.keys()])) {
      const found = firstDifference(actual.get(key) ?? null, expected.get(key) ?? null, at ? `${at}.${key}` : key);
      if (found) return found;
    }
    return toPythonJson(actual) === toPythonJson(expected) ? undefined : `${at || '(record)'}: key order`;
  }
  if (Array.isArray(actual) && Array.isArray(expected) && actual.length === expected.length) {
    for (const [index, item] of actual.entries()) {
      const found = firstDifference(item, expected[index] as OrderedJson, `${at}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  const a = toPythonJson(actual);
  const e = toPythonJson(expected);
  return a === e ? undefined : `${at || '(record)'}: ${shorten(a)} ≠ expected ${shorten(e)}`;
}

const shorten = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}...` : text);
