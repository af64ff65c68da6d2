import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import { ConversationGateway } from '../../api/conversation-gateway';
import { findNotice } from '../../db/repositories/customer-notifications';
import { workflowIdFor, type Channel, type CustomerHint } from '../../domain/conversation';
import { SLA_APOLOGY_TEXT } from '../../workflows/conversation/outbox';
import { startCapturingStack, type CaptureChannel } from '../support/capture-channel';
import { eventually } from '../support/eventually';
import { call, startChat, type TestStack } from '../support/stack';

const timings = { handoffSlaMs: 4_000, agentLeaseMs: 60 * 60_000 };

let stack: TestStack;
let email: CaptureChannel;
let gateway: ConversationGateway;
let channelToken: string;
let alex: string;

const post = (path: string, token: string, body: unknown = {}) => call(stack, 'POST', path, { token, body });

/** A conversation as a channel adapter starts it, through the gateway, and its messages on that channel. */
async function conversationOn(channel: Channel, customer?: CustomerHint) {
  const id = await gateway.start({ channel, ...(customer ? { customer } : {}) });
  return {
    id,
    async say(text: string) {
      const delivery = await gateway.send(id, text, undefined, channel);
      assert.equal(delivery.kind, 'replied');
      return delivery.kind === 'replied' ? delivery.result : assert.fail('answered later');
    },
  };
}

async function handedToAlex(channel: Channel) {
  const conversation = await conversationOn(channel, { email: 'someone@example.com', name: 'Someone' });
  assert.equal((await conversation.say('I want to talk to a human')).status, 'awaiting_agent');
  assert.equal((await post(`/v1/conversations/${conversation.id}/claim`, alex)).status, 200);
  return conversation;
}

const deliveriesOf = async (id: string, token = alex) => call(stack, 'GET', `/v1/conversations/${id}/deliveries`, { token });
const sentWithKey = (key: string) => email.sent.filter((n) => n.idempotencyKey === key);

