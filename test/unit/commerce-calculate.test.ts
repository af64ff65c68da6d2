import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { runTool } from '../../tau/run-tool';
import { pythonRound2 } from '../../tau/python-arithmetic';
import type { Knex } from 'knex';

// calculate touches no store.
const NO_DATABASE = undefined as unknown as Knex;

/** Each expression with what the reference's calculate answers (run under Python 3.11.7). */
const CASES: [string, string][] = [
  // The gold calls of the shared tasks, and Python number semantics
  ['2 + 1', '3.0'],
  ['10/3', '3.33'],
  ['652.61 + 473.43', '1126.04'],
  ['3131.1 + 4777.75 + 367.38', '8276.23'],
  ['135.24 - 153.23', '-17.99'],
  ['155.33 - 147.05 + 268.77 - 235.13', '41.92'],
  ['1/3*3', '1.0'],
  ['-7//2', '-4.0'],
  ['7.5//-2', '-4.0'],
  ['2**-1', '0.5'],
  ['-2**2', '-4.0'],
  ['2**3**2', '512.0'],
  ['1.1 ** 10', '2.59'],
  // round() sends exact ties to the even cent, and keeps the sign of zero
  ['0.125 + 0', '0.12'],
  ['0.375 * 1', '0.38'],
  ['-0.001', '-0.0'],
  ['0 * -1', '0.0'],
  ['-0.0', '-0.0'],
  // Integers are exact until they become floats; str() switches to exponents from 1e16
  ['100000000000000000000000', '1e+23'],
  ['10**22/1', '1e+22'],
  ['123456789012345678901234567890/7', '1.763668414462081e+28'],
  ['00', '0.0'],
  ['09.5', '9.5'],
  // Errors, with Python's messages
  ['1e308', 'Error: Invalid characters in expression'],
  ['2 + x', 'Error: Invalid characters in expression'],
  ['1/0', 'Error: division by zero'],
  ['1.0/0', 'Error: float division by zero'],
  ['1//0', 'Error: integer division or modulo by zero'],
  ['1.0//0', 'Error: float floor division by zero'],
  ['0**-1', 'Error: 0.0 cannot be raised to a negative power'],
  ['2.0**10000', "Error: (34, 'Numerical result out of range')"],
  ['10**400*1.0', 'Error: int too large to convert to float'],
  ['2**1024/1', 'Error: integer division result too large for a float'],
  ['(-8)**0.5', "Error: float() argument must be a string or a real number, not 'complex'"],
  ['', 'Error: invalid syntax (<string>, line 0)'],
  ['   ', 'Error: invalid syntax (<string>, line 0)'],
  ['(1 2)', 'Error: invalid syntax. Perhaps you forgot a comma? (<string>, line 1)'],
  ['1 2', 'Error: invalid syntax (<string>, line 1)'],
  ['(1 2', "Error: '(' was never closed (<string>, line 1)"],
  ['((1) 2)', 'Error: invalid syntax. Perhaps you forgot a comma? (<string>, line 1)'],
  ['(', "Error: '(' was never closed (<string>, line 1)"],
  ['1)', "Error: unmatched ')' (<string>, line 1)"],
  ['01', 'Error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers (<string>, line 1)'],
  ['1..2', 'Error: invalid syntax (<string>, line 1)'],
  ['.', 'Error: invalid syntax (<string>, line 1)'],
  ['(*2)', 'Error: cannot use starred expression here (<string>, line 1)'],
  ['(**2)', 'Error: cannot use double starred expression here (<string>, line 1)'],
  // What else Python's grammar lets through these characters
  ['()', "Error: float() argument must be a string or a real number, not 'tuple'"],
  ['...', "Error: float() argument must be a string or a real number, not 'ellipsis'"],
  ['2(3)', "Error: 'int' object is not callable"],
  ['2(*3)', 'Error: 2 argument after * must be an iterable, not int'],
  ['() + 1', 'Error: can only concatenate tuple (not "int") to tuple'],
  ['1 + ()', "Error: unsupported operand type(s) for +: 'int' and 'tuple'"],
  ['-()', "Error: bad operand type for unary -: 'tuple'"],
];

describe('the calculate tool', () => {
  for (const [expression, expected] of CASES) {
    it(`when asked for ${JSON.stringify(expression)}, then it answers ${JSON.stringify(expected)} as the reference does`, async () => {
      assert.deepEqual(await runTool(NO_DATABASE, 'calculate', { expression }), { output: expected, error: expected.startsWith('Error: ') });
    });
  }

  const roundings: [number, number][] = [
    [2.675, 2.67], // the double is just below 2.675
    [1.005, 1], // just below 1.005
    [0.125, 0.12], // an exact tie goes to the even cent
    [-0.375, -0.38],
    [98489105294333 + 0.625, 98489105294333 + 0.62], // an exact tie at this magnitude
    [1e16, 1e16],
  ];
  for (const [value, expected] of roundings) {
    it(`when ${value} is rounded to cents, then it is ${expected}, as Python's round(x, 2) gives`, () => {
      assert.equal(pythonRound2(value), expected);
    });
  }
});
