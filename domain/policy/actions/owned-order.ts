import { isDeny } from '../decision';
import { requireAuthenticated, requireCustomerRecord, requireOwnedOrder } from '../rules/identity';
import type { Customer, Deny, Order, PolicyContext, Proposal } from '../types';

export interface OwnedOrder {
  customerId: string;
  order: Order;
}

/** Every order action starts here: an authenticated customer acting on an order of their own. */
export function ownedOrder(orderId: string, context: PolicyContext): OwnedOrder | Deny {
  const customerId = requireAuthenticated(context.facts);
  if (isDeny(customerId)) return customerId;
  const order = requireOwnedOrder(context.records, orderId, customerId);
  if (isDeny(order)) return order;
  return { customerId, order };
}

export function customerRecord(owned: OwnedOrder, context: PolicyContext): Customer | Deny {
  return requireCustomerRecord(context.records, owned.customerId);
}

export function basisOf(order: Order): NonNullable<Proposal['basis']> {
  return { orderStatus: order.status, paymentEntries: order.payments.length };
}
