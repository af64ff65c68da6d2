import assert from 'node:assert/strict';
import { after, before, it } from 'mocha';
import type { Knex } from 'knex';
import { migrateToLatest } from '../../db/migrate';
import { findCustomer, findOrder } from '../../db/repositories/store-queries';
import { testEngines, type TestDatabase } from '../support/test-databases';
import { describeUnless } from '../support/skip';
import {
  ActionRefused,
  cancelOrder,
  carryOut,
  changeCustomerAddress,
  changeOrderItems,
  requestExchange,
  requestReturn,
} from '../../store-actions';
import { importTauStore } from '../../tau/store/import';
import { CREDIT_CARD, DELIVERED, GIFT_CARD, MOUSE, MOUSE_AVAILABLE, PAYPAL, PENDING, PENDING_GIFT_CARD_PAID, SNEAKERS, TAU_DB_DIR, USER } from '../support/tau-retail-records';

const ADDRESS = { address1: '9 Oak Ave', address2: '', city: 'Portland', country: 'USA', state: 'OR', zip: '97201' };

for (const engine of testEngines()) {
  describeUnless(engine.skip, `the store actions on ${engine.name}`, () => {
    let database: TestDatabase;

    before(async () => {
      database = await engine.open();
      await migrateToLatest(database.db);
      await importTauStore(database.db, TAU_DB_DIR);
    });
    after(async () => {
      await database?.close();
    });

    const inRolledBackTransaction = async <T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> => {
      const trx = await database.db.transaction();
      return work(trx).finally(() => trx.rollback());
    };

    it('when a pending order is cancelled, then the changed order comes back in integer cents with its refund', async () => {
      await inRolledBackTransaction(async (trx) => {
        const order = await cancelOrder(trx, { orderId: PENDING, reason: 'no longer needed' });
        assert.equal(order.status, 'cancelled');
        assert.equal(order.cancelReason, 'no longer needed');
        assert.deepEqual(order.payments, [
          { kind: 'payment', amountCents: 66385, paymentMethodId: CREDIT_CARD },
          { kind: 'refund', amountCents: 66385, paymentMethodId: CREDIT_CARD },
        ]);
        assert.deepEqual(await findOrder(trx, PENDING), order);
      });
    });

    it('when an item is changed, then it takes the new variant’s price and the difference is charged in cents', async () => {
      await inRolledBackTransaction(async (trx) => {
        const order = await changeOrderItems(trx, { orderId: PENDING, itemIds: [MOUSE], newItemIds: [MOUSE_AVAILABLE], paymentMethodId: CREDIT_CARD });
        assert.equal(order.status, 'pending (item modified)');
        const changed = order.items.find((item) => item.itemId === MOUSE_AVAILABLE);
        assert.equal(changed?.priceCents, 16215);
        assert.deepEqual(order.payments.at(-1), { kind: 'payment', amountCents: 16215 - 13732, paymentMethodId: CREDIT_CARD });
      });
    });

    it('when a return and an exchange are requested, then each is its own field of the order', async () => {
      await inRolledBackTransaction(async (trx) => {
        const returned = await requestReturn(trx, { orderId: DELIVERED, itemIds: [SNEAKERS], paymentMethodId: PAYPAL });
        assert.deepEqual([returned.status, returned.return, returned.exchange], ['return requested', { itemIds: [SNEAKERS], paymentMethodId: PAYPAL }, null]);
      });
      await inRolledBackTransaction(async (trx) => {
        const exchanged = await requestExchange(trx, { orderId: DELIVERED, itemIds: [SNEAKERS], newItemIds: ['2509076505'], paymentMethodId: PAYPAL });
        assert.equal(exchanged.status, 'exchange requested');
        assert.deepEqual(exchanged.exchange?.itemIds, [SNEAKERS]);
        assert.equal(exchanged.return, null);
      });
    });

    it('when the customer’s address is changed through carryOut, then the changed customer comes back', async () => {
      await inRolledBackTransaction(async (trx) => {
        const result = await carryOut(trx, { kind: 'modify_user_address', userId: USER, address: ADDRESS });
        assert.equal(result.changed, 'customer');
        assert.deepEqual(result.changed === 'customer' && result.customer.address, ADDRESS);
        assert.deepEqual((await findCustomer(trx, USER))?.address, ADDRESS);
      });
    });

    it('when the store refuses, then it is an ActionRefused with the reference’s message and nothing is written', async () => {
      await inRolledBackTransaction(async (trx) => {
        const before = await findOrder(trx, DELIVERED);
        await assert.rejects(cancelOrder(trx, { orderId: DELIVERED, reason: 'no longer needed' }), (error: unknown) => {
          assert.ok(error instanceof ActionRefused);
          assert.equal(error.message, 'Non-pending order cannot be cancelled');
          return true;
        });
        await assert.rejects(changeCustomerAddress(trx, { customerId: 'nobody_0000', address: ADDRESS }), /User not found/);
        assert.deepEqual(await findOrder(trx, DELIVERED), before);
      });
    });

    it('when the same order is cancelled twice at once, then one cancellation is made and the gift card is refunded once', async () => {
      const results = await Promise.allSettled([
        cancelOrder(database.db, { orderId: PENDING_GIFT_CARD_PAID, reason: 'ordered by mistake' }),
        cancelOrder(database.db, { orderId: PENDING_GIFT_CARD_PAID, reason: 'ordered by mistake' }),
      ]);
      assert.deepEqual(results.map((result) => result.status).sort(), ['fulfilled', 'rejected']);
      const refused = results.find((result) => result.status === 'rejected');
      assert.ok(refused?.status === 'rejected' && refused.reason instanceof ActionRefused);
      const order = await findOrder(database.db, PENDING_GIFT_CARD_PAID);
      assert.deepEqual(order?.payments.map((payment) => payment.kind), ['payment', 'refund']);
      const card = (await findCustomer(database.db, USER))?.paymentMethods.find((method) => method.id === GIFT_CARD);
      assert.deepEqual(card, { source: 'gift_card', id: GIFT_CARD, balanceCents: 362634 });
    });
  });
}
