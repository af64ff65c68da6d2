import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'mocha';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../../api/app';
import type { RefundPage } from '../../api/contracts';
import type { Role } from '../../auth/roles';
import { mintToken } from '../../auth/token-service';
import { insertLedgerEntry, transitionLedgerEntry, type LedgerStatus } from '../../db/repositories/refund-ledger';
import { temporaryDatabase, type TestDatabase } from '../support/database';
import { startTemporal } from '../support/temporal';

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let server: Server;
let baseUrl: string;

const CONVERSATION = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

/** A ledger entry as a saga leaves it: reserved, then moved along the saga's own transitions. */
async function entry(sagaId: string, path: LedgerStatus[], fields: Parameters<typeof transitionLedgerEntry>[4] = {}) {
  await insertLedgerEntry(database.db, {
    sagaId,
    idempotencyKey: `${sagaId}:reserve`,
    orderId: '#W1000001',
    customerId: 'maya_okafor_5444',
    paymentMethodId: 'credit_card_1',
    amountCents: 1500,
    purpose: 'cancellation',
    conversationWorkflowId: `conversation-${CONVERSATION}`,
  });
  let from: LedgerStatus = 'reserved';
  for (const to of path) {
    assert.ok(await transitionLedgerEntry(database.db, sagaId, from, to, fields));
    from = to;
  }
}

const token = (role: Role) => mintToken(database.db, { role, name: `test ${role}` });

async function get(path: string, role: Role | undefined) {
  const headers: Record<string, string> = role ? { authorization: `Bearer ${await token(role)}` } : {};
  const res = await fetch(`${baseUrl}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as RefundPage & { error?: { code: string; message: string } } };
}

describe('GET /v1/refunds', () => {
  before(async () => {
    [env, database] = await Promise.all([startTemporal(), temporaryDatabase()]);
    const app = createApp({ db: database.db, client: env.client, namespace: 'default', taskQueue: 'refunds-api-unused', idleTimeoutMs: 60_000, maxBodyBytes: 16 * 1024 });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await entry('refund-pending', []);
    await entry('refund-owed', ['owed'], { failure_reason: 'the provider answered 503 for 3 hours' });
    await entry('refund-released', ['released']);
    await entry('refund-reversed', ['refunded', 'reversed'], { provider_refund_id: 're_1' });
    await entry('refund-paid', ['refunded', 'recorded'], { provider_refund_id: 're_2', recorded_position: 1 });
    await entry('refund-store-paid', ['refunded'], { provider_refund_id: 're_3' });
  });
  after(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await env?.teardown();
    await database?.close();
  });

  const sagas = (page: RefundPage) => page.refunds.map((r) => r.sagaId);

  it('when a supervisor asks without a status, then every refund comes back newest first', async () => {
    const res = await get('/v1/refunds', 'supervisor');
    assert.equal(res.status, 200);
    assert.deepEqual(sagas(res.body), ['refund-store-paid', 'refund-paid', 'refund-reversed', 'refund-released', 'refund-owed', 'refund-pending']);
    assert.equal(res.body.next, null);
  });

  const filters: [string, string[]][] = [
    ['pending', ['refund-pending']],
    ['owed', ['refund-owed']],
    ['failed', ['refund-reversed', 'refund-released']],
    ['paid', ['refund-store-paid', 'refund-paid']],
  ];
  for (const [status, expected] of filters) {
    it(`when an auditor asks for status=${status}, then only those refunds come back`, async () => {
      const res = await get(`/v1/refunds?status=${status}`, 'auditor');
      assert.equal(res.status, 200);
      assert.deepEqual(sagas(res.body), expected);
      assert.ok(res.body.refunds.every((r) => r.status === status));
    });
  }

  it('when an owed refund is listed, then its row carries what a person needs to settle it', async () => {
    const res = await get('/v1/refunds?status=owed', 'supervisor');
    const row = res.body.refunds[0];
    assert.ok(row);
    assert.deepEqual({ ...row, createdAt: typeof row.createdAt, updatedAt: typeof row.updatedAt }, {
      sagaId: 'refund-owed',
      orderId: '#W1000001',
      customerId: 'maya_okafor_5444',
      paymentMethodId: 'credit_card_1',
      amountCents: 1500,
      purpose: 'cancellation',
      status: 'owed',
      ledgerStatus: 'owed',
      providerRefundId: null,
      failureReason: 'the provider answered 503 for 3 hours',
      attempts: 0,
      conversationId: CONVERSATION,
      createdAt: 'string',
      updatedAt: 'string',
    });
    assert.ok(!Number.isNaN(Date.parse(row.createdAt)));
  });

  it('when the page is smaller than the list, then next leads to the rest without repeats', async () => {
    const first = await get('/v1/refunds?limit=4', 'supervisor');
    assert.equal(first.body.refunds.length, 4);
    assert.ok(first.body.next);
    const second = await get(`/v1/refunds?limit=4&before=${first.body.next}`, 'supervisor');
    assert.deepEqual(sagas(second.body), ['refund-owed', 'refund-pending']);
    assert.equal(second.body.next, null);
  });

  const badQueries: [string, string, RegExp][] = [
    ['an unknown status', '?status=lost', /status must be one of pending, owed, failed, paid/],
    ['a status given twice', '?status=owed&status=paid', /status must be one of/],
    ['a limit of zero', '?limit=0', /limit must be a whole number from 1 to 200/],
    ['a limit too large', '?limit=5000', /limit must be a whole number from 1 to 200/],
    ['a limit in words', '?limit=many', /limit must be a whole number/],
    ['a cursor that is not one', '?before=abc', /before must be the next value of a previous page/],
    ['an unknown parameter', '?state=owed', /unknown query parameter state/],
  ];
  for (const [label, query, message] of badQueries) {
    it(`when asked with ${label}, then 400 with the reason`, async () => {
      const res = await get(`/v1/refunds${query}`, 'supervisor');
      assert.equal(res.status, 400);
      assert.equal(res.body.error?.code, 'invalid_query');
      assert.match(res.body.error?.message ?? '', message);
    });
  }

  for (const role of ['agent', 'channel'] as const) {
    it(`when ${role === 'agent' ? 'an agent' : 'a channel'} asks, then 403`, async () => {
      const res = await get('/v1/refunds', role);
      assert.equal(res.status, 403);
      assert.equal(res.body.error?.code, 'forbidden');
    });
  }

  it('when a customer\'s conversation token asks, then 403; without a token, 401', async () => {
    const conversationToken = await mintToken(database.db, { role: 'conversation', name: 'widget', conversationId: CONVERSATION });
    const res = await fetch(`${baseUrl}/v1/refunds`, { headers: { authorization: `Bearer ${conversationToken}` } });
    assert.equal(res.status, 403);
    assert.equal((await get('/v1/refunds', undefined)).status, 401);
  });
});
