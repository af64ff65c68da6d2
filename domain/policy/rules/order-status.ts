/**
 * Status preconditions and one-time limits. The order's status is the reference's record of what happened;
 * the history facts (from our own ledger) are checked as well, so either one is enough to refuse.
 */
import { deny } from '../decision';
import type { Deny, OrderHistoryFacts, Order, PolicySettings } from '../types';
import { words, type Words } from '../wording';

export const ORDER_STATUS = {
  pending: 'pending',
  itemsModified: 'pending (item modified)',
  processed: 'processed',
  delivered: 'delivered',
  cancelled: 'cancelled',
  returnRequested: 'return requested',
  exchangeRequested: 'exchange requested',
} as const;

/** The order actions whose status rules are checked below. */
export type OrderStatusAction = 'cancel' | 'modify_items' | 'modify_payment' | 'modify_address' | 'return' | 'exchange';

const OPEN_STATUSES: Record<Exclude<OrderStatusAction, 'modify_address'>, readonly string[]> = {
  cancel: [ORDER_STATUS.pending],
  modify_items: [ORDER_STATUS.pending],
  modify_payment: [ORDER_STATUS.pending],
  return: [ORDER_STATUS.delivered],
  exchange: [ORDER_STATUS.delivered],
};

/**
 * The statuses an order may have for each action: the checks below refuse every other status, so a
 * conversation can offer only the orders an action could be about (the order's history can still refuse).
 */
export function statusesOpenTo(action: OrderStatusAction, settings: PolicySettings): string[] {
  if (action !== 'modify_address') return [...OPEN_STATUSES[action]];
  return settings.addressChangeAfterItemModification ? [ORDER_STATUS.pending, ORDER_STATUS.itemsModified] : [ORDER_STATUS.pending];
}

function itemsWereModified(order: Order, history: OrderHistoryFacts): boolean {
  return order.status === ORDER_STATUS.itemsModified || history.itemsModified === true;
}

/** A status as the customer reads it; one the policy does not know is shown as the store wrote it. */
export function statusWords(status: string): Words {
  switch (status) {
    case ORDER_STATUS.pending:
      return words('pending');
    case ORDER_STATUS.itemsModified:
      return words('pending (item modified)');
    case ORDER_STATUS.processed:
      return words('processed');
    case ORDER_STATUS.delivered:
      return words('delivered');
    case ORDER_STATUS.cancelled:
      return words('cancelled');
    case ORDER_STATUS.returnRequested:
      return words('return requested');
    case ORDER_STATUS.exchangeRequested:
      return words('exchange requested');
    default:
      return status;
  }
}

function itemsModifiedDeny(order: Order, what: 'cancelled' | 'modified'): Deny {
  const orderId = order.id;
  return deny(
    'items-modified-once',
    what === 'cancelled'
      ? words('Order {orderId} already had its items modified, so it can no longer be cancelled.', { orderId })
      : words('Order {orderId} already had its items modified, so it can no longer be modified.', { orderId }),
  );
}

/** Each refusal a whole sentence: what may be done, and to which status, differs in every language's word order. */
const STATUS_SENTENCES = {
  cancelled: 'Order {orderId} is {status}; only pending orders can be cancelled.',
  modified: 'Order {orderId} is {status}; only pending orders can be modified.',
  returned: 'Order {orderId} is {status}; only delivered orders can be returned.',
  exchanged: 'Order {orderId} is {status}; only delivered orders can be exchanged.',
} as const;

function statusDeny(order: Order, what: keyof typeof STATUS_SENTENCES): Deny {
  return deny('order-status', words(STATUS_SENTENCES[what], { orderId: order.id, status: statusWords(order.status) }));
}

/** Cancel: only `pending` exactly; an item-modified order cannot be cancelled. */
export function checkCancellable(order: Order, history: OrderHistoryFacts): Deny | undefined {
  if (itemsWereModified(order, history)) return itemsModifiedDeny(order, 'cancelled');
  if (!OPEN_STATUSES.cancel.includes(order.status)) return statusDeny(order, 'cancelled');
  return undefined;
}

/** Modify items: only `pending` exactly, and only once per order. */
export function checkItemsModifiable(order: Order, history: OrderHistoryFacts): Deny | undefined {
  if (itemsWereModified(order, history)) return itemsModifiedDeny(order, 'modified');
  if (!OPEN_STATUSES.modify_items.includes(order.status)) return statusDeny(order, 'modified');
  return undefined;
}

/** Modify payment: only `pending`, never after an item change, and only while the order has its one original payment. */
export function checkPaymentModifiable(order: Order, history: OrderHistoryFacts): Deny | undefined {
  if (itemsWereModified(order, history)) return itemsModifiedDeny(order, 'modified');
  if (!OPEN_STATUSES.modify_payment.includes(order.status)) return statusDeny(order, 'modified');
  const [only, ...rest] = order.payments;
  if (history.paymentModified === true || rest.length > 0 || only?.kind !== 'payment') {
    return deny(
      'payment-changed-once',
      words("Order {orderId}'s payment method was already changed (or its payment record is not a single payment); it can be changed only once.", { orderId: order.id }),
    );
  }
  return undefined;
}

/** Modify address: `pending`, and `pending (item modified)` too when the settings follow the reference's tool. */
export function checkAddressModifiable(order: Order, settings: PolicySettings): Deny | undefined {
  if (statusesOpenTo('modify_address', settings).includes(order.status)) return undefined;
  if (order.status === ORDER_STATUS.itemsModified) return itemsModifiedDeny(order, 'modified');
  return statusDeny(order, 'modified');
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
      words('A return or exchange was already requested for order {orderId}; it can be requested only once per order.', { orderId: order.id }),
    );
  }
  if (!OPEN_STATUSES[what === 'returned' ? 'return' : 'exchange'].includes(order.status)) return statusDeny(order, what);
  return undefined;
}

/** Goodwill: any order the customer paid for and still has; a cancelled order was already refunded in full. */
export function checkCreditable(order: Order): Deny | undefined {
  if (order.status === ORDER_STATUS.cancelled) {
    return deny('order-status', words('Order {orderId} is cancelled and was refunded; no goodwill credit applies.', { orderId: order.id }));
  }
  return undefined;
}
