import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'mocha';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Knex } from 'knex';
import { createApp } from '../../api/app';
import type { OperationsSummary } from '../../api/contracts';
import type { Role } from '../../auth/roles';
import { mintToken } from '../../auth/token-service';
import { recordConversationOutcome, type OutcomeReport } from '../../db/repositories/conversation-outcomes';
import { migrateToLatest } from '../../db/migrate';
import type { ConversationFigures, OutcomeAssessment } from '../../domain/outcomes/types';
import { summaryWindowStart } from '../../domain/outcomes/summary';
import { describeUnless } from '../support/skip';
import { startTemporal } from '../support/temporal';
import { testEngines, type TestDatabase } from '../support/test-databases';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

function figures(fields: Partial<ConversationFigures> = {}): ConversationFigures {
  return {
    tiers: { keyword: 0, model: 0, llm: 0, none: 0 },
    intents: [],
    escalationCodes: [],
    actions: { executed: 0, denied: 0, compensated: 0, failed: 0 },
    refundedCents: 0,
    ...fields,
  };
}

let serial = 0;

/** A report as the conversation's activity sends it; `startedAt` decides the day it counts on. */
function report(startedAt: Date, assessment: OutcomeAssessment, fields: Partial<OutcomeReport> = {}): OutcomeReport {
  serial += 1;
  const conversationId = `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
  return {
    conversationId,
    workflowId: `conversation-${conversationId}`,
    channel: 'chat',
    customerKey: `customer-${serial}`,
    assessment,
    windowMs: 0,
    raised: [],
    startedAt: startedAt.toISOString(),
    customerTurns: 2,
    figures: figures(),
    at: new Date(startedAt.getTime() + 60_000).toISOString(),
    ...fields,
  };
}

describe('GET /v1/operations/summary', () => {
  let env: TestWorkflowEnvironment;
  before(async () => {
    env = await startTemporal();
  });

  for (const engine of testEngines()) {
    describeUnless(engine.skip, `on ${engine.name}`, () => {
      let database: TestDatabase;
      let db: Knex;
      let server: Server;
      let baseUrl: string;
      let today: Date;
      let yesterday: Date;

      const get = async (path: string, role?: Role) => {
        const headers: Record<string, string> = role ? { authorization: `Bearer ${await mintToken(db, { role, name: `test ${role}` })}` } : {};
        const res = await fetch(`${baseUrl}${path}`, { headers });
        return { status: res.status, body: (await res.json()) as OperationsSummary & { error?: { code: string; message: string } } };
      };

      before(async () => {
        database = await engine.open();
        db = database.db;
        await migrateToLatest(db);
        const app = createApp({ db, client: env.client, namespace: 'default', taskQueue: 'operations-summary-unused', idleTimeoutMs: 60_000, maxBodyBytes: 16 * 1024 });
        server = await new Promise((resolve) => {
          const s = app.listen(0, '127.0.0.1', () => resolve(s));
        });
        baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

        today = new Date(summaryWindowStart(new Date(), 1).getTime() + 1000);
        yesterday = new Date(today.getTime() - DAY);
        const write = (r: OutcomeReport) => recordConversationOutcome(db, r);
        await write(report(yesterday, { outcome: 'verified', reason: 'the store shows the order cancelled', issues: ['cancel_order'], resolvedAt: yesterday.toISOString() }, {
          csat: 5,
          figures: figures({ tiers: { keyword: 1, model: 2, llm: 0, none: 0 }, intents: ['cancel_order'] }),
        }));
        await write(report(yesterday, { outcome: 'contained', reason: 'answered from the help centre, not confirmed', issues: [] }, {
          csat: 3,
          figures: figures({ tiers: { keyword: 0, model: 1, llm: 1, none: 0 } }),
        }));
        // A resolution whose window (one hour) had not passed when it reported: the summary settles it as verified.
        await write(report(today, { candidate: 'verified', reason: 'the address changed in the store', issues: ['modify_address'], resolvedAt: today.toISOString() }, {
          windowMs: HOUR,
          figures: figures({ tiers: { keyword: 0, model: 3, llm: 0, none: 0 } }),
        }));
        await write(report(today, { outcome: 'escalated', reason: 'the customer asked for a person', issues: [] }, {
          csat: 2,
          figures: figures({ tiers: { keyword: 1, model: 0, llm: 0, none: 1 }, escalationCodes: ['explicit_request', 'frustration'], handoffIntent: 'return_items' }),
        }));
        await write(report(today, { outcome: 'escalated', reason: 'frustration', issues: [] }, {
          figures: figures({ tiers: { keyword: 0, model: 1, llm: 0, none: 0 }, escalationCodes: ['frustration'], handoffIntent: 'return_items' }),
        }));
        await write(report(today, { outcome: 'abandoned', reason: 'the customer left', issues: [] }));
        // Still running, nothing known: pending, and in the denominator.
        await write(report(today, { reason: 'still going', issues: [] }, { windowMs: DAY * 365 }));
        // Forty days ago: outside the default thirty.
        await write(report(new Date(today.getTime() - 40 * DAY), { outcome: 'verified', reason: 'old', issues: ['track_order'], resolvedAt: today.toISOString() }));
      });
      after(async () => {
        await new Promise((resolve) => server?.close(resolve));
        await database?.close();
      });

      it('when a supervisor or an auditor asks, then they get the summary; an agent, a channel or nobody does not', async () => {
        assert.equal((await get('/v1/operations/summary', 'supervisor')).status, 200);
        assert.equal((await get('/v1/operations/summary', 'auditor')).status, 200);
        for (const role of ['agent', 'channel'] as const) {
          const res = await get('/v1/operations/summary', role);
          assert.equal(res.status, 403, role);
          assert.equal(res.body.error?.code, 'forbidden');
        }
        assert.equal((await get('/v1/operations/summary')).status, 401);
      });

      it('when days is not a whole number from 1 to 365, or another parameter comes, then 400 says why', async () => {
        for (const query of ['days=0', 'days=366', 'days=-1', 'days=1.5', 'days=abc', 'days=', 'days=1e2', 'days=30&since=2026-01-01', 'days=3&days=4']) {
          const res = await get(`/v1/operations/summary?${query}`, 'supervisor');
          assert.equal(res.status, 400, query);
          assert.equal(res.body.error?.code, 'invalid_query', query);
          assert.match(res.body.error?.message ?? '', /days must be a whole number from 1 to 365|unknown query parameter since/, query);
        }
      });

      it('when days is left out, then it is the last 30 days, each listed, with the conversations started in them', async () => {
        const { status, body } = await get('/v1/operations/summary', 'auditor');
        assert.equal(status, 200);
        assert.equal(body.days.length, 30);
        assert.equal(body.days.at(-1)?.day, today.toISOString().slice(0, 10));
        assert.equal(body.totals.conversations, 7, 'the one from forty days ago is left out');
        assert.equal((await get('/v1/operations/summary?days=365', 'auditor')).body.totals.conversations, 8);
      });

      it('when asked for two days, then the figures are exactly those of the recorded conversations', async () => {
        const { status, body } = await get('/v1/operations/summary?days=2', 'supervisor');
        assert.equal(status, 200);
        assert.deepEqual(body, {
          days: [
            { day: yesterday.toISOString().slice(0, 10), conversations: 2, verified: 1, contained: 1, escalated: 0, abandoned: 0, pending: 0, automationRate: 0.5 },
            { day: today.toISOString().slice(0, 10), conversations: 5, verified: 1, contained: 0, escalated: 2, abandoned: 1, pending: 1, automationRate: 0.2 },
          ],
          totals: { conversations: 7, verified: 2, contained: 1, escalated: 2, abandoned: 1, pending: 1, automationRate: 2 / 7, containedRate: 1 / 7 },
          tierMix: { keyword: 2, model: 7, llm: 1, none: 1 },
          topEscalationReasons: [{ code: 'frustration', count: 2 }, { code: 'explicit_request', count: 1 }],
          topHandoffIntents: [{ intent: 'return_items', count: 2 }],
          csatByOutcome: [
            { outcome: 'verified', ratings: 1, average: 5 },
            { outcome: 'contained', ratings: 1, average: 3 },
            { outcome: 'escalated', ratings: 1, average: 2 },
            { outcome: 'abandoned', ratings: 0, average: null },
            { outcome: 'pending', ratings: 0, average: null },
          ],
        } satisfies OperationsSummary);
      });
    });
  }
});
