/**
 * A scenario's store records as plain JSON in the tau retail shape (snake_case, dollars, maps as
 * objects), which is how scenario files spell them: the fixture, the expected changes, and what the
 * eval reads back. Comparison is field by field, lists in order, object keys in any order.
 */
import { ORDER_OPTIONAL_FIELDS, type TauOrder, type TauUser } from '../tau/format/records';
import type { OrderedJson } from '../tau/format/ordered-json';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type PlainRecord = { [field: string]: Json };

/** The records a scenario is about: one customer and their orders, keyed by order id. */
export interface PlainRecords {
  user: PlainRecord;
  orders: Record<string, PlainRecord>;
}

export const USER_FIELDS = ['user_id', 'name', 'address', 'email', 'payment_methods', 'orders'] as const;
export const ORDER_FIELDS = ['order_id', 'user_id', 'address', 'items', 'status', 'fulfillments', 'payment_history', ...ORDER_OPTIONAL_FIELDS] as const;

/** Maps become objects; undefined fields (an order's unset optional ones) are left out. */
export function toPlain(value: unknown): Json {
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [String(key), toPlain(item)]));
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined).map(([key, item]) => [key, toPlain(item)]));
  }
  return value as Json;
}

/** Plain JSON as the tau parser gives it (every object a Map), for the tau schemas to validate. */
export function toOrderedJson(value: unknown): OrderedJson {
  if (Array.isArray(value)) return value.map(toOrderedJson);
  if (value !== null && typeof value === 'object') return new Map(Object.entries(value).map(([key, item]) => [key, toOrderedJson(item)]));
  return value as OrderedJson;
}

export const plainUser = (user: TauUser): PlainRecord => toPlain(user) as PlainRecord;
export const plainOrder = (order: TauOrder): PlainRecord => toPlain(order) as PlainRecord;

/**
 * Every string and object key equal to one of `ids` replaced by what it maps to: ids are distinctive
 * (`#W1234567`, `credit_card_1234567`, an e-mail), so exact equality finds every reference to them.
 */
export function renameIds(value: Json, ids: ReadonlyMap<string, string>): Json {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => renameIds(item, ids));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [ids.get(key) ?? key, renameIds(item, ids)]));
  }
  return value;
}

/** Same values; lists in the same order; objects with the same keys in any order; a null field is an absent one. */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  const left = a ?? null;
  const right = b ?? null;
  if (Array.isArray(left) || Array.isArray(right)) {
    return Array.isArray(left) && Array.isArray(right) && left.length === right.length && left.every((item, index) => sameJson(item, right[index]));
  }
  if (left !== null && right !== null && typeof left === 'object' && typeof right === 'object') {
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    return [...keys].every((key) => sameJson(left[key], right[key]));
  }
  return left === right;
}

/** The fields of `after` that differ from `before`, with their new values (null for one that went away). */
export function changedFields(before: PlainRecord, after: PlainRecord): PlainRecord {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return Object.fromEntries([...fields].filter((field) => !sameJson(before[field], after[field])).map((field) => [field, after[field] ?? null]));
}

/** `record` with `changes` written over it field by field (a null change removes the field). */
export function withChanges(record: PlainRecord, changes: PlainRecord | undefined): PlainRecord {
  const next: PlainRecord = { ...record };
  for (const [field, value] of Object.entries(changes ?? {})) {
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next;
}

/** One line per field that is not as expected: `order #W1 status: expected "cancelled", found "pending"`. */
export function recordDifferences(what: string, expected: PlainRecord | undefined, found: PlainRecord | undefined): string[] {
  if (!expected && !found) return [];
  if (!found) return [`${what}: expected it in the store, found nothing`];
  if (!expected) return [`${what}: not expected, found it in the store`];
  const fields = new Set([...Object.keys(expected), ...Object.keys(found)]);
  return [...fields]
    .filter((field) => !sameJson(expected[field], found[field]))
    .map((field) => `${what} ${field}: expected ${show(expected[field])}, found ${show(found[field])}`);
}

const show = (value: Json | undefined) => {
  const text = value === undefined || value === null ? 'nothing' : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
};
