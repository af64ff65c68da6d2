import type { Knex } from 'knex';
import { readOrders, readProducts, readUsers } from './read-tau-records';
import type { TauStore } from '../format/records';
import { writeTauStoreFiles } from '../format/write-tau-files';

/** The whole store as tau records, in stored order (read in one transaction so the three agree). */
export async function exportTauStore(db: Knex): Promise<TauStore> {
  return db.transaction(async (trx) => ({
    users: await readUsers(trx),
    orders: await readOrders(trx),
    products: await readProducts(trx),
  }));
}

/** Writes the store as users.json, orders.json and products.json into `outDir`, the way the reference writes them. */
export async function writeTauStore(db: Knex, outDir: string): Promise<TauStore> {
  const store = await exportTauStore(db);
  await writeTauStoreFiles(store, outDir);
  return store;
}
