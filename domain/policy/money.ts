/** Money inside the policy engine is integer cents; tau records carry dollars and are read through here. */

/** Dollars (as the tau files hold them, float noise included) to the nearest whole cent. */
export function toCents(dollars: number): number {
  // `|| 0` turns -0 into 0 so that it never reaches a fingerprint.
  return Math.round(dollars * 100) || 0;
}

export function isWholeCents(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** 1234 → "$12.34", -5 → "-$0.05". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
