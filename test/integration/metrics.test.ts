// GET /metrics: the operators' figures read from the database (both engines), the API's own turn
// metrics, METRICS_TOKEN, and the worker's Temporal metrics appended (or said to be down).
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'mocha';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Knex } from 'knex';
import { createApp, type AppDeps } from '../../api/app';
import { mintToken } from '../../auth/token-service';
import { migrateToLatest } from '../../db/migrate';
import { recordConversationOutcome, type OutcomeReport } from '../../db/repositories/conversation-outcomes';
import { queueNotice, recordDelivery } from '../../db/repositories/customer-notifications';
import { insertLedgerEntry, transitionLedgerEntry, type LedgerStatus } from '../../db/repositories/refund-ledger';
import type { ConversationFigures } from '../../domain/outcomes/types';
import { TEST_PAYLOAD_KEYS } from '../support/payload-privacy';
import { workerProcesses, type WorkerProcesses } from '../../dev/worker-process';
import { eventually } from '../support/eventually';
import { parseExposition, sampleKey, samplesOf, type Exposition } from '../support/prometheus-text';
import { describeUnless } from '../support/skip';
import { startChat, startStack, type TestStack } from '../support/stack';
import { startTemporal } from '../support/temporal';
import { testEngines, type TestDatabase } from '../support/test-databases';

const HOUR = 3_600_000;

interface Api {
  url: string;
  close(): Promise<void>;
}

