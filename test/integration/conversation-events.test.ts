import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { mintToken } from '../../auth/token-service';
import { LiveUpdates, liveUpdates, type ConversationChange } from '../../channels/live-updates';
import { chatChannel } from '../../channels/chat';
import { workflowIdFor } from '../../domain/conversation';
import { createLogger } from '../../observability/logger';
import { call, startStack, type TestStack } from '../support/stack';
import { openEventStream, type StreamEvent } from '../support/event-stream';
import { testEngines, type TestDatabase } from '../support/test-databases';
import { describeUnless } from '../support/skip';

const SHOP = 'http://shop.example:8080';
const parsed = (e: StreamEvent) => JSON.parse(e.data) as Record<string, unknown>;
const isMessage = (from: string, text?: RegExp) => (e: StreamEvent) => e.event === 'message' && parsed(e).from === from && (!text || text.test(String(parsed(e).text)));

describe('the conversation event stream (GET /v1/conversations/:id/events)', () => {
  let stack: TestStack;
  let channel: string;
  let widgetKey: string;
  const lines: Record<string, unknown>[] = [];

  before(async () => {
    stack = await startStack({
      eventStreamHeartbeatMs: 200,
      logger: createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } }),
    });
    channel = await stack.token('channel');
    widgetKey = await mintToken(stack.database.db, { role: 'widget', name: 'shop widget', origin: SHOP });
  });
  after(() => stack?.close());

  /** A conversation opened as the widget opens it: the widget key from the shop's origin. */
  async function widgetConversation(): Promise<{ id: string; token: string }> {
    const created = await call(stack, 'POST', '/v1/conversations', { token: widgetKey, body: { channel: 'chat' }, headers: { origin: SHOP } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return { id: created.body.conversationId, token: created.body.token };
  }
  const eventsUrl = (id: string, token?: string) => `${stack.baseUrl}/v1/conversations/${id}/events${token ? `?token=${encodeURIComponent(token)}` : ''}`;

  it('when a customer writes, then the stream says a turn runs, sends both new entries by seq, the status and the turn end', async () => {
    const { id, token } = await widgetConversation();
    const stream = await openEventStream(eventsUrl(id, token));
    try {
      assert.equal(stream.status, 200);
      assert.match(stream.headers.get('content-type') ?? '', /^text\/event-stream/);
      assert.equal(stream.headers.get('cache-control'), 'no-store');
      assert.deepEqual(parsed(await stream.next((e) => e.event === 'status')), { status: 'open' });

      const said = await call(stack, 'POST', `/v1/conversations/${id}/messages`, { token, body: { text: 'I want to talk to a human' } });
      assert.equal(said.status, 200);
      assert.deepEqual(parsed(await stream.next((e) => e.event === 'typing')), { active: true });
      const mine = await stream.next(isMessage('customer'));
      assert.equal(parsed(mine).text, 'I want to talk to a human');
      assert.equal(mine.id, String(parsed(mine).seq));
      const reply = await stream.next(isMessage('bot'));
      assert.ok(Number(reply.id) > Number(mine.id));
      assert.equal(parsed(await stream.next((e) => e.event === 'status')).status, 'awaiting_agent');
      assert.ok(stream.events.some((e) => e.event === 'typing' && parsed(e).active === false), 'the turn\'s end is announced');
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.ok(stream.comments >= 1, 'an idle stream gets heartbeats');
    } finally {
      stream.close();
    }
  });

  it('when an agent claims and answers after the handoff, then the reply arrives on the open stream', async () => {
    const { id, token } = await widgetConversation();
    assert.equal((await call(stack, 'POST', `/v1/conversations/${id}/messages`, { token, body: { text: 'I want to talk to a human' } })).body.status, 'awaiting_agent');
    const stream = await openEventStream(eventsUrl(id, token));
    try {
      await stream.next((e) => e.event === 'status' && parsed(e).status === 'awaiting_agent');
      const agent = await stack.token('agent');
      assert.equal((await call(stack, 'POST', `/v1/conversations/${id}/claim`, { token: agent, body: {} })).status, 200);
      await stream.next((e) => e.event === 'status' && parsed(e).status === 'with_agent');
      assert.equal((await call(stack, 'POST', `/v1/conversations/${id}/agent-messages`, { token: agent, body: { text: 'Hi, Alex here. How can I help?' } })).status, 200);
      assert.equal(parsed(await stream.next(isMessage('agent'))).text, 'Hi, Alex here. How can I help?');
    } finally {
      stream.close();
    }
  });

  it('when the chat adapter delivers a notice, then it arrives on the open stream', async () => {
    const { id, token } = await widgetConversation();
    const stream = await openEventStream(eventsUrl(id, token));
    try {
      await stream.next((e) => e.event === 'status');
      const outcome = await chatChannel(stack.env.client).deliver({ idempotencyKey: `notice-${id}`, conversationWorkflowId: workflowIdFor(id), text: 'Your refund of $12.00 is on its way.' });
      assert.deepEqual(outcome, { delivered: true });
      await stream.next((e) => e.event === 'message' && /refund of \$12\.00/.test(String(parsed(e).text)));
    } finally {
      stream.close();
    }
  });

  it('when a client reconnects with Last-Event-ID, then only the entries after it come', async () => {
    const { id, token } = await widgetConversation();
    await call(stack, 'POST', `/v1/conversations/${id}/messages`, { token, body: { text: 'Hello' } });
    await call(stack, 'POST', `/v1/conversations/${id}/messages`, { token, body: { text: 'what is your refund policy?' } });
    const all = await openEventStream(eventsUrl(id, token));
    await all.next((e) => e.event === 'status');
    all.close();
    const seqs = all.events.filter((e) => e.event === 'message').map((e) => Number(e.id));
    assert.ok(seqs.length >= 4, JSON.stringify(all.events));
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));

    const resumed = await openEventStream(eventsUrl(id, token), { 'last-event-id': String(seqs[1]) });
    try {
      await resumed.next((e) => e.event === 'status');
      assert.deepEqual(resumed.events.filter((e) => e.event === 'message').map((e) => Number(e.id)), seqs.slice(2));
    } finally {
      resumed.close();
    }
    const bad = await call(stack, 'GET', `/v1/conversations/${id}/events`, { token, headers: { 'last-event-id': 'seven' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid_last_event_id');
  });

  it('when the token is missing, wrong, another conversation\'s or a person\'s, then the answer is a JSON 401 or 403, not a stream', async () => {
    const { id, token } = await widgetConversation();
    const other = await widgetConversation();
    const none = await call(stack, 'GET', `/v1/conversations/${id}/events`);
    assert.equal(none.status, 401);
    assert.equal(none.body.error.code, 'unauthenticated');
    const wrong = await fetch(eventsUrl(id, 'sst_conversation_nope'));
    assert.equal(wrong.status, 401);
    assert.match(wrong.headers.get('content-type') ?? '', /application\/json/);
    assert.equal(((await wrong.json()) as { error: { code: string } }).error.code, 'unauthenticated');
    const foreign = await fetch(eventsUrl(id, other.token));
    assert.equal(foreign.status, 403);
    assert.match(((await foreign.json()) as { error: { message: string } }).error.message, /another conversation/);
    const agent = await call(stack, 'GET', `/v1/conversations/${id}/events`, { token: await stack.token('agent') });
    assert.equal(agent.status, 403);
    // The query carries a token on this route only.
    assert.equal((await fetch(`${stack.baseUrl}/v1/conversations/${id}?token=${encodeURIComponent(token)}`)).status, 401);
    const unknown = await fetch(eventsUrl('00000000-0000-4000-8000-000000000000', channel));
    assert.equal(unknown.status, 404);
  });

  it('when a stream was opened with a token in the query, then no log line carries the token', async () => {
    const { id, token } = await widgetConversation();
    const stream = await openEventStream(eventsUrl(id, token));
    await stream.next((e) => e.event === 'status');
    stream.close();
    await fetch(eventsUrl(id, `${token}x`));
    const deadline = Date.now() + 5_000;
    while (!lines.some((l) => l.path === `/v1/conversations/${id}/events` && l.status === 200) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const mine = lines.filter((l) => l.path === `/v1/conversations/${id}/events`);
    assert.ok(mine.some((l) => l.status === 200) && mine.some((l) => l.status === 401), JSON.stringify(mine));
    assert.ok(!JSON.stringify(lines).includes(token.slice(4)), 'the token is not logged');
  });

  it('when the server shuts down, then open streams end, so that closing the server does not wait on them', async () => {
    const { id, token } = await widgetConversation();
    const stream = await openEventStream(eventsUrl(id, token));
    await stream.next((e) => e.event === 'status');
    liveUpdates.stopStreams();
    const deadline = Date.now() + 5_000;
    while (!stream.ended() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(stream.ended(), true);
  });

  describe('CORS for the widget', () => {
    it('when the widget preflights its calls from another origin, then they are allowed with the headers it sends', async () => {
      const { id } = await widgetConversation();
      for (const [method, path] of [['POST', '/v1/conversations'], ['POST', `/v1/conversations/${id}/messages`], ['GET', `/v1/conversations/${id}`], ['GET', `/v1/conversations/${id}/events`]] as const) {
        const res = await fetch(`${stack.baseUrl}${path}`, { method: 'OPTIONS', headers: { origin: SHOP, 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-type' } });
        assert.equal(res.status, 204, path);
        assert.equal(res.headers.get('access-control-allow-origin'), SHOP, path);
        assert.match(res.headers.get('access-control-allow-headers') ?? '', /Authorization/, path);
        assert.match(res.headers.get('access-control-allow-methods') ?? '', new RegExp(method), path);
        assert.equal(res.headers.get('access-control-allow-credentials'), null, 'no cookies, ever');
      }
    });

    it('when agent and supervisor routes are preflighted or called cross-origin, then nothing allows it', async () => {
      const agent = await stack.token('agent');
      for (const path of ['/v1/agent/queue', '/v1/approvals', '/v1/refunds']) {
        const pre = await fetch(`${stack.baseUrl}${path}`, { method: 'OPTIONS', headers: { origin: SHOP, 'access-control-request-method': 'GET' } });
        assert.equal(pre.headers.get('access-control-allow-origin'), null, path);
        const res = await fetch(`${stack.baseUrl}${path}`, { headers: { origin: SHOP, authorization: `Bearer ${agent}` } });
        assert.equal(res.headers.get('access-control-allow-origin'), null, path);
      }
      const { id } = await widgetConversation();
      // A widget route read with someone's powerful token is not readable cross-origin either.
      const read = await fetch(`${stack.baseUrl}/v1/conversations/${id}`, { headers: { origin: SHOP, authorization: `Bearer ${channel}` } });
      assert.equal(read.status, 200);
      assert.equal(read.headers.get('access-control-allow-origin'), null);
    });

    it('when the widget calls with its key and its conversation token, then the answers, refusals included, are readable by the page', async () => {
      const created = await fetch(`${stack.baseUrl}/v1/conversations`, { method: 'POST', headers: { origin: SHOP, authorization: `Bearer ${widgetKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ channel: 'chat' }) });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('access-control-allow-origin'), SHOP);
      assert.match(created.headers.get('vary') ?? '', /Origin/);
      const { conversationId, token } = (await created.json()) as { conversationId: string; token: string };
      const read = await fetch(`${stack.baseUrl}/v1/conversations/${conversationId}`, { headers: { origin: SHOP, authorization: `Bearer ${token}` } });
      assert.equal(read.headers.get('access-control-allow-origin'), SHOP);
      const stream = await openEventStream(eventsUrl(conversationId, token), { origin: SHOP });
      assert.equal(stream.headers.get('access-control-allow-origin'), SHOP);
      stream.close();
      const refused = await fetch(eventsUrl(conversationId, 'sst_conversation_nope'), { headers: { origin: SHOP } });
      assert.equal(refused.status, 401);
      assert.equal(refused.headers.get('access-control-allow-origin'), SHOP);
    });

    it('when the widget script is fetched, then another origin may load it despite helmet', async () => {
      const res = await fetch(`${stack.baseUrl}/widget.js`, { headers: { origin: SHOP } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /text\/javascript/);
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
      assert.match(await res.text(), /data-widget-key|widgetKey/);
      // Everything else keeps helmet's same-origin policy.
      assert.equal((await fetch(`${stack.baseUrl}/chat/chat.js`)).headers.get('cross-origin-resource-policy'), 'same-origin');
    });
  });
});

describe('WIDGET_ORIGINS limits the widget to listed origins', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack({ widgetOrigins: [SHOP] });
  });
  after(() => stack?.close());

  it('when a page of an unlisted origin preflights, then it is refused with a reason, a listed one is allowed', async () => {
    const refused = await fetch(`${stack.baseUrl}/v1/conversations`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'origin_not_allowed');
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    const allowed = await fetch(`${stack.baseUrl}/v1/conversations`, { method: 'OPTIONS', headers: { origin: SHOP, 'access-control-request-method': 'POST' } });
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), SHOP);
  });
});

const postgres = testEngines().find((e) => e.name === 'postgres')!;

describeUnless(postgres.skip, 'live updates between processes over PostgreSQL LISTEN/NOTIFY', () => {
  let database: TestDatabase;
  before(async () => {
    database = await postgres.open();
  });
  after(() => database?.close());

  it('when one process announces a change, then the other hears it once, and the announcer does not hear it twice', async () => {
    // Two hubs stand for the API's and the worker's processes.
    const api = new LiveUpdates();
    const worker = new LiveUpdates();
    const leaveApi = await api.connectPostgres(database.db);
    const leaveWorker = await worker.connectPostgres(database.db);
    try {
      const conversationId = '6f1c2a4e-3b5d-4c7e-9f80-1a2b3c4d5e6f';
      const heardByApi: ConversationChange[] = [];
      const heardByWorker: ConversationChange[] = [];
      const stopApi = api.subscribe(conversationId, (c) => heardByApi.push(c));
      const stopWorker = worker.subscribe(conversationId, (c) => heardByWorker.push(c));
      worker.subscribe('00000000-0000-4000-8000-000000000000', () => assert.fail('another conversation\'s subscriber is not called'));
      await worker.announce({ conversationId, kind: 'typing', active: true });
      await worker.announce({ conversationId, kind: 'message' });
      const deadline = Date.now() + 5_000;
      while (heardByApi.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(heardByApi, [{ conversationId, kind: 'typing', active: true }, { conversationId, kind: 'message' }]);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(heardByWorker.length, 2, 'its own NOTIFY is not delivered a second time');
      stopApi();
      stopWorker();
      // Malformed notifications from anyone on the channel are ignored.
      await database.db.raw("select pg_notify('open_support_conversation_changes', 'not json')");
    } finally {
      await leaveApi();
      await leaveWorker();
    }
  });
});
