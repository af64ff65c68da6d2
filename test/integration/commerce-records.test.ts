import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { migrateToLatest } from '../../db/migrate';
import { createInvoiceLink, currentNewsletterChoice, findInvoiceLink, listReviews, recordNewsletterChoice, saveReview } from '../../db/repositories/commerce-records';
import { testEngines, type TestDatabase } from '../support/test-databases';
import { describeUnless } from '../support/skip';

describe('newsletter consents, reviews and invoice links in the database', () => {
  for (const engine of testEngines()) {
    describeUnless(engine.skip, `on ${engine.name}`, () => {
      let database: TestDatabase;
      before(async () => {
        database = await engine.open();
        await migrateToLatest(database.db);
      });
      after(() => database?.close());

      it('when the same choice is recorded twice, then one row is written; a change writes the next one', async () => {
        const db = database.db;
        const consent = { customerId: 'c1', email: 'c1@example.com', wording: 'I agree', conversationWorkflowId: 'conversation-x', at: '2026-12-01T15:00:00.000Z' };
        assert.deepEqual(await recordNewsletterChoice(db, { ...consent, subscribed: false }), { changed: false }, 'never subscribed: nothing to withdraw');
        assert.deepEqual(await recordNewsletterChoice(db, { ...consent, subscribed: true }), { changed: true });
        assert.deepEqual(await recordNewsletterChoice(db, { ...consent, subscribed: true }), { changed: false });
        assert.equal(await currentNewsletterChoice(db, 'c1'), true);
        assert.deepEqual(await recordNewsletterChoice(db, { ...consent, subscribed: false, wording: 'I leave' }), { changed: true });
        assert.equal(await currentNewsletterChoice(db, 'c1'), false);
        const rows = await db('newsletter_consents').where({ customer_id: 'c1' }).orderBy('id').select('wording');
        assert.deepEqual(rows.map((r) => r.wording), ['I agree', 'I leave']);
      });

      it('when an item is reviewed again, then its review is replaced, and reviews filter by customer and product', async () => {
        const db = database.db;
        const review = { customerId: 'c1', orderId: '#W0000001', itemId: 'i1', productId: 'p1', productName: 'Boots', rating: 5, text: 'great', conversationWorkflowId: null, createdAt: '2026-12-01T15:00:00.000Z' };
        await saveReview(db, review);
        await saveReview(db, { ...review, rating: 3, text: 'ok after all' });
        await saveReview(db, { ...review, customerId: 'c2', text: 'mine' });
        await saveReview(db, { ...review, itemId: 'i2', productId: 'p2', productName: 'Hat' });
        const mine = await listReviews(db, { customerId: 'c1', limit: 50 });
        assert.deepEqual(mine.map((r) => [r.productId, r.rating, r.text]), [['p2', 5, 'great'], ['p1', 3, 'ok after all']]);
        assert.deepEqual((await listReviews(db, { productId: 'p1', limit: 50 })).map((r) => r.customerId).sort(), ['c1', 'c2']);
        assert.equal((await listReviews(db, { limit: 1 })).length, 1);
        await assert.rejects(db('reviews').insert({ ...{ customer_id: 'c9', order_id: 'o', item_id: 'i', product_id: 'p', product_name: 'n', text: 't', created_at: 'x' }, rating: 6 }));
      });

      it('when a link is made, then only its hash is stored, and the token finds its order until the time it was given', async () => {
        const db = database.db;
        const now = new Date('2026-12-01T15:00:00.000Z');
        const { token, expiresAt } = await createInvoiceLink(db, { orderId: '#W0000001', customerId: 'c1', conversationWorkflowId: null, now, validMs: 3_600_000 });
        assert.equal(expiresAt, '2026-12-01T16:00:00.000Z');
        assert.deepEqual(await findInvoiceLink(db, token), { orderId: '#W0000001', customerId: 'c1', expiresAt });
        assert.equal(await findInvoiceLink(db, `${token}x`), undefined);
        assert.equal((await db('invoice_links').where({ token_hash: token })).length, 0);
      });
    });
  }
});
