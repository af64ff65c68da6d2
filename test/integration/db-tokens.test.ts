import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { afterEach, beforeEach, it } from 'mocha';
import { checkToken, mintTokenWithId } from '../../auth/token-service';
import { migrateToLatest } from '../../db/migrate';
import { findActiveTokenByHash, insertToken, revokeToken } from '../../db/repositories/tokens';
import { testEngines, type TestDatabase } from '../support/test-databases';
import { describeUnless } from '../support/skip';

const sha256 = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

for (const engine of testEngines()) {
  describeUnless(engine.skip, `token repository on ${engine.name}`, () => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await engine.open();
      await migrateToLatest(database.db);
    });
    afterEach(async () => {
      await database.close();
    });

    it('when a token is inserted, then it is found by its hash with camelCase fields', async () => {
      const startedAt = Date.now();
      const inserted = await insertToken(database.db, { name: 'web chat', role: 'channel', tokenHash: sha256('secret-1') });
      const found = await findActiveTokenByHash(database.db, sha256('secret-1'));
      assert.deepEqual(found, inserted);
      assert.equal(found?.name, 'web chat');
      assert.equal(found?.role, 'channel');
      assert.equal(found?.conversationId, null);
      assert.equal(found?.revokedAt, null);
      assert.ok(found?.createdAt instanceof Date);
      assert.ok(Math.abs(found.createdAt.getTime() - startedAt) < 60_000, `createdAt ${found.createdAt.toISOString()} is not now`);
      assert.equal(await findActiveTokenByHash(database.db, sha256('some other token')), undefined);
    });

    it('when a token has an expiry and a widget origin, then both come back, and it is refused from its expiry on, naming its id', async () => {
      const now = new Date('2030-01-01T12:00:00.000Z');
      const { token, id, expiresAt } = await mintTokenWithId(database.db, { role: 'widget', name: 'shop', origin: 'https://shop.example', ttlMs: 60_000, now });
      assert.equal(expiresAt?.toISOString(), '2030-01-01T12:01:00.000Z');
      const found = await findActiveTokenByHash(database.db, sha256(token));
      assert.equal(found?.expiresAt?.toISOString(), '2030-01-01T12:01:00.000Z');
      assert.equal(found?.origin, 'https://shop.example');
      const before = await checkToken(database.db, token, new Date('2030-01-01T12:00:59.000Z'));
      assert.ok('principal' in before && before.principal.role === 'widget' && before.principal.origin === 'https://shop.example');
      assert.deepEqual(await checkToken(database.db, token, new Date('2030-01-01T12:01:00.000Z')), { reason: 'expired', tokenId: id });
      assert.deepEqual(await checkToken(database.db, 'sst_widget_not-one-of-ours', now), { reason: 'unknown' });
    });

    it('when a conversation token is inserted, then it keeps its conversation id', async () => {
      await insertToken(database.db, { name: 'widget', role: 'conversation', tokenHash: sha256('secret-2'), conversationId: 'conv-42' });
      assert.equal((await findActiveTokenByHash(database.db, sha256('secret-2')))?.conversationId, 'conv-42');
    });

    it('when a token is revoked, then it is no longer found, and revoking again reports nothing to do', async () => {
      const token = await insertToken(database.db, { name: 'agent', role: 'agent', tokenHash: sha256('secret-3') });
      assert.equal(await revokeToken(database.db, token.id), true);
      assert.equal(await findActiveTokenByHash(database.db, sha256('secret-3')), undefined);
      assert.equal(await revokeToken(database.db, token.id), false);
      const row: { revoked_at: unknown } = await database.db('api_tokens').where({ id: token.id }).first('revoked_at');
      assert.notEqual(row.revoked_at, null);
    });

    it('when two tokens have the same hash, then the second insert is refused', async () => {
      await insertToken(database.db, { name: 'one', role: 'auditor', tokenHash: sha256('same') });
      await assert.rejects(insertToken(database.db, { name: 'two', role: 'auditor', tokenHash: sha256('same') }), /unique/i);
    });
  });
}
