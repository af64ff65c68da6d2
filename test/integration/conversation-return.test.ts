import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { call, startChat, startStack, type TestStack } from '../support/stack';
import { deliveredCardOrder } from '../../dev/demo-store-picks';

let stack: TestStack;
let channel: string;

describe('returning delivered items, and the refund once the parcel arrives', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  it('when the customer returns an item and the warehouse later receives it, then the conversation refunds it once and says so', async () => {
    const target = await deliveredCardOrder(stack.database.db);
    const { id, say } = await startChat(stack, channel);

    assert.equal((await say(`I want to return an item from order ${target.orderId}`)).awaiting, 'email');
    const items = await say(target.email);
    assert.equal(items.awaiting, 'items', JSON.stringify(items));
    assert.ok(items.options.some((o: { id: string }) => o.id === target.itemId));
    const methods = await say(target.itemId);
    assert.equal(methods.awaiting, 'payment_method');
    assert.ok(methods.options.some((o: { id: string }) => o.id === target.methodId));
    const proposal = await say(target.methodId);
    assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
    const done = await say('yes');
    assert.deepEqual(done.actions.map((a: { status: string }) => a.status), ['executed']);
    assert.match(done.replies[0].text, /as soon as they reach us/);
    const db = stack.database.db;
    assert.equal((await db('orders').where({ id: target.orderId }).first('status')).status, 'return requested');
    const waiting = await say('has my refund been processed');
    assert.match(waiting.replies[0].text, new RegExp(`Order ${target.orderId} has a return requested`));
    assert.deepEqual(stack.payments.sandbox.book.refundsFor(target.orderId), [], 'no money moves before the parcel arrives');

    const agent = await stack.token('agent');
    const received = await call(stack, 'POST', `/v1/orders/${encodeURIComponent(target.orderId)}/return-received`, { token: agent });
    assert.equal(received.status, 202, JSON.stringify(received.body));

    const deadline = Date.now() + 30_000;
    let view = (await call(stack, 'GET', `/v1/conversations/${id}`, { token: channel })).body;
    while (!view.transcript.some((t: { text: string }) => /received your return/.test(t.text)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      view = (await call(stack, 'GET', `/v1/conversations/${id}`, { token: channel })).body;
    }
    assert.match(view.transcript.at(-1).text, /Good news: we received your return/);
    assert.deepEqual(view.actions.map((a: { name: string; status: string }) => [a.name, a.status]), [
      ['return_delivered_order_items', 'executed'],
      ['return_refund', 'executed'],
    ]);
    const refunds = stack.payments.sandbox.book.refundsFor(target.orderId);
    assert.deepEqual(refunds.map((r) => r.amount_cents), [target.itemCents]);
    const history = await db('payment_transactions').where({ order_id: target.orderId, transaction_type: 'refund' });
    assert.deepEqual(history.map((h) => Number(h.amount_cents)), [target.itemCents]);
    const ledger = await db('refund_ledger').where({ order_id: target.orderId });
    assert.deepEqual(ledger.map((e) => e.status), ['recorded']);

    // Already verified in this conversation: the refund status comes straight from the ledger.
    const status = await say('where is my refund?');
    assert.equal(status.intent, 'track_refund');
    assert.match(status.replies[0].text, new RegExp(`return refund of \\$${(target.itemCents / 100).toFixed(2)} for order ${target.orderId} has been paid`));

    // The warehouse reporting the same parcel twice is told no return waits, and moves no more money.
    const again = await call(stack, 'POST', `/v1/orders/${encodeURIComponent(target.orderId)}/return-received`, { token: agent });
    assert.equal(again.status, 404, JSON.stringify(again.body));
    assert.equal(again.body.error.code, 'not_found');
    assert.equal(stack.payments.sandbox.book.refundsFor(target.orderId).length, 1);
  });

  it('when the wrong caller or a bad order id reports a parcel, then it is refused', async () => {
    const channelCall = await call(stack, 'POST', '/v1/orders/W1234567/return-received', { token: channel });
    assert.equal(channelCall.status, 403);
    const agent = await stack.token('agent');
    assert.equal((await call(stack, 'POST', '/v1/orders/banana/return-received', { token: agent })).status, 400);
    const unknown = await call(stack, 'POST', '/v1/orders/W0000001/return-received', { token: agent });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'not_found');
  });
});
