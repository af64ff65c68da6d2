/**
 * What a log line must never carry: customers' e-mail addresses, names, postal addresses, card digits,
 * and the secrets that would let a reader act as someone. Pure: the logger applies it to every line.
 */

export const REDACTED = '[redacted]';
export const EMAIL_MARK = '[email]';
export const CARD_MARK = '[card]';
export const PHONE_MARK = '[phone]';

/**
 * Keys whose values are personal or secret whatever they hold (compared lower-case, without `_` and `-`).
 * Customers' words (`text`, `body`, `transcript`) are here because free text can hold a name or an
 * address that no pattern recognises.
 */
export const PII_KEYS: readonly string[] = [
  'email',
  'emails',
  'name',
  'firstname',
  'lastname',
  'fullname',
  'customername',
  'address',
  'address1',
  'address2',
  'street',
  'city',
  'zip',
  'zipcode',
  'postcode',
  'phone',
  'phonenumber',
  'mobile',
  'telephone',
  'cardnumber',
  'lastfour',
  'last4',
  'text',
  'body',
  'transcript',
  'authorization',
  'cookie',
  'token',
  'password',
  'apikey',
];

const piiKeys = new Set(PII_KEYS);
const normalise = (key: string) => key.toLowerCase().replace(/[_-]/g, '');

export function isPiiKey(key: string): boolean {
  return piiKeys.has(normalise(key));
}

// `%40` too: e-mail addresses reach request paths URL-encoded.
const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
// 13 to 19 digits, single spaces or dashes between them; not part of a longer token (a UUID's groups stay).
const CARD = /(?<![A-Za-z0-9-])\d(?:[ -]?\d){12,18}(?![A-Za-z0-9-])/g;

// A North American style number (optionally +country), in one run or grouped 3-3-4; not part of a longer token.
const PHONE = /(?<![\w+-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-]?)\d{3}[ .-]?\d{4}(?![\w-])/g;

/** Free text with e-mail addresses, card-like digit runs and phone numbers replaced by marks. */
export function scrubText(text: string): string {
  return text.replace(EMAIL, EMAIL_MARK).replace(CARD, CARD_MARK).replace(PHONE, PHONE_MARK);
}

const MAX_DEPTH = 8;

/**
 * A copy of `value` safe to log: PII keys redacted at any depth, every other string scrubbed.
 * Cycles and very deep nesting end in a mark rather than a stack overflow.
 */
export function scrubValue(value: unknown): unknown {
  return scrub(value, 0, new WeakSet());
}

function scrub(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1, seen));
    const out: Record<string, unknown> = {};
    if (value instanceof Error) {
      // An error's own `name` is its class, not a person: keep it; its message and stack are free text.
      out.type = value.name;
      out.message = scrubText(value.message);
      if (value.stack !== undefined) out.stack = scrubText(value.stack);
      if (value.cause !== undefined) out.cause = scrub(value.cause, depth + 1, seen);
    }
    for (const [key, item] of Object.entries(value)) {
      if (value instanceof Error && (key === 'name' || key === 'message' || key === 'stack' || key === 'cause')) continue;
      out[key] = isPiiKey(key) && item !== undefined && item !== null ? REDACTED : scrub(item, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
