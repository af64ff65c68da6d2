import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { migrateToLatest } from '../../db/migrate';
import { findCustomerIdByEmail, findCustomerIdByNameZip } from '../../db/repositories/store-queries';
import { insertFixtureCopy, readFixtureCopy } from '../../eval/fixture-store';
import { seedFixture } from '../../eval/scenario';
import { seedDemoStore } from '../../seed/seed';
import { testEngines, type TestDatabase } from '../support/test-databases';
import { describeUnless } from '../support/skip';

describe("the eval's fixture copies in the store", () => {
  for (const engine of testEngines()) {
    describeUnless(engine.skip, `on ${engine.name}`, () => {
      let database: TestDatabase;
      before(async () => {
        database = await engine.open();
        await migrateToLatest(database.db);
        await seedDemoStore(database.db);
      });
      after(() => database?.close());

      it('when a fixture is copied twice, then each copy has its own ids, is found by its e-mail or name and zip, and reads back as the fixture', async () => {
        const db = database.db;
        const fixture = seedFixture('aisha_bello_3206');
        const first = await insertFixtureCopy(db, fixture);
        const second = await insertFixtureCopy(db, fixture);
        for (const copy of [first, second]) {
          assert.notEqual(copy.userId, 'aisha_bello_3206');
          assert.ok(copy.orderIds.every((id) => /^#W\d{7}$/.test(id) && !Object.keys(fixture.orders).includes(id)));
          assert.equal(await findCustomerIdByEmail(db, copy.values.email), copy.userId);
          assert.equal(await findCustomerIdByNameZip(db, 'Aisha', 'Bello', copy.values.zip), copy.userId);
          assert.deepEqual(await readFixtureCopy(db, copy), { user: fixture.user, orders: fixture.orders });
        }
        assert.notEqual(first.userId, second.userId);
        assert.deepEqual(first.orderIds.filter((id) => second.orderIds.includes(id)), []);
        // The original is still the one its own e-mail finds.
        assert.equal(await findCustomerIdByEmail(db, 'aisha.bello3206@example.com'), 'aisha_bello_3206');
        // The copies come after every customer and order already there.
        const last = (await db('orders').orderBy('position', 'desc').first('id')) as { id: string };
        assert.ok(second.orderIds.includes(last.id));
      });

      it("when a fixture's orders hold products the store does not sell, then nothing is written and the products are named", async () => {
        const db = database.db;
        const fixture = seedFixture('aisha_bello_3206');
        const order = Object.values(fixture.orders)[0] as { items: { product_id: string }[] };
        const unknown = { ...fixture, orders: { ...fixture.orders, [Object.keys(fixture.orders)[0] as string]: { ...order, items: order.items.map((item) => ({ ...item, product_id: '0000000000' })) } } };
        const customers = Number(((await db('customers').count({ n: '*' }).first()) as { n: number | string }).n);
        await assert.rejects(insertFixtureCopy(db, unknown as typeof fixture), /the running store's catalogue does not have: 0000000000/);
        assert.equal(Number(((await db('customers').count({ n: '*' }).first()) as { n: number | string }).n), customers);
      });
    });
  }
});
