import type { Knex } from 'knex';
import { exportTauStore } from './store/export';
import { toPythonJson } from './format/python-json';
import { toOrderDetails, type TauOrderDetails, type TauProduct, type TauStore, type TauUser } from './format/records';
import { runTool, type ToolOutput } from './run-tool';

export interface ToolAction {
  name: string;
  kwargs: Readonly<Record<string, unknown>>;
}

/** The records that differ between two stores, each in full and in the reference's form (orders with all 14 fields). */
export interface StoreChanges {
  users: Map<string, TauUser>;
  orders: Map<string, TauOrderDetails>;
  products: Map<string, TauProduct>;
}

export interface ReplayResult {
  outputs: ToolOutput[];
  changed: StoreChanges;
}

/**
 * Runs the actions through runTool in order; a failing call is an output like any other and the
 * run goes on. Then reports every record that differs from the store before the run. `before`
 * saves reading the store first when the caller already has it.
 */
export async function replayActions(db: Knex, actions: readonly ToolAction[], options: { before?: TauStore } = {}): Promise<ReplayResult> {
  const before = options.before ?? (await exportTauStore(db));
  const outputs: ToolOutput[] = [];
  for (const action of actions) outputs.push(await runTool(db, action.name, action.kwargs));
  return { outputs, changed: diffStores(before, await exportTauStore(db)) };
}

/** Records of `after` that are new or would print differently from `before`, in `after`'s order. */
export function diffStores(before: TauStore, after: TauStore): StoreChanges {
  const changed = <Record>(previous: Map<string, Record>, next: Map<string, Record>): Map<string, Record> =>
    new Map([...next].filter(([id, record]) => !printsTheSame(previous.get(id), record)));
  const orders = changed(before.orders, after.orders);
  return {
    users: changed(before.users, after.users),
    orders: new Map([...orders].map(([id, order]) => [id, toOrderDetails(order)])),
    products: changed(before.products, after.products),
  };
}

/** The replay as the `tau replay` command prints it: `{"outputs": [...], "changed": {"users": ..., "orders": ..., "products": ...}}`. */
export function formatReplayResult(result: ReplayResult): string {
  return toPythonJson({ outputs: result.outputs.map((output) => output.output), changed: result.changed });
}

/**
 * Whether two records print as the same JSON: same values, same key order (Maps and objects),
 * numbers equal bit for bit (-0 prints as -0.0). Much faster than printing both.
 */
function printsTheSame(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => printsTheSame(item, b[index]));
  }
  const entries = (value: object): [unknown, unknown][] =>
    (value instanceof Map ? [...value] : Object.entries(value)).filter(([, item]) => item !== undefined);
  const left = entries(a);
  const right = entries(b);
  return left.length === right.length && left.every(([key, item], index) => key === right[index]?.[0] && printsTheSame(item, right[index]?.[1]));
}
