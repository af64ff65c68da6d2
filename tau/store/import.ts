import type { Knex } from 'knex';
import type { StoreCounts } from '../../db/repositories/store-queries';
import { readTauStoreFiles } from '../format/read-tau-files';
import { replaceStore } from './replace-store';

/**
 * Replaces the store's customers, orders and products with the tau files in `dir`.
 * Everything is read and validated first, then written in one transaction: bad input
 * (a TauFormatError naming the file and record) leaves the store as it was.
 */
export async function importTauStore(db: Knex, dir: string): Promise<StoreCounts> {
  const store = await readTauStoreFiles(dir);
  await replaceStore(db, store);
  return { customers: store.users.size, orders: store.orders.size, products: store.products.size };
}
