import { formatPythonFloat } from './format/python-json';

/**
 * The reference's `calculate`: `str(round(float(eval(expression)), 2))` over the characters
 * `0-9 + - * / ( ) .` and space, re-implemented as a small parser and evaluator with Python's
 * semantics: integers are exact (BigInt) and only become floats on `/`, a negative power or at the
 * end; `**` binds right and tighter than unary minus; `//` floors; errors carry Python's messages
 * (`division by zero`, `float division by zero`, `invalid syntax (<string>, line 1)`, ...).
 * Python also lets a few non-numbers through its grammar (`()`, `...`, complex powers of negative
 * numbers); they end in the same TypeErrors as there. Checked against Python 3.11 on some 200,000
 * random expressions over the allowed characters. One known difference: a float power can differ in
 * the last bit from CPython's, whose C pow() is not always correctly rounded (ours is for integer
 * exponents and is JS's Math.pow otherwise); it shows only where round(x, 2) keeps all the digits.
 */

/** Thrown with the text Python's exception would print (`str(e)`). */
export class PythonEvaluationError extends Error {
  override name = 'PythonEvaluationError';
}

const ALLOWED = /^[0-9+\-*/(). ]*$/;

export function calculatePython(expression: string): string {
  if (!ALLOWED.test(expression)) throw new PythonEvaluationError('Invalid characters in expression');
  const value = evaluate(parse(expression));
  return formatPythonStr(pythonRound2(toFloat(value)));
}

// ---------------------------------------------------------------- values

type Value =
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  // Values Python's grammar admits here but arithmetic mostly rejects; only their type name matters.
  | { kind: 'tuple' }
  | { kind: 'ellipsis' }
  | { kind: 'complex' };

const int = (value: bigint): Value => ({ kind: 'int', value });
const float = (value: number): Value => ({ kind: 'float', value });
const COMPLEX: Value = { kind: 'complex' };

const typeError = (message: string): PythonEvaluationError => new PythonEvaluationError(message);
const zeroDivision = (message: string): PythonEvaluationError => new PythonEvaluationError(message);
const INT_TOO_LARGE = 'int too large to convert to float';
const OUT_OF_RANGE = "(34, 'Numerical result out of range')";

function intToFloat(value: bigint): number {
  const result = Number(value); // rounds half to even, like Python
  if (!Number.isFinite(result)) throw new PythonEvaluationError(INT_TOO_LARGE);
  return result;
}

function toFloat(value: Value): number {
  switch (value.kind) {
    case 'int':
      return intToFloat(value.value);
    case 'float':
      return value.value;
    default:
      throw typeError(`float() argument must be a string or a real number, not '${value.kind}'`);
  }
}

// ---------------------------------------------------------------- tokens and syntax

type Token = { kind: 'number'; text: string; at: number; depth: number } | { kind: 'op'; text: string; at: number; depth: number };

const syntaxError = (message: string, line = 1): PythonEvaluationError => new PythonEvaluationError(`${message} (<string>, line ${line})`);
const LEADING_ZEROS = 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers';

/**
 * Python's tokenizer errors (leading zeros, an unmatched ')') win over any parse error, wherever
 * they are; an unclosed '(' is reported only when the parser reaches the end (see parse).
 */
function tokenize(source: string): { tokens: Token[]; openAtEnd: number } {
  const tokens: Token[] = [];
  let depth = 0;
  let at = 0;
  while (at < source.length) {
    const char = source[at] as string;
    if (char === ' ') {
      at++;
      continue;
    }
    const number = /^(?:\d+\.\d*|\.\d+|\d+)/.exec(source.slice(at));
    if (number) {
      const text = number[0];
      if (/^0\d*$/.test(text) && /[1-9]/.test(text)) throw syntaxError(LEADING_ZEROS);
      tokens.push({ kind: 'number', text, at, depth });
      at += text.length;
      continue;
    }
    const op = ['**', '//', '...'].find((candidate) => source.startsWith(candidate, at)) ?? char;
    if (op === '(') depth++;
    if (op === ')') {
      if (depth === 0) throw syntaxError("unmatched ')'");
      depth--;
    }
    tokens.push({ kind: 'op', text: op, at, depth });
    at += op.length;
  }
  return { tokens, openAtEnd: depth };
}

