import type { Knex } from 'knex';
import type { TauStore } from '../format/records';
import { STORE_TABLES, type StoreRows } from '../../db/store/rows';
import { tauStoreToRows } from './tau-to-rows';

// SQLite inserts many rows as one compound SELECT, which it caps at 500 terms.
const ROWS_PER_INSERT = 400;

/** Replaces every customer, product and order with `store`, all or nothing. */
export async function replaceStore(db: Knex, store: TauStore): Promise<void> {
  await db.transaction((trx) => replaceStoreInTransaction(trx, store));
}

/** The same, inside a transaction the caller already holds. */
export async function replaceStoreInTransaction(trx: Knex.Transaction, store: TauStore): Promise<void> {
  const rows = tauStoreToRows(store);
  for (const table of [...STORE_TABLES].reverse()) await trx(table).delete();
  for (const table of STORE_TABLES) await insertInChunks(trx, table, rows[table]);
}

async function insertInChunks(trx: Knex.Transaction, table: keyof StoreRows, rows: readonly object[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await trx(table).insert(rows.slice(start, start + ROWS_PER_INSERT));
  }
}
