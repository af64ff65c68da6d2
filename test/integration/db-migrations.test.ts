import assert from 'node:assert/strict';
import { afterEach, beforeEach, it } from 'mocha';
import type { Knex } from 'knex';
import { isPostgres } from '../../db/connection';
import { migrateToLatest, rollbackAll } from '../../db/migrate';
import * as paymentChangeRefunds from '../../db/migrations/005-payment-change-refunds';
import * as notificationDelivery from '../../db/migrations/007-notification-delivery';
import * as accounts from '../../db/migrations/011-accounts';
import * as owedRefunds from '../../db/migrations/008-owed-refunds';
import * as outboxEveryMessage from '../../db/migrations/018-outbox-every-message';
import * as channelLanguage from '../../db/migrations/021-channel-language';
import { testEngines, type TestDatabase } from '../support/test-databases';
import { describeUnless } from '../support/skip';

const KNEX_BOOKKEEPING = ['knex_migrations', 'knex_migrations_lock'];

const STORE_AND_AUTH_TABLES = [
  'account_changes',
  'account_erasures',
  'account_passwords',
  'action_executions',
  'addresses',
  'api_tokens',
  'approval_requests',
  'conversation_outcomes',
  'conversation_scorecards',
  'customer_notifications',
  'customer_phones',
  'customers',
  'email_inbox',
  'email_messages',
  'email_threads',
  'fulfillment_items',
  'fulfillment_tracking_ids',
  'fulfillments',
  'handoff_queue',
  'invoice_links',
  'message_idempotency_keys',
  'newsletter_consents',
  'order_item_options',
  'order_items',
  'order_requested_items',
  'orders',
  'password_reset_tokens',
  'payload_data_keys',
  'payment_methods',
  'payment_transactions',
  'phone_conversations',
  'products',
  'refund_ledger',
  'return_conversations',
  'reviews',
  'staff_notifications',
  'variant_options',
  'variants',
  'worker_heartbeats',
];

