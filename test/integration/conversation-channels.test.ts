import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import type { ConversationGateway } from '../../api/conversation-gateway';
import { conversationFor } from '../../channels';
import { findOpenConversationOf } from '../../db/repositories/open-conversations';
import type { Channel, CustomerHint } from '../../domain/conversation';
import { pendingCardOrder } from '../../dev/demo-store-picks';
import { startCapturingStack, type CaptureChannel } from '../support/capture-channel';
import { eventually } from '../support/eventually';
import { call, startChat, type TestStack } from '../support/stack';

const timings = { handoffSlaMs: 60 * 60_000, agentLeaseMs: 60 * 60_000 };

let stack: TestStack;
let email: CaptureChannel;
let gateway: ConversationGateway;
let channelToken: string;
let alex: string;

const post = (path: string, token: string, body: unknown = {}) => call(stack, 'POST', path, { token, body });
const viewOf = async (id: string) => (await call(stack, 'GET', `/v1/conversations/${id}`, { token: alex })).body;

/** A message as a channel adapter sends it: through the gateway, on its channel. */
async function sayOn(id: string, channel: Channel, text: string) {
  const delivery = await gateway.send(id, text, undefined, channel);
  return delivery.kind === 'replied' ? delivery.result : assert.fail(`"${text}" was answered later`);
}

/** The customer of the demo store's first pending card order, with what verifies them. */
async function customerWithPendingOrder() {
  const { orderId, email: address } = await pendingCardOrder(stack.database.db);
  const row = await stack.database.db('customers as c').join('addresses as a', 'a.id', 'c.address_id').where({ 'c.email': address })
    .first('c.id as id', 'c.first_name as first', 'c.last_name as last', 'a.zip as zip');
  return { orderId, email: address as string, id: row.id as string, first: row.first as string, last: row.last as string, zip: row.zip as string };
}

const vouchedBy = (customer: { id: string; first: string; email: string }, by: 'email_address' | 'phone_number'): CustomerHint => ({
  email: customer.email,
  vouched: { customerId: customer.id, firstName: customer.first, by },
});

describe('one conversation across channels', () => {
  before(async () => {
    ({ stack, capture: email, gateway, channelToken, agentToken: alex } = await startCapturingStack('email', timings));
  });
  after(() => stack?.close());

  it('when a verified chat customer then e-mails, then the mail continues their chat, the transcript shows each channel and the agent answers by e-mail', async () => {
    const customer = await customerWithPendingOrder();
    const chat = await startChat(stack, channelToken);
    assert.equal((await chat.say('where is my order?')).awaiting, 'email');
    await chat.say(customer.email);
    await eventually(async () => (await findOpenConversationOf(stack.database.db, customer.id))?.conversationId === chat.id, 'the conversation to be known as theirs');

    const continued = await conversationFor({ gateway, db: stack.database.db, channel: 'email', customer: vouchedBy(customer, 'email_address') });
    assert.equal(continued, chat.id);
    assert.equal((await sayOn(continued, 'email', 'I want to talk to a human')).status, 'awaiting_agent');

    const view = await viewOf(chat.id);
    assert.equal(view.channel, 'chat');
    assert.equal(view.currentChannel, 'email');
    const channels = view.transcript.map((t: any) => [t.from, t.channel]);
    assert.deepEqual(channels.slice(0, 4), [['customer', 'chat'], ['bot', 'chat'], ['customer', 'chat'], ['bot', 'chat']], JSON.stringify(view.transcript));
    const mailed = view.transcript.findIndex((t: any) => t.text === 'I want to talk to a human');
    assert.deepEqual(channels.slice(mailed), [['customer', 'email'], ['bot', 'email']]);

    assert.equal((await post(`/v1/conversations/${chat.id}/claim`, alex)).status, 200);
    assert.equal((await post(`/v1/conversations/${chat.id}/agent-messages`, alex, { text: 'Hi, Alex here, answering your mail.' })).status, 200);
    const mail = await eventually(async () => email.sent.find((n) => n.text === 'Hi, Alex here, answering your mail.'), 'the reply by e-mail');
    assert.equal(mail.customerId, customer.id);
    assert.equal(mail.kind, 'agent_reply');

    // Back on the chat: the next reply follows them there.
    const back = await call(stack, 'POST', `/v1/conversations/${chat.id}/messages`, { token: channelToken, body: { text: 'I am on the chat again', channel: 'chat' } });
    assert.equal(back.status, 200);
    assert.equal((await post(`/v1/conversations/${chat.id}/agent-messages`, alex, { text: 'Seen you here.' })).status, 200);
    const deliveries = await eventually(async () => {
      const listed = (await call(stack, 'GET', `/v1/conversations/${chat.id}/deliveries`, { token: alex })).body.deliveries as any[];
      return listed.length === 2 && listed.every((d) => d.status === 'sent') ? listed : undefined;
    }, 'both replies delivered');
    assert.deepEqual(deliveries.map((d) => [d.text, d.channel]), [['Hi, Alex here, answering your mail.', 'email'], ['Seen you here.', 'chat']]);
    assert.equal(email.sent.filter((n) => n.text === 'Seen you here.').length, 0);
    assert.equal((await viewOf(chat.id)).transcript.filter((t: any) => t.text === 'Seen you here.').length, 1);
  });

  it('when someone nobody knows writes, or a known customer has no open conversation, then a new conversation starts on their channel', async () => {
    const stranger = await conversationFor({ gateway, db: stack.database.db, channel: 'email', customer: { email: 'stranger@example.com' } });
    assert.equal((await viewOf(stranger)).channel, 'email');
    const other = await stack.database.db('customers').orderBy('position', 'desc').first('id', 'first_name', 'email');
    const fresh = await conversationFor({ gateway, db: stack.database.db, channel: 'voice', customer: vouchedBy({ id: other.id, first: other.first_name, email: other.email }, 'phone_number') });
    assert.notEqual(fresh, stranger);
    assert.equal((await viewOf(fresh)).channel, 'voice');
  });

  it('when a message with a conversation token names another channel than chat, then it is refused with the reason', async () => {
    const created = await call(stack, 'POST', '/v1/conversations', { token: channelToken, body: { channel: 'chat' } });
    const res = await call(stack, 'POST', `/v1/conversations/${created.body.conversationId}/messages`, { token: created.body.token, body: { text: 'hi', channel: 'email' } });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'invalid_channel');
    const bad = await call(stack, 'POST', `/v1/conversations/${created.body.conversationId}/messages`, { token: channelToken, body: { text: 'hi', channel: 'fax' } });
    assert.equal(bad.status, 400);
  });
});

