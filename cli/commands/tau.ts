import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatReplayResult, replayActions, type ToolAction } from '../../tau/replay';
import { closeDatabase, openDatabase } from '../../db/connection';
import { importTauStore } from '../../tau/store/import';
import { migrateToLatest } from '../../db/migrate';
import { TauFormatError } from '../../tau/format/errors';
import { JsonSyntaxError, parseOrderedJson, type OrderedJson } from '../../tau/format/ordered-json';
import { UsageError, parseFlags } from '../../config/args';

export const TAU_USAGE = 'tau replay --db DIR --actions FILE.json';

const USAGE = `usage: npm run -s cli -- ${TAU_USAGE}
  loads DIR/{users,orders,products}.json (tau-bench retail format) into a fresh temporary store, runs the
  actions [{"name": "...", "kwargs": {...}}] through the retail tools in order, and prints
  {"outputs": [...], "changed": {"users": {...}, "orders": {...}, "products": {...}}}`;

export interface TauCommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * `tau replay`: exit code 0 when the actions ran (failed tool calls are outputs, not failures),
 * 1 when the store folder or the actions file cannot be used. Usage mistakes throw UsageError.
 */
export async function tauCommand(args: string[], io: TauCommandIo): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'replay') {
    throw new UsageError(`${subcommand === undefined ? 'tau needs a subcommand' : `unknown tau subcommand "${subcommand}"`}\n${USAGE}`);
  }
  const flags = parseFlags(rest, ['db', 'actions']);
  const dir = flags.get('db');
  const actionsFile = flags.get('actions');
  if (!dir) throw new UsageError(`tau replay needs --db DIR, the folder that holds users.json, orders.json and products.json\n${USAGE}`);
  if (!actionsFile) throw new UsageError(`tau replay needs --actions FILE.json, a JSON list of {"name": ..., "kwargs": {...}}\n${USAGE}`);

  try {
    const actions = readActions(actionsFile);
    io.out(formatReplayResult(await replayInTemporaryStore(dir, actions)));
    return 0;
  } catch (error) {
    if (error instanceof ActionsFileError || error instanceof TauFormatError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

async function replayInTemporaryStore(dir: string, actions: ToolAction[]) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-tau-replay-'));
  const db = openDatabase({ sqliteFile: path.join(workDir, 'store.sqlite') });
  try {
    await migrateToLatest(db);
    await importTauStore(db, dir);
    return await replayActions(db, actions);
  } finally {
    await closeDatabase(db);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** The actions file cannot be used; the message says which file, which action and what to fix. */
class ActionsFileError extends Error {
  override name = 'ActionsFileError';
}

// Fields of an action in a tau-bench task file, accepted and ignored so that its action list replays as it is.
const IGNORED_TASK_FIELDS = new Set(['action_id', 'requestor', 'info', 'compare_args', 'output', 'error']);
const SHAPE = '[{"name": "...", "kwargs": {...}}]';

/**
 * Reads a JSON list of `{"name", "kwargs"}` (kwargs may be left out when a tool takes none). Also
 * takes a tau-bench task file, whose `actions` entries call them `arguments`.
 */
export function readActions(file: string): ToolAction[] {
  const where = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(where, 'utf8');
  } catch (error) {
    throw new ActionsFileError(`cannot read the actions file ${where}: ${(error as Error).message}`);
  }
  let json: OrderedJson;
  try {
    json = parseOrderedJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new ActionsFileError(`${where} is not valid JSON: ${error.message}`);
    throw error;
  }
  const list = json instanceof Map && Array.isArray(json.get('actions')) ? json.get('actions') : json;
  if (!Array.isArray(list)) throw new ActionsFileError(`${where} must hold a JSON list of actions, ${SHAPE}, not ${describe(json)}`);
  return list.map((entry, index) => toAction(entry, `action ${index} in ${where}`));
}

function toAction(entry: OrderedJson, where: string): ToolAction {
  if (!(entry instanceof Map)) throw new ActionsFileError(`${where} must be an object {"name": "...", "kwargs": {...}}, not ${describe(entry)}`);
  for (const key of entry.keys()) {
    if (key !== 'name' && key !== 'kwargs' && key !== 'arguments' && !IGNORED_TASK_FIELDS.has(key)) {
      throw new ActionsFileError(`${where} has an unknown field "${key}"; an action is {"name": "...", "kwargs": {...}}`);
    }
  }
  const name = entry.get('name');
  if (typeof name !== 'string' || name === '') throw new ActionsFileError(`${where} needs a "name", the tool to call, as a string`);
  if (entry.has('kwargs') && entry.has('arguments')) throw new ActionsFileError(`${where} has both "kwargs" and "arguments"; give one`);
  const kwargs = entry.get('kwargs') ?? entry.get('arguments') ?? new Map<string, OrderedJson>();
  if (!(kwargs instanceof Map)) throw new ActionsFileError(`${where}: "kwargs" must be an object of keyword arguments, not ${describe(kwargs)}`);
  return { name, kwargs: toPlain(kwargs) as Record<string, unknown> };
}

function toPlain(value: OrderedJson): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [key, toPlain(item)]));
  if (Array.isArray(value)) return value.map(toPlain);
  return value;
}

function describe(value: OrderedJson): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Map) return 'an object';
  return `a ${typeof value}`;
}
