import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, it } from 'mocha';
import { exportTauStore, writeTauStore } from '../../tau/store/export';
import { importTauStore } from '../../tau/store/import';
import { migrateToLatest } from '../../db/migrate';
import { getOrder, getProduct, getUser } from '../../tau/store/queries';
import { buildDemoStore } from '../../seed/build-demo-store';
import { testEngines, type TestDatabase } from '../support/test-databases';
import { formatTauStoreFiles, writeTauStoreFiles } from '../../tau/format/write-tau-files';
import { describeUnless } from '../support/skip';
import { TAU_DB_DIR } from '../support/tau-retail-records';

const FILES = ['users', 'orders', 'products'] as const;

function temporaryDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'support-tau-'));
}

for (const engine of testEngines()) {
  describeUnless(engine.skip, `tau store round trip on ${engine.name}`, () => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await engine.open();
      await migrateToLatest(database.db);
    });
    afterEach(async () => {
      await database.close();
    });

    it('when the shared tau-retail database is imported and exported, then the three files come back byte for byte', async () => {
      const counts = await importTauStore(database.db, TAU_DB_DIR);
      assert.deepEqual(counts, { customers: 500, orders: 1000, products: 50 });

      const texts = formatTauStoreFiles(await exportTauStore(database.db));
      for (const file of FILES) {
        const original = fs.readFileSync(path.join(TAU_DB_DIR, `${file}.json`), 'utf8');
        assert.ok(texts[file] === original, `${file}.json differs from the original after the round trip`);
      }

      const outDir = temporaryDir();
      try {
        await writeTauStore(database.db, outDir);
        for (const file of FILES) {
          const written = fs.readFileSync(path.join(outDir, `${file}.json`));
          assert.ok(written.equals(fs.readFileSync(path.join(TAU_DB_DIR, `${file}.json`))), `written ${file}.json differs`);
        }
      } finally {
        fs.rmSync(outDir, { recursive: true, force: true });
      }

      const order = await getOrder(database.db, '#W2611340');
      assert.ok(order);
      assert.deepEqual(Object.keys(order), [
        'order_id', 'user_id', 'address', 'items', 'status', 'fulfillments', 'payment_history',
        'cancel_reason', 'exchange_items', 'exchange_new_items', 'exchange_payment_method_id',
        'exchange_price_difference', 'return_items', 'return_payment_method_id',
      ]);
      assert.equal(order.user_id, 'james_li_5688');
      assert.equal(order.items[1]?.price, 488.81);
      assert.deepEqual([...(order.items[0]?.options.keys() ?? [])], ['capacity', 'material', 'color']);
      assert.deepEqual(order.payment_history, [{ transaction_type: 'payment', amount: 536.65, payment_method_id: 'gift_card_1725971' }]);
      assert.equal(order.cancel_reason, null);
      assert.equal(order.return_items, null);
      assert.equal(await getOrder(database.db, 'W2611340'), undefined);

      const user = await getUser(database.db, 'noah_brown_6181');
      assert.deepEqual([...(user?.payment_methods.keys() ?? [])], ['paypal_5727330', 'credit_card_7815826']);
      const product = await getProduct(database.db, '9523456873');
      assert.deepEqual([...(product?.variants.keys() ?? [])].slice(0, 3), ['9612497925', '8124970213', '9354168549']);
    });

    it('when orders carry exchange and return requests, float noise, -0 and empty lists, then they round-trip exactly', async () => {
      const store = buildDemoStore();
      const [first, second, third] = [...store.orders.values()];
      assert.ok(first && second && third);
      first.payment_history.push({ transaction_type: 'payment', amount: 35.52999999999997, payment_method_id: 'credit_card_1693992' });
      first.payment_history.push({ transaction_type: 'refund', amount: 0, payment_method_id: 'credit_card_1693992' });
      Object.assign(second, {
        exchange_items: ['6422569667'],
        exchange_new_items: ['8644308660'],
        exchange_payment_method_id: 'paypal_2034152',
        exchange_price_difference: -0,
        return_items: [],
        return_payment_method_id: 'paypal_2034152',
      });
      Object.assign(third, { cancel_reason: 'ordered by mistake', exchange_items: [], exchange_new_items: [], exchange_payment_method_id: 'credit_card_3708445', exchange_price_difference: -12.340000000000003 });
      const inDir = temporaryDir();
      try {
        await writeTauStoreFiles(store, inDir);
        await importTauStore(database.db, inDir);
        const texts = formatTauStoreFiles(await exportTauStore(database.db));
        for (const file of FILES) {
          assert.equal(texts[file], fs.readFileSync(path.join(inDir, `${file}.json`), 'utf8'), `${file}.json differs`);
        }
        const exported = await getOrder(database.db, second.order_id);
        assert.ok(Object.is(exported?.exchange_price_difference, -0));
        assert.deepEqual(exported?.return_items, []);
        const withNoise = await getOrder(database.db, first.order_id);
        assert.equal(withNoise?.payment_history.at(-2)?.amount, 35.52999999999997);
      } finally {
        fs.rmSync(inDir, { recursive: true, force: true });
      }
    });

    it('when users.json gives a customer a phone number, then it is on file for calls and texts and exported as given', async () => {
      const store = buildDemoStore();
      const [first, second] = [...store.users.values()];
      assert.ok(first && second);
      store.users.set(first.user_id, { user_id: first.user_id, name: first.name, address: first.address, email: first.email, phone: '+15550123456', payment_methods: first.payment_methods, orders: first.orders });
      const inDir = temporaryDir();
      try {
        await writeTauStoreFiles(store, inDir);
        await importTauStore(database.db, inDir);
        assert.deepEqual(await database.db('customer_phones').select('phone', 'customer_id'), [{ phone: '+15550123456', customer_id: first.user_id }]);
        const texts = formatTauStoreFiles(await exportTauStore(database.db));
        for (const file of FILES) {
          assert.equal(texts[file], fs.readFileSync(path.join(inDir, `${file}.json`), 'utf8'), `${file}.json differs`);
        }
        assert.equal((await getUser(database.db, first.user_id))?.phone, '+15550123456');
        assert.equal((await getUser(database.db, second.user_id))?.phone, undefined);
      } finally {
        fs.rmSync(inDir, { recursive: true, force: true });
      }
    });
  });
}
