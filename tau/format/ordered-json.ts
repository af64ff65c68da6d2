/**
 * A JSON parser that keeps the key order of every object.
 *
 * JSON.parse cannot be used for the tau files: a JS object moves integer-like keys
 * (product and item ids below 2^32-1) to the front, so `variants` and the products file
 * would come back in a different order than they were written. Here every JSON object
 * becomes a Map, which keeps insertion order for all keys.
 */

export type OrderedJson = null | boolean | number | string | OrderedJson[] | Map<string, OrderedJson>;

export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} at line ${line}, column ${column}`);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: [string, OrderedJson][] = [['true', true], ['false', false], ['null', null]];
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SHORT_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function parseOrderedJson(text: string): OrderedJson {
  let at = 0;

  const fail = (reason: string, position = at): never => {
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    throw new JsonSyntaxError(reason, line, column);
  };

  const skipWhitespace = (): void => {
    for (;;) {
      const code = text.charCodeAt(at);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return;
      at++;
    }
  };

  const describeNext = (): string =>
    at >= text.length ? 'unexpected end of file' : `unexpected character ${JSON.stringify(text[at])}`;

  const expect = (char: string): void => {
    if (text[at] !== char) fail(`expected '${char}' but found ${describeNext().replace('unexpected ', '')}`);
    at++;
  };

  const closes = (bracket: string): boolean => {
    if (text[at] !== bracket) return false;
    at++;
    return true;
  };

  const parseString = (): string => {
    expect('"');
    let result = '';
    let chunkStart = at;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === QUOTE) {
        result += text.slice(chunkStart, at);
        at++;
        return result;
      }
      if (code === BACKSLASH) {
        result += text.slice(chunkStart, at) + parseEscape();
        chunkStart = at;
      } else if (Number.isNaN(code)) {
        fail('unterminated string');
      } else if (code < 0x20) {
        fail('control character in string (escape it)');
      } else {
        at++;
      }
    }
  };

  const parseEscape = (): string => {
    const escape = text[at + 1] ?? '';
    if (escape === 'u') {
      const hex = text.slice(at + 2, at + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid \\u escape in string');
      at += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const decoded = SHORT_ESCAPES[escape];
    if (decoded === undefined) return fail(`invalid escape '\\${escape}' in string`);
    at += 2;
    return decoded;
  };

  const parseValue = (): OrderedJson => {
    skipWhitespace();
    const char = text[at];
    if (char === '{') return parseObject();
    if (char === '[') return parseArray();
    if (char === '"') return parseString();
    for (const [word, literal] of LITERALS) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return literal;
      }
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number) {
      at += number[0].length;
      return Number(number[0]);
    }
    return fail(describeNext());
  };

  const parseObject = (): Map<string, OrderedJson> => {
    expect('{');
    const object = new Map<string, OrderedJson>();
    skipWhitespace();
    if (closes('}')) return object;
    for (;;) {
      skipWhitespace();
      const keyAt = at;
      if (text[at] !== '"') fail(`expected a quoted key but found ${describeNext().replace('unexpected ', '')}`);
      const key = parseString();
      if (object.has(key)) fail(`duplicate key ${JSON.stringify(key)}`, keyAt);
      skipWhitespace();
      expect(':');
      object.set(key, parseValue());
      skipWhitespace();
      if (closes('}')) return object;
      expect(',');
    }
  };

  const parseArray = (): OrderedJson[] => {
    expect('[');
    const array: OrderedJson[] = [];
    skipWhitespace();
    if (closes(']')) return array;
    for (;;) {
      array.push(parseValue());
      skipWhitespace();
      if (closes(']')) return array;
      expect(',');
    }
  };

  const value = parseValue();
  skipWhitespace();
  if (at < text.length) fail(`${describeNext()} after the end of the JSON value`);
  return value;
}