type Node =
  | { kind: 'literal'; value: Value }
  | { kind: 'unary'; op: '+' | '-'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'call'; callee: Node; argument: Node | undefined; unpack?: '*' | '**' };

class ParseFailure extends Error {}

/**
 * Recursive descent over Python's expression grammar, restricted to what the allowed characters can
 * spell. On a failure Python reports, in this order: an unclosed '(' if the parser had to look past
 * the last token; "Perhaps you forgot a comma?" for two expressions side by side inside parentheses
 * (unless reading the second one runs into the unclosed end); else plain "invalid syntax".
 */
function parse(expression: string): Node {
  const { tokens, openAtEnd } = tokenize(expression);
  // eval() drops leading blanks; an empty source is a syntax error on "line 0".
  if (tokens.length === 0) throw syntaxError('invalid syntax', 0);
  const neverClosed = (): PythonEvaluationError => syntaxError("'(' was never closed");

  const first = new ExpressionParser(tokens);
  try {
    const tree = first.sum();
    if (first.next < tokens.length) first.fail();
    return tree;
  } catch (error) {
    if (!(error instanceof ParseFailure)) throw error;
  }
  if (first.furthest >= tokens.length && openAtEnd > 0) throw neverClosed();
  const token = tokens[first.next];
  const startsExpression = token !== undefined && (token.kind === 'number' || token.text === '...');
  if (startsExpression) {
    // Python's second pass reads the expression that follows, to suggest the comma.
    const second = new ExpressionParser(tokens, first.next, false);
    try {
      second.sum();
    } catch (error) {
      if (!(error instanceof ParseFailure)) throw error;
    }
    if (second.furthest >= tokens.length && openAtEnd > 0) throw neverClosed();
    if (token.depth > 0) throw syntaxError('invalid syntax. Perhaps you forgot a comma?');
  }
  throw syntaxError('invalid syntax');
}

class ExpressionParser {
  /** The furthest token index looked at: tokens.length means the parser needed more input. */
  furthest: number;

  constructor(
    private readonly tokens: Token[],
    public next = 0,
    /** Python's first pass reports "(*x)" itself; the comma-guessing pass just fails there. */
    private readonly reportStarredGroups = true,
  ) {
    this.furthest = next;
  }

  private peek(): Token | undefined {
    this.furthest = Math.max(this.furthest, this.next);
    return this.tokens[this.next];
  }

  private isOp(...ops: string[]): boolean {
    const token = this.peek();
    return token?.kind === 'op' && ops.includes(token.text);
  }

  private take(): string {
    return (this.tokens[this.next++] as Token).text;
  }

  fail(): never {
    throw new ParseFailure();
  }

  sum(): Node {
    let left = this.term();
    while (this.isOp('+', '-')) {
      const op = this.take();
      left = { kind: 'binary', op, left, right: this.term() };
    }
    return left;
  }

  private term(): Node {
    let left = this.factor();
    while (this.isOp('*', '/', '//')) {
      const op = this.take();
      left = { kind: 'binary', op, left, right: this.factor() };
    }
    return left;
  }

  private factor(): Node {
    if (this.isOp('+', '-')) {
      const op = this.take() as '+' | '-';
      return { kind: 'unary', op, operand: this.factor() };
    }
    return this.power();
  }

  private power(): Node {
    const base = this.primary();
    if (!this.isOp('**')) return base;
    this.next++;
    return { kind: 'binary', op: '**', left: base, right: this.factor() };
  }

  private primary(): Node {
    let node = this.atom();
    for (;;) {
      // An attribute (x.name) would need a name after the dot, which no allowed character spells.
      if (this.isOp('.')) {
        this.furthest = Math.max(this.furthest, this.next + 1);
        this.fail();
      }
      if (!this.isOp('(')) return node;
      this.next++;
      const unpack = this.isOp('*', '**') ? (this.take() as '*' | '**') : undefined;
      const argument = this.isOp(')') && !unpack ? undefined : this.sum();
      if (!this.isOp(')')) this.fail();
      this.next++;
      node = { kind: 'call', callee: node, argument, unpack };
    }
  }

