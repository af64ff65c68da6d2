import type { Knex } from 'knex';

/**
 * Orders of the demo store (`seed/`) picked by what a scenario needs, not by id, so tests and the
 * history recorder follow the seed data when it changes. Each fails, naming what the seed lacks.
 */

function found<T>(row: T | undefined, what: string): T {
  if (!row) throw new Error(`the demo store needs ${what}`);
  return row;
}

const paidWith = (db: Knex) =>
  db('orders as o')
    .join('customers as c', 'c.id', 'o.customer_id')
    .join('payment_transactions as t', 't.order_id', 'o.id')
    .join('payment_methods as m', 'm.id', 't.payment_method_id');

/** The first pending order paid by card. */
export async function pendingCardOrder(db: Knex): Promise<{ orderId: string; email: string }> {
  const row = await paidWith(db)
    .where({ 'o.status': 'pending', 't.transaction_type': 'payment', 'm.source': 'credit_card' })
    .orderBy('o.position')
    .first('o.id as orderId', 'c.email as email');
  return found(row, 'a pending order paid by card');
}

/** The first delivered order paid by card, with its first item. */
export async function deliveredCardOrder(db: Knex): Promise<{ orderId: string; email: string; methodId: string; itemId: string; itemCents: number }> {
  const row = await paidWith(db)
    .where({ 'o.status': 'delivered', 't.transaction_type': 'payment', 'm.source': 'credit_card' })
    .orderBy('o.position')
    .first('o.id as orderId', 'c.email as email', 'm.id as methodId');
  const order = found(row, 'a delivered order paid by card');
  const item = await db('order_items').where({ order_id: order.orderId }).orderBy('position').first('item_id', 'price_cents');
  return { ...order, itemId: item.item_id as string, itemCents: Number(item.price_cents) };
}

/** An order in `status`, paid by card or PayPal, with an item that has a cheaper variant in stock. */
export async function cheaperSwap(
  db: Knex,
  status: string,
): Promise<{ orderId: string; email: string; methodId: string; itemId: string; oldCents: number; newItemId: string; newCents: number }> {
  const row = await paidWith(db)
    .join('order_items as i', 'i.order_id', 'o.id')
    .join('variants as v', 'v.product_id', 'i.product_id')
    .where({ 'o.status': status, 't.transaction_type': 'payment' })
    .whereIn('m.source', ['credit_card', 'paypal'])
    .where('v.available', true)
    .whereRaw('v.price_cents < i.price_cents')
    .orderBy(['o.position', 'i.position', 'v.id'])
    .first('o.id as orderId', 'c.email as email', 'm.id as methodId', 'i.item_id as itemId', 'i.price_cents as oldCents', 'v.id as newItemId', 'v.price_cents as newCents');
  const swap = found(row, `a ${status} card or PayPal order with a cheaper variant in stock`);
  return { ...swap, oldCents: Number(swap.oldCents), newCents: Number(swap.newCents) };
}
