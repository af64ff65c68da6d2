/**
 * Status preconditions and one-time limits. The order's status is the reference's record of what happened;
 * the history facts (from our own ledger) are checked as well, so either one is enough to refuse.
 */
import { deny } from '../decision';
import type { Deny, OrderHistoryFacts, Order, PolicySettings } from '../types';

export const ORDER_STATUS = {
  pending: 'pending',
  itemsModified: 'pending (item modified)',
  processed: 'processed',
  delivered: 'delivered',
  cancelled: 'cancelled',
  returnRequested: 'return requested',
  exchangeRequested: 'exchange requested',
} as const;

function itemsWereModified(order: Order, history: OrderHistoryFacts): boolean {
  return order.status === ORDER_STATUS.itemsModified || history.itemsModified === true;
}

function itemsModifiedDeny(order: Order, what: string): Deny {
  return deny(
    'items-modified-once',
    `Order ${order.id} already had its items modified, so it can no longer be ${what}.`,
  );
}

function statusDeny(order: Order, allowed: string, what: string): Deny {
  return deny('order-status', `Order ${order.id} is ${order.status}; only ${allowed} orders can be ${what}.`);
}

/** Cancel: only `pending` exactly; an item-modified order cannot be cancelled. */
export function checkCancellable(order: Order, history: OrderHistoryFacts): Deny | undefined {
  if (itemsWereModified(order, history)) return itemsModifiedDeny(order, 'cancelled');
  if (order.status !== ORDER_STATUS.pending) return statusDeny(order, 'pending', 'cancelled');
  return undefined;
}

/** Modify items: only `pending` exactly, and only once per order. */
export function checkItemsModifiable(order: Order, history: OrderHistoryFacts): Deny | undefined {
  if (itemsWereModified(order, history)) return itemsModifiedDeny(order, 'modified');
  if (order.status !== ORDER_STATUS.pending) return statusDeny(order, 'pending', 'modified');
  return undefined;
}

/** Modify payment: only `pending`, never after an item change, and only while the order has its one original payment. */
export function checkPaymentModifiable(order: Order, history: OrderHistoryFacts): Deny | undefined {
  if (itemsWereModified(order, history)) return itemsModifiedDeny(order, 'modified');
  if (order.status !== ORDER_STATUS.pending) return statusDeny(order, 'pending', 'modified');
  const [only, ...rest] = order.payments;
  if (history.paymentModified === true || rest.length > 0 || only?.kind !== 'payment') {
    return deny(
      'payment-changed-once',
      `Order ${order.id}'s payment method was already changed (or its payment record is not a single payment); it can be changed only once.`,
    );
  }
  return undefined;
}

/** Modify address: `pending`, and `pending (item modified)` too when the settings follow the reference's tool. */
export function checkAddressModifiable(order: Order, settings: PolicySettings): Deny | undefined {
  if (order.status === ORDER_STATUS.pending) return undefined;
  if (order.status === ORDER_STATUS.itemsModified) {
    return settings.addressChangeAfterItemModification ? undefined : itemsModifiedDeny(order, 'modified');
  }
  return statusDeny(order, 'pending', 'modified');
}

/** Return or exchange: only `delivered`, and only one of them, once, per order. */
export function checkReturnableOrExchangeable(
  order: Order,
  history: OrderHistoryFacts,
  what: 'returned' | 'exchanged',
): Deny | undefined {
  const alreadyRequested =
    order.status === ORDER_STATUS.returnRequested ||
    order.status === ORDER_STATUS.exchangeRequested ||
    history.returnOrExchangeRequested === true ||
    order.return !== null ||
    order.exchange !== null;
  if (alreadyRequested) {
    return deny(
      'return-or-exchange-once',
      `A return or exchange was already requested for order ${order.id}; it can be requested only once per order.`,
    );
  }
  if (order.status !== ORDER_STATUS.delivered) return statusDeny(order, 'delivered', what);
  return undefined;
}

/** Goodwill: any order the customer paid for and still has; a cancelled order was already refunded in full. */
export function checkCreditable(order: Order): Deny | undefined {
  if (order.status === ORDER_STATUS.cancelled) {
    return deny('order-status', `Order ${order.id} is cancelled and was refunded; no goodwill credit applies.`);
  }
  return undefined;
}
