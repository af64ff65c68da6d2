import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { randomUUID } from 'node:crypto';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { workflowIdFor } from '../../domain/conversation';
import type { RefundSagaInput } from '../../domain/refunds';
import { createLogger, temporalLogger } from '../../observability/logger';
import { isActivityLifecycle } from '../../workers/temporal-runtime';
import { RefundSagaWorkflow } from '../../workflows';
import { eventually } from '../support/eventually';
import { startStack, type TestStack } from '../support/stack';

type Line = Record<string, any>;

describe('structured logs from the running API and worker', () => {
  const lines: Line[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  let stack: TestStack;
  let channel: string;

  before(async () => {
    stack = await startStack({ logger });
    channel = await stack.token('channel');
  });
  after(() => stack?.close());

  async function send(method: string, path: string, options: { body?: unknown; requestId?: string } = {}) {
    const requestId = options.requestId ?? `test-${randomUUID()}`;
    const response = await fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${channel}`,
        'x-request-id': requestId,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, requestId: response.headers.get('x-request-id') };
  }

  /** The request's lines, once the response has been logged (the line is written when it finishes). */
  function requestLines(requestId: string): Promise<Line[]> {
    return eventually(async () => {
      const found = lines.filter((l) => l.msg === 'http request' && l.requestId === requestId);
      return found.length > 0 ? found : undefined;
    }, `the log line of request ${requestId}`);
  }

  let conversationId: string;

  it('when a conversation is started, then its request line names the new conversation', async () => {
    const created = await send('POST', '/v1/conversations', { body: { channel: 'chat' } });
    assert.equal(created.status, 201);
    conversationId = created.body.conversationId;
    const [line] = await requestLines(created.requestId ?? '');
    assert.equal(line?.conversationId, conversationId);
    assert.equal(line?.status, 201);
  });

  it('when a customer sends their e-mail, name and card number, then the request has one line with its fields and none of them', async () => {
    const reply = await send('POST', `/v1/conversations/${conversationId}/messages`, {
      body: { text: 'Hi, I am Ana Lopez, ana.lopez@example.com, card 4111 1111 1111 1111, where is my order?' },
      requestId: 'req-logging-1',
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(reply.requestId, 'req-logging-1');

    const found = await requestLines('req-logging-1');
    assert.equal(found.length, 1, JSON.stringify(found));
    const line = found[0] as Line;
    assert.equal(line.level, 'info');
    assert.equal(line.method, 'POST');
    assert.equal(line.path, `/v1/conversations/${conversationId}/messages`);
    assert.equal(line.route, '/v1/conversations/:id/messages');
    assert.equal(line.status, 200);
    assert.equal(line.conversationId, conversationId);
    assert.equal(typeof line.durationMs, 'number');
    assert.ok(line.durationMs >= 0);
    assert.equal(line.headers, undefined);
    assert.equal(line.body, undefined);

    const everything = JSON.stringify(lines);
    for (const secret of ['ana.lopez', 'Lopez', '4111', channel, 'Bearer']) {
      assert.equal(everything.includes(secret), false, `the logs hold "${secret}"`);
    }
  });

  it('when the path holds an e-mail and the query a token, then the line keeps neither', async () => {
    const res = await send('GET', '/v1/conversations/ana.lopez%40example.com?token=sst_conversation_secret');
    assert.equal(res.status, 404);
    const [line] = await requestLines(res.requestId ?? '');
    assert.equal(line?.path, '/v1/conversations/[email]');
    assert.equal(line?.status, 404);
    assert.equal(line?.conversationId, undefined);
    assert.doesNotMatch(JSON.stringify(line), /sst_conversation_secret|token=|ana\.lopez/);
  });

  it('when a proxy sends a request id that is not one, then a fresh one is used instead', async () => {
    const res = await send('GET', '/v1/me', { requestId: 'ana@example.com {"level":"fatal"}' });
    assert.equal(res.status, 200);
    assert.match(res.requestId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal((await requestLines(res.requestId ?? '')).length, 1);
  });

  it('when the worker answers a message, then each activity execution has one line with its type, conversation, attempt, duration and outcome', async () => {
    const found = lines.filter((l) => l.msg === 'activity' && l.conversationId === conversationId);
    assert.ok(found.length > 0, 'no activity lines for the conversation');
    for (const line of found) {
      assert.equal(line.level, 'info');
      assert.equal(typeof line.activityType, 'string');
      assert.equal(line.workflowId, workflowIdFor(conversationId));
      assert.equal(line.workflowType, 'ConversationWorkflow');
      assert.equal(line.attempt, 1);
      assert.equal(line.outcome, 'completed');
      assert.equal(typeof line.durationMs, 'number');
    }
    const executions = found.map((l) => `${l.activityId}/${l.attempt}`);
    assert.equal(new Set(executions).size, executions.length, 'an execution was logged twice');
  });

  it("when a refund saga's provider call fails once, then that attempt's line says how and the retry's line says completed", async () => {
    await replaceStore(stack.database.db, buildDemoStore());
    const input = await paypalRefund(stack);
    await stack.payments.inject({ route: 'refunds', mode: 'fail_before' });
    // A saga a conversation started: its id extends the conversation's workflow id.
    const workflowId = `${workflowIdFor(conversationId)}-return-p1-0`;
    const handle = await stack.env.client.workflow.start(RefundSagaWorkflow, { workflowId, taskQueue: stack.taskQueue, args: [input] });
    assert.equal((await handle.result()).outcome, 'completed');

    const provider = lines.filter((l) => l.msg === 'activity' && l.workflowId === workflowId && l.activityType === 'refundThroughProvider');
    assert.deepEqual(
      provider.map((l) => [l.attempt, l.level, l.outcome, l.failureType, l.nonRetryable]),
      [
        [1, 'warn', 'failed', 'ProviderUnavailableError', false],
        [2, 'info', 'completed', undefined, undefined],
      ],
    );
    assert.equal(provider[0]?.conversationId, conversationId);
    assert.equal(provider[0]?.workflowType, 'RefundSagaWorkflow');
    assert.match(String(provider[0]?.err?.message), /payment provider/);
  });

  it("when the Temporal Runtime reports an activity's start or end, then only the interceptor's line is kept", () => {
    const runtime: Line[] = [];
    const sdk = temporalLogger(createLogger({ level: 'debug', destination: { write: (line: string) => void runtime.push(JSON.parse(line)) } }), isActivityLifecycle);
    const activity = { activityId: '1', activityType: 'classifyIntent', workflowId: workflowIdFor(conversationId), attempt: 1 };
    sdk.debug('Activity started', { sdkComponent: 'worker', ...activity });
    sdk.warn('Activity failed', { sdkComponent: 'worker', ...activity, error: new Error('boom') });
    sdk.info('looked the customer up', { sdkComponent: 'activity', ...activity });
    sdk.info('Worker state changed', { sdkComponent: 'worker', state: 'RUNNING' });
    assert.deepEqual(runtime.map((l) => l.msg), ['looked the customer up', 'Worker state changed']);
  });
});

/** A delivered order paid by PayPal, refunded for its first item. */
async function paypalRefund(stack: TestStack): Promise<RefundSagaInput> {
  const row = await stack.database.db('orders as o')
    .join('payment_transactions as t', 't.order_id', 'o.id')
    .join('payment_methods as m', 'm.id', 't.payment_method_id')
    .where({ 'o.status': 'delivered', 't.transaction_type': 'payment', 'm.source': 'paypal' })
    .first('o.id as orderId', 'o.customer_id as customerId', 't.payment_method_id as paymentMethodId');
  assert.ok(row, 'the demo store needs a delivered order paid by PayPal');
  const item = await stack.database.db('order_items').where({ order_id: row.orderId }).orderBy('position').first('item_id', 'price_cents');
  return {
    orderId: row.orderId,
    customerId: row.customerId,
    paymentMethodId: row.paymentMethodId,
    amountCents: Number(item.price_cents),
    purpose: 'return',
    restockItemIds: [item.item_id],
    notification: 'Your refund is on its way.',
  };
}