  private atom(): Node {
    const token = this.peek();
    if (token?.kind === 'number') {
      this.next++;
      return { kind: 'literal', value: token.text.includes('.') ? float(Number(token.text)) : int(BigInt(token.text)) };
    }
    if (this.isOp('...')) {
      this.next++;
      return { kind: 'literal', value: { kind: 'ellipsis' } };
    }
    if (this.isOp('(')) {
      this.next++;
      if (this.isOp(')')) {
        this.next++;
        return { kind: 'literal', value: { kind: 'tuple' } };
      }
      if (this.isOp('*', '**')) {
        // (*x) parses as a starred expression, which a group cannot hold.
        const star = this.take();
        if (star === '**' && !this.reportStarredGroups) this.fail();
        this.sum();
        if (!this.isOp(')') || !this.reportStarredGroups) this.fail();
        throw syntaxError(`cannot use ${star === '**' ? 'double starred' : 'starred'} expression here`);
      }
      const inner = this.sum();
      if (!this.isOp(')')) this.fail();
      this.next++;
      return inner;
    }
    return this.fail();
  }
}

// ---------------------------------------------------------------- evaluation

function evaluate(node: Node): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'unary':
      return unary(node.op, evaluate(node.operand));
    case 'binary': {
      const left = evaluate(node.left);
      return binary(node.op, left, evaluate(node.right));
    }
    case 'call': {
      const callee = evaluate(node.callee);
      const argument = node.argument && evaluate(node.argument);
      if (argument && node.unpack === '*' && argument.kind !== 'tuple') {
        throw typeError(`${pythonRepr(callee)} argument after * must be an iterable, not ${argument.kind}`);
      }
      if (argument && node.unpack === '**') throw typeError(`${pythonRepr(callee)} argument after ** must be a mapping, not ${argument.kind}`);
      throw typeError(`'${callee.kind}' object is not callable`);
    }
  }
}

function unary(op: '+' | '-', value: Value): Value {
  switch (value.kind) {
    case 'int':
      return op === '-' ? int(-value.value) : value;
    case 'float':
      return op === '-' ? float(-value.value) : value;
    case 'complex':
      return value;
    default:
      throw typeError(`bad operand type for unary ${op}: '${value.kind}'`);
  }
}

const isNumber = (value: Value): value is Extract<Value, { kind: 'int' | 'float' }> => value.kind === 'int' || value.kind === 'float';

function binary(op: string, left: Value, right: Value): Value {
  if (left.kind === 'int' && right.kind === 'int') return intOperation(op, left.value, right.value);
  if (isNumber(left) && isNumber(right)) return floatOperation(op, toFloat(left), toFloat(right));
  return objectOperation(op, left, right);
}

function intOperation(op: string, a: bigint, b: bigint): Value {
  switch (op) {
    case '+':
      return int(a + b);
    case '-':
      return int(a - b);
    case '*':
      return int(a * b);
    case '/':
      return float(intTrueDivide(a, b));
    case '//': {
      if (b === 0n) throw zeroDivision('integer division or modulo by zero');
      const quotient = a / b;
      return int(a % b !== 0n && a < 0n !== b < 0n ? quotient - 1n : quotient);
    }
    case '**':
      if (b < 0n) return floatOperation('**', intToFloat(a), intToFloat(b));
      return int(intPower(a, b));
    default:
      throw new Error(`unknown operator ${op}`);
  }
}

/** Python divides integers exactly and rounds once; JS division of exact doubles does the same below 2^53. */
function intTrueDivide(a: bigint, b: bigint): number {
  if (b === 0n) throw zeroDivision('division by zero');
  const limit = 2n ** 53n;
  if (abs(a) <= limit && abs(b) <= limit) return Number(a) / Number(b);
  const negative = a < 0n !== b < 0n;
  const x = abs(a);
  const y = abs(b);
  if (x === 0n) return negative ? -0 : 0;
  // Scale to a quotient of about 66 bits plus a sticky bit, so the one rounding in Number() is the only one.
  const shift = 66 - (bitLength(x) - bitLength(y));
  const numerator = shift > 0 ? x << BigInt(shift) : x;
  const denominator = shift < 0 ? y << BigInt(-shift) : y;
  const quotient = ((numerator / denominator) << 1n) | (numerator % denominator === 0n ? 0n : 1n);
  const exponent = bitLength(quotient) - 1 - (shift + 1);
  if (exponent > 1023) throw new PythonEvaluationError('integer division result too large for a float');
  const magnitude = scaleByPowerOfTwo(Number(quotient), -(shift + 1));
  return negative ? -magnitude : magnitude;
}

