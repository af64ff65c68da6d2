/**
 * Money is kept as integer cents. The tau format carries floats; prices and balances there are
 * always whole cents, but an unrounded price difference (35.52999999999997) is not, so such an
 * amount is stored as its rounded cents plus its exact JSON number text.
 */

export function toCents(amount: number): number {
  return Math.round(amount * 100) || 0;
}

export function fromCents(cents: number): number {
  return cents / 100;
}

export interface StoredAmount {
  cents: number;
  /** The exact number as JSON text, only when `cents` alone would not give it back. */
  json: string | null;
}

export function toStoredAmount(amount: number): StoredAmount {
  const cents = toCents(amount);
  if (Object.is(fromCents(cents), amount)) return { cents, json: null };
  return { cents, json: Object.is(amount, -0) ? '-0' : String(amount) };
}

export function fromStoredAmount(stored: StoredAmount): number {
  return stored.json === null ? fromCents(stored.cents) : Number(stored.json);
}
