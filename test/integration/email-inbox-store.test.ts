import assert from 'node:assert/strict';
import { afterEach, beforeEach, it } from 'mocha';
import { migrateToLatest } from '../../db/migrate';
import {
  claimOutgoingMail,
  conversationOfMessageIds,
  heldInboundMail,
  keepInboundMail,
  latestInboundMessageId,
  markOutgoingSent,
  messageIdsOf,
  openThread,
  pendingInboundMail,
  recordInboundAttempt,
  recordInboundMessageId,
  rememberOfferedOptions,
  settleInboundMail,
  threadsOfAddress,
} from '../../db/repositories/email-channel';
import { describeUnless } from '../support/skip';
import { testEngines, type TestDatabase } from '../support/test-databases';

const CONVERSATION = '00000000-0000-4000-8000-0000000000e1';

for (const engine of testEngines()) {
  describeUnless(engine.skip, `the e-mail channel's records on ${engine.name}`, () => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await engine.open();
      await migrateToLatest(database.db);
    });
    afterEach(async () => {
      await database.close();
    });

    it('when the same mail is kept twice, then there is one row, its raw bytes intact, and the second keep says duplicate', async () => {
      const db = database.db;
      const raw = Buffer.from([0x46, 0x72, 0x6f, 0x6d, 0x3a, 0x20, 0xe9, 0x00, 0xff, 0x0d, 0x0a]);
      const first = await keepInboundMail(db, { dedupeKey: '<a@example.org>', messageId: '<a@example.org>', via: 'smtp', envelopeFrom: '', raw });
      const second = await keepInboundMail(db, { dedupeKey: '<a@example.org>', messageId: '<a@example.org>', via: 'webhook', raw: Buffer.from('other') });
      assert.deepEqual([first.duplicate, second.duplicate, second.mail.id], [false, true, first.mail.id]);
      assert.deepEqual(second.mail.raw, raw);
      assert.equal(second.mail.envelopeFrom, '');
      assert.deepEqual((await pendingInboundMail(db)).map((m) => m.id), [first.mail.id]);
    });

    it('when a try fails and then the mail is settled, then the attempts, the last error and the reason are kept', async () => {
      const db = database.db;
      const { mail } = await keepInboundMail(db, { dedupeKey: 'k1', via: 'webhook', raw: Buffer.from('x') });
      assert.equal(await recordInboundAttempt(db, mail.id, 'temporal down'), 1);
      assert.equal(await recordInboundAttempt(db, mail.id, 'temporal still down'), 2);
      await settleInboundMail(db, mail.id, { status: 'quarantined', reason: 'gave up' });
      const refused = await keepInboundMail(db, { dedupeKey: 'k2', via: 'smtp', raw: Buffer.from('y'), status: 'refused', reason: 'not a mail' });
      assert.deepEqual(await pendingInboundMail(db), []);
      assert.deepEqual(
        (await heldInboundMail(db)).map((m) => [m.id, m.status, m.reason]),
        [[refused.mail.id, 'refused', 'not a mail'], [mail.id, 'quarantined', 'gave up']],
      );
      const row = await db('email_inbox').where({ id: mail.id }).first('last_error', 'attempts');
      assert.deepEqual([row.last_error, Number(row.attempts)], ['temporal still down', 2]);
    });

    it('when a thread has mail both ways, then Message-IDs find the conversation, and each key is sent once with the same id', async () => {
      const db = database.db;
      await openThread(db, { conversationId: CONVERSATION, customerAddress: 'Jane@Example.org', subject: 'Hi' });
      await recordInboundMessageId(db, '<in-1@example.org>', CONVERSATION);
      await recordInboundMessageId(db, '<in-1@example.org>', CONVERSATION);
      const claim = await claimOutgoingMail(db, { idempotencyKey: 'reply:1', messageId: '<out-1@example.com>', conversationId: CONVERSATION });
      assert.deepEqual(claim, { messageId: '<out-1@example.com>', sent: false });
      await markOutgoingSent(db, 'reply:1');
      assert.deepEqual(await claimOutgoingMail(db, { idempotencyKey: 'reply:1', messageId: '<other@example.com>', conversationId: CONVERSATION }), { messageId: '<out-1@example.com>', sent: true });
      assert.equal(await conversationOfMessageIds(db, ['<unknown@x>', '<out-1@example.com>']), CONVERSATION);
      assert.equal(await conversationOfMessageIds(db, ['<unknown@x>']), undefined);
      assert.equal(await latestInboundMessageId(db, CONVERSATION), '<in-1@example.org>');
      assert.deepEqual((await messageIdsOf(db, CONVERSATION)).sort(), ['<in-1@example.org>', '<out-1@example.com>']);
      await rememberOfferedOptions(db, CONVERSATION, [{ id: 'yes', label: 'Yes' }]);
      const [thread] = await threadsOfAddress(db, 'jane@example.org');
      assert.deepEqual(thread?.lastOptions, [{ id: 'yes', label: 'Yes' }]);
      assert.equal(thread?.customerAddress, 'jane@example.org');
    });
  });
}
