/**
 * Writes JSON exactly as the tau-bench reference does with Python's `json.dumps`
 * (`indent=4` for the files, the default separators for tool output), so our output can be
 * compared byte for byte and hashed like the reference's.
 *
 * - Every number is written as a Python float (`51.0`, `35.52999999999997`, `1e-05`): the tau
 *   record models declare every number a float, and the tau data has no integers.
 * - Strings are escaped with `ensure_ascii` on.
 * - Maps keep their insertion order; plain objects keep theirs too, and `undefined` fields are
 *   left out as JSON.stringify does. Use a Map for anything keyed by data (ids), because a JS
 *   object would move integer-like keys to the front.
 */

export interface PythonJsonOptions {
  /** Like Python's `indent`: pretty-printed with this many spaces, `,` and `: ` separators. Unset: one line with `, ` and `: `. */
  indent?: number;
  /** Like Python's `sort_keys`: object and map keys in code-point order (the reference's DB hash uses this). */
  sortKeys?: boolean;
}

/** Accepts null, booleans, numbers, strings, arrays, Maps with string keys and plain objects (e.g. the tau records). */
export function toPythonJson(value: unknown, options: PythonJsonOptions = {}): string {
  const { indent, sortKeys = false } = options;
  const parts: string[] = [];

  const indentations: string[] = [];
  const newline = (depth: number): void => {
    if (indent === undefined) return;
    indentations[depth] ??= `\n${' '.repeat(indent * depth)}`;
    parts.push(indentations[depth]);
  };
  const itemSeparator = indent === undefined ? ', ' : ',';

  const writeContainer = <T>(open: string, close: string, items: readonly T[], depth: number, writeItem: (item: T) => void): void => {
    if (items.length === 0) {
      parts.push(open, close);
      return;
    }
    parts.push(open);
    items.forEach((item, index) => {
      if (index > 0) parts.push(itemSeparator);
      newline(depth + 1);
      writeItem(item);
    });
    newline(depth);
    parts.push(close);
  };

  const write = (current: unknown, depth: number): void => {
    if (current === null) parts.push('null');
    else if (typeof current === 'boolean') parts.push(current ? 'true' : 'false');
    else if (typeof current === 'number') parts.push(formatPythonFloat(current));
    else if (typeof current === 'string') parts.push(quotePythonString(current));
    else if (Array.isArray(current)) {
      writeContainer('[', ']', current as unknown[], depth, (item) => write(item, depth + 1));
    } else if (current instanceof Map || isPlainObject(current)) {
      const entries = objectEntries(current);
      if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      writeContainer('{', '}', entries, depth, ([key, item]) => {
        parts.push(quotePythonString(key), ': ');
        write(item, depth + 1);
      });
    } else {
      throw new TypeError(`cannot write ${typeof current} as JSON`);
    }
  };

  write(value, 0);
  return parts.join('');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function objectEntries(object: Map<unknown, unknown> | Record<string, unknown>): [string, unknown][] {
  const entries = object instanceof Map ? [...object.entries()] : Object.entries(object);
  return entries
    .filter(([, item]) => item !== undefined)
    .map(([key, item]) => {
      if (typeof key !== 'string') throw new TypeError(`cannot write a ${typeof key} map key as JSON`);
      return [key, item];
    });
}

/** Python's `repr(float)`: shortest round-trip digits (as in JS), `.0` on whole numbers, exponent below 1e-4 and from 1e16. */
export function formatPythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(value, -0)) return '-0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e16) {
    const plain = String(value);
    return Number.isInteger(value) ? `${plain}.0` : plain;
  }
  if (magnitude === 0) return '0.0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** Python's json string quoting with `ensure_ascii`: everything outside printable ASCII becomes `\uXXXX`. */
export function quotePythonString(text: string): string {
  if (PRINTABLE_ASCII_WITHOUT_QUOTE_OR_BACKSLASH.test(text)) return `"${text}"`;
  let quoted = '"';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const char = text[index] as string;
    if (char === '"') quoted += '\\"';
    else if (char === '\\') quoted += '\\\\';
    else if (code >= 0x20 && code < 0x7f) quoted += char;
    else quoted += SHORT_ESCAPES[char] ?? `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${quoted}"`;
}

const PRINTABLE_ASCII_WITHOUT_QUOTE_OR_BACKSLASH = /^[ !#-[\]-~]*$/;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
