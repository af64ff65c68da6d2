import type { Knex } from 'knex';
import {
  getCustomerPaymentMethod,
  getOrderState,
  type OrderState,
  type PaymentMethodState,
} from '../db/repositories/commerce-reads';
import { findCustomer, findOrder } from '../db/repositories/store-queries';
import type { Customer, Order } from '../domain/store/entities';
import { ActionRefused } from './refusal';

/** The lookups and checks the actions share, each refusing with the reference's message. */

export async function requireOrder(db: Knex, orderId: string): Promise<OrderState> {
  const order = await getOrderState(db, orderId);
  if (!order) throw new ActionRefused('Order not found');
  return order;
}

export async function requirePaymentMethod(db: Knex, customerId: string, paymentMethodId: string): Promise<PaymentMethodState> {
  const method = await getCustomerPaymentMethod(db, customerId, paymentMethodId);
  if (!method) throw new ActionRefused('Payment method not found');
  return method;
}

/**
 * Each requested id may appear at most as often as the order holds it (an order can list one item
 * id twice); the first id that asks for more fails with `message(id)`.
 */
export function checkItemCounts(order: OrderState, itemIds: readonly string[], message: (itemId: string) => string): void {
  const held = countOf(order.items.map((item) => item.itemId));
  const requested = countOf(itemIds);
  for (const itemId of itemIds) {
    if ((requested.get(itemId) ?? 0) > (held.get(itemId) ?? 0)) throw new ActionRefused(message(itemId));
  }
}

/** The first of the order's items with this id (the reference prices and rewrites that one). */
export function firstItem(order: OrderState, itemId: string): OrderState['items'][number] {
  const item = order.items.find((candidate) => candidate.itemId === itemId);
  // checkItemCounts has run before: every requested id is in the order.
  if (!item) throw new ActionRefused(`Item ${itemId} not found`);
  return item;
}

/** Plain string order (code points), as Python's sorted() orders the ids. */
export function sortedIds(ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The order as the action left it, read inside the action's own transaction. */
export async function orderAfter(db: Knex, orderId: string): Promise<Order> {
  const order = await findOrder(db, orderId);
  if (!order) throw new Error(`order ${orderId} vanished inside its own transaction`);
  return order;
}

export async function customerAfter(db: Knex, customerId: string): Promise<Customer> {
  const customer = await findCustomer(db, customerId);
  if (!customer) throw new Error(`customer ${customerId} vanished inside its own transaction`);
  return customer;
}

function countOf(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
