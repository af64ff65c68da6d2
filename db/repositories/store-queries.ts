import type { Knex } from 'knex';
import type { Customer, Order, Product } from '../../domain/store/entities';
import { readCustomers, readOrders, readProducts } from '../store/read-entities';
import { listCustomerEmails, listCustomersByZip } from './commerce-reads';

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

export async function findOrder(db: Knex, orderId: string): Promise<Order | undefined> {
  return (await readOrders(db, [orderId])).get(orderId);
}

export async function findCustomer(db: Knex, customerId: string): Promise<Customer | undefined> {
  return (await readCustomers(db, [customerId])).get(customerId);
}

export async function findProduct(db: Knex, productId: string): Promise<Product | undefined> {
  return (await readProducts(db, [productId])).get(productId);
}

/** The products with these ids, in stored order (unknown ids left out). */
export async function findProducts(db: Knex, productIds: readonly string[]): Promise<Product[]> {
  return productIds.length === 0 ? [] : [...(await readProducts(db, productIds)).values()];
}

/** The first customer in store order with this e-mail, compared case-insensitively; undefined when none. */
export async function findCustomerIdByEmail(db: Knex, email: string): Promise<string | undefined> {
  // Lower-cased in code, not in SQL: SQLite's lower() only knows ASCII, and the reference uses Python's str.lower().
  const wanted = email.toLowerCase();
  return (await listCustomerEmails(db)).find((candidate) => candidate.email.toLowerCase() === wanted)?.id;
}

/** The first customer in store order with this name (case-insensitive) whose default address has this zip code. */
export async function findCustomerIdByNameZip(db: Knex, firstName: string, lastName: string, zip: string): Promise<string | undefined> {
  const first = firstName.toLowerCase();
  const last = lastName.toLowerCase();
  return (await listCustomersByZip(db, zip)).find(
    (candidate) => candidate.firstName.toLowerCase() === first && candidate.lastName.toLowerCase() === last,
  )?.id;
}