// Beyond this many bits Python would still compute the power, but nothing printable comes out of it here.
const MAX_POWER_BITS = 1 << 24;

function intPower(base: bigint, exponent: bigint): bigint {
  if (base === 0n || base === 1n) return exponent === 0n ? 1n : base;
  if (base === -1n) return exponent % 2n === 0n ? 1n : -1n;
  if (BigInt(bitLength(abs(base))) * exponent > BigInt(MAX_POWER_BITS)) throw new PythonEvaluationError(INT_TOO_LARGE);
  return base ** exponent;
}

/** CPython's float arithmetic: IEEE doubles, with its own errors for division by zero and pow. */
function floatOperation(op: string, a: number, b: number): Value {
  switch (op) {
    case '+':
      return float(a + b);
    case '-':
      return float(a - b);
    case '*':
      return float(a * b);
    case '/':
      if (b === 0) throw zeroDivision('float division by zero');
      return float(a / b);
    case '//':
      if (b === 0) throw zeroDivision('float floor division by zero');
      return float(floatFloorDivide(a, b));
    case '**':
      return floatPower(a, b);
    default:
      throw new Error(`unknown operator ${op}`);
  }
}

/** CPython's float floor division (float_floor_div via _float_div_mod). */
function floatFloorDivide(vx: number, wx: number): number {
  const mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod && wx < 0 !== mod < 0) div -= 1;
  if (!div) return copySign(0, vx / wx);
  let floorDiv = Math.floor(div);
  if (div - floorDiv > 0.5) floorDiv += 1;
  return floorDiv;
}

/** CPython's float_pow, including the cases where C's pow and JS's Math.pow differ. */
function floatPower(iv: number, iw: number): Value {
  if (iw === 0) return float(1);
  if (Number.isNaN(iv)) return float(iv);
  if (Number.isNaN(iw)) return float(iv === 1 ? 1 : iw);
  if (!Number.isFinite(iw)) {
    const magnitude = Math.abs(iv);
    if (magnitude === 1) return float(1);
    return float(iw > 0 === magnitude > 1 ? Math.abs(iw) : 0);
  }
  const oddExponent = Number.isInteger(iw) && Math.abs(iw % 2) === 1;
  if (!Number.isFinite(iv)) {
    if (iw > 0) return float(oddExponent ? iv : Math.abs(iv));
    return float(oddExponent ? copySign(0, iv) : 0);
  }
  if (iv === 0) {
    if (iw < 0) throw zeroDivision('0.0 cannot be raised to a negative power');
    return float(oddExponent ? iv : 0);
  }
  let negate = false;
  let base = iv;
  if (base < 0) {
    // A negative number to a fractional power is complex in Python 3.
    if (iw !== Math.floor(iw)) return COMPLEX;
    base = -base;
    negate = oddExponent;
  }
  if (base === 1) return float(negate ? -1 : 1);
  const result = Number.isInteger(iw) && Math.abs(iw) <= MAX_EXACT_EXPONENT ? exactIntegerPower(base, iw) : Math.pow(base, iw);
  if (!Number.isFinite(result)) throw new PythonEvaluationError(OUT_OF_RANGE);
  return float(negate ? -result : result);
}

const MAX_EXACT_EXPONENT = 4096;

/**
 * base ** exponent for a positive finite base and an integer exponent, rounded once: the exact
 * power of the base's binary fraction, then one correctly rounded conversion. C's pow is correctly
 * rounded here (glibc), JS's Math.pow can be an ulp off.
 */
function exactIntegerPower(base: number, exponent: number): number {
  const magnitude = exponent * Math.log2(base);
  if (magnitude > 1025) return Infinity;
  if (magnitude < -1080) return 0;
  const [mantissa, binaryExponent] = decompose(base);
  const power = mantissa ** BigInt(Math.abs(exponent));
  const twos = binaryExponent * Math.abs(exponent);
  // base ** |exponent| = power * 2^twos; a negative exponent takes the reciprocal.
  const [numerator, denominator] =
    exponent >= 0
      ? twos >= 0 ? [power << BigInt(twos), 1n] : [power, 1n << BigInt(-twos)]
      : twos >= 0 ? [1n, power << BigInt(twos)] : [1n << BigInt(-twos), power];
  try {
    return intTrueDivide(numerator, denominator);
  } catch {
    return Infinity;
  }
}

