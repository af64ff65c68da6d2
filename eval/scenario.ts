/**
 * Scenario files (`eval/scenarios/*.yaml`): who the customer is (a fixture of tau records, or a copy
 * of a demo-store customer), what they say (each line a list of phrasings), and what must come of it
 * (outcome, actions, handoff, the store's records after). Every problem is reported with the file and
 * the field, so a malformed file says where to look.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { OUTCOMES, type Outcome } from '../domain/outcomes/types';
import { orderSchema, userSchema, type TauOrder, type TauUser } from '../tau/format/records';
import { validateRecords } from '../tau/format/validate-records';
import { TauFormatError } from '../tau/format/errors';
import { buildDemoStore } from '../seed/build-demo-store';
import { ORDER_FIELDS, USER_FIELDS, plainOrder, plainUser, toOrderedJson, withChanges, type Json, type PlainRecord, type PlainRecords } from './records';
import { placeholdersIn, type TemplateKeys } from './templates';

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

export const ACTION_STATUSES = ['proposed', 'executed', 'delayed', 'denied', 'compensated', 'failed'] as const;

export interface ExpectedAction {
  name: string;
  status: (typeof ACTION_STATUSES)[number];
}

/** What the store's records must be after the conversation, as changed fields (fixture ids). */
export interface StoreExpectation {
  user?: PlainRecord;
  orders?: Record<string, PlainRecord>;
}

export interface Scenario {
  file: string;
  name: string;
  description?: string;
  /** The customer and their orders before the conversation, in the file's ids; none for a question anybody may ask. */
  fixture: PlainRecords | null;
  /** Where the fixture came from in the file, written back as it was by `formatScenario`. */
  fixtureSource?: { seedCustomer: string } | { user: Json; orders: Json };
  /** Each customer line's phrasings; run i says variant i mod n. */
  lines: string[][];
  expected: {
    /** Absent: not checked. */
    outcome?: Outcome;
    actions: ExpectedAction[];
    handoff: boolean;
    store: StoreExpectation;
  };
}

/** Reads and validates every `*.yaml` in `dir`, in file-name order. */
export function loadScenarioDir(dir: string): Scenario[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    throw new ScenarioError(`cannot read the scenario folder ${dir}: ${(error as Error).message}`);
  }
  if (names.length === 0) throw new ScenarioError(`no scenario files (*.yaml) in ${dir}`);
  return names.map((name) => loadScenarioFile(path.join(dir, name)));
}

export function loadScenarioFile(file: string): Scenario {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScenarioError(`cannot read the scenario file ${file}: ${(error as Error).message}`);
  }
  return parseScenario(text, file);
}

/** Parses one scenario file's text; `file` names it in every message. */
export function parseScenario(text: string, file: string): Scenario {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new ScenarioError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const fail = (field: string, problem: string): never => {
    throw new ScenarioError(`${file}: ${field} ${problem}`);
  };
  if (!isObject(doc)) return fail('the file', 'must hold a mapping with name, lines and expected');
  allowOnly(doc, ['name', 'description', 'fixture', 'lines', 'expected'], 'the file', fail);
  if (typeof doc.name !== 'string' || doc.name.trim() === '') fail('name', 'must be a non-empty string');
  if (doc.description !== undefined && typeof doc.description !== 'string') fail('description', 'must be a string');

  const { fixture, source } = readFixture(doc.fixture, file, fail);
  const lines = readLines(doc.lines, fail);
  const keys = templateKeysOf(fixture);
  lines.forEach((variants, index) =>
    variants.forEach((variant, v) => {
      for (const problem of placeholdersIn(variant, keys).problems) fail(`lines[${index}][${v}]`, problem);
    }),
  );
  const expected = readExpected(doc.expected, fixture, file, fail);
  return {
    file,
    name: (doc.name as string).trim(),
    ...(typeof doc.description === 'string' ? { description: doc.description } : {}),
    fixture,
    ...(source ? { fixtureSource: source } : {}),
    lines,
    expected,
  };
}

type Fail = (field: string, problem: string) => never;

