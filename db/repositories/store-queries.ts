import type { Knex } from 'knex';
import { readOrders, readProducts, readUsers } from '../store/read-store';
import { toOrderDetails, type TauOrderDetails, type TauProduct, type TauUser } from '../tau-format/records';

export interface StoreCounts {
  customers: number;
  orders: number;
  products: number;
}

export async function countStore(db: Knex): Promise<StoreCounts> {
  const count = async (table: string): Promise<number> => {
    const row = await db(table).count({ count: '*' }).first();
    // PostgreSQL returns count(*) as a string (bigint).
    return Number(row?.count ?? 0);
  };
  return { customers: await count('customers'), orders: await count('orders'), products: await count('products') };
}

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