async function listTables(db: Knex): Promise<string[]> {
  const names: string[] = isPostgres(db)
    ? (await db.raw<{ rows: { name: string }[] }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()")).rows.map((row) => row.name)
    : (await db('sqlite_master').where({ type: 'table' }).whereNot('name', 'like', 'sqlite_%').select('name')).map((row: { name: string }) => row.name);
  return names.filter((name) => !KNEX_BOOKKEEPING.includes(name)).sort();
}

for (const engine of testEngines()) {
  describeUnless(engine.skip, `migrations on ${engine.name}`, () => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await engine.open();
    });
    afterEach(async () => {
      await database.close();
    });

    it('when migrated to latest, then every store and token table exists', async () => {
      await migrateToLatest(database.db);
      assert.deepEqual(await listTables(database.db), STORE_AND_AUTH_TABLES);
    });

    it('when migrated twice, then the second run changes nothing', async () => {
      await migrateToLatest(database.db);
      await migrateToLatest(database.db);
      const applied: { name: string }[] = await database.db('knex_migrations').select('name').orderBy('id');
      assert.deepEqual(
        applied.map((row) => row.name),
        ['001-store', '002-api-tokens', '003-refunds', '004-return-conversations', '005-payment-change-refunds', '006-handoff', '007-notification-delivery', '008-owed-refunds', '009-worker-heartbeats', '010-action-executions', '011-accounts', '012-invoices-newsletter-reviews', '013-conversation-outcomes', '014-token-expiry-idempotency', '015-payload-data-keys', '016-email-channel', '017-phone-channels', '018-outbox-every-message', '019-agent-languages', '020-handoff-language', '021-channel-language'],
      );
      assert.deepEqual(await listTables(database.db), STORE_AND_AUTH_TABLES);
    });

    it('when rolled back completely, then every table is gone, and migrating again brings them back', async () => {
      await migrateToLatest(database.db);
      await rollbackAll(database.db);
      assert.deepEqual(await listTables(database.db), []);
      await migrateToLatest(database.db);
      assert.deepEqual(await listTables(database.db), STORE_AND_AUTH_TABLES);
    });

    it('when 005 widens the refund purposes, then ledger rows and unique keys survive, and only known purposes go in', async () => {
      const db = database.db;
      await migrateToLatest(db);
      const entry = (sagaId: string, purpose: string) => ({
        saga_id: sagaId, idempotency_key: `${sagaId}:reserve`, order_id: '#W1', customer_id: 'c1', payment_method_id: 'paypal_1', amount_cents: 100, purpose, status: 'reserved',
      });
      await db('refund_ledger').insert(entry('a', 'return'));
      await paymentChangeRefunds.down(db);
      await assert.rejects(db('refund_ledger').insert(entry('b', 'payment_change')));
      await paymentChangeRefunds.up(db);
      await db('refund_ledger').insert(entry('b', 'payment_change'));
      await assert.rejects(db('refund_ledger').insert(entry('c', 'bogus')));
      await assert.rejects(db('refund_ledger').insert(entry('a', 'return')), 'saga_id is still unique');
      assert.deepEqual((await db('refund_ledger').orderBy('id').select('saga_id', 'purpose')).map((r) => [r.saga_id, r.purpose]), [['a', 'return'], ['b', 'payment_change']]);
      await assert.rejects(paymentChangeRefunds.down(db), /payment_change refunds/);
    });

    it('when 008 lets a refund be owed, then older entries keep their status and count no attempts, and undoing it refuses while one is owed', async () => {
      const db = database.db;
      await migrateToLatest(db);
      await owedRefunds.down(db);
      const entry = (sagaId: string, status: string) => ({
        saga_id: sagaId, idempotency_key: `${sagaId}:reserve`, order_id: '#W1', customer_id: 'c1', payment_method_id: 'paypal_1', amount_cents: 100, purpose: 'cancellation', status,
      });
      await db('refund_ledger').insert(entry('a', 'refunded'));
      await assert.rejects(db('refund_ledger').insert(entry('b', 'owed')));
      await owedRefunds.up(db);
      const [old] = await db('refund_ledger').select('status', 'provider_attempts', 'failure_reason', 'settled_at');
      assert.deepEqual({ ...old, provider_attempts: Number(old.provider_attempts) }, { status: 'refunded', provider_attempts: 0, failure_reason: null, settled_at: null });
      await db('refund_ledger').insert({ ...entry('b', 'owed'), failure_reason: 'payment provider answered 503' });
      await assert.rejects(db('refund_ledger').insert(entry('c', 'lost')));
      await assert.rejects(db('refund_ledger').insert(entry('a', 'owed')), 'saga_id is still unique');
      await assert.rejects(owedRefunds.down(db), /still owed/);
      await db('refund_ledger').where({ saga_id: 'b' }).delete();
      await owedRefunds.down(db);
      assert.deepEqual((await db('refund_ledger').select('saga_id', 'status')).map((r) => [r.saga_id, r.status]), [['a', 'refunded']]);
    });

    it('when 007 adds delivery state to the notification outbox, then older notices start queued, and undoing it keeps them', async () => {
      const db = database.db;
      await migrateToLatest(db);
      // A real rollback undoes the later migrations first; 011, 018 and 021 add columns to the outbox too.
      await channelLanguage.down(db);
      await outboxEveryMessage.down(db);
      await accounts.down(db);
      await notificationDelivery.down(db);
      await db('customer_notifications').insert({ idempotency_key: 'saga-1:notify', customer_id: 'c1', order_id: '#W1', body: 'Your refund has been issued.' });
      await notificationDelivery.up(db);
      const [old] = await db('customer_notifications').select('idempotency_key', 'status', 'attempts', 'channel', 'failure_reason');
      assert.deepEqual({ ...old, attempts: Number(old.attempts) }, { idempotency_key: 'saga-1:notify', status: 'queued', attempts: 0, channel: null, failure_reason: null });
      await db('customer_notifications').where({ idempotency_key: 'saga-1:notify' }).update({ status: 'failed', failure_reason: 'conversation closed', channel: 'chat' });
      await assert.rejects(db('customer_notifications').insert({ idempotency_key: 'saga-2:notify', customer_id: 'c1', body: 'x', status: 'lost' }));

      await notificationDelivery.down(db);
      const rows = await db('customer_notifications').select();
      assert.deepEqual(rows.map((r) => [r.idempotency_key, r.body]), [['saga-1:notify', 'Your refund has been issued.']]);
      assert.deepEqual(Object.keys(rows[0]).sort(), ['body', 'created_at', 'customer_id', 'id', 'idempotency_key', 'order_id']);
      await assert.rejects(db('customer_notifications').insert({ idempotency_key: 'saga-1:notify', customer_id: 'c1', body: 'again' }), 'idempotency_key is still unique');
    });

    it('when 021 adds the channel language, then earlier notices and threads have none (English), and undoing it keeps them', async () => {
      const db = database.db;
      await migrateToLatest(db);
      await channelLanguage.down(db);
      await db('customer_notifications').insert({ idempotency_key: 'c-1:3', body: 'An agent wrote.', status: 'queued' });
      await channelLanguage.up(db);
      assert.equal((await db('customer_notifications').where({ idempotency_key: 'c-1:3' }).first('language')).language, null);
      await db('customer_notifications').insert({ idempotency_key: 'c-1:4', body: 'Ein Mitarbeiter hat geschrieben.', status: 'queued', language: 'de' });
      assert.equal((await db('customer_notifications').where({ idempotency_key: 'c-1:4' }).first('language')).language, 'de');
      await channelLanguage.down(db);
      const rows = await db('customer_notifications').orderBy('idempotency_key').select();
      assert.deepEqual(rows.map((r) => r.idempotency_key), ['c-1:3', 'c-1:4']);
      assert.ok(!('language' in rows[0]!));
    });

    it('when 018 lets the outbox carry every later message, then a notice needs no customer, and undoing it refuses while one has none', async () => {
      const db = database.db;
      await migrateToLatest(db);
      await outboxEveryMessage.down(db);
      await assert.rejects(db('customer_notifications').insert({ idempotency_key: 'c-1:7', body: 'An agent wrote.' }));
      await db('customer_notifications').insert({ idempotency_key: 'saga-1:notify', customer_id: 'c1', body: 'Your refund has been issued.' });
      await outboxEveryMessage.up(db);
      await db('customer_notifications').insert({ idempotency_key: 'c-1:7', body: 'An agent wrote.', kind: 'agent_reply', seq: 7, options: '[]' });
      const rows = await db('customer_notifications').orderBy('id').select('idempotency_key', 'customer_id', 'kind', 'seq');
      assert.deepEqual(rows.map((r) => [r.idempotency_key, r.customer_id, r.kind, r.seq === null ? null : Number(r.seq)]), [['saga-1:notify', 'c1', null, null], ['c-1:7', null, 'agent_reply', 7]]);
      await assert.rejects(outboxEveryMessage.down(db), /without a customer/);
      await db('customer_notifications').where({ idempotency_key: 'c-1:7' }).delete();
      await outboxEveryMessage.down(db);
      await assert.rejects(db('customer_notifications').insert({ idempotency_key: 'c-1:8', body: 'x' }), 'customer_id is required again');
    });
  });
}
