import assert from 'node:assert/strict';
import { addCustomerPhone, openThread } from '../../db/repositories/phone-conversations';
import { after, before, it } from 'mocha';
import { createAccountActivities } from '../../activities/accounts';
import { hashResetToken } from '../../auth/passwords';
import { migrateToLatest } from '../../db/migrate';
import { cancelErasure, findErasure, scheduleErasure } from '../../db/repositories/account-erasures';
import { accountChangesOf, findResetToken, passwordHashOf, setPasswordHash, spendResetToken } from '../../db/repositories/accounts';
import { findNotice } from '../../db/repositories/customer-notifications';
import { buildDemoStore } from '../../seed/build-demo-store';
import { ActionRefused, changeCustomerAccount } from '../../store-actions';
import { replaceStore } from '../../tau/store/replace-store';
import { describeUnless } from '../support/skip';
import { testEngines, type TestDatabase } from '../support/test-databases';

const HOUR = 3_600_000;

for (const engine of testEngines()) {
  describeUnless(engine.skip, `account records on ${engine.name}`, () => {
    let database: TestDatabase;
    let customers: { id: string; email: string; first_name: string; last_name: string }[];
    before(async () => {
      database = await engine.open();
      await migrateToLatest(database.db);
      await replaceStore(database.db, buildDemoStore());
      customers = await database.db('customers').orderBy('position').select('id', 'email', 'first_name', 'last_name');
    });
    after(() => database?.close());

    it('when an account change commits, then the customer, its record and the notice to the old address are written once; another customer’s address is refused', async () => {
      const db = database.db;
      const [ana, ben] = customers as [(typeof customers)[0], (typeof customers)[0]];
      const from = { firstName: ana.first_name, lastName: ana.last_name, email: ana.email };
      const to = { ...from, email: 'fresh@example.com' };
      await changeCustomerAccount(db, { customerId: ana.id, proposalId: 'p_1', from, to, at: '2026-12-01T10:00:00.000Z' });
      assert.equal((await db('customers').where({ id: ana.id }).first('email')).email, 'fresh@example.com');
      assert.deepEqual((await accountChangesOf(db, ana.id)).map((c) => [c.proposalId, c.from.email, c.to.email]), [['p_1', ana.email, 'fresh@example.com']]);
      assert.equal((await findNotice(db, 'account-change:p_1'))?.recipient, ana.email);
      await assert.rejects(changeCustomerAccount(db, { customerId: ana.id, proposalId: 'p_1', from: to, to: { ...to, email: 'other@example.com' }, at: 'x' }), 'one proposal, one change');
      await assert.rejects(
        changeCustomerAccount(db, { customerId: ana.id, proposalId: 'p_2', from: to, to: { ...to, email: ben.email.toUpperCase() }, at: 'x' }),
        (err: unknown) => err instanceof ActionRefused && /already in use/.test(err.message),
      );
      assert.equal((await db('customers').where({ id: ana.id }).first('email')).email, 'fresh@example.com');
    });

    it('when a reset link is sent, then only its hash is stored, and it is spent once and only before it expires', async () => {
      const db = database.db;
      const c = customers[2]!;
      const accounts = createAccountActivities({ db, publicBaseUrl: 'https://shop.example/' });
      await accounts.sendPasswordReset({ email: ` ${c.email.toUpperCase()} ` });
      const notice = await db('customer_notifications').where({ customer_id: c.id }).where('idempotency_key', 'like', 'password-reset:%').first();
      const token = /https:\/\/shop\.example\/account\/reset\/([A-Za-z0-9_-]{43})/.exec(notice.body)?.[1];
      assert.ok(token, notice.body);
      assert.equal(notice.recipient, c.email);
      const stored = await findResetToken(db, hashResetToken(token));
      assert.ok(stored && Date.parse(stored.expiresAt) - Date.now() <= HOUR);
      const early = new Date(Date.parse(stored.expiresAt) - 1000).toISOString();
      assert.equal(await spendResetToken(db, hashResetToken(token), new Date(Date.parse(stored.expiresAt) + 1).toISOString()), false, 'not after it expires');
      assert.equal(await spendResetToken(db, hashResetToken(token), early), true);
      assert.equal(await spendResetToken(db, hashResetToken(token), early), false, 'not twice');

      await setPasswordHash(db, c.id, 'scrypt$first', early);
      await setPasswordHash(db, c.id, 'scrypt$second', early);
      assert.equal(await passwordHashOf(db, c.id), 'scrypt$second');

      const before = await db('customer_notifications').count({ n: '*' }).first();
      await accounts.sendPasswordReset({ email: 'nobody@example.com' });
      assert.equal(Number((await db('customer_notifications').count({ n: '*' }).first())?.n), Number(before?.n));
    });

    it('when an erasure falls due, then it erases only a request still scheduled, postpones for open orders, and runs once', async () => {
      const db = database.db;
      const accounts = createAccountActivities({ db, publicBaseUrl: 'https://shop.example' });
      const c = customers[3]!;
      await scheduleErasure(db, { customerId: c.id, workflowId: 'w', requestedAt: '2026-12-01T10:00:00.000Z', eraseAfter: '2026-12-15T10:00:00.000Z' });
      const hasOpen = (await db('orders').where({ customer_id: c.id }).whereNotIn('status', ['delivered', 'cancelled'])).length > 0;
      if (hasOpen) {
        assert.equal(await accounts.eraseAccount({ customerId: c.id, graceMs: HOUR }), 'postponed');
        await db('orders').where({ customer_id: c.id }).whereNotIn('status', ['delivered', 'cancelled']).update({ status: 'delivered' });
      }
      await setPasswordHash(db, c.id, 'scrypt$x', 'x');
      await addCustomerPhone(db, c.id, '+15550177777');
      await openThread(db, { channel: 'sms', threadKey: '+15550177777', conversationId: 'conv-sms', caller: '+15550177777', callee: '+15559990000' });
      assert.equal(await accounts.eraseAccount({ customerId: c.id, graceMs: HOUR }), 'erased');
      assert.deepEqual(await db('customer_phones').where({ customer_id: c.id }), []);
      assert.deepEqual(await db('phone_conversations').where({ caller: '+15550177777' }), [], 'the texts from their number go too');
      assert.equal(await accounts.eraseAccount({ customerId: c.id, graceMs: HOUR }), 'erased', 'a retry finds it done');
      assert.equal((await findErasure(db, c.id))?.status, 'erased');
      assert.equal((await db('customers').where({ id: c.id }).first('first_name')).first_name, 'Erased');
      assert.equal(await passwordHashOf(db, c.id), undefined);
      assert.ok((await db('orders').where({ customer_id: c.id })).length > 0, 'the orders stay');

      const d = customers[4]!;
      await scheduleErasure(db, { customerId: d.id, workflowId: 'w2', requestedAt: '2026-12-01T10:00:00.000Z', eraseAfter: '2026-12-15T10:00:00.000Z' });
      assert.equal(await cancelErasure(db, d.id, '2026-12-02T10:00:00.000Z', 'conversation-x'), true);
      assert.equal(await accounts.eraseAccount({ customerId: d.id, graceMs: HOUR }), 'cancelled');
      assert.equal((await db('customers').where({ id: d.id }).first('first_name')).first_name, d.first_name);
      await scheduleErasure(db, { customerId: d.id, workflowId: 'w2', requestedAt: '2026-12-03T10:00:00.000Z', eraseAfter: '2026-12-17T10:00:00.000Z' });
      const again = await findErasure(db, d.id);
      assert.deepEqual([again?.status, again?.requestedAt, again?.cancelledAt], ['scheduled', '2026-12-03T10:00:00.000Z', null], 'asked again after cancelling');
    });
  });
}