function readFixture(raw: unknown, file: string, fail: Fail): { fixture: PlainRecords | null; source?: Scenario['fixtureSource'] } {
  if (raw === undefined || raw === null) return { fixture: null };
  if (!isObject(raw)) return fail('fixture', 'must be a mapping: {seedCustomer: <user id>} or {user: {...}, orders: {...}}');
  if ('seedCustomer' in raw) {
    allowOnly(raw, ['seedCustomer'], 'fixture', fail);
    const id = raw.seedCustomer;
    if (typeof id !== 'string') return fail('fixture.seedCustomer', 'must be the user id of a demo-store customer, e.g. tomas_lindqvist_4161');
    return { fixture: seedFixture(id, fail), source: { seedCustomer: id } };
  }
  allowOnly(raw, ['user', 'orders'], 'fixture', fail);
  if (!isObject(raw.user)) return fail('fixture.user', 'must be a tau-format user record (user_id, name, address, email, payment_methods, orders)');
  const ordersRaw = raw.orders ?? {};
  if (!isObject(ordersRaw)) return fail('fixture.orders', 'must map each order id to a tau-format order record');
  const user = validated<TauUser>(file, 'fixture.user', 'user', { [String(raw.user.user_id ?? '?')]: raw.user }, userSchema)[0]?.[1] as TauUser;
  const orders = validated<TauOrder>(file, 'fixture.orders', 'order', ordersRaw, orderSchema);
  // Keyed as the file files them, so that an order filed under another id than its own is caught below.
  const fixture: PlainRecords = { user: plainUser(user), orders: Object.fromEntries(orders.map(([key, order]) => [key, plainOrder(order)])) };
  checkFixtureLinks(fixture, Object.keys(ordersRaw), fail);
  return { fixture, source: { user: raw.user as Json, orders: ordersRaw as Json } };
}

function validated<T>(file: string, field: string, kind: string, records: Record<string, unknown>, schema: Parameters<typeof validateRecords<T>>[3]): [string, T][] {
  try {
    return [...validateRecords(`${file}: ${field}`, kind, toOrderedJson(records), schema)];
  } catch (error) {
    if (error instanceof TauFormatError) throw new ScenarioError(error.message);
    throw error;
  }
}

function checkFixtureLinks(fixture: PlainRecords, keys: string[], fail: Fail): void {
  const userId = fixture.user.user_id as string;
  for (const key of keys) {
    const order = fixture.orders[key];
    if (!order) continue;
    if (order.order_id !== key) fail(`fixture.orders["${key}"].order_id`, `must be "${key}", the key it is filed under`);
    if (order.user_id !== userId) fail(`fixture.orders["${key}"].user_id`, `must be the fixture user's id "${userId}"`);
    if (!/^#W\d{7}$/.test(key)) fail(`fixture.orders["${key}"]`, 'must have an id like #W1234567 (the bot reads order ids in that form)');
  }
  for (const id of fixture.user.orders as string[]) {
    if (!fixture.orders[id]) fail('fixture.user.orders', `names ${id}, which is not in fixture.orders`);
  }
}

/** A demo-store customer and their orders, as `npm start` seeds them (not as the running store holds them now). */
export function seedFixture(userId: string, fail: Fail = (field, problem) => { throw new ScenarioError(`${field} ${problem}`); }): PlainRecords {
  const store = buildDemoStore();
  const user = store.users.get(userId);
  if (!user) return fail('fixture.seedCustomer', `"${userId}" is not a demo-store customer (seed/customers.ts): use one of ${[...store.users.keys()].join(', ')}`);
  const orders = user.orders.map((id) => store.orders.get(id)).filter((order): order is TauOrder => order !== undefined);
  return { user: plainUser(user), orders: Object.fromEntries(orders.map((order) => [order.order_id, plainOrder(order)])) };
}

function readLines(raw: unknown, fail: Fail): string[][] {
  if (!Array.isArray(raw) || raw.length === 0) return fail('lines', 'must be a list of customer lines, each a string or a list of phrasings');
  return raw.map((line, index) => {
    const variants = typeof line === 'string' ? [line] : line;
    if (!Array.isArray(variants) || variants.length === 0) return fail(`lines[${index}]`, 'must be a string or a non-empty list of phrasings');
    return variants.map((variant, v) => {
      if (typeof variant !== 'string' || variant.trim() === '') return fail(`lines[${index}][${v}]`, 'must be a non-empty string');
      return variant;
    });
  });
}

function readExpected(raw: unknown, fixture: PlainRecords | null, file: string, fail: Fail): Scenario['expected'] {
  if (!isObject(raw)) return fail('expected', 'must be a mapping with outcome, actions, handoff and store');
  allowOnly(raw, ['outcome', 'actions', 'handoff', 'store'], 'expected', fail);
  if (raw.outcome !== undefined && !(OUTCOMES as readonly unknown[]).includes(raw.outcome)) {
    fail('expected.outcome', `must be one of ${OUTCOMES.join(', ')} (found ${JSON.stringify(raw.outcome)})`);
  }
  const actionsRaw = raw.actions ?? [];
  if (!Array.isArray(actionsRaw)) return fail('expected.actions', 'must be a list of {name, status}');
  const actions = actionsRaw.map((action, index): ExpectedAction => {
    if (!isObject(action)) return fail(`expected.actions[${index}]`, 'must be a mapping {name, status}');
    allowOnly(action, ['name', 'status'], `expected.actions[${index}]`, fail);
    if (typeof action.name !== 'string' || action.name === '') fail(`expected.actions[${index}].name`, 'must be an action name such as cancel_pending_order');
    if (!(ACTION_STATUSES as readonly unknown[]).includes(action.status)) {
      fail(`expected.actions[${index}].status`, `must be one of ${ACTION_STATUSES.join(', ')} (found ${JSON.stringify(action.status)})`);
    }
    return { name: action.name as string, status: action.status as ExpectedAction['status'] };
  });
  if (raw.handoff !== undefined && typeof raw.handoff !== 'boolean') fail('expected.handoff', 'must be true or false');
  const store = readStoreExpectation(raw.store, fixture, file, fail);
  return { ...(raw.outcome !== undefined ? { outcome: raw.outcome as Outcome } : {}), actions, handoff: raw.handoff === true, store };
}

function readStoreExpectation(raw: unknown, fixture: PlainRecords | null, file: string, fail: Fail): StoreExpectation {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) return fail('expected.store', 'must be a mapping {user: {field: value}, orders: {<order id>: {field: value}}}');
  if (!fixture) return fail('expected.store', 'needs a fixture: only the fixture\'s records are checked');
  allowOnly(raw, ['user', 'orders'], 'expected.store', fail);
  const store: StoreExpectation = {};
  if (raw.user !== undefined) {
    if (!isObject(raw.user)) fail('expected.store.user', 'must map user fields to their values after the conversation');
    const user = raw.user as PlainRecord;
    for (const field of Object.keys(user)) {
      if (!(USER_FIELDS as readonly string[]).includes(field)) fail(`expected.store.user.${field}`, `is not a user field (${USER_FIELDS.join(', ')})`);
    }
    validated<TauUser>(file, 'expected.store.user (the user after these changes)', 'user', { [String(fixture.user.user_id)]: withChanges(fixture.user, user) }, userSchema);
    store.user = user;
  }
  if (raw.orders !== undefined) {
    if (!isObject(raw.orders)) fail('expected.store.orders', 'must map fixture order ids to {field: value}');
    const orders = raw.orders as Record<string, unknown>;
    store.orders = {};
    for (const [id, changes] of Object.entries(orders)) {
      const before = fixture.orders[id];
      if (!before) fail(`expected.store.orders["${id}"]`, `is not a fixture order (${Object.keys(fixture.orders).join(', ') || 'none'})`);
      if (!isObject(changes)) fail(`expected.store.orders["${id}"]`, 'must map order fields to their values after the conversation');
      for (const field of Object.keys(changes as object)) {
        if (!(ORDER_FIELDS as readonly string[]).includes(field)) fail(`expected.store.orders["${id}"].${field}`, `is not an order field (${ORDER_FIELDS.join(', ')})`);
      }
      validated<TauOrder>(file, `expected.store.orders (order ${id} after these changes)`, 'order', { [id]: withChanges(before as PlainRecord, changes as PlainRecord) }, orderSchema);
      store.orders[id] = changes as PlainRecord;
    }
  }
  return store;
}