describe('the outbox delivers every later message to the customer\'s channel', () => {
  before(async () => {
    ({ stack, capture: email, gateway, channelToken, agentToken: alex } = await startCapturingStack('email', timings));
  });
  after(() => stack?.close());
  beforeEach(() => {
    email.unreachable = false;
  });

  it('when an agent replies to an e-mail customer while the relay is down and the worker restarts, then the reply is sent once, after the restart, and its failures are on record', async () => {
    const conversation = await handedToAlex('email');
    email.unreachable = true;
    const replied = await post(`/v1/conversations/${conversation.id}/agent-messages`, alex, { text: 'Hi, Alex here. Your parcel left the warehouse today.' });
    assert.equal(replied.status, 200);

    const key = await eventually(async () => {
      const listed = (await deliveriesOf(conversation.id)).body.deliveries as any[];
      const reply = listed.find((d) => d.kind === 'agent_reply');
      return reply?.status === 'failed' ? (reply.idempotencyKey as string) : undefined;
    }, 'the first delivery to fail');
    const failed = await findNotice(stack.database.db, key);
    assert.match(failed?.failureReason ?? '', /ECONNREFUSED/);
    assert.equal(failed?.channel, 'email');

    // A real restart: the worker goes away with the delivery still to do, and a new one (with no cached conversation) takes over.
    await stack.stopWorker();
    email.unreachable = false;
    await stack.startWorker();

    const sent = await eventually(async () => {
      const row = await findNotice(stack.database.db, key);
      return row?.status === 'sent' ? row : undefined;
    }, 'the delivery to go out after the restart', 60_000);
    assert.ok(sent.attempts >= 2, `attempts ${sent.attempts}`);
    assert.equal(sent.failureReason, null);
    const [mail, ...again] = sentWithKey(key);
    assert.ok(mail, 'the reply reached the channel');
    assert.equal(again.length, 0, 'and only once');
    assert.equal(mail.text, 'Hi, Alex here. Your parcel left the warehouse today.');
    assert.equal(mail.kind, 'agent_reply');
    assert.equal(mail.conversationWorkflowId, workflowIdFor(conversation.id));
    const view = (await call(stack, 'GET', `/v1/conversations/${conversation.id}`, { token: alex })).body;
    assert.equal(mail.seq, view.transcript.find((t: any) => t.from === 'agent').seq, 'keyed by its transcript turn');

    // The new worker replayed the conversation: a later turn and a later reply send nothing of the earlier ones again.
    await conversation.say('thanks, and when will it arrive?');
    assert.equal((await post(`/v1/conversations/${conversation.id}/agent-messages`, alex, { text: 'Tomorrow.' })).status, 200);
    await eventually(async () => email.sent.some((n) => n.text === 'Tomorrow.'), 'the second reply');
    assert.equal(sentWithKey(key).length, 1);
    const keys = email.sent.filter((n) => n.conversationWorkflowId === workflowIdFor(conversation.id)).map((n) => n.idempotencyKey);
    assert.equal(new Set(keys).size, keys.length, `no key twice: ${keys.join(', ')}`);
  });

  it('when an e-mail customer\'s message is answered 202 because no worker runs, then its reply goes out by e-mail once the worker is back, keyed by the message', async () => {
    const conversation = await conversationOn('email', { email: 'late@example.com' });
    await conversation.say('hello');
    const impatient = new ConversationGateway({ client: stack.env.client, taskQueue: stack.taskQueue, idleTimeoutMs: 60 * 60_000, timings, turnTimeoutMs: 1_000 });
    await stack.stopWorker();
    try {
      const delivery = await impatient.send(conversation.id, 'what are your opening hours?', 'late-1', 'email');
      assert.equal(delivery.kind, 'accepted');
    } finally {
      await stack.startWorker();
    }
    const key = `reply:${conversation.id}:late-1`;
    const late = await eventually(async () => sentWithKey(key)[0], 'the late reply by e-mail', 60_000);
    assert.equal(late.kind, 'late_reply');
    const view = (await call(stack, 'GET', `/v1/conversations/${conversation.id}`, { token: alex })).body;
    const asked = view.transcript.find((t: any) => t.text === 'what are your opening hours?');
    assert.equal(asked.channel, 'email', 'the message that came by signal keeps its channel');
    const reply = view.transcript.find((t: any) => t.seq === late.seq);
    assert.equal(reply?.from, 'bot');
    assert.ok(late.text.startsWith(reply.text), 'the reply as the transcript has it');
    assert.equal((await findNotice(stack.database.db, key))?.status, 'sent');
    assert.equal(sentWithKey(key).length, 1);
  });

  it('when an agent replies in a chat, then the transcript shows the reply once and the outbox records it sent on chat', async () => {
    const conversation = await handedToAlex('chat');
    assert.equal((await post(`/v1/conversations/${conversation.id}/agent-messages`, alex, { text: 'Hello from Alex.' })).status, 200);
    const delivered = await eventually(async () => {
      const listed = (await deliveriesOf(conversation.id)).body.deliveries as any[];
      return listed.find((d) => d.kind === 'agent_reply' && d.status === 'sent');
    }, 'the reply to be delivered');
    assert.equal(delivered.channel, 'chat');
    assert.equal(delivered.text, 'Hello from Alex.');
    assert.equal(delivered.attempts, 1);
    const view = (await call(stack, 'GET', `/v1/conversations/${conversation.id}`, { token: alex })).body;
    assert.equal(view.transcript.filter((t: any) => t.text === 'Hello from Alex.').length, 1);
    assert.equal(view.transcript.find((t: any) => t.text === 'Hello from Alex.').seq, delivered.seq);
    assert.equal(email.sent.filter((n) => n.conversationWorkflowId === workflowIdFor(conversation.id)).length, 0, 'a chat customer gets nothing by e-mail');
    // Joining is news in the chat, not a message of its own elsewhere.
    assert.equal(((await deliveriesOf(conversation.id)).body.deliveries as any[]).length, 1);
  });

  it('when nobody claims a handoff within the SLA, then the customer is told they are not forgotten, on their channel', async () => {
    const conversation = await conversationOn('email', { email: 'waiting@example.com' });
    assert.equal((await conversation.say('I want to talk to a human')).status, 'awaiting_agent');
    const apology = await eventually(
      async () => email.sent.find((n) => n.conversationWorkflowId === workflowIdFor(conversation.id) && n.kind === 'sla_apology'),
      'the SLA apology',
      30_000,
    );
    assert.equal(apology.text, SLA_APOLOGY_TEXT);
    const view = (await call(stack, 'GET', `/v1/conversations/${conversation.id}`, { token: alex })).body;
    const turn = view.transcript.find((t: any) => t.text === SLA_APOLOGY_TEXT);
    assert.equal(turn.seq, apology.seq);
    assert.equal(turn.channel, 'email');
  });

  it('when the deliveries of a conversation are asked for by someone who is not staff, or of no conversation, then the answer says why', async () => {
    const conversation = await startChat(stack, channelToken);
    await conversation.say('hello');
    const refused = await deliveriesOf(conversation.id, channelToken);
    assert.equal(refused.status, 403);
    const none = await deliveriesOf('0b7e2a3c-1f4d-4c5e-9a6b-7c8d9e0f1a2b');
    assert.equal(none.status, 404);
    const nothingYet = await deliveriesOf(conversation.id);
    assert.equal(nothingYet.status, 200);
    assert.deepEqual(nothingYet.body, { conversationId: conversation.id, currentChannel: 'chat', deliveries: [] });
  });
});
