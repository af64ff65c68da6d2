import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'mocha';
import { exportTauStore } from '../../tau/store/export';
import { migrateToLatest } from '../../db/migrate';
import { countStore } from '../../db/repositories/store-queries';
import { getOrder } from '../../tau/store/queries';
import { seedIfEmpty } from '../../seed/seed';
import { buildDemoStore } from '../../seed/build-demo-store';
import { readTauStoreFiles } from '../../tau/format/read-tau-files';
import { formatTauStoreFiles, writeTauStoreFiles } from '../../tau/format/write-tau-files';
import { testEngines, type TestDatabase } from '../support/test-databases';
import { describeUnless } from '../support/skip';
import { TAU_DB_DIR } from '../support/tau-retail-records';

describe('the demo store seed data', () => {
  it('when written as tau files, then the importer accepts them unchanged', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-seed-'));
    try {
      const store = buildDemoStore();
      await writeTauStoreFiles(store, dir);
      assert.deepEqual(formatTauStoreFiles(await readTauStoreFiles(dir)), formatTauStoreFiles(store));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when compared with the tau-bench data, then it shares no customer, order, product, item or payment method id', () => {
    const ids = (store: Awaited<ReturnType<typeof readTauStoreFiles>>): Set<string> =>
      new Set([
        ...store.users.keys(),
        ...store.orders.keys(),
        ...store.products.keys(),
        ...[...store.products.values()].flatMap((product) => [...product.variants.keys()]),
        ...[...store.users.values()].flatMap((user) => [...user.payment_methods.keys()]),
      ]);
    const demoIds = ids(buildDemoStore());
    const tauIds = [
      ...Object.keys(JSON.parse(fs.readFileSync(path.join(TAU_DB_DIR, 'users.json'), 'utf8')) as object),
      ...Object.keys(JSON.parse(fs.readFileSync(path.join(TAU_DB_DIR, 'orders.json'), 'utf8')) as object),
      ...Object.keys(JSON.parse(fs.readFileSync(path.join(TAU_DB_DIR, 'products.json'), 'utf8')) as object),
    ];
    assert.deepEqual(tauIds.filter((id) => demoIds.has(id)), []);
  });
});

for (const engine of testEngines()) {
  describeUnless(engine.skip, `seeding on ${engine.name}`, () => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await engine.open();
      await migrateToLatest(database.db);
    });
    afterEach(async () => {
      await database.close();
    });

    it('when the store is empty, then the demo store is seeded once, with an order in every status', async () => {
      assert.equal(await seedIfEmpty(database.db), 'demo');
      const counts = await countStore(database.db);
      assert.deepEqual(counts, { customers: 11, orders: 26, products: 12 });

      const statuses = new Set((await database.db('orders').select('status')).map((row: { status: string }) => row.status));
      for (const status of ['pending', 'processed', 'delivered', 'cancelled', 'return requested', 'exchange requested']) {
        assert.ok(statuses.has(status), `no ${status} order in the demo store`);
      }

      const exported = formatTauStoreFiles(await exportTauStore(database.db));
      assert.equal(await seedIfEmpty(database.db), 'already-seeded');
      assert.deepEqual(formatTauStoreFiles(await exportTauStore(database.db)), exported);
    });

    it('when two processes seed an empty store at the same moment, then only one of them seeds', async () => {
      const outcomes = await Promise.all([seedIfEmpty(database.db), seedIfEmpty(database.db)]);
      assert.deepEqual(outcomes.sort(), ['already-seeded', 'demo']);
      assert.deepEqual(await countStore(database.db), { customers: 11, orders: 26, products: 12 });
    });

    it('when the demo store is seeded, then money is kept in whole cents and gift cards have balances', async () => {
      await seedIfEmpty(database.db);
      const earbuds: { price_cents: number } = await database.db('variants').where({ id: '8139500642' }).first('price_cents');
      assert.equal(earbuds.price_cents, 14999);
      const payment: { amount_cents: number; amount_json: string | null } = await database
        .db('payment_transactions')
        .where({ order_id: '#W6676116', position: 0 })
        .first('amount_cents', 'amount_json');
      assert.deepEqual(payment, { amount_cents: 15300, amount_json: null });
      const exactAmounts = await database.db('payment_transactions').whereNotNull('amount_json').count({ count: '*' }).first();
      assert.equal(Number(exactAmounts?.count), 0);

      const giftCards: { id: string; balance_cents: number }[] = await database
        .db('payment_methods')
        .where({ source: 'gift_card' })
        .orderBy('id')
        .select('id', 'balance_cents');
      assert.deepEqual(giftCards, [
        { id: 'gift_card_3499182', balance_cents: 4275 },
        { id: 'gift_card_4411096', balance_cents: 6500 },
        { id: 'gift_card_5670931', balance_cents: 0 },
        { id: 'gift_card_6672049', balance_cents: 15000 },
        { id: 'gift_card_7441813', balance_cents: 1240 },
      ]);

      const cancelled = await getOrder(database.db, '#W7823499');
      assert.equal(cancelled?.status, 'cancelled');
      assert.equal(cancelled?.cancel_reason, 'no longer needed');
      assert.deepEqual(
        cancelled?.payment_history.map((entry) => [entry.transaction_type, entry.amount]),
        [['payment', 179.98], ['refund', 179.98]],
      );
      const exchange = await getOrder(database.db, '#W7194278');
      assert.equal(exchange?.exchange_price_difference, -30);
    });

    it('when a seed folder is given and the store is empty, then the store is imported from it, once', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-seed-dir-'));
      try {
        const store = buildDemoStore();
        store.orders.delete('#W7118983');
        const owner = store.users.get('nadia_haddad_1604');
        assert.ok(owner);
        owner.orders = owner.orders.filter((id) => id !== '#W7118983');
        await writeTauStoreFiles(store, dir);
        assert.equal(await seedIfEmpty(database.db, { seedDir: dir }), 'imported');
        assert.equal((await countStore(database.db)).orders, 25);
        assert.equal(await seedIfEmpty(database.db, { seedDir: dir }), 'already-seeded');
        assert.equal(await seedIfEmpty(database.db), 'already-seeded');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
