import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'mocha';
import type { Client } from '@temporalio/client';
import { createApp } from '../../api/app';
import type { ScorecardPage } from '../../api/contracts';
import type { Role } from '../../auth/roles';
import { mintToken } from '../../auth/token-service';
import { migrateToLatest } from '../../db/migrate';
import { recordScorecard } from '../../db/repositories/conversation-outcomes';
import type { ScorecardCheck } from '../../domain/outcomes/types';
import { workflowIdFor } from '../../domain/conversation';
import { testEngines, type TestDatabase } from '../support/test-databases';
import { describeUnless } from '../support/skip';

const CLEAN = '0b6f6f2e-1c1a-4c7e-9a43-2f1d7c3e5a01';
const REPEATED = '3c9d2a41-7e0b-4f6a-8d15-6b2e9f4c7d02';
const UNCLEAR = '5e2a8b63-9f1c-4d7e-a026-8c4f1b3e9d03';
const REOPENED = '7a4c1d85-2b3e-4f9a-b137-9d5a2c6f1e04';

const pass = (id: string, detail: string): ScorecardCheck => ({ id, passed: true, detail });
const fail = (id: string, detail: string): ScorecardCheck => ({ id, passed: false, detail });

/** Scorecards as the conversations' close writes them, closed an hour apart. */
const CARDS: { conversationId: string; closedAt: string; checks: ScorecardCheck[] }[] = [
  {
    conversationId: CLEAN,
    closedAt: '2026-12-01T09:00:00.000Z',
    checks: [
      pass('resolved_verified', 'verified: the store shows order #W2651773 cancelled'),
      pass('policy_followed', 'cancel_pending_order proposed, confirmed at turn 7, checked by the policy'),
      pass('no_repeated_question', 'the customer did not have to ask anything twice'),
    ],
  },
  {
    conversationId: REPEATED,
    closedAt: '2026-12-01T10:00:00.000Z',
    checks: [
      pass('resolved_verified', 'verified: the store shows order #W4817420 cancelled'),
      fail('no_repeated_question', 'the customer wrote nearly the same message at turns 1 and 3'),
    ],
  },
  {
    conversationId: UNCLEAR,
    closedAt: '2026-12-01T11:00:00.000Z',
    checks: [
      fail('resolved_verified', 'escalated: a person took over'),
      fail('person_needed', 'a person was needed because the bot did not understand: at turn 3 for unsure_twice (the bot could not tell what the customer wanted, twice)'),
    ],
  },
  {
    conversationId: REOPENED,
    closedAt: '2026-12-01T12:00:00.000Z',
    checks: [pass('resolved_verified', 'verified: the store shows the new address'), pass('turns_and_time', '5 customer turns; resolved 3 min after the first message')],
  },
];

