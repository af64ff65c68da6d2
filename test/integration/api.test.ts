import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { randomUUID } from 'node:crypto';
import { checkReadiness } from '../../api/readiness';
import { workflowIdFor } from '../../domain/conversation';
import { ConversationWorkflow } from '../../workflows';
import { call, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

async function newConversation(): Promise<{ conversationId: string; token: string }> {
  const created = await call(stack, 'POST', '/v1/conversations', { token: channel, body: { channel: 'chat' } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}

describe('the HTTP API on a real worker and dev server', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
  });
  after(() => stack?.close());

  it('when a channel starts a conversation and sends a message, then the reply comes back in the contract shape', async () => {
    const { conversationId, token } = await newConversation();
    assert.match(conversationId, /^[0-9a-f-]{36}$/);
    assert.match(token, /^sst_conversation_/);

    const reply = await call(stack, 'POST', `/v1/conversations/${conversationId}/messages`, {
      token: channel,
      body: { text: 'Hello there!' },
    });
    assert.equal(reply.status, 200);
    // The contract's fields (`language` on every reply), and `tier`, an extension that names the classifier tier of a new request.
    assert.deepEqual(Object.keys(reply.body).sort(), ['intent', 'language', 'replies', 'status', 'tier']);
    assert.equal(reply.body.language, 'en');
    assert.equal(reply.body.tier, 'keyword');
    assert.equal(reply.body.status, 'open');
    assert.equal(reply.body.intent, 'greeting');
    assert.equal(reply.body.replies.length, 1);
    assert.equal(typeof reply.body.replies[0].text, 'string');

    const view = await call(stack, 'GET', `/v1/conversations/${conversationId}`, { token: channel });
    assert.equal(view.status, 200);
    assert.equal(view.body.status, 'open');
    assert.deepEqual(view.body.transcript.map((t: { from: string }) => t.from), ['customer', 'bot']);
    assert.deepEqual(view.body.intents, [{ seq: 1, intent: 'greeting', tier: 'keyword', confidence: 1 }]);
    assert.deepEqual(view.body.actions, []);
    assert.equal(view.body.handoff, null);
  });

  it('when a conversation is opened with its first message, then the reply comes back with it in one request', async () => {
    const created = await call(stack, 'POST', '/v1/conversations', { token: channel, body: { channel: 'chat', message: { text: 'Hello there!' } } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body.conversationId, /^[0-9a-f-]{36}$/);
    assert.match(created.body.token, /^sst_conversation_/);
    assert.equal(created.body.reply.intent, 'greeting');
    assert.equal(created.body.reply.status, 'open');
    assert.equal(created.body.reply.replies.length, 1);
    const view = await call(stack, 'GET', `/v1/conversations/${created.body.conversationId}`, { token: created.body.token });
    assert.deepEqual(view.body.transcript.map((t: { from: string; text: string }) => [t.from, t.from === 'customer' ? t.text : '']), [['customer', 'Hello there!'], ['bot', '']]);
    // The conversation goes on as any other.
    const next = await call(stack, 'POST', `/v1/conversations/${created.body.conversationId}/messages`, { token: created.body.token, body: { text: 'thanks' } });
    assert.equal(next.status, 200);
    assert.equal(next.body.intent, 'thanks');
  });

  it('when the first message sent with the start is not a message, then 400 says why and no conversation is opened', async () => {
    const cases: [unknown, RegExp][] = [
      [{ channel: 'chat', message: { text: '   ' } }, /empty|blank|text/i],
      [{ channel: 'chat', message: { text: 'hi', extra: 1 } }, /message/],
      [{ channel: 'chat', message: 'hi' }, /message/],
    ];
    for (const [body, reason] of cases) {
      const res = await call(stack, 'POST', '/v1/conversations', { token: channel, body });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.match(res.body.error.message, reason);
    }
  });

  it('when the same message is retried with its Idempotency-Key, then it is answered once', async () => {
    const { conversationId } = await newConversation();
    const send = () =>
      call(stack, 'POST', `/v1/conversations/${conversationId}/messages`, {
        token: channel,
        body: { text: 'thanks' },
        headers: { 'idempotency-key': 'msg-0001' },
      });
    const [first, second] = [await send(), await send()];
    assert.deepEqual(first, second);
    const view = await call(stack, 'GET', `/v1/conversations/${conversationId}`, { token: channel });
    assert.equal(view.body.transcript.length, 2);
  });

  describe('authentication and roles', () => {
    it('when no token is sent, then 401 with a JSON reason', async () => {
      const res = await call(stack, 'POST', '/v1/conversations', { body: { channel: 'chat' } });
      assert.equal(res.status, 401);
      assert.equal(res.body.error.code, 'unauthenticated');
      assert.match(res.body.error.message, /Bearer/);
    });

    it('when the token is unknown, then 401', async () => {
      const res = await call(stack, 'POST', '/v1/conversations', { token: 'sst_channel_forged', body: { channel: 'chat' } });
      assert.equal(res.status, 401);
    });

    it('when an agent token tries to start a conversation, then 403', async () => {
      const res = await call(stack, 'POST', '/v1/conversations', { token: await stack.token('agent'), body: { channel: 'chat' } });
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'forbidden');
    });

    it('when an auditor reads a conversation, then 200; when it sends a message, then 403', async () => {
      const { conversationId } = await newConversation();
      const auditor = await stack.token('auditor');
      assert.equal((await call(stack, 'GET', `/v1/conversations/${conversationId}`, { token: auditor })).status, 200);
      const res = await call(stack, 'POST', `/v1/conversations/${conversationId}/messages`, { token: auditor, body: { text: 'hi' } });
      assert.equal(res.status, 403);
    });

    it('when a conversation token is used, then it reaches its own conversation and no other', async () => {
      const mine = await newConversation();
      const other = await newConversation();
      const own = await call(stack, 'POST', `/v1/conversations/${mine.conversationId}/messages`, { token: mine.token, body: { text: 'hi' } });
      assert.equal(own.status, 200);
      const read = await call(stack, 'GET', `/v1/conversations/${other.conversationId}`, { token: mine.token });
      assert.equal(read.status, 403);
      const write = await call(stack, 'POST', `/v1/conversations/${other.conversationId}/messages`, { token: mine.token, body: { text: 'hi' } });
      assert.equal(write.status, 403);
      const create = await call(stack, 'POST', '/v1/conversations', { token: mine.token, body: { channel: 'chat' } });
      assert.equal(create.status, 403);
    });
  });

  describe('bad input', () => {
    const cases: [string, unknown, number, string][] = [
      ['malformed JSON', '{"text": ', 400, 'malformed_json'],
      ['an empty text', { text: '  ' }, 400, 'invalid_message'],
      ['a number as text', { text: 7 }, 400, 'invalid_body'],
      ['an unknown field', { text: 'hi', admin: true }, 400, 'invalid_body'],
      ['a text over the limit', { text: 'x'.repeat(4001) }, 400, 'invalid_body'],
      ['a body over the size limit', { text: 'x'.repeat(20 * 1024) }, 413, 'body_too_large'],
    ];
    for (const [label, body, status, code] of cases) {
      it(`when a message has ${label}, then ${status} ${code} and the transcript is untouched`, async () => {
        const { conversationId } = await newConversation();
        const res = await call(stack, 'POST', `/v1/conversations/${conversationId}/messages`, { token: channel, body });
        assert.equal(res.status, status, JSON.stringify(res.body));
        assert.equal(res.body.error.code, code);
        assert.ok(res.body.error.message.length > 0);
        const view = await call(stack, 'GET', `/v1/conversations/${conversationId}`, { token: channel });
        assert.deepEqual(view.body.transcript, []);
      });
    }

    it('when a conversation is created with an unknown channel, then 400 naming the field', async () => {
      const res = await call(stack, 'POST', '/v1/conversations', { token: channel, body: { channel: 'fax' } });
      assert.equal(res.status, 400);
      assert.match(res.body.error.message, /channel/);
    });

    it('when a body is not JSON, then 400', async () => {
      const res = await call(stack, 'POST', '/v1/conversations', {
        token: channel,
        body: 'channel=chat',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'invalid_body');
    });

    it('when the conversation is unknown, then 404 for reads and writes', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      assert.equal((await call(stack, 'GET', `/v1/conversations/${unknown}`, { token: channel })).status, 404);
      const write = await call(stack, 'POST', `/v1/conversations/${unknown}/messages`, { token: channel, body: { text: 'hi' } });
      assert.equal(write.status, 404);
      assert.equal(write.body.error.code, 'not_found');
      assert.equal((await call(stack, 'GET', '/v1/conversations/not-a-uuid', { token: channel })).status, 404);
    });

    it('when the conversation was terminated, then a new message gets 409 and the transcript stays as it was', async () => {
      const conversationId = randomUUID();
      const handle = await stack.env.client.workflow.start(ConversationWorkflow, {
        workflowId: workflowIdFor(conversationId),
        taskQueue: stack.taskQueue,
        args: [{ conversationId, channel: 'chat', idleTimeoutMs: 60_000 }],
      });
      await handle.terminate('operator ended it');
      const res = await call(stack, 'POST', `/v1/conversations/${conversationId}/messages`, { token: channel, body: { text: 'hi' } });
      assert.equal(res.status, 409);
      assert.equal(res.body.error.code, 'conversation_closed');
    });

    it('when a route does not exist, then 404 in JSON', async () => {
      const res = await call(stack, 'GET', '/nope');
      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'not_found');
    });
  });

  describe('health', () => {
    it('when API, worker and Temporal are up, then /healthz is 200; without a worker, 503', async () => {
      const up = await call(stack, 'GET', '/healthz');
      assert.equal(up.status, 200, JSON.stringify(up.body));
      assert.deepEqual(up.body.checks, { api: 'ok', database: 'ok', temporal: 'ok', worker: 'ok' });

      // The API deployed apart from the worker (temporal-docker/) sees it through the worker's heartbeat.
      const remote = await checkReadiness({
        db: stack.database.db,
        client: stack.env.client,
        taskQueue: stack.taskQueue,
      });
      assert.equal(remote.checks.worker, 'ok');
      const elsewhere = await checkReadiness({
        db: stack.database.db,
        client: stack.env.client,
        taskQueue: `${stack.taskQueue}-nobody-polls`,
      });
      assert.match(elsewhere.checks.worker, /no worker on task queue/);

      await stack.stopWorker();
      try {
        const down = await call(stack, 'GET', '/healthz');
        assert.equal(down.status, 503);
        assert.match(down.body.checks.worker, /the worker is stopped/);
      } finally {
        await stack.startWorker();
      }
    });
  });
});
