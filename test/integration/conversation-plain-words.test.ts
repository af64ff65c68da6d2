import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

const orderRow = async (orderId: string) => (await stack.database.db('orders').where({ id: orderId }).first('status', 'cancel_reason')) as { status: string; cancel_reason: string | null };
const ids = (reply: { options?: { id: string }[] }) => (reply.options ?? []).map((o) => o.id);

describe('a customer who says things in plain words', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
  });
  after(() => stack?.close());
  beforeEach(() => replaceStore(stack.database.db, buildDemoStore()));

  it('when one message gives who they are, the order by its content and the reason, then the bot skips those questions and proposes at once', async () => {
    const { say } = await startChat(stack, channel);
    const proposal = await say("Hi, I'm Tomas Lindqvist, zip 55408. Please cancel the order with the smart watch, I ordered it by mistake");
    assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
    assert.match(proposal.replies.map((r: { text: string }) => r.text).join(' '), /#W2651773/);
    const done = await say('yes please');
    assert.deepEqual(done.actions.map((a: { status: string }) => a.status), ['executed']);
    assert.deepEqual(await orderRow('#W2651773'), { status: 'cancelled', cancel_reason: 'ordered by mistake' });
    assert.equal((await orderRow('#W5505845')).status, 'delivered');
  });

  it('when the reason is in the customer’s own words, then it is taken without a second question', async () => {
    const { say } = await startChat(stack, channel);
    await say('I want to cancel my most recent order');
    const reason = await say('tomas.lindqvist4161@example.com');
    assert.equal(reason.awaiting, 'reason', JSON.stringify(reason));
    const proposal = await say("I don't need it anymore");
    assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
    await say('go ahead');
    assert.deepEqual(await orderRow('#W2651773'), { status: 'cancelled', cancel_reason: 'no longer needed' });
  });

  it('when a description fits two items, then the bot asks about exactly those two, and a plain-words answer picks one', async () => {
    const { say } = await startChat(stack, channel);
    await say('I want to change the size of the yoga mat in my pending order');
    const items = await say('priya.raman8956@example.com');
    assert.equal(items.awaiting, 'items', JSON.stringify(items));
    const which = await say('the yoga mat');
    assert.equal(which.awaiting, 'items');
    assert.deepEqual(ids(which).sort(), ['1967663146', '6020735102']);
    assert.match(which.replies[0].text, /More than one fits/);
    const second = await say('the second one');
    assert.equal(second.awaiting, 'new_items', JSON.stringify(second));
  });

  it('when a description fits nothing offered, then the bot says so and lists the choices', async () => {
    const { say } = await startChat(stack, channel);
    await say('I want to return something');
    const orders = await say('priya.raman8956@example.com');
    assert.equal(orders.awaiting, 'order_id', JSON.stringify(orders));
    const items = await say('the one with the backpack');
    assert.equal(items.awaiting, 'items', JSON.stringify(items));
    const none = await say('the purple one');
    assert.equal(none.awaiting, 'items', JSON.stringify(none));
    assert.match(none.replies[0].text, /None of the items/, JSON.stringify(none));
    assert.deepEqual(ids(none), ['1174981809']);
    const method = await say('the travel backpack');
    assert.equal(method.awaiting, 'payment_method', JSON.stringify(method));
    const proposal = await say('to my credit card please');
    assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
  });

  it('when the opening names the items, then the bot does not ask for them again and the refund can go back to the card that paid', async () => {
    const { say } = await startChat(stack, channel);
    const method = await say('Hi, Priya Raman here, zip code 78704 — I would like to return the travel backpack');
    assert.equal(method.awaiting, 'payment_method', JSON.stringify(method));
    const proposal = await say('to the card I paid with');
    assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
    assert.match(proposal.replies.map((r: { text: string }) => r.text).join(' '), /credit_card_3708445|ending/);
  });

  it('when a wish to change an item names a delivered order, then the request becomes an exchange of that order', async () => {
    const { say } = await startChat(stack, channel);
    const items = await say("Hi, Priya Raman here, zip code 78704 — I'd like a different colour for an item in my order with the travel backpack");
    assert.equal(items.intent, 'exchange_items', JSON.stringify(items));
    assert.equal(items.awaiting, 'items');
    assert.match(items.replies[0].text, /#W4818110 is delivered/);
  });
});