describe('GET /v1/quality/scorecards', () => {
  for (const engine of testEngines()) {
    describeUnless(engine.skip, `on ${engine.name}`, () => {
      let database: TestDatabase;
      let server: Server;
      let baseUrl: string;
      const tokens = new Map<Role, string>();

      before(async () => {
        database = await engine.open();
        await migrateToLatest(database.db);
        // Scorecards are read from the database alone: the app gets a Temporal client it never calls.
        const app = createApp({ db: database.db, client: {} as Client, namespace: 'default', taskQueue: 'quality-unused', idleTimeoutMs: 60_000, maxBodyBytes: 16 * 1024 });
        server = await new Promise((resolve) => {
          const s = app.listen(0, '127.0.0.1', () => resolve(s));
        });
        baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        for (const card of CARDS) await recordScorecard(database.db, { ...card, workflowId: workflowIdFor(card.conversationId) });
        // A conversation that reopened and closed again replaces its scorecard: its first close no longer shows.
        await recordScorecard(database.db, {
          conversationId: REOPENED,
          workflowId: workflowIdFor(REOPENED),
          closedAt: '2026-12-01T13:00:00.000Z',
          checks: [pass('resolved_verified', 'verified: the store shows the new address'), fail('turns_and_time', '14 customer turns (more than 12); resolved 9 min after the first message')],
        });
      });
      after(async () => {
        await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
        await database?.close();
      });

      async function get(path: string, role: Role | 'conversation' | undefined) {
        let token: string | undefined;
        if (role === 'conversation') token = await mintToken(database.db, { role, name: 'widget', conversationId: CLEAN });
        else if (role) {
          token = tokens.get(role) ?? (await mintToken(database.db, { role, name: `test ${role}` }));
          tokens.set(role, token);
        }
        const res = await fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
        return { status: res.status, body: (await res.json()) as ScorecardPage & { error?: { code: string; message: string } } };
      }
      const ids = (page: ScorecardPage) => page.scorecards.map((s) => s.conversationId);

      it('when a supervisor asks, then every scorecard comes back, the most recently closed first, with its checks', async () => {
        const res = await get('/v1/quality/scorecards', 'supervisor');
        assert.equal(res.status, 200);
        assert.deepEqual(ids(res.body), [REOPENED, UNCLEAR, REPEATED, CLEAN]);
        assert.deepEqual(res.body.scorecards[2], {
          conversationId: REPEATED,
          closedAt: '2026-12-01T10:00:00.000Z',
          passed: false,
          failing: ['no_repeated_question'],
          checks: CARDS[1]?.checks,
        });
        assert.deepEqual(res.body.scorecards[3], { conversationId: CLEAN, closedAt: '2026-12-01T09:00:00.000Z', passed: true, failing: [], checks: CARDS[0]?.checks });
      });

      it('when an auditor asks for failing=true, then only the scorecards with a failing check come back, each naming them', async () => {
        const res = await get('/v1/quality/scorecards?failing=true', 'auditor');
        assert.equal(res.status, 200);
        assert.deepEqual(
          res.body.scorecards.map((s) => [s.conversationId, s.closedAt, s.passed, s.failing]),
          [
            [REOPENED, '2026-12-01T13:00:00.000Z', false, ['turns_and_time']],
            [UNCLEAR, '2026-12-01T11:00:00.000Z', false, ['resolved_verified', 'person_needed']],
            [REPEATED, '2026-12-01T10:00:00.000Z', false, ['no_repeated_question']],
          ],
        );
        assert.ok(res.body.scorecards.every((s) => s.checks.some((c) => !c.passed)));
      });

      it('when failing=false is asked for, then every scorecard comes back, as without it', async () => {
        const res = await get('/v1/quality/scorecards?failing=false', 'supervisor');
        assert.equal(res.status, 200);
        assert.deepEqual(ids(res.body), [REOPENED, UNCLEAR, REPEATED, CLEAN]);
      });

      it('when a limit is given, then only that many of the most recent come back, with the filter too', async () => {
        assert.deepEqual(ids((await get('/v1/quality/scorecards?limit=2', 'supervisor')).body), [REOPENED, UNCLEAR]);
        assert.deepEqual(ids((await get('/v1/quality/scorecards?failing=true&limit=1', 'auditor')).body), [REOPENED]);
        assert.equal((await get('/v1/quality/scorecards?limit=500', 'auditor')).body.scorecards.length, 4);
      });

      const badQueries: [string, string, RegExp][] = [
        ['failing in other words', '?failing=yes', /failing must be true or false/],
        ['failing as a number', '?failing=1', /failing must be true or false/],
        ['failing given twice', '?failing=true&failing=false', /failing must be true or false/],
        ['a limit of zero', '?limit=0', /limit must be a whole number from 1 to 500/],
        ['a limit too large', '?limit=501', /limit must be a whole number from 1 to 500/],
        ['a limit with a fraction', '?limit=2.5', /limit must be a whole number from 1 to 500/],
        ['a limit in words', '?limit=many', /limit must be a whole number from 1 to 500/],
        ['an empty limit', '?limit=', /limit must be a whole number from 1 to 500/],
        ['an unknown parameter', '?status=failing', /unknown query parameter status \(use failing, limit\)/],
      ];
      for (const [label, query, message] of badQueries) {
        it(`when asked with ${label}, then 400 with the reason`, async () => {
          const res = await get(`/v1/quality/scorecards${query}`, 'supervisor');
          assert.equal(res.status, 400);
          assert.equal(res.body.error?.code, 'invalid_query');
          assert.match(res.body.error?.message ?? '', message);
        });
      }

      for (const role of ['agent', 'channel', 'conversation'] as const) {
        it(`when ${role === 'agent' ? 'an agent' : role === 'channel' ? 'a channel' : "a customer's conversation token"} asks, then 403`, async () => {
          const res = await get('/v1/quality/scorecards', role);
          assert.equal(res.status, 403);
          assert.equal(res.body.error?.code, 'forbidden');
          assert.match(res.body.error?.message ?? '', /supervisor, auditor/);
        });
      }

      it('when nobody signs in, then 401', async () => {
        const res = await get('/v1/quality/scorecards', undefined);
        assert.equal(res.status, 401);
        assert.equal(res.body.error?.code, 'unauthenticated');
      });
    });
  }
});
