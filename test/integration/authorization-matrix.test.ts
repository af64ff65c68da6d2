import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { mintToken } from '../../auth/token-service';
import { call, startChat, startStack, type TestStack } from '../support/stack';

/**
 * Every endpoint behind /v1 × every role, on someone else's data where there is any. Writes are sent
 * with bodies the route refuses (400) once the caller is let in, so a cell that passes shows access
 * without changing anything, and a cell that is refused shows 401/403 and no data. Ownership between
 * people (an agent acting on a conversation another agent owns) is decided by the conversation and
 * has its own rows below.
 */
type Caller = 'none' | 'own_conversation' | 'other_conversation' | 'channel' | 'widget' | 'agent' | 'supervisor' | 'auditor';
const CALLERS: Caller[] = ['none', 'own_conversation', 'other_conversation', 'channel', 'widget', 'agent', 'supervisor', 'auditor'];

interface Endpoint {
  method: 'GET' | 'POST';
  /** `:id` is conversation A, the one `own_conversation` holds the token of. */
  path: string;
  body?: unknown;
  /** Sent besides Origin: a bad Last-Event-ID turns an event stream the caller may open into a 400 the matrix can read. */
  headers?: Record<string, string>;
  /** Who gets past authorization; everyone else with a token gets 403, without one 401. */
  allowed: Caller[];
}

const AUTHENTICATED: Caller[] = CALLERS.filter((c) => c !== 'none');

const ENDPOINTS: Endpoint[] = [
  { method: 'POST', path: '/v1/conversations', body: { channel: 'carrier pigeon' }, allowed: ['channel', 'widget'] },
  { method: 'GET', path: '/v1/conversations/:id', allowed: ['own_conversation', 'channel', 'agent', 'supervisor', 'auditor'] },
  { method: 'POST', path: '/v1/conversations/:id/messages', body: { text: 7 }, allowed: ['own_conversation', 'channel'] },
  { method: 'GET', path: '/v1/conversations/:id/events', headers: { 'last-event-id': 'latest' }, allowed: ['own_conversation', 'channel'] },
  { method: 'POST', path: '/v1/conversations/:id/goodwill', body: { orderId: 'nope' }, allowed: ['agent', 'supervisor'] },
  { method: 'POST', path: '/v1/conversations/:id/claim', body: { takeOver: 'yes' }, allowed: ['agent', 'supervisor'] },
  { method: 'POST', path: '/v1/conversations/:id/agent-messages', body: { text: 7 }, allowed: ['agent', 'supervisor'] },
  { method: 'POST', path: '/v1/conversations/:id/resolve', body: { outcome: 1 }, allowed: ['agent', 'supervisor'] },
  { method: 'POST', path: '/v1/conversations/:id/return-to-bot', body: { note: 1 }, allowed: ['agent', 'supervisor'] },
  { method: 'GET', path: '/v1/conversations/:id/deliveries', allowed: ['agent', 'supervisor'] },
  { method: 'POST', path: '/v1/orders/not-an-order/return-received', allowed: ['agent', 'supervisor'] },
  { method: 'GET', path: '/v1/agent/queue', allowed: ['agent', 'supervisor', 'auditor'] },
  { method: 'GET', path: '/v1/agent/notifications', allowed: ['supervisor', 'auditor'] },
  { method: 'GET', path: '/v1/approvals', allowed: ['agent', 'supervisor', 'auditor'] },
  { method: 'POST', path: '/v1/approvals/:id:proposal', body: { decision: 'maybe' }, allowed: ['supervisor'] },
  { method: 'GET', path: '/v1/refunds', allowed: ['supervisor', 'auditor'] },
  { method: 'GET', path: '/v1/reviews', allowed: ['agent', 'supervisor', 'auditor'] },
  { method: 'GET', path: '/v1/quality/scorecards', allowed: ['supervisor', 'auditor'] },
  { method: 'GET', path: '/v1/operations/summary', allowed: ['supervisor', 'auditor'] },
  { method: 'GET', path: '/v1/me', allowed: AUTHENTICATED },
  { method: 'GET', path: '/v1/help/articles', allowed: AUTHENTICATED },
];

let stack: TestStack;
let tokens: Record<Exclude<Caller, 'none'>, string>;
let conversationA: string;
let conversationB: string;
const ORIGIN = 'https://shop.example';

