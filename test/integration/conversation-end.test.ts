import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { eventually } from '../support/eventually';
import { startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

// Short timers: a returned parcel is "late" after 1.5 s; conversations close after 4 s of silence.

describe('the end of a conversation', () => {
  before(async () => {
    stack = await startStack({ idleTimeoutMs: 4_000, timings: { returnFollowUpMs: 1_500, handoffSlaMs: 60 * 60_000 } });
    channel = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  it('when the customer says goodbye and rates it, then it is resolved with the rating, closes when idle, and continues when they come back', async () => {
    const customer = (await stack.database.db('customers').orderBy('position').first('email')) as { email: string };
    const chat = await startChat(stack, channel);
    await chat.say('where is my order?');
    const which = await chat.say(customer.email);
    if (which.awaiting === 'order_id') await chat.say(which.options[0].id);
    const bye = await chat.say('thanks, bye');
    assert.equal(bye.status, 'resolved', JSON.stringify(bye));
    assert.equal(bye.awaiting, 'rating');
    assert.deepEqual(bye.options.map((o: { id: string }) => o.id), ['1', '2', '3', '4', '5']);
    const rated = await chat.say('4 out of 5');
    assert.equal(rated.status, 'resolved');
    assert.match(rated.replies[0].text, /Thank you for your feedback/);
    assert.equal((await chat.view()).csat.score, 4);

    const closed = await eventually(async () => {
      const view = await chat.view();
      return view.status === 'closed' ? view : undefined;
    }, 'the idle close');
    assert.match(closed.transcript.at(-1).text, /closed after a period of inactivity/);

    // The same conversation goes on: the history stays, and the customer is still known.
    const back = await chat.say('where is my refund?');
    assert.equal(back.status, 'open');
    assert.notEqual(back.awaiting, 'email', 'a returning customer verified in this conversation is not asked again');
    const view = await chat.view();
    assert.equal(view.csat.score, 4);
    assert.ok(view.transcript.some((t: { text: string }) => t.text === 'thanks, bye'));
    assert.ok(view.decisions.some((d: { kind: string }) => d.kind === 'reopened'));
  });

  it('when a rating-like answer comes without a rating question, then it is an ordinary message', async () => {
    const chat = await startChat(stack, channel);
    const reply = await chat.say('5');
    assert.equal(reply.status, 'open');
    assert.equal((await chat.view()).csat, undefined);
  });

  it('when a returned parcel does not arrive, then the bot follows up once, then a person takes over', async () => {
    const row = await stack.database.db('orders as o')
      .join('customers as c', 'c.id', 'o.customer_id')
      .join('payment_transactions as t', 't.order_id', 'o.id')
      .join('payment_methods as m', 'm.id', 't.payment_method_id')
      .where({ 'o.status': 'delivered', 't.transaction_type': 'payment', 'm.source': 'credit_card' })
      .orderBy('o.position', 'desc')
      .first('o.id as orderId', 'c.email as email', 'm.id as methodId');
    const item = await stack.database.db('order_items').where({ order_id: row.orderId }).orderBy('position').first('item_id');
    const chat = await startChat(stack, channel);
    await chat.say(`I want to return an item from order ${row.orderId}`);
    await chat.say(row.email);
    await chat.say(item.item_id);
    assert.equal((await chat.say(row.methodId)).awaiting, 'confirmation');
    const done = await chat.say('yes');
    assert.deepEqual(done.actions.map((a: { status: string }) => a.status), ['executed']);

    const followedUp = await eventually(async () => {
      const view = await chat.view();
      return view.decisions.some((d: { kind: string }) => d.kind === 'follow_up') ? view : undefined;
    }, 'the first follow-up');
    assert.ok(followedUp.transcript.some((t: { from: string; text: string }) => t.from === 'bot' && /have not received the parcel/.test(t.text)));
    const handedOver = await eventually(async () => {
      const view = await chat.view();
      return view.status === 'awaiting_agent' ? view : undefined;
    }, 'the handoff after the second follow-up');
    assert.equal(handedOver.handoff.reasons[0].code, 'return_overdue');
    assert.equal(handedOver.handoff.priority, 'high');
    assert.equal(handedOver.decisions.filter((d: { kind: string }) => d.kind === 'follow_up').length, 2);
  });
});