async function startApi(db: Knex, client: TestWorkflowEnvironment['client'], metrics: AppDeps['metrics']): Promise<Api> {
  const app = createApp({ db, client, namespace: 'default', taskQueue: 'metrics-unused', idleTimeoutMs: 60_000, maxBodyBytes: 16 * 1024, metrics });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function scrape(url: string, headers: Record<string, string> = {}): Promise<{ status: number; contentType: string | null; text: string; metrics: Exposition }> {
  const res = await fetch(`${url}/metrics`, { headers });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type'), text, metrics: res.ok ? parseExposition(text) : { samples: new Map(), types: new Map() } };
}

const value = (e: Exposition, name: string, labels: Record<string, string> = {}) => e.samples.get(sampleKey(name, labels));

/** A port nothing listens on (taken from the OS, then let go). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const figures = (over: Partial<ConversationFigures> = {}): ConversationFigures => ({
  tiers: { keyword: 0, model: 0, llm: 0, none: 0 },
  intents: [],
  escalationCodes: [],
  actions: { executed: 0, denied: 0, compensated: 0, failed: 0 },
  refundedCents: 0,
  ...over,
});

function report(id: string, at: Date, over: Partial<OutcomeReport> & Pick<OutcomeReport, 'assessment'>): OutcomeReport {
  return {
    conversationId: id,
    workflowId: `conversation-${id}`,
    channel: 'chat',
    customerKey: null,
    windowMs: 0,
    raised: [],
    startedAt: new Date(at.getTime() - 10 * 60_000).toISOString(),
    customerTurns: 3,
    figures: figures(),
    at: at.toISOString(),
    ...over,
  };
}

/** Conversations in every state an outcome can be in, written as the conversation's activity writes them. */
async function recordConversations(db: Knex): Promise<void> {
  const now = new Date();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  await recordConversationOutcome(
    db,
    report('c1-verified', now, {
      assessment: { outcome: 'verified', reason: 'the order is cancelled in the store', issues: ['cancel_order'], resolvedAt: now.toISOString() },
      csat: 5,
      figures: figures({ tiers: { keyword: 2, model: 1, llm: 0, none: 0 }, intents: ['cancel_order'], actions: { executed: 1, denied: 0, compensated: 0, failed: 0 }, refundedCents: 1500, secondsToResolution: 120 }),
    }),
  );
  await recordConversationOutcome(
    db,
    report('c2-escalated', now, {
      assessment: { outcome: 'escalated', reason: 'the customer asked for a person', issues: [] },
      csat: 2,
      figures: figures({ tiers: { keyword: 1, model: 0, llm: 0, none: 1 }, intents: ['return_item'], escalationCodes: ['explicit_request'], handoffIntent: 'return_item', actions: { executed: 0, denied: 1, compensated: 0, failed: 0 }, injectionFlags: 2 }),
    }),
  );
  // Resolved two days ago with a one-hour window, never read since: a scrape counts it verified.
  await recordConversationOutcome(
    db,
    report('c3-window-passed', ago(48 * HOUR), {
      assessment: { candidate: 'verified', reason: 'the tracking answer was accepted', issues: ['track_order'], resolvedAt: ago(48 * HOUR).toISOString() },
      windowMs: HOUR,
      figures: figures({ tiers: { keyword: 1, model: 0, llm: 0, none: 0 }, intents: ['track_order'], secondsToResolution: 30 }),
    }),
  );
  // Resolved an hour ago; the same customer comes back on the same issue: it is contained, not verified.
  await recordConversationOutcome(
    db,
    report('c4-came-back', ago(HOUR), {
      customerKey: 'customer-a',
      assessment: { candidate: 'verified', reason: 'the tracking answer was accepted', issues: ['track_order'], resolvedAt: ago(HOUR).toISOString() },
      windowMs: 24 * HOUR,
      figures: figures({ intents: ['track_order'], secondsToResolution: 4000 }),
    }),
  );
  await recordConversationOutcome(
    db,
    report('c5-abandoned', now, {
      customerKey: 'customer-a',
      raised: [{ intent: 'track_order', at: ago(30 * 60_000).toISOString() }],
      assessment: { outcome: 'abandoned', reason: 'the customer went quiet', issues: [] },
      figures: figures({ tiers: { keyword: 0, model: 0, llm: 1, none: 0 }, intents: ['track_order'], injectionFlags: 1 }),
    }),
  );
  // Resolved a minute ago, its window still running.
  await recordConversationOutcome(
    db,
    report('c6-pending', ago(60_000), {
      customerKey: 'customer-b',
      assessment: { candidate: 'verified', reason: 'the address was changed in the store', issues: ['change_address'], resolvedAt: ago(60_000).toISOString() },
      windowMs: 24 * HOUR,
      csat: 4,
      figures: figures({ intents: ['change_address'], actions: { executed: 1, denied: 0, compensated: 1, failed: 0 } }),
    }),
  );
  await recordConversationOutcome(db, report('c7-talking', now, { assessment: { reason: 'still talking', issues: [] }, figures: figures({ tiers: { keyword: 0, model: 2, llm: 0, none: 0 } }) }));
}

async function ledgerEntry(db: Knex, sagaId: string, amountCents: number, path: LedgerStatus[]): Promise<void> {
  await insertLedgerEntry(db, { sagaId, idempotencyKey: `${sagaId}:reserve`, orderId: '#W1000001', customerId: 'maya_okafor_5444', paymentMethodId: 'credit_card_1', amountCents, purpose: 'cancellation' });
  let from: LedgerStatus = 'reserved';
  for (const to of path) {
    assert.ok(await transitionLedgerEntry(db, sagaId, from, to, to === 'refunded' ? { provider_refund_id: `re_${sagaId}` } : {}));
    from = to;
  }
}

async function notice(db: Knex, key: string, channel: 'chat' | 'email' | undefined, outcome: 'failed' | 'sent'): Promise<void> {
  await queueNotice(db, { idempotencyKey: key, customerId: 'maya_okafor_5444', body: 'your refund is on its way', ...(channel ? { channel } : {}) });
  await recordDelivery(db, key, outcome === 'sent' ? { status: 'sent', channel: channel ?? 'chat' } : { status: 'failed', reason: 'the relay refused it' });
}

let env: TestWorkflowEnvironment;

describe('GET /metrics', () => {
  before(async () => {
    env = await startTemporal();
  });
  after(() => env?.teardown());

  for (const engine of testEngines()) {
    describeUnless(engine.skip, `with figures recorded on ${engine.name}`, () => {
      let database: TestDatabase;
      let api: Api;
      let unreachableWorker: string;
      before(async () => {
        database = await engine.open();
        await migrateToLatest(database.db);
        unreachableWorker = `http://127.0.0.1:${await freePort()}/metrics`;
        api = await startApi(database.db, env.client, { workerMetricsUrl: unreachableWorker, workerMetricsTimeoutMs: 1_000 });
      });
      after(async () => {
        await api?.close();
        await database?.close();
      });

      it('when nothing is recorded yet, then every outcome is there at zero and the figures are empty', async () => {
        const { status, metrics } = await scrape(api.url);
        assert.equal(status, 200);
        for (const outcome of ['verified', 'contained', 'escalated', 'abandoned']) assert.equal(value(metrics, 'support_conversation_outcomes_total', { outcome }), 0, outcome);
        assert.equal(value(metrics, 'support_conversation_resolutions_pending'), 0);
        assert.deepEqual(samplesOf(metrics, 'support_conversation_intents_total'), []);
        assert.equal(value(metrics, 'support_time_to_resolution_seconds_count'), 0);
      });

      it('when conversations, refunds and notices are recorded, then each figure is exact per label', async () => {
        await recordConversations(database.db);
        await ledgerEntry(database.db, 'saga-paid', 1500, ['refunded', 'recorded']);
        await ledgerEntry(database.db, 'saga-paid-2', 250, ['refunded', 'recorded']);
        await ledgerEntry(database.db, 'saga-owed', 700, ['owed']);
        await ledgerEntry(database.db, 'saga-running', 300, []);
        await notice(database.db, 'n-email', 'email', 'failed');
        await notice(database.db, 'n-chat-1', 'chat', 'failed');
        await notice(database.db, 'n-chat-2', 'chat', 'failed');
        await notice(database.db, 'n-nowhere', undefined, 'failed');
        await notice(database.db, 'n-sent', 'chat', 'sent');

        const { status, contentType, metrics } = await scrape(api.url);
        assert.equal(status, 200);
        assert.match(contentType ?? '', /^text\/plain; version=0\.0\.4/);
        assert.equal(metrics.types.get('support_conversation_outcomes_total'), 'counter');

        const outcomes = Object.fromEntries(samplesOf(metrics, 'support_conversation_outcomes_total').map((s) => [s.labels.outcome, s.value]));
        assert.deepEqual(outcomes, { verified: 2, contained: 1, escalated: 1, abandoned: 1 });
        assert.equal(value(metrics, 'support_conversation_resolutions_pending'), 1);
        assert.equal(value(metrics, 'support_conversations_in_progress'), 1);

        const tiers = Object.fromEntries(samplesOf(metrics, 'support_classified_turns_total').map((s) => [s.labels.tier, s.value]));
        assert.deepEqual(tiers, { keyword: 4, model: 3, llm: 1, none: 1 });
        const intents = Object.fromEntries(samplesOf(metrics, 'support_conversation_intents_total').map((s) => [s.labels.intent, s.value]));
        assert.deepEqual(intents, { cancel_order: 1, return_item: 1, track_order: 3, change_address: 1 });
        assert.deepEqual(samplesOf(metrics, 'support_escalations_total'), [{ labels: { reason: 'explicit_request' }, value: 1 }]);
        assert.deepEqual(samplesOf(metrics, 'support_handoff_intents_total'), [{ labels: { intent: 'return_item' }, value: 1 }]);
        const actions = Object.fromEntries(samplesOf(metrics, 'support_actions_total').map((s) => [s.labels.status, s.value]));
        assert.deepEqual(actions, { executed: 2, denied: 1, compensated: 1, failed: 0 });
        assert.equal(value(metrics, 'support_conversation_refunded_cents_total'), 1500);
        assert.equal(value(metrics, 'support_injection_flags_total'), 3);

        assert.equal(value(metrics, 'support_time_to_resolution_seconds_count'), 3);
        assert.equal(value(metrics, 'support_time_to_resolution_seconds_sum'), 4150);
        assert.equal(value(metrics, 'support_time_to_resolution_seconds_bucket', { le: '30' }), 1);
        assert.equal(value(metrics, 'support_time_to_resolution_seconds_bucket', { le: '120' }), 2);
        assert.equal(value(metrics, 'support_time_to_resolution_seconds_bucket', { le: '3600' }), 2);
        assert.equal(value(metrics, 'support_time_to_resolution_seconds_bucket', { le: '14400' }), 3);

        const csat = samplesOf(metrics, 'support_csat_ratings_total').map((s) => `${s.labels.outcome}:${s.labels.rating}=${s.value}`).sort();
        assert.deepEqual(csat, ['escalated:2=1', 'pending:4=1', 'verified:5=1']);

        assert.equal(value(metrics, 'support_refund_ledger_cents', { status: 'recorded' }), 1750);
        assert.equal(value(metrics, 'support_refund_ledger_entries', { status: 'recorded' }), 2);
        assert.equal(value(metrics, 'support_refund_ledger_cents', { status: 'owed' }), 700);
        assert.equal(value(metrics, 'support_refund_ledger_cents', { status: 'reserved' }), 300);
        assert.equal(samplesOf(metrics, 'support_refund_ledger_cents').length, 3);

        const failures = Object.fromEntries(samplesOf(metrics, 'support_notification_delivery_failures').map((s) => [s.labels.channel, s.value]));
        assert.deepEqual(failures, { email: 1, chat: 2, unknown: 1 });
      });

      it('when a scrape counts a resolution whose window passed as verified, then it has written nothing', async () => {
        const row = await database.db('conversation_outcomes').where({ conversation_id: 'c3-window-passed' }).first();
        assert.equal(row.outcome, null);
        assert.equal(row.candidate, 'verified');
      });

      it('when the worker cannot be reached, then /metrics still answers 200 with the figures and support_worker_metrics_up 0', async () => {
        const { status, metrics } = await scrape(api.url);
        assert.equal(status, 200);
        assert.equal(value(metrics, 'support_worker_metrics_up'), 0);
        assert.equal(value(metrics, 'support_conversation_outcomes_total', { outcome: 'verified' }), 2);
        assert.equal([...metrics.samples.keys()].some((k) => k.startsWith('temporal_')), false);
      });
    });
  }

  describe('when the database cannot be read', () => {
    it('then /metrics answers 503 with a JSON reason, not figures that would read as zero', async () => {
      const database = await testEngines()[0]!.open();
      await migrateToLatest(database.db);
      const api = await startApi(database.db, env.client, {});
      try {
        await database.db.destroy();
        const res = await fetch(`${api.url}/metrics`);
        assert.equal(res.status, 503);
        const body = (await res.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'database_unavailable');
      } finally {
        await api.close();
        await database.close().catch(() => undefined);
      }
    });
  });

  describe('with METRICS_TOKEN set', () => {
    let database: TestDatabase;
    let api: Api;
    const token = 'scrape-token-0123456789abcdef';
    before(async () => {
      database = await testEngines()[0]!.open();
      await migrateToLatest(database.db);
      api = await startApi(database.db, env.client, { token });
    });
    after(async () => {
      await api?.close();
      await database?.close();
    });

    it('when no token or another one is sent, then the answer is 401 with a JSON reason', async () => {
      const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer not-the-scrape-token' }, { authorization: `Basic ${token}` }];
      for (const headers of attempts) {
        const res = await fetch(`${api.url}/metrics`, { headers });
        assert.equal(res.status, 401, JSON.stringify(headers));
        const body = (await res.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'unauthenticated');
        assert.match(body.error.message, /METRICS_TOKEN/);
      }
    });

    it('when METRICS_TOKEN is sent, then the metrics come, and without a worker URL there is no worker section', async () => {
      const { status, metrics } = await scrape(api.url, { authorization: `Bearer ${token}` });
      assert.equal(status, 200);
      assert.equal(value(metrics, 'support_conversation_outcomes_total', { outcome: 'verified' }), 0);
      assert.equal(value(metrics, 'support_worker_metrics_up'), undefined);
    });

    it('when /v1 tokens exist, then they do not open /metrics', async () => {
      const supervisor = await mintToken(database.db, { role: 'supervisor', name: 'test supervisor' });
      assert.equal((await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${supervisor}` } })).status, 401);
    });
  });

  describe('with a real worker serving its Temporal metrics', () => {
    let stack: TestStack;
    let workers: WorkerProcesses;
    let metricsAddress: string;
    before(async function () {
      // Starting a worker process bundles the workflow code, which takes a while on a loaded machine.
      this.timeout(240_000);
      const port = await freePort();
      metricsAddress = `127.0.0.1:${port}`;
      stack = await startStack({ worker: false, metrics: { workerMetricsUrl: `http://127.0.0.1:${port}/metrics` } });
      workers = workerProcesses({
        temporalAddress: stack.env.address,
        namespace: stack.env.namespace ?? 'default',
        taskQueue: stack.taskQueue,
        payloadKeys: TEST_PAYLOAD_KEYS,
        dataDir: stack.database.dir,
        paymentProviderUrl: stack.payments.sandbox.url,
        metricsAddress,
        startTimeoutMs: 180_000,
      });
      await workers.start();
    });
    after(async () => {
      await workers?.kill();
      await stack?.close();
    });

    it("when a customer's turn is answered, then it is counted and timed under the tier the reply names", async function () {
      this.timeout(120_000);
      const chat = await startChat(stack, await stack.token('channel'));
      const reply = (await chat.say('Hello')) as { tier?: string };
      const tier = reply.tier ?? 'missing';
      assert.equal(tier, 'keyword', 'a greeting is a new request the keyword rules read');
      const { metrics } = await scrape(stack.baseUrl);
      assert.deepEqual(samplesOf(metrics, 'support_turns_total'), [{ labels: { tier }, value: 1 }]);
      assert.equal(value(metrics, 'support_turn_duration_seconds_count', { tier }), 1);
      assert.ok((value(metrics, 'support_turn_duration_seconds_sum', { tier }) ?? 0) > 0);
      assert.equal(value(metrics, 'support_turns_deferred_total'), 0);
    });

    it("when the worker runs, then /metrics carries the SDK's temporal_ metrics for its task queue and support_worker_metrics_up 1", async function () {
      this.timeout(60_000);
      const metrics = await eventually(
        async () => {
          const scraped = (await scrape(stack.baseUrl)).metrics;
          return [...scraped.samples.keys()].some((k) => k.startsWith('temporal_') && k.includes(`task_queue="${stack.taskQueue}"`)) ? scraped : undefined;
        },
        `temporal_ metrics of task queue ${stack.taskQueue} in /metrics`,
        30_000,
      );
      assert.equal(value(metrics, 'support_worker_metrics_up'), 1);
      assert.equal(samplesOf(metrics, 'support_conversation_outcomes_total').length, 4);
    });

    it('when a second worker finds the metrics port taken, then it still polls and says why it serves no metrics', async function () {
      this.timeout(240_000);
      const second = workerProcesses({
        temporalAddress: stack.env.address,
        namespace: stack.env.namespace ?? 'default',
        taskQueue: stack.taskQueue,
        payloadKeys: TEST_PAYLOAD_KEYS,
        dataDir: stack.database.dir,
        paymentProviderUrl: stack.payments.sandbox.url,
        metricsAddress: metricsAddress,
        startTimeoutMs: 180_000,
      });
      try {
        await second.start();
        assert.match(second.output(), /the worker serves no Temporal metrics: WORKER_METRICS_ADDRESS cannot be bound/);
        assert.match(second.output(), /Address already in use/);
      } finally {
        await second.kill();
      }
    });
  });
});