describe('the authorization matrix: every endpoint, every role, someone else\'s data', () => {
  before(async () => {
    stack = await startStack();
    const channel = await stack.token('channel');
    const a = await call(stack, 'POST', '/v1/conversations', { token: channel, body: { channel: 'chat' } });
    const b = await call(stack, 'POST', '/v1/conversations', { token: channel, body: { channel: 'chat' } });
    conversationA = a.body.conversationId;
    conversationB = b.body.conversationId;
    tokens = {
      own_conversation: a.body.token,
      other_conversation: b.body.token,
      channel,
      widget: await mintToken(stack.database.db, { role: 'widget', name: 'shop', origin: ORIGIN }),
      agent: await stack.token('agent'),
      supervisor: await stack.token('supervisor'),
      auditor: await stack.token('auditor'),
    };
    // Something of A's to leak: a message whose words must never reach a refused caller.
    const said = await call(stack, 'POST', `/v1/conversations/${conversationA}/messages`, { token: channel, body: { text: 'my secret is marmalade' } });
    assert.equal(said.status, 200);
  });
  after(() => stack?.close());

  const leaks: string[] = [];

  for (const endpoint of ENDPOINTS) {
    for (const caller of CALLERS) {
      const allowed = endpoint.allowed.includes(caller);
      const expected = caller === 'none' ? '401' : allowed ? 'let in' : '403';
      it(`${endpoint.method} ${endpoint.path} as ${caller}: ${expected}`, async () => {
        const path = endpoint.path.replace(':id', conversationA);
        const res = await call(stack, endpoint.method, path, {
          ...(caller === 'none' ? {} : { token: tokens[caller] }),
          ...(endpoint.method === 'POST' ? { body: endpoint.body ?? {} } : {}),
          // Widget keys are used from their page; every other caller sends the same header, which must change nothing.
          headers: { origin: ORIGIN, ...endpoint.headers },
        });
        const text = JSON.stringify(res.body ?? null);
        if (caller === 'none') assert.equal(res.status, 401, text);
        else if (!allowed) assert.equal(res.status, 403, text);
        else {
          assert.ok(res.status !== 401 && res.status !== 403 && res.status < 500, `${res.status} ${text}`);
          if (endpoint.method === 'POST' || endpoint.headers) assert.equal(res.status, 400, `a refused body changes nothing: ${text}`);
        }
        if (!allowed && (text.includes('marmalade') || text.includes(conversationB) || text.includes('sst_'))) leaks.push(`${endpoint.method} ${endpoint.path} as ${caller}`);
      });
    }
  }

  it('when the matrix has run, then it found 0 leaks', () => {
    assert.deepEqual(leaks, []);
  });

  describe('people on conversations they do not own', () => {
    it('when an agent acts on a conversation another agent owns, then every command is 409 and the transcript is untouched', async () => {
      const owner = await mintToken(stack.database.db, { role: 'agent', name: 'Owner' });
      const chat = await startChat(stack, tokens.channel);
      await chat.say('I want to talk to a person');
      assert.equal((await call(stack, 'POST', `/v1/conversations/${chat.id}/claim`, { token: owner, body: {} })).status, 200);
      const before = (await chat.view()).transcript.length;
      const attempts = [
        ['claim', {}],
        ['agent-messages', { text: 'not mine to answer' }],
        ['resolve', { outcome: 'closing what is not mine' }],
        ['return-to-bot', {}],
      ] as const;
      for (const [command, body] of attempts) {
        const res = await call(stack, 'POST', `/v1/conversations/${chat.id}/${command}`, { token: tokens.agent, body });
        assert.equal(res.status, 409, `${command}: ${JSON.stringify(res.body)}`);
      }
      const view = await chat.view();
      assert.equal(view.transcript.length, before);
      assert.equal(view.status, 'with_agent');
    });

    it('when an auditor tries any write with a valid body, then 403 and nothing happens', async () => {
      const writes: [string, unknown][] = [
        ['/v1/conversations', { channel: 'chat' }],
        [`/v1/conversations/${conversationA}/messages`, { text: 'hello' }],
        [`/v1/conversations/${conversationA}/claim`, {}],
        [`/v1/conversations/${conversationA}/agent-messages`, { text: 'auditor here' }],
        ['/v1/orders/W2301718/return-received', {}],
      ];
      for (const [path, body] of writes) {
        assert.equal((await call(stack, 'POST', path, { token: tokens.auditor, body })).status, 403, path);
      }
      const view = await call(stack, 'GET', `/v1/conversations/${conversationA}`, { token: tokens.auditor });
      assert.ok(!view.body.transcript.some((t: { text: string }) => t.text === 'hello' || t.text === 'auditor here'));
    });
  });
});