/** A positive finite double as an integer mantissa times a power of two. */
function decompose(value: number): [bigint, number] {
  let mantissa = value;
  let exponent = 0;
  while (!Number.isInteger(mantissa)) {
    mantissa *= 2;
    exponent--;
  }
  return [BigInt(mantissa), exponent];
}

const OPERATOR_NAMES: Record<string, string> = { '**': '** or pow()' };

/** Tuples, Ellipsis and complex numbers: just enough to fail, or not, where Python does. */
function objectOperation(op: string, left: Value, right: Value): Value {
  const unsupported = (): PythonEvaluationError =>
    typeError(`unsupported operand type(s) for ${OPERATOR_NAMES[op] ?? op}: '${left.kind}' and '${right.kind}'`);
  if (left.kind === 'tuple' || right.kind === 'tuple') {
    if (op === '+' && left.kind === 'tuple') {
      if (right.kind === 'tuple') return left;
      throw typeError(`can only concatenate tuple (not "${right.kind}") to tuple`);
    }
    if (op === '*') {
      const other = left.kind === 'tuple' ? right : left;
      if (other.kind === 'int') return { kind: 'tuple' };
      throw typeError(`can't multiply sequence by non-int of type '${other.kind}'`);
    }
    throw unsupported();
  }
  if (left.kind === 'ellipsis' || right.kind === 'ellipsis' || op === '//') throw unsupported();
  // Complex arithmetic: the value itself never matters, since float() of it fails in the end.
  // A complex value here is never zero: it comes from a negative number to a fractional power.
  const isZero = (value: Value): boolean => (value.kind === 'int' ? value.value === 0n : value.kind === 'float' && value.value === 0);
  // Complex arithmetic turns an int operand into a float first.
  for (const operand of [left, right]) if (operand.kind === 'int') intToFloat(operand.value);
  if (op === '/' && isZero(right)) throw zeroDivision('complex division by zero');
  if (op === '**' && isZero(left)) throw zeroDivision('0.0 to a negative or complex power');
  return COMPLEX;
}

// ---------------------------------------------------------------- round() and str()

/** Python's round(x, 2): the exact binary value rounded to the nearest cent, ties to even. */
export function pythonRound2(value: number): number {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e16) return value;
  let fixed = value.toFixed(2);
  // toFixed rounds the exact binary value too, but sends exact ties (x.xx5 exactly) away from zero,
  // where Python sends them to the even cent: step the odd last digit back (it never borrows).
  const lastDigit = Number(fixed[fixed.length - 1]);
  if (lastDigit % 2 === 1 && /\.\d\d50*$/.test(value.toFixed(100))) fixed = `${fixed.slice(0, -1)}${lastDigit - 1}`;
  const rounded = Number(fixed);
  return rounded === 0 ? copySign(0, value) : rounded;
}

/** Python's str(float): repr, with inf and nan spelled the Python way. */
export function formatPythonStr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return formatPythonFloat(value);
}

// ---------------------------------------------------------------- helpers

function pythonRepr(value: Value): string {
  switch (value.kind) {
    case 'int':
      return value.value.toString();
    case 'float':
      return formatPythonStr(value.value);
    case 'tuple':
      return '()';
    case 'ellipsis':
      return 'Ellipsis';
    case 'complex':
      return 'complex';
  }
}

const abs = (value: bigint): bigint => (value < 0n ? -value : value);
const bitLength = (value: bigint): number => (value === 0n ? 0 : value.toString(2).length);
const copySign = (magnitude: number, sign: number): number => (sign < 0 || Object.is(sign, -0) ? -Math.abs(magnitude) : Math.abs(magnitude));

function scaleByPowerOfTwo(value: number, exponent: number): number {
  let result = value;
  let remaining = exponent;
  while (remaining > 1000) {
    result *= 2 ** 1000;
    remaining -= 1000;
  }
  while (remaining < -1000) {
    result *= 2 ** -1000;
    remaining += 1000;
  }
  return result * 2 ** remaining;
}
