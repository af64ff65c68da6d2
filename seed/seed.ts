import type { Knex } from 'knex';
import { isPostgres } from '../db/connection';
import { countStore, type StoreCounts } from '../db/repositories/store-queries';
import { buildDemoStore } from './build-demo-store';
import { replaceStore, replaceStoreInTransaction } from '../tau/store/replace-store';
import { readTauStoreFiles } from '../tau/format/read-tau-files';

export type SeedOutcome = 'already-seeded' | 'imported' | 'demo';

/** Replaces the store's customers, orders and products with the product's own demo store. */
export async function seedDemoStore(db: Knex): Promise<void> {
  await replaceStore(db, buildDemoStore());
}

/**
 * Fills an empty store: from the tau files in `seedDir` when given, else with the demo store.
 * A store that has any customer, order or product is left alone, so this is safe on every start.
 */
export async function seedIfEmpty(db: Knex, opts: { seedDir?: string } = {}): Promise<SeedOutcome> {
  if (!isEmpty(await countStore(db))) return 'already-seeded';
  const store = opts.seedDir ? await readTauStoreFiles(opts.seedDir) : buildDemoStore();
  return db.transaction(async (trx) => {
    // The API and the worker may start at the same moment; the lock makes the second one see the first one's seed.
    if (isPostgres(trx)) await trx.raw('LOCK TABLE customers IN EXCLUSIVE MODE');
    if (!isEmpty(await countStore(trx))) return 'already-seeded';
    await replaceStoreInTransaction(trx, store);
    return opts.seedDir ? 'imported' : 'demo';
  });
}

function isEmpty(counts: StoreCounts): boolean {
  return counts.customers + counts.orders + counts.products === 0;
}
