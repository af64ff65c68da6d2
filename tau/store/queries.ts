import type { Knex } from 'knex';
import { toOrderDetails, type TauOrderDetails, type TauProduct, type TauUser } from '../format/records';
import { readOrders, readProducts, readUsers } from './read-tau-records';

/** The order as the reference's get_order_details returns it: all 14 fields, unset optional ones `null`. */
export async function getOrder(db: Knex, orderId: string): Promise<TauOrderDetails | undefined> {
  const order = (await readOrders(db, [orderId])).get(orderId);
  return order && toOrderDetails(order);
}

export async function getUser(db: Knex, userId: string): Promise<TauUser | undefined> {
  return (await readUsers(db, [userId])).get(userId);
}

export async function getProduct(db: Knex, productId: string): Promise<TauProduct | undefined> {
  return (await readProducts(db, [productId])).get(productId);
}

/** The order as a write tool answers it, read inside the tool's own transaction. */
export async function orderDetailsAfter(db: Knex, orderId: string): Promise<TauOrderDetails> {
  const order = await getOrder(db, orderId);
  if (!order) throw new Error(`order ${orderId} vanished inside its own transaction`);
  return order;
}

export async function userAfter(db: Knex, userId: string): Promise<TauUser> {
  const user = await getUser(db, userId);
  if (!user) throw new Error(`user ${userId} vanished inside its own transaction`);
  return user;
}
