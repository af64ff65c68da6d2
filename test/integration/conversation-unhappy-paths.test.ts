import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import { exportTauStore } from '../../tau/store/export';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

// From the demo store (README, "things to try").
const TOMAS = { email: 'tomas.lindqvist4161@example.com', delivered: '#W5505845', pending: '#W2651773' };
const AISHA = { email: 'aisha.bello3206@example.com', delivered: '#W2301718', pending: '#W9424260', cancelled: '#W1859412' };

/** The whole store as plain data, to show that an unhappy path wrote nothing. */
const snapshot = async () => JSON.stringify(await exportTauStore(stack.database.db), (_k, v) => (v instanceof Map ? [...v.entries()] : v));
const ids = (options: { id: string }[] | undefined) => (options ?? []).map((o) => o.id);

describe('unhappy paths through the API leave the store as it was', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
  });
  after(() => stack?.close());
  beforeEach(() => replaceStore(stack.database.db, buildDemoStore()));

  it('when a return names a pending order, then only delivered orders are offered and the pending one is refused', async () => {
    const before = await snapshot();
    const { say } = await startChat(stack, channel);
    assert.equal((await say(`I want to return order ${TOMAS.pending}`)).awaiting, 'email');
    const which = await say(TOMAS.email);
    assert.equal(which.awaiting, 'order_id');
    assert.deepEqual(ids(which.options), [TOMAS.delivered]);
    const again = await say(TOMAS.pending);
    assert.equal(again.awaiting, 'order_id');
    assert.deepEqual(ids(again.options), [TOMAS.delivered]);
    assert.match(again.replies[0].text, /not one of the orders/);
    assert.equal(await snapshot(), before);
  });

  it("when the customer asks about someone else's order, then nothing about it is revealed", async () => {
    const { say } = await startChat(stack, channel);
    await say(`where is order ${AISHA.delivered}?`);
    const reply = await say(TOMAS.email);
    const text = JSON.stringify(reply);
    assert.doesNotMatch(text, new RegExp(AISHA.delivered));
    assert.equal(reply.awaiting, 'order_id');
    assert.deepEqual(ids(reply.options).sort(), [TOMAS.delivered, TOMAS.pending].sort());
  });

  it('when the name and zip code do not match an account, then the bot asks again and verifies nobody', async () => {
    const { say, view } = await startChat(stack, channel);
    await say('I want to cancel my order');
    const wrong = await say('my name is Tomas Lindqvist, zip 10001');
    assert.equal(wrong.awaiting, 'name_zip');
    assert.equal(ids(wrong.options).length, 0);
    const right = await say('my name is Tomas Lindqvist, zip 55408');
    assert.notEqual(right.awaiting, 'name_zip');
    assert.equal((await view()).status, 'open');
  });

  it('when the customer cancels an order that is already cancelled, then it is not offered and nothing changes', async () => {
    const before = await snapshot();
    const { say } = await startChat(stack, channel);
    await say(`please cancel ${AISHA.cancelled}`);
    const reply = await say(AISHA.email);
    // Aisha has one pending order: it is the only one offered.
    assert.ok(reply.awaiting === 'order_id' || reply.awaiting === 'reason', JSON.stringify(reply));
    if (reply.awaiting === 'order_id') assert.deepEqual(ids(reply.options), [AISHA.pending]);
    else assert.match(reply.replies[0].text, new RegExp(AISHA.pending));
    assert.equal(await snapshot(), before);
  });

  it('when the customer declines a return at the proposal, then nothing changes', async () => {
    const before = await snapshot();
    const { say } = await startChat(stack, channel);
    await say(`I want to return an item from ${AISHA.delivered}`);
    const items = await say(AISHA.email);
    assert.equal(items.awaiting, 'items');
    const methods = await say(items.options[0].id);
    assert.equal(methods.awaiting, 'payment_method');
    assert.ok(methods.options.length > 0);
    const proposal = await say(methods.options[0].id);
    assert.equal(proposal.awaiting, 'confirmation');
    assert.deepEqual(ids(proposal.options), ['yes', 'no']);
    const no = await say('no');
    assert.equal(no.awaiting, undefined);
    assert.equal(await snapshot(), before);
  });

  it('when an answer is not one of the options, then the same question comes back with the same options', async () => {
    const { say } = await startChat(stack, channel);
    await say(`I want to return an item from ${AISHA.delivered}`);
    const items = await say(AISHA.email);
    const unknown = await say('the purple giraffe');
    assert.equal(unknown.awaiting, 'items');
    assert.deepEqual(unknown.options, items.options);
  });

  it('when the new address cannot be read, then it is asked for again and nothing changes', async () => {
    const before = await snapshot();
    const { say } = await startChat(stack, channel);
    await say(`change the delivery address of ${AISHA.pending}`);
    assert.equal((await say(AISHA.email)).awaiting, 'address');
    const unreadable = await say('next to the big tree');
    assert.equal(unreadable.awaiting, 'address');
    const dropped = await say('never mind');
    assert.equal(dropped.awaiting, undefined);
    assert.equal(await snapshot(), before);
  });
});