describe('a customer the channel vouches for', () => {
  before(async () => {
    ({ stack, capture: email, gateway, channelToken, agentToken: alex } = await startCapturingStack('email', timings));
  });
  after(() => stack?.close());

  it('when an e-mail sender on file asks where an order is, then they are answered without being asked who they are', async () => {
    const customer = await customerWithPendingOrder();
    const id = await gateway.start({ channel: 'email', customer: vouchedBy(customer, 'email_address') });
    const answer = await sayOn(id, 'email', `where is my order ${customer.orderId}?`);
    assert.equal(answer.awaiting, undefined, JSON.stringify(answer));
    assert.match(answer.replies.map((r) => r.text).join(' '), new RegExp(customer.orderId));
  });

  it('when an e-mail sender on file asks to cancel, then they verify by name and zip first: their address does not count, nor someone else\'s details', async () => {
    const customer = await customerWithPendingOrder();
    const id = await gateway.start({ channel: 'email', customer: vouchedBy(customer, 'email_address') });
    const asked = await sayOn(id, 'email', `I want to cancel order ${customer.orderId}`);
    assert.equal(asked.awaiting, 'name_zip', JSON.stringify(asked));
    assert.match(asked.replies[0]?.text ?? '', /full name and zip code/);
    assert.equal((await sayOn(id, 'email', customer.email)).awaiting, 'name_zip');
    const other = await stack.database.db('customers as c').join('addresses as a', 'a.id', 'c.address_id').whereNot({ 'c.id': customer.id }).orderBy('c.position')
      .first('c.first_name as first', 'c.last_name as last', 'a.zip as zip');
    const someoneElse = await sayOn(id, 'email', `my name is ${other.first} ${other.last}, zip ${other.zip}`);
    assert.equal(someoneElse.awaiting, 'name_zip');
    assert.match(someoneElse.replies[0]?.text ?? '', /do not match/);
    const verified = await sayOn(id, 'email', `my name is ${customer.first} ${customer.last}, zip ${customer.zip}`);
    assert.equal(verified.awaiting, 'reason', JSON.stringify(verified));
    assert.equal((await sayOn(id, 'email', 'no longer needed')).awaiting, 'confirmation');
    assert.match((await sayOn(id, 'email', 'yes')).replies[0]?.text ?? '', /is cancelled/);
    // The refund saga's receipt comes from outside the conversation and goes to the channel the customer is on.
    const receipt = await eventually(async () => email.sent.find((n) => n.kind === 'refund' && n.customerId === customer.id && n.text.includes(customer.orderId)), 'the refund receipt by e-mail', 60_000);
    assert.match(receipt.text, /Receipt:/);
    assert.equal(receipt.seq, undefined, 'not a turn the conversation wrote');
  });

  it('when a caller on file asks to cancel, then their e-mail address verifies them', async () => {
    const customer = await customerWithPendingOrder();
    const id = await gateway.start({ channel: 'voice', customer: { phone: '+15550100', vouched: { customerId: customer.id, firstName: customer.first, by: 'phone_number' } } });
    const asked = await sayOn(id, 'voice', `I want to cancel order ${customer.orderId}`);
    assert.equal(asked.awaiting, 'email');
    assert.equal((await sayOn(id, 'voice', customer.email)).awaiting, 'reason');
  });
});
