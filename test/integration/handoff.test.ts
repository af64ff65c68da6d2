import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import { actorIdOf } from '../../auth/roles';
import { authenticate, mintToken } from '../../auth/token-service';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { call, startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;
let alex: string;
let blake: string;
let sam: string;
/** Who each token acts as in conversations and records: its id, never its name. */
let ids: { alex: string; blake: string; sam: string };

async function idOf(token: string): Promise<string> {
  const principal = await authenticate(stack.database.db, token);
  assert.ok(principal);
  return actorIdOf(principal);
}

const post = (path: string, token: string, body: unknown = {}) => call(stack, 'POST', path, { token, body });
const queue = async (token = alex) => (await call(stack, 'GET', '/v1/agent/queue', { token })).body.queue as any[];

async function demoCustomer() {
  const row = await stack.database.db('customers').orderBy('position').first('id', 'email', 'first_name');
  return row as { id: string; email: string; first_name: string };
}

describe('handoff to a person', () => {
  before(async () => {
    stack = await startStack({ timings: { handoffSlaMs: 60 * 60_000, agentLeaseMs: 60 * 60_000 } });
    channel = await stack.token('channel');
    alex = await mintToken(stack.database.db, { role: 'agent', name: 'Alex' });
    blake = await mintToken(stack.database.db, { role: 'agent', name: 'Blake' });
    sam = await mintToken(stack.database.db, { role: 'supervisor', name: 'Sam' });
    ids = { alex: await idOf(alex), blake: await idOf(blake), sam: await idOf(sam) };
  });
  after(() => stack?.close());
  beforeEach(() => replaceStore(stack.database.db, buildDemoStore()));

  describe('handing a conversation to a person', () => {
    it('when the customer asks for a human, then the packet is queued, one agent owns it, the bot stays quiet and the customer sees the reply', async () => {
      const customer = await demoCustomer();
      const chat = await startChat(stack, channel);
      await chat.say('where is my order?');
      await chat.say(customer.email);
      const handed = await chat.say('I want to talk to a human');
      assert.equal(handed.status, 'awaiting_agent');
      assert.match(handed.replies[0].text, /colleague/);

      const listed = (await queue()).find((q) => q.conversationId === chat.id);
      assert.ok(listed, 'the conversation is in the queue');
      assert.equal(listed.status, 'awaiting_agent');
      assert.equal(listed.priority, 'normal');
      assert.match(listed.summary, new RegExp(customer.id));

      // The packet: identity, profile, intents with tier and confidence, the reason and the open request.
      const view = await chat.view();
      const packet = view.handoff;
      assert.equal(packet.customer.verified, true);
      assert.equal(packet.customer.customerId, customer.id);
      assert.equal(packet.profile.email, customer.email);
      assert.ok(packet.profile.orders.length > 0);
      assert.ok(packet.intents.some((i: any) => i.intent === 'track_order' && typeof i.confidence === 'number' && i.tier));
      assert.equal(packet.reasons[0].code, 'explicit_request');
      assert.equal(packet.pendingRequest.kind, 'track_order');
      assert.ok(packet.transcript.some((t: any) => t.text === 'I want to talk to a human'));

      const waiting = await chat.say('hello? anyone there?');
      assert.equal(waiting.status, 'awaiting_agent');
      assert.match(waiting.replies[0].text, /colleague will see it/);

      const claimed = await post(`/v1/conversations/${chat.id}/claim`, alex);
      assert.equal(claimed.status, 200, JSON.stringify(claimed.body));
      assert.deepEqual(claimed.body, { status: 'with_agent', owner: ids.alex });
      const second = await post(`/v1/conversations/${chat.id}/claim`, blake);
      assert.equal(second.status, 409);
      assert.equal(second.body.error.code, 'already_claimed');
      const intruder = await post(`/v1/conversations/${chat.id}/agent-messages`, blake, { text: 'Hi, Blake here' });
      assert.equal(intruder.status, 409);
      assert.equal(intruder.body.error.code, 'not_owner');

      const quiet = await chat.say('are you a real person?');
      assert.equal(quiet.status, 'with_agent');
      assert.deepEqual(quiet.replies, [], 'the bot never answers while a person owns the conversation');

      const replied = await post(`/v1/conversations/${chat.id}/agent-messages`, alex, { text: 'Hi, I am Alex. Your order is on its way.' });
      assert.equal(replied.status, 200);
      const customerSide = await chat.view();
      assert.ok(customerSide.transcript.some((t: any) => t.from === 'agent' && t.text === 'Hi, I am Alex. Your order is on its way.'));
      assert.ok(customerSide.transcript.some((t: any) => t.from === 'customer' && t.text === 'are you a real person?'), 'the agent sees what was written meanwhile');

      const resolved = await post(`/v1/conversations/${chat.id}/resolve`, alex, { outcome: 'explained the delivery date' });
      assert.deepEqual(resolved.body, { status: 'resolved' });
      const after = await chat.view();
      assert.equal(after.status, 'resolved');
      assert.match(after.transcript.at(-1).text, /from 1 \(poor\) to 5/);
      const rated = await chat.say('5');
      assert.equal(rated.status, 'resolved');
      assert.equal((await chat.view()).csat.score, 5);

      const actions = (await chat.view()).agentActions;
      assert.deepEqual(actions.map((a: any) => [a.by, a.name, a.action]), [[ids.alex, 'Alex', 'claim'], [ids.alex, 'Alex', 'reply'], [ids.alex, 'Alex', 'resolve']]);
      assert.ok(after.transcript.some((t: any) => t.from === 'system' && t.text === 'Alex from our team has joined the conversation.'), 'the customer sees the name, not the id');
      assert.ok(actions.every((a: any) => !Number.isNaN(Date.parse(a.at))));
      assert.equal((await queue()).find((q) => q.conversationId === chat.id), undefined, 'a resolved conversation leaves the queue');
    });

    it('when two agents claim at the same moment, then exactly one owns it', async () => {
      const chat = await startChat(stack, channel);
      await chat.say('let me speak to a person please');
      const results = await Promise.all([post(`/v1/conversations/${chat.id}/claim`, alex), post(`/v1/conversations/${chat.id}/claim`, blake)]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
      const owner = results.find((r) => r.status === 200)?.body.owner;
      const listed = (await queue()).find((q) => q.conversationId === chat.id);
      assert.equal(listed.claimedBy, owner);
    });

    it('when the agent returns the conversation to the bot, then the bot answers again', async () => {
      const chat = await startChat(stack, channel);
      await chat.say('I want to talk to an agent');
      await post(`/v1/conversations/${chat.id}/claim`, alex);
      const back = await post(`/v1/conversations/${chat.id}/return-to-bot`, alex, { note: 'only had a general question' });
      assert.deepEqual(back.body, { status: 'open' });
      const reply = await chat.say('hello');
      assert.equal(reply.status, 'open');
      assert.equal(reply.intent, 'greeting');
      assert.equal((await chat.view()).handoff.outcome.kind, 'returned_to_bot');
    });

    it('when a supervisor takes over, then the first agent can no longer reply', async () => {
      const chat = await startChat(stack, channel);
      await chat.say('get me a human');
      await post(`/v1/conversations/${chat.id}/claim`, alex);
      const plain = await post(`/v1/conversations/${chat.id}/claim`, sam);
      assert.equal(plain.status, 409);
      const taken = await post(`/v1/conversations/${chat.id}/claim`, sam, { takeOver: true });
      assert.deepEqual(taken.body, { status: 'with_agent', owner: ids.sam });
      assert.equal((await post(`/v1/conversations/${chat.id}/agent-messages`, alex, { text: 'still here' })).status, 409);
      assert.deepEqual((await chat.view()).agentActions.map((a: any) => a.action), ['claim', 'take_over']);
    });

    it('when two agents share a name (minted without --name), then one still cannot reply in or take the other\'s conversation', async () => {
      const first = await mintToken(stack.database.db, { role: 'agent', name: 'agent token' });
      const second = await mintToken(stack.database.db, { role: 'agent', name: 'agent token' });
      const chat = await startChat(stack, channel);
      await chat.say('I want to talk to a person');
      assert.equal((await post(`/v1/conversations/${chat.id}/claim`, first)).status, 200);
      const claim = await post(`/v1/conversations/${chat.id}/claim`, second);
      assert.equal(claim.status, 409);
      assert.equal(claim.body.error.code, 'already_claimed');
      const reply = await post(`/v1/conversations/${chat.id}/agent-messages`, second, { text: 'I am the same name' });
      assert.equal(reply.status, 409);
      assert.equal(reply.body.error.code, 'not_owner');
      assert.equal((await post(`/v1/conversations/${chat.id}/resolve`, second, { outcome: 'closing it' })).status, 409);
      assert.equal((await chat.view()).handoff.owner.agent, await idOf(first));
    });

    it('when a supervisor has the owning agent\'s name, then they cannot reply without taking the conversation over', async () => {
      const namesake = await mintToken(stack.database.db, { role: 'supervisor', name: 'Alex' });
      const chat = await startChat(stack, channel);
      await chat.say('get me a human');
      await post(`/v1/conversations/${chat.id}/claim`, alex);
      const reply = await post(`/v1/conversations/${chat.id}/agent-messages`, namesake, { text: 'Alex here, sort of' });
      assert.equal(reply.status, 409);
      assert.equal(reply.body.error.code, 'not_owner');
      assert.ok(!(await chat.view()).transcript.some((t: any) => t.text === 'Alex here, sort of'));
      const taken = await post(`/v1/conversations/${chat.id}/claim`, namesake, { takeOver: true });
      assert.deepEqual(taken.body, { status: 'with_agent', owner: await idOf(namesake) });
    });

    it('when commands do not fit, then they are refused plainly and nothing changes', async () => {
      const chat = await startChat(stack, channel);
      await chat.say('hello');
      const notWaiting = await post(`/v1/conversations/${chat.id}/claim`, alex);
      assert.equal(notWaiting.status, 409);
      assert.equal(notWaiting.body.error.code, 'not_waiting');
      assert.equal((await post(`/v1/conversations/${chat.id}/resolve`, alex, { outcome: 'done here' })).body.error.code, 'not_claimed');
      assert.equal((await call(stack, 'GET', '/v1/agent/queue', { token: channel })).status, 403);
      assert.equal((await post(`/v1/conversations/${chat.id}/claim`, channel)).status, 403);
      assert.equal((await post(`/v1/conversations/${chat.id}/agent-messages`, alex, { nope: 1 })).status, 400);
      assert.equal((await post(`/v1/conversations/not-a-uuid/claim`, alex)).status, 404);
      assert.equal((await chat.view()).status, 'open');
    });

    it('when the customer swears at the bot, then it escalates at once with high priority; a calm all-caps order id does not', async () => {
      const calm = await startChat(stack, channel);
      const calmReply = await calm.say('WHERE IS #W2651773');
      assert.equal(calmReply.status, 'open');

      const angry = await startChat(stack, channel);
      const reply = await angry.say('this is fucking useless, you stupid bot');
      assert.equal(reply.status, 'awaiting_agent');
      const packet = (await angry.view()).handoff;
      assert.ok(packet.reasons.some((r: any) => r.code === 'profanity' || r.code === 'insult'), JSON.stringify(packet.reasons));
      assert.equal(packet.priority, 'high');
    });
  });
});
