// A part is down: the worker. The product says so quickly, and a customer's message is neither lost nor run twice.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'mocha';
import { createApp } from '../../api/app';
import { DEFAULT_READ_TIMEOUT_MS } from '../../api/conversation-gateway';
import { findNotice } from '../../db/repositories/customer-notifications';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { customerMessageSignal } from '../../workflows/conversation/definitions';
import { eventually } from '../support/eventually';
import { call, startChat, startStack, type TestStack } from '../support/stack';
import { uniqueTaskQueue } from '../support/temporal';

// Short, so the test is quick; long enough that the turns before the worker stops finish on a busy machine.
const TURN_TIMEOUT_MS = 8_000;
/** What "quickly" means here: well under the ~30 s a read used to hang, with room for a busy machine. */
const QUICKLY_MS = 10_000;

let stack: TestStack;
let channel: string;

const root = path.resolve(__dirname, '..', '..');

/** The worker as production runs it (workers/main.ts), in its own process, on the stack's database and Temporal. */
function spawnWorker(taskQueue: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(root, 'workers', 'main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: stack.database.dir,
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: stack.env.address,
      TEMPORAL_NAMESPACE: stack.env.namespace ?? 'default',
      TEMPORAL_TASK_QUEUE: taskQueue,
      PAYMENT_PROVIDER_URL: stack.payments.sandbox.url,
      ANTHROPIC_API_KEY: '',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** An API that runs apart from the worker (as in temporal-docker/): it has no first-hand view of it. */
async function separateApi(taskQueue: string): Promise<{ healthz(): Promise<{ status: number; body: any }>; close(): Promise<void> }> {
  const app = createApp({
    db: stack.database.db,
    client: stack.env.client,
    namespace: stack.env.namespace ?? 'default',
    taskQueue,
    idleTimeoutMs: 60 * 60_000,
    maxBodyBytes: 16 * 1024,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    async healthz() {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      return { status: res.status, body: await res.json() };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('when the worker is down', () => {
  before(async () => {
    stack = await startStack({ turnTimeoutMs: TURN_TIMEOUT_MS, readTimeoutMs: DEFAULT_READ_TIMEOUT_MS });
    channel = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  it('when a worker process is killed hard, then a separate API\'s /healthz says the worker is missing within seconds', async function () {
    // Starting a worker process bundles the workflow code, which takes a while on a loaded machine.
    this.timeout(180_000);
    const taskQueue = uniqueTaskQueue('killed');
    const api = await separateApi(taskQueue);
    const worker = spawnWorker(taskQueue);
    try {
      const before = await api.healthz();
      assert.equal(before.status, 503);
      assert.equal(before.body.checks.worker, `no worker on task queue ${taskQueue}`);
      await eventually(async () => (await api.healthz()).status === 200, 'the worker process to start beating', 150_000);

      worker.kill('SIGKILL');
      const killedAt = Date.now();
      const down = await eventually(async () => {
        const res = await api.healthz();
        return res.status === 503 ? res : undefined;
      }, 'healthz to notice the killed worker', QUICKLY_MS);
      assert.ok(Date.now() - killedAt < QUICKLY_MS);
      assert.equal(down.body.status, 'unavailable');
      assert.match(down.body.checks.worker, new RegExp(`^no worker on task queue ${taskQueue} since \\d{4}-\\d\\d-\\d\\dT`));
      assert.deepEqual({ ...down.body.checks, worker: 'stale' }, { api: 'ok', database: 'ok', temporal: 'ok', worker: 'stale' });
    } finally {
      worker.kill('SIGKILL');
      await api.close();
    }
  });

  it('when a worker stops cleanly, then its heartbeat goes with it', async () => {
    const api = await separateApi(stack.taskQueue);
    try {
      assert.equal((await api.healthz()).status, 200);
      await stack.stopWorker();
      const down = await api.healthz();
      assert.equal(down.status, 503);
      assert.equal(down.body.checks.worker, `no worker on task queue ${stack.taskQueue}`);
    } finally {
      await stack.startWorker();
      await api.close();
    }
  });

  it('when the worker is down, then reads answer 503 with Retry-After, a message is accepted with 202, and once it is back the reply comes exactly once', async function () {
    this.timeout(120_000);
    const db = stack.database.db;
    const shipped = await db('orders as o')
      .join('customers as c', 'c.id', 'o.customer_id')
      .join('fulfillment_tracking_ids as f', 'f.order_id', 'o.id')
      .where({ 'o.status': 'processed' })
      .first('o.id as orderId', 'c.id as customerId', 'c.email as email', 'f.tracking_id as trackingId');
    assert.ok(shipped, 'the demo store has a processed order with a tracking number');
    const chat = await startChat(stack, channel);
    const asked = await chat.say(`where is my order ${shipped.orderId}?`);
    assert.equal(asked.awaiting, 'email');
    let openedWhileDown = '';

    await stack.stopWorker();
    const messagesPath = `/v1/conversations/${chat.id}/messages`;
    const send = (key: string, text: string) => call(stack, 'POST', messagesPath, { token: channel, body: { text }, headers: { 'idempotency-key': key } });
    try {
      let started = Date.now();
      const read = await fetch(`${stack.baseUrl}/v1/conversations/${chat.id}`, { headers: { authorization: `Bearer ${channel}` } });
      assert.ok(Date.now() - started < QUICKLY_MS, `the read took ${Date.now() - started} ms`);
      assert.equal(read.status, 503);
      assert.match(read.headers.get('retry-after') ?? '', /^\d+$/);
      const body = (await read.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'worker_unavailable');
      assert.match(body.error.message, /try again/);

      started = Date.now();
      const accepted = await send('email-1', shipped.email);
      assert.ok(Date.now() - started < TURN_TIMEOUT_MS + QUICKLY_MS, `the message took ${Date.now() - started} ms`);
      assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
      assert.deepEqual(accepted.body, { accepted: true, messageId: 'email-1' });

      // The caller retries the same message: still accepted, still one message.
      const again = await send('email-1', shipped.email);
      assert.equal(again.status, 202, JSON.stringify(again.body));
      assert.deepEqual(again.body, { accepted: true, messageId: 'email-1' });

      // Without an Idempotency-Key the API names the message itself.
      const unkeyed = await call(stack, 'POST', messagesPath, { token: channel, body: { text: 'and when will it arrive?' } });
      assert.equal(unkeyed.status, 202, JSON.stringify(unkeyed.body));
      assert.equal(unkeyed.body.accepted, true);
      assert.match(unkeyed.body.messageId, /^[0-9a-f-]{36}$/);

      // A conversation opened with its first message: started, and the message kept for the worker.
      const opened = await call(stack, 'POST', '/v1/conversations', { token: channel, body: { channel: 'chat', message: { text: 'Hello, is anyone there?' } } });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      assert.equal(opened.body.reply.accepted, true);
      openedWhileDown = opened.body.conversationId;
    } finally {
      await stack.startWorker();
    }

    const view = await eventually(async () => {
      const v = await chat.view();
      return v?.transcript?.some((t: { from: string; text: string }) => t.from === 'bot' && t.text.includes(shipped.trackingId)) ? v : undefined;
    }, 'the late reply in the transcript', 60_000);
    const fromCustomer = view.transcript.filter((t: { from: string; text: string }) => t.from === 'customer' && t.text === shipped.email);
    assert.equal(fromCustomer.length, 1, 'the message is handled once');
    const answers = view.transcript.filter((t: { from: string; text: string }) => t.from === 'bot' && t.text.includes(shipped.trackingId));
    assert.equal(answers.length, 1, 'the reply is given once');
    const followUp = await eventually(async () => {
      const v = await chat.view();
      const turns: { seq: number; from: string; text: string }[] = v?.transcript ?? [];
      const asked = turns.find((t) => t.from === 'customer' && t.text === 'and when will it arrive?');
      return asked && turns.some((t) => t.seq > asked.seq && t.from === 'bot') ? { turns, asked } : undefined;
    }, 'the unkeyed message answered after the first', 60_000);
    assert.equal(followUp.turns.filter((t) => t.text === 'and when will it arrive?').length, 1);
    assert.ok(followUp.asked.seq > fromCustomer[0].seq, 'the messages are handled in the order they were sent');

    const greeted = await eventually(async () => {
      const v = (await call(stack, 'GET', `/v1/conversations/${openedWhileDown}`, { token: channel })).body;
      return v?.transcript?.some((t: { from: string }) => t.from === 'bot') ? v : undefined;
    }, 'the first message of the conversation opened while the worker was down answered', 60_000);
    assert.deepEqual(greeted.transcript.map((t: { from: string }) => t.from), ['customer', 'bot']);

    const notice = await eventually(() => findNotice(db, `reply:${chat.id}:email-1`), 'the late reply in the customer outbox');
    assert.equal(notice.customerId, shipped.customerId);
    assert.equal(notice.conversationWorkflowId, `conversation-${chat.id}`);
    assert.match(notice.body, new RegExp(shipped.trackingId));
    assert.equal(notice.status, 'sent');
    assert.equal(notice.channel, 'chat');

    // The same message once more, now that the worker is back: the stored reply or a receipt, never a second turn.
    const retried = await send('email-1', shipped.email);
    assert.ok(retried.status === 200 || retried.status === 202, JSON.stringify(retried.body));
    if (retried.status === 200) assert.match(retried.body.replies[0].text, new RegExp(shipped.trackingId));
    const next = await chat.say('thank you, that is all');
    assert.ok(next.replies.length > 0);
    const after = await chat.view();
    assert.equal(after.transcript.filter((t: { from: string; text: string }) => t.from === 'customer' && t.text === shipped.email).length, 1);
    assert.equal(after.transcript.filter((t: { from: string; text: string }) => t.from === 'bot' && t.text.includes(shipped.trackingId)).length, 1);
  });
});

describe('when a message came by Signal and its Update only after the conversation continued as new', () => {
  let fresh: TestStack;
  before(async () => {
    fresh = await startStack({ continueAsNewAfterTurns: 1 });
  });
  after(() => fresh?.close());

  it('when the same message is sent again, then it is answered 202 and not run a second time', async function () {
    this.timeout(60_000);
    const token = await fresh.token('channel');
    const chat = await startChat(fresh, token);
    // What the API does when its Update was not answered in time and the server then lost the Update.
    await fresh.env.client.workflow.getHandle(`conversation-${chat.id}`).signal(customerMessageSignal, { messageId: 'hello-1', text: 'Hello' });
    await eventually(async () => {
      const v = await chat.view();
      return v?.runs > 1 && v.transcript.some((t: { from: string }) => t.from === 'bot');
    }, 'the signalled message answered, and the conversation continued as new');

    const again = await call(fresh, 'POST', `/v1/conversations/${chat.id}/messages`, { token, body: { text: 'Hello' }, headers: { 'idempotency-key': 'hello-1' } });
    assert.equal(again.status, 202, JSON.stringify(again.body));
    assert.deepEqual(again.body, { accepted: true, messageId: 'hello-1' });
    const view = await chat.view();
    assert.equal(view.transcript.filter((t: { from: string; text: string }) => t.from === 'customer' && t.text === 'Hello').length, 1);
    const next = await chat.say('where is my order?');
    assert.ok(next.replies.length > 0);
  });
});
