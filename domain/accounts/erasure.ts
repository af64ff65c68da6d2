/**
 * Erasing an account: which orders keep it open, when the erasure falls due, and what the customer's
 * personal data becomes. Orders stay (accounting must keep them); the person in them does not.
 */

/** Done with: nothing more will be shipped, returned or refunded for these. */
const SETTLED_STATUSES: ReadonlySet<string> = new Set(['delivered', 'cancelled']);

export interface OrderSummary {
  id: string;
  status: string;
}

/** Orders still under way (pending, processed, a return or exchange in progress): they keep the account open. */
export function openOrders(orders: readonly OrderSummary[]): OrderSummary[] {
  return orders.filter((order) => !SETTLED_STATUSES.has(order.status));
}

/** "#W1 (pending) and #W2 (processed)". */
export function listOrders(orders: readonly OrderSummary[]): string {
  const parts = orders.map((o) => `${o.id} (${o.status})`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export const DEFAULT_ERASURE_GRACE_MS = 14 * 24 * 3_600_000;

export function erasureDueAt(requestedAt: string, graceMs: number): string {
  return new Date(Date.parse(requestedAt) + graceMs).toISOString();
}

/** "15 December 2026", in UTC, as the customer is told when the erasure falls due. */
export function erasureDay(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function erasureWorkflowIdFor(customerId: string): string {
  return `account-erasure-${customerId}`;
}

/** What stays of a customer once erased: no name, an address nobody can receive mail at, nothing else. */
export function anonymisedCustomer(customerId: string): { firstName: string; lastName: string; email: string } {
  return { firstName: 'Erased', lastName: 'Customer', email: `erased-${customerId}@erased.invalid` };
}

/** What the erasure workflow is started with, and the name of its cancel signal (the workflow defines it). */
export interface AccountErasureInput {
  customerId: string;
  /** ACCOUNT_ERASURE_GRACE_DAYS as the worker had it when the customer asked: fixed for this request. */
  graceMs: number;
}
export const CANCEL_ERASURE_SIGNAL = 'cancelErasure';
