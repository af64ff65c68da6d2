import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { call, startChat, startStack, type TestStack } from '../support/stack';
import { deliveredCardOrder } from '../../dev/demo-store-picks';

let stack: TestStack;
let channel: string;
let agent: string;

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await probe();
  }
  return value;
}

describe('a goodwill credit offered by an agent', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
    agent = await stack.token('agent');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  it('when the verified customer accepts, then the credit is refunded once through the saga and recorded on the order', async () => {
    const db = stack.database.db;
    const order = await deliveredCardOrder(db);
    const { id, say, view } = await startChat(stack, channel);
    await say(`where is my order ${order.orderId}?`);
    await say(order.email);

    const offered = await call(stack, 'POST', `/v1/conversations/${id}/goodwill`, {
      token: agent,
      body: { orderId: order.orderId, amountCents: 500, paymentMethodId: order.methodId, reason: 'late delivery' },
    });
    assert.equal(offered.status, 202, JSON.stringify(offered.body));
    const withOffer = await until(view, (v) => v.transcript.some((t: { text: string }) => /make it up to you/.test(t.text)));
    assert.match(withOffer.transcript.at(-1).text, /make it up to you.*\$5\.00/);
    assert.deepEqual(stack.payments.sandbox.book.refundsFor(order.orderId), [], 'nothing moves before the customer accepts');

    const accepted = await say('yes please');
    assert.match(accepted.replies[0].text, /credit of \$5\.00 is on its way/);
    assert.deepEqual(stack.payments.sandbox.book.refundsFor(order.orderId).map((r) => r.amount_cents), [500]);
    const ledger = await db('refund_ledger').where({ order_id: order.orderId });
    assert.deepEqual(ledger.map((e) => [e.purpose, e.status, Number(e.amount_cents)]), [['goodwill', 'recorded', 500]]);
    const refunds = await db('payment_transactions').where({ order_id: order.orderId, transaction_type: 'refund' });
    assert.deepEqual(refunds.map((r) => Number(r.amount_cents)), [500]);
  });

  it('when the customer has not been verified, then the offer is not put to them', async () => {
    const { id, say, view } = await startChat(stack, channel);
    await say('hello');
    const offered = await call(stack, 'POST', `/v1/conversations/${id}/goodwill`, {
      token: agent,
      body: { orderId: '#W2301718', amountCents: 500, paymentMethodId: 'credit_card_8035326', reason: 'late delivery' },
    });
    assert.equal(offered.status, 202);
    const after = await until(view, (v) => v.decisions.some((d: { intent?: string }) => d.intent === 'goodwill_credit'));
    assert.match(after.decisions.at(-1).reason, /not verified/);
    assert.ok(!after.transcript.some((t: { text: string }) => /make it up to you/.test(t.text)));
  });

  it('when a channel token or a bad body offers goodwill, then it is refused', async () => {
    const { id } = await startChat(stack, channel);
    const body = { orderId: '#W2301718', amountCents: 500, paymentMethodId: 'credit_card_8035326', reason: 'late delivery' };
    assert.equal((await call(stack, 'POST', `/v1/conversations/${id}/goodwill`, { token: channel, body })).status, 403);
    const bad = await call(stack, 'POST', `/v1/conversations/${id}/goodwill`, { token: agent, body: { ...body, amountCents: -5 } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /amountCents/);
  });
});
