import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Knex } from 'knex';
import { isPostgres } from '../db/connection';
import { migrateToLatest, rollbackAll } from '../db/migrate';
import { testEngines, type TestDatabase } from '../db/testing/test-databases';

const KNEX_BOOKKEEPING = ['knex_migrations', 'knex_migrations_lock'];

const STORE_AND_AUTH_TABLES = [
  'addresses',
  'api_tokens',
  'customer_notifications',
  'customers',
  'fulfillment_items',
  'fulfillment_tracking_ids',
  'fulfillments',
  'order_item_options',
  'order_items',
  'order_requested_items',
  'orders',
  'payment_methods',
  'payment_transactions',
  'products',
  'refund_ledger',
  'return_conversations',
  'variant_options',
  'variants',
];

async function listTables(db: Knex): Promise<string[]> {
  const names: string[] = isPostgres(db)
    ? (await db.raw<{ rows: { name: string }[] }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()")).rows.map((row) => row.name)
    : (await db('sqlite_master').where({ type: 'table' }).whereNot('name', 'like', 'sqlite_%').select('name')).map((row: { name: string }) => row.name);
  return names.filter((name) => !KNEX_BOOKKEEPING.includes(name)).sort();
}

for (const engine of testEngines()) {
  describe(`migrations on ${engine.name}`, { skip: engine.skip }, () => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await engine.open();
    });
    afterEach(async () => {
      await database.close();
    });

    test('when migrated to latest, then every store and token table exists', async () => {
      await migrateToLatest(database.db);
      assert.deepEqual(await listTables(database.db), STORE_AND_AUTH_TABLES);
    });

    test('when migrated twice, then the second run changes nothing', async () => {
      await migrateToLatest(database.db);
      await migrateToLatest(database.db);
      const applied: { name: string }[] = await database.db('knex_migrations').select('name').orderBy('id');
      assert.deepEqual(
        applied.map((row) => row.name),
        ['001-store', '002-api-tokens', '003-refunds', '004-return-conversations'],
      );
      assert.deepEqual(await listTables(database.db), STORE_AND_AUTH_TABLES);
    });

    test('when rolled back completely, then every table is gone, and migrating again brings them back', async () => {
      await migrateToLatest(database.db);
      await rollbackAll(database.db);
      assert.deepEqual(await listTables(database.db), []);
      await migrateToLatest(database.db);
      assert.deepEqual(await listTables(database.db), STORE_AND_AUTH_TABLES);
    });
  });
}
