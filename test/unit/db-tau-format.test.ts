import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { JsonSyntaxError, parseOrderedJson } from '../../tau/format/ordered-json';
import { formatPythonFloat, quotePythonString, toPythonJson } from '../../tau/format/python-json';

// Expected texts were produced with CPython 3's json.dumps and repr.
describe('python-style JSON writing', () => {
  const floats: [number, string][] = [
    [51, '51.0'],
    [0, '0.0'],
    [35.52999999999997, '35.52999999999997'],
    [0.1, '0.1'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [1e16, '1e+16'],
    [9999999999999998, '9999999999999998.0'],
    [1.5e16, '1.5e+16'],
    [1e22, '1e+22'],
    [2.5e-7, '2.5e-07'],
    [-0, '-0.0'],
    [-12.5, '-12.5'],
    [123456789.123, '123456789.123'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
  ];
  for (const [value, expected] of floats) {
    it(`when the float ${expected} is written, then it reads as Python's repr`, () => {
      assert.equal(formatPythonFloat(value), expected);
    });
  }

  it('when a string has non-ASCII, control and quote characters, then they are escaped as ensure_ascii does', () => {
    assert.equal(quotePythonString('café \u{1F600} \u0001 \u007f \t " \\ /'), '"caf\\u00e9 \\ud83d\\ude00 \\u0001 \\u007f \\t \\" \\\\ /"');
  });

  it('when a nested value is written with indent 4, then it matches json.dumps(indent=4), integer-like map keys in place', () => {
    const value = new Map<string, unknown>([
      ['b', []],
      ['a', new Map()],
      ['10', [1, true, null, 'x']],
      ['n', { z: 2.5 }],
    ]);
    const expected = '{\n    "b": [],\n    "a": {},\n    "10": [\n        1.0,\n        true,\n        null,\n        "x"\n    ],\n    "n": {\n        "z": 2.5\n    }\n}';
    assert.equal(toPythonJson(value, { indent: 4 }), expected);
  });

  it('when written without indent, then the separators are Python defaults; with sortKeys, keys are sorted', () => {
    assert.equal(toPythonJson({ b: [1, 2], a: { c: null } }), '{"b": [1.0, 2.0], "a": {"c": null}}');
    assert.equal(toPythonJson({ b: [1, 2], a: { d: 1, c: null } }, { sortKeys: true }), '{"a": {"c": null, "d": 1.0}, "b": [1.0, 2.0]}');
  });

  it('when an object field is undefined, then it is left out', () => {
    assert.equal(toPythonJson({ a: 'x', b: undefined }), '{"a": "x"}');
  });
});

describe('ordered JSON parsing', () => {
  it('when an object has integer-like keys, then they keep the order of the text', () => {
    const parsed = parseOrderedJson('{"9523456873": 1, "1234": {"z": [true, null], "a": "x"}}');
    assert.ok(parsed instanceof Map);
    assert.deepEqual([...parsed.keys()], ['9523456873', '1234']);
    const inner = parsed.get('1234');
    assert.ok(inner instanceof Map);
    assert.deepEqual([...inner.entries()], [['z', [true, null]], ['a', 'x']]);
  });

  it('when strings and numbers use escapes and exponents, then they decode as JSON.parse does', () => {
    const text = '["caf\\u00e9 \\"q\\" \\\\ \\n \\/", -0.5e2, 35.52999999999997, 0]';
    assert.deepEqual(parseOrderedJson(text), JSON.parse(text));
  });

  const broken: [string, string, RegExp][] = [
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', /expected ',' but found character "\\"" at line 3, column 3/],
    ['a trailing comma', '[1, 2,]', /unexpected character "]" at line 1, column 7/],
    ['a duplicate key', '{"a": 1, "a": 2}', /duplicate key "a" at line 1, column 10/],
    ['an unterminated string', '{"a": "x', /unterminated string/],
    ['text after the value', '{} {}', /unexpected character "{" after the end of the JSON value/],
    ['an empty file', '', /unexpected end of file at line 1, column 1/],
  ];
  for (const [what, text, message] of broken) {
    it(`when the text has ${what}, then a JsonSyntaxError says where`, () => {
      assert.throws(() => parseOrderedJson(text), (error: unknown) => error instanceof JsonSyntaxError && message.test(error.message));
    });
  }
});
