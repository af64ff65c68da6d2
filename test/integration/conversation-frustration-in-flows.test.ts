import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { call, startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;
let agent: string;

const queued = async (conversationId: string) =>
  ((await call(stack, 'GET', '/v1/agent/queue', { token: agent })).body.queue as { conversationId: string; priority: string }[]).find((q) => q.conversationId === conversationId);

// Frustration, threats and loops while the bot waits for an answer inside a flow, walked over the HTTP API.
describe('frustration and threats inside a flow', () => {
  before(async () => {
    stack = await startStack({ timings: { handoffSlaMs: 60 * 60_000, agentLeaseMs: 60 * 60_000 } });
    channel = await stack.token('channel');
    agent = await stack.token('agent');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  it('when the customer shouts while the bot asks for the e-mail, then a person takes over for shouting', async () => {
    const chat = await startChat(stack, channel);
    assert.equal((await chat.say('I want to cancel my order')).awaiting, 'email');
    const shouted = await chat.say('WHY DO YOU NEED MY EMAIL, JUST CANCEL IT');
    assert.equal(shouted.status, 'awaiting_agent', JSON.stringify(shouted));
    assert.equal((await chat.view()).handoff.reasons[0].code, 'shouting');
  });

  it('when the customer gives their name and zip code in capitals when asked, then it is an answer, not shouting', async () => {
    const chat = await startChat(stack, channel);
    assert.equal((await chat.say('I want to cancel my order')).awaiting, 'email');
    const answered = await chat.say('MY NAME IS TOMAS LINDQVIST, ZIP 55408');
    assert.equal(answered.status, 'open', JSON.stringify(answered));
    assert.equal(answered.awaiting, 'order_id', 'verified: on to which order');
    assert.equal((await chat.view()).handoff, null);
  });

  it('when the customer threatens a chargeback while the bot asks for the e-mail, then a person takes over at once with its own reason, high in the queue', async () => {
    const chat = await startChat(stack, channel);
    assert.equal((await chat.say('where is my refund?')).awaiting, 'email');
    const threat = await chat.say("I'll dispute the charge with my bank");
    assert.equal(threat.status, 'awaiting_agent', JSON.stringify(threat));
    assert.match(threat.replies[0].text, /colleague/);
    assert.equal((await chat.view()).handoff.reasons[0].code, 'chargeback_threat');
    assert.equal((await queued(chat.id))?.priority, 'high');
  });

  it('when the customer threatens legal action as a first message, then a person takes over at once', async () => {
    const chat = await startChat(stack, channel);
    const threat = await chat.say('my lawyer will be in touch about this order');
    assert.equal(threat.status, 'awaiting_agent', JSON.stringify(threat));
    assert.equal((await chat.view()).handoff.reasons[0].code, 'legal_threat');
  });

  it('when the customer complains twice while the bot asks for the e-mail, then the second complaint hands over', async () => {
    const chat = await startChat(stack, channel);
    assert.equal((await chat.say('I want to cancel my order')).awaiting, 'email');
    const first = await chat.say('your service is terrible');
    assert.equal(first.status, 'open', 'one complaint the bot may still handle');
    const second = await chat.say('I am really disappointed with you');
    assert.equal(second.status, 'awaiting_agent', JSON.stringify(second));
    assert.equal((await chat.view()).handoff.reasons[0].code, 'repeated_complaint');
  });

  it('when the customer gives the same address for an order, then for the account, then for the order again, then each is an answer, not a loop', async () => {
    const address = '742 Evergreen Terrace, Apt 2, Springfield, IL 62704, USA';
    const chat = await startChat(stack, channel);
    assert.equal((await chat.say('I need to change the delivery address of order #W2651773')).awaiting, 'email');
    assert.equal((await chat.say('tomas.lindqvist4161@example.com')).awaiting, 'address');
    assert.equal((await chat.say(address)).awaiting, 'confirmation');
    assert.match((await chat.say('no')).replies[0].text, /stays as it is/);
    assert.equal((await chat.say('please update the default address on my account')).awaiting, 'address');
    assert.equal((await chat.say(address)).awaiting, 'confirmation');
    assert.match((await chat.say('yes')).replies[0].text, /default address is now 742 Evergreen Terrace/);
    assert.equal((await chat.say('I need to change the delivery address of order #W2651773 after all')).awaiting, 'address');
    const third = await chat.say(address);
    assert.equal(third.status, 'open', JSON.stringify(third));
    assert.equal(third.awaiting, 'confirmation');
    const done = await chat.say('yes');
    assert.match(done.replies[0].text, /order #?W2651773 will be delivered to 742 Evergreen Terrace/);
    assert.equal((await chat.view()).handoff, null);
  });
});
