/** Money inside the policy engine is integer cents, in and out. */

export function isWholeCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** 1234 → "$12.34", -5 → "-$0.05". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
