import assert from 'node:assert/strict';
import net from 'node:net';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'mocha';
import { randomUUID } from 'node:crypto';
import { call, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

/** Sends `request` as raw bytes and resolves with what the server wrote and how long until it closed. */
function rawExchange(request: string, giveUpMs: number): Promise<{ text: string; closedAfterMs: number | null }> {
  const { port, hostname } = new URL(stack.baseUrl);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let text = '';
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    const giveUp = setTimeout(() => {
      socket.destroy();
      resolve({ text, closedAfterMs: null });
    }, giveUpMs);
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ text, closedAfterMs: Date.now() - started });
    });
  });
}

async function postRaw(path: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: any; text: string }> {
  const response = await fetch(`${stack.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${channel}`, 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text };
}

describe('the HTTP API against an attacker\'s requests', () => {
  before(async () => {
    stack = await startStack({ serverLimits: { headersTimeoutMs: 1_000, requestTimeoutMs: 1_500, keepAliveTimeoutMs: 1_000 } });
    channel = await stack.token('channel');
  });
  after(() => stack?.close());

  describe('ids with invalid percent-encoding', () => {
    for (const [method, path] of [
      ['GET', '/v1/conversations/%C0%AE%C0%AE'],
      ['POST', '/v1/conversations/%C0%AE%C0%AE/messages'],
      ['POST', '/v1/conversations/%C0%AE%C0%AE/claim'],
      ['POST', '/v1/orders/%E0%A4%A/return-received'],
    ] as const) {
      it(`when ${method} ${path} is asked, then 404 in JSON, not a 500`, async () => {
        const token = path.endsWith('/claim') || path.startsWith('/v1/orders') ? await stack.token('agent') : channel;
        const res = await call(stack, method, path, { token, ...(method === 'POST' ? { body: { text: 'hi' } } : {}) });
        assert.equal(res.status, 404, JSON.stringify(res.body));
        assert.equal(res.body.error.code, 'not_found');
      });
    }
  });

  describe('bodies whose Content-Encoding does not match their bytes', () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      it(`when a body says ${encoding} but is plain JSON, then 400 invalid_content_encoding`, async () => {
        const res = await postRaw('/v1/conversations', Buffer.from(JSON.stringify({ channel: 'chat' })), { 'content-encoding': encoding });
        assert.equal(res.status, 400, res.text);
        assert.equal(res.body.error.code, 'invalid_content_encoding');
      });
    }

    it('when a body really is gzip, then it is read', async () => {
      const res = await postRaw('/v1/conversations', zlib.gzipSync(JSON.stringify({ channel: 'chat' })), { 'content-encoding': 'gzip' });
      assert.equal(res.status, 201, res.text);
    });
  });

  describe('slow clients', () => {
    it('when the headers are never finished, then the server closes the connection', async () => {
      const { closedAfterMs } = await rawExchange('GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ', 10_000);
      assert.ok(closedAfterMs !== null && closedAfterMs < 5_000, `closed after ${closedAfterMs} ms`);
    });

    it('when a body is shorter than its Content-Length, then the server answers and closes instead of waiting forever', async () => {
      const request = `POST /v1/conversations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${channel}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"channel":`;
      const { text, closedAfterMs } = await rawExchange(request, 10_000);
      assert.ok(closedAfterMs !== null && closedAfterMs < 5_000, `closed after ${closedAfterMs} ms`);
      assert.doesNotMatch(text, /^HTTP\/1\.1 [25]\d\d/, text);
    });
  });

  describe('Idempotency-Key', () => {
    it('when a key is reused with another body, then 422 and the new message is not dropped silently', async () => {
      const created = await call(stack, 'POST', '/v1/conversations', { token: channel, body: { channel: 'chat' } });
      const id = created.body.conversationId as string;
      const send = (text: string) => call(stack, 'POST', `/v1/conversations/${id}/messages`, { token: channel, body: { text }, headers: { 'idempotency-key': 'k-1' } });
      assert.equal((await send('hello')).status, 200);
      assert.equal((await send('hello')).status, 200);
      const reused = await send('cancel my order');
      assert.equal(reused.status, 422, JSON.stringify(reused.body));
      assert.equal(reused.body.error.code, 'idempotency_key_reused');
      const view = await call(stack, 'GET', `/v1/conversations/${id}`, { token: channel });
      assert.equal(view.body.transcript.length, 2);
    });

    it('when two conversations use the same key, then each gets its own message', async () => {
      const ids: string[] = [];
      for (const text of ['hello', 'thanks']) {
        const created = await call(stack, 'POST', '/v1/conversations', { token: channel, body: { channel: 'chat' } });
        ids.push(created.body.conversationId);
        const sent = await call(stack, 'POST', `/v1/conversations/${created.body.conversationId}/messages`, { token: channel, body: { text }, headers: { 'idempotency-key': 'shared-key' } });
        assert.equal(sent.status, 200, JSON.stringify(sent.body));
      }
    });
  });

  describe('return-received', () => {
    it('when the id is no order, then 404', async () => {
      const res = await call(stack, 'POST', '/v1/orders/W0000000/return-received', { token: await stack.token('agent') });
      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'not_found');
    });
  });

  describe('headers', () => {
    it('when JSON is answered, then it is no-store and nosniff; /help cannot be framed', async () => {
      const json = await fetch(`${stack.baseUrl}/v1/conversations/${randomUUID()}`, { headers: { authorization: `Bearer ${channel}` } });
      assert.equal(json.status, 404);
      assert.equal(json.headers.get('cache-control'), 'no-store');
      assert.equal(json.headers.get('x-content-type-options'), 'nosniff');
      const help = await fetch(`${stack.baseUrl}/help`);
      assert.equal(help.headers.get('x-frame-options'), 'DENY');
      assert.match(help.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    });
  });
});