/** What the fixture lets lines refer to: its e-mail, name, zip, orders, payment methods and items. */
export function templateKeysOf(fixture: PlainRecords | null): TemplateKeys {
  if (!fixture) return { hasCustomer: false, orders: [], payments: [], items: [] };
  const items = Object.values(fixture.orders).flatMap((order) => (order.items as PlainRecord[]).map((item) => item.item_id as string));
  return {
    hasCustomer: true,
    orders: Object.keys(fixture.orders),
    payments: Object.keys(fixture.user.payment_methods as object),
    items: [...new Set(items)],
  };
}

/** The scenario as a file `parseScenario` reads back to the same scenario. */
export function formatScenario(scenario: Omit<Scenario, 'file'>): string {
  const doc: Record<string, unknown> = { name: scenario.name };
  if (scenario.description) doc.description = scenario.description;
  if (scenario.fixtureSource) doc.fixture = scenario.fixtureSource;
  else if (scenario.fixture) doc.fixture = { user: scenario.fixture.user, orders: scenario.fixture.orders };
  doc.lines = scenario.lines;
  const expected: Record<string, unknown> = {};
  if (scenario.expected.outcome) expected.outcome = scenario.expected.outcome;
  expected.actions = scenario.expected.actions;
  expected.handoff = scenario.expected.handoff;
  if (scenario.expected.store.user || scenario.expected.store.orders) expected.store = scenario.expected.store;
  doc.expected = expected;
  return stringifyYaml(doc, { lineWidth: 0 });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function allowOnly(value: Record<string, unknown>, allowed: readonly string[], where: string, fail: Fail): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) fail(where, `has an unknown field "${key}" (expected ${allowed.join(', ')})`);
}
