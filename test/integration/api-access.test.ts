import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { mintTokenWithId } from '../../auth/token-service';
import { revokeToken } from '../../db/repositories/tokens';
import { createLogger } from '../../observability/logger';
import { eventually } from '../support/eventually';
import { call, startStack, type TestStack } from '../support/stack';

interface Line {
  msg: string;
  status?: number;
  tokenId?: number;
  path?: string;
  level: string;
}

let stack: TestStack;
const lines: Line[] = [];
const logged: string[] = [];
const ORIGIN = 'https://shop.example';

const fetchAs = (path: string, init: { token?: string; method?: string; body?: unknown; origin?: string }) =>
  fetch(`${stack.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.origin ? { origin: init.origin } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

describe('tokens: expiry, revocation, widget keys, closed conversations and rate limits', () => {
  before(async () => {
    const logger = createLogger({
      level: 'info',
      destination: {
        write: (line: string) => {
          logged.push(line);
          lines.push(JSON.parse(line) as Line);
        },
      },
    });
    stack = await startStack({ logger, idleTimeoutMs: 2_000, rateLimits: { perIpPerMinute: 100_000, perTokenPerMinute: 40, widgetConversationsPerMinute: 3 } });
  });
  after(() => stack?.close());

  it('when a token has expired, then 401 says so, and the refusal is logged with the token id, never the token', async () => {
    const { token, id } = await mintTokenWithId(stack.database.db, { role: 'agent', name: 'short-lived', ttlMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const res = await call(stack, 'GET', '/v1/agent/queue', { token });
    assert.equal(res.status, 401);
    assert.match(res.body.error.message, /expired/);
    const line = await eventually(async () => lines.find((l) => l.status === 401 && l.tokenId === id), 'the refusal line');
    assert.equal(line.level, 'warn');
    assert.ok(!logged.some((l) => l.includes(token)), 'the token itself is never logged');
  });

  it('when a token is revoked, then it stops working at once', async () => {
    const { token, id } = await mintTokenWithId(stack.database.db, { role: 'supervisor', name: 'leaving' });
    assert.equal((await call(stack, 'GET', '/v1/agent/queue', { token })).status, 200);
    assert.equal(await revokeToken(stack.database.db, id), true);
    const res = await call(stack, 'GET', '/v1/agent/queue', { token });
    assert.equal(res.status, 401);
    assert.match(res.body.error.message, /revoked/);
  });

  describe('a widget key', () => {
    let key: string;
    before(async () => {
      key = (await mintTokenWithId(stack.database.db, { role: 'widget', name: 'shop widget', origin: ORIGIN })).token;
    });

    it('when used from its origin, then it opens a conversation and gets only that conversation\'s token', async () => {
      const created = await fetchAs('/v1/conversations', { token: key, method: 'POST', body: { channel: 'chat' }, origin: ORIGIN });
      assert.equal(created.status, 201);
      const { conversationId, token } = (await created.json()) as { conversationId: string; token: string };
      assert.match(token, /^sst_conversation_/);
      const said = await call(stack, 'POST', `/v1/conversations/${conversationId}/messages`, { token, body: { text: 'hello' } });
      assert.equal(said.status, 200, JSON.stringify(said.body));
      // The key itself reads and writes nothing.
      assert.equal((await fetchAs(`/v1/conversations/${conversationId}`, { token: key, origin: ORIGIN })).status, 403);
      assert.equal((await fetchAs(`/v1/conversations/${conversationId}/messages`, { token: key, method: 'POST', body: { text: 'hi' }, origin: ORIGIN })).status, 403);
    });

    it('when used from another origin or with none, then 403', async () => {
      assert.equal((await fetchAs('/v1/conversations', { token: key, method: 'POST', body: { channel: 'chat' }, origin: 'https://evil.example' })).status, 403);
      assert.equal((await fetchAs('/v1/conversations', { token: key, method: 'POST', body: { channel: 'chat' } })).status, 403);
    });

    it('when it opens conversations past its limit, then 429 with Retry-After', async () => {
      const own = (await mintTokenWithId(stack.database.db, { role: 'widget', name: 'busy widget', origin: ORIGIN })).token;
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 4; i++) {
        const res = await fetchAs('/v1/conversations', { token: own, method: 'POST', body: { channel: 'chat' }, origin: ORIGIN });
        statuses.push(res.status);
        if (res.status === 429) {
          retryAfter = res.headers.get('retry-after');
          assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'rate_limited');
        }
      }
      assert.deepEqual(statuses, [201, 201, 201, 429]);
      assert.match(retryAfter ?? '', /^\d+$/);
    });
  });

  it('when one token sends more requests a minute than its limit, then 429 with Retry-After, and other tokens go on', async () => {
    const { token } = await mintTokenWithId(stack.database.db, { role: 'auditor', name: 'looping script' });
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await call(stack, 'GET', '/v1/me', { token })).status);
    assert.deepEqual([...new Set(statuses.slice(0, 40))], [200]);
    const refused = await fetchAs('/v1/me', { token });
    assert.equal(refused.status, 429);
    assert.match(refused.headers.get('retry-after') ?? '', /^\d+$/);
    const other = (await mintTokenWithId(stack.database.db, { role: 'auditor', name: 'another' })).token;
    assert.equal((await call(stack, 'GET', '/v1/me', { token: other })).status, 200);
  });

  it('when a conversation has closed, then its token stops working', async () => {
    const channel = await stack.token('channel');
    const created = await call(stack, 'POST', '/v1/conversations', { token: channel, body: { channel: 'chat' } });
    const { conversationId, token } = created.body as { conversationId: string; token: string };
    assert.equal((await call(stack, 'POST', `/v1/conversations/${conversationId}/messages`, { token, body: { text: 'hello' } })).status, 200);
    // The idle timeout (2 s here) closes it; the outcomes projection records when.
    await eventually(async () => {
      const row = await stack.database.db('conversation_outcomes').where({ conversation_id: conversationId }).first('closed_at');
      return row?.closed_at ? row : undefined;
    }, 'the conversation to close', 30_000);
    const res = await call(stack, 'GET', `/v1/conversations/${conversationId}`, { token });
    assert.equal(res.status, 401);
    assert.match(res.body.error.message, /closed/);
    assert.equal((await call(stack, 'GET', `/v1/conversations/${conversationId}`, { token: channel })).status, 200, 'the channel still reads it');
  });
});
