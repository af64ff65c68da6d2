import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'mocha';
import twilio from 'twilio';
import { createApp } from '../../api/app';
import { deliverNotice } from '../../channels';
import { TwilioSmsSender } from '../../channels/voice/sms-sender';
import type { TwilioWebhookSettings } from '../../channels/voice/twilio-webhooks';
import { addCustomerPhone } from '../../db/repositories/phone-conversations';
import { findNotice, queueNotice } from '../../db/repositories/customer-notifications';
import { workflowIdFor } from '../../domain/conversation';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { eventually } from '../support/eventually';
import { call, startStack, type TestStack } from '../support/stack';
import { startTwilioStandIn, type TwilioStandIn } from '../support/twilio-standin';

/** Where Twilio thinks the app is (a tunnel's address, say): it signs that URL, not the loopback one the test posts to. */
const PUBLIC_URL = 'https://support.example.test';
const AGENT_LINE = '+15550001111';
const SUPPORT_LINE = '+15559990000';

let stack: TestStack;
let standIn: TwilioStandIn;
let channelToken: string;

/** Signs a form as Twilio does (X-Twilio-Signature over the public URL and the parameters) and posts it to `baseUrl`. */
async function postSigned(baseUrl: string, path: string, form: Record<string, string>, options: { authToken?: string; signature?: string | null } = {}) {
  const signature = options.signature === undefined ? twilio.getExpectedTwilioSignature(options.authToken ?? standIn.authToken, PUBLIC_URL + path, form) : options.signature;
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === null ? {} : { 'x-twilio-signature': signature }) },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

const unescape = (xml: string) => xml.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
const said = (twiml: string) => [...twiml.matchAll(/<Say>([^<]*)<\/Say>/g)].map((m) => unescape(m[1]!));

/** A phone call as Twilio places it: each answer goes to the action URL of the last `<Gather>`. */
class Call {
  readonly sid = `CA${crypto.randomBytes(16).toString('hex')}`;
  private next = '/channels/voice/twilio';
  last = '';

  constructor(
    private readonly from: string,
    private readonly baseUrl = stack.baseUrl,
  ) {}

  async post(input: Record<string, string>): Promise<string> {
    const form = { CallSid: this.sid, AccountSid: standIn.accountSid, From: this.from, To: SUPPORT_LINE, CallStatus: 'in-progress', Direction: 'inbound', ...input };
    const answer = await postSigned(this.baseUrl, this.next, form);
    assert.equal(answer.status, 200, answer.text);
    assert.match(answer.type, /text\/xml/);
    this.last = answer.text;
    const action = /<Gather [^>]*action="([^"]+)"/.exec(answer.text)?.[1];
    if (action) this.next = unescape(action).slice(PUBLIC_URL.length);
    return answer.text;
  }

  answer = () => this.post({});
  say = (speech: string) => this.post({ SpeechResult: speech, Confidence: '0.92' });
  press = (digits: string) => this.post({ Digits: digits });
  /** The key the last answer offered for the choice whose spoken label matches. */
  keyFor(label: RegExp): string {
    const offer = said(this.last).find((sentence) => /^Press \d for /.test(sentence) && label.test(sentence));
    assert.ok(offer, `no key offered for ${label} in ${this.last}`);
    return /^Press (\d)/.exec(offer)![1]!;
  }
}

/** A texter's thread as Twilio's SMS webhook delivers it. */
function texter(from: string) {
  return async (body: string, messageSid = `SM${crypto.randomBytes(16).toString('hex')}`) => {
    const answer = await postSigned(stack.baseUrl, '/channels/sms/twilio', { MessageSid: messageSid, AccountSid: standIn.accountSid, From: from, To: SUPPORT_LINE, Body: body, NumMedia: '0' });
    assert.equal(answer.status, 200, answer.text);
    const message = /<Message>([\s\S]*)<\/Message>/.exec(answer.text)?.[1];
    assert.ok(message !== undefined, answer.text);
    return unescape(message);
  };
}

async function conversationOf(channel: 'voice' | 'sms', threadKey: string): Promise<string> {
  const row = await stack.database.db('phone_conversations').where({ channel, thread_key: threadKey }).first('conversation_id');
  assert.ok(row, `no ${channel} thread ${threadKey}`);
  return row.conversation_id;
}

const view = async (conversationId: string) => (await call(stack, 'GET', `/v1/conversations/${conversationId}`, { token: channelToken })).body;

/** Another API over the same Temporal, database and worker, with other Twilio settings. */
async function otherApp(twilioSettings: TwilioWebhookSettings | undefined): Promise<{ url: string; close(): Promise<void> }> {
  const app = createApp({ db: stack.database.db, client: stack.env.client, namespace: stack.env.namespace ?? 'default', taskQueue: stack.taskQueue, idleTimeoutMs: 60 * 60_000, maxBodyBytes: 16 * 1024, turnTimeoutMs: 120_000, twilio: twilioSettings });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function customerId(email: string): Promise<string> {
  const row = await stack.database.db('customers').where({ email }).first('id');
  assert.ok(row, email);
  return row.id;
}

describe('voice and SMS over Twilio webhooks', () => {
  before(async () => {
    standIn = await startTwilioStandIn();
    stack = await startStack({
      twilio: {
        webhooks: { authToken: standIn.authToken, publicBaseUrl: PUBLIC_URL, voiceAgentNumber: AGENT_LINE },
        account: { accountSid: standIn.accountSid, authToken: standIn.authToken, fromNumber: SUPPORT_LINE, apiUrl: standIn.url },
      },
    });
    channelToken = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
    await addCustomerPhone(stack.database.db, await customerId('priya.raman8956@example.com'), '+15550100001');
    await addCustomerPhone(stack.database.db, await customerId('tomas.lindqvist4161@example.com'), '+15550100002');
    await addCustomerPhone(stack.database.db, await customerId('sofia.castillo6709@example.com'), '+15550100003');
  });
  after(async () => {
    await stack?.close();
    await standIn?.close();
  });

  it('when a caller asks by speech where an order is and picks it by a key, then the status is read out digit by digit', async () => {
    const phone = new Call('+15550100001');
    const greeting = await phone.answer();
    assert.match(greeting, /<Gather [^>]*input="speech dtmf"/);
    assert.deepEqual(said(greeting), ['Thank you for calling. How can I help you today?']);

    // The number on file vouches for Priya: a read needs no e-mail address first.
    await phone.say('Where is my order?');
    assert.match(said(phone.last).join(' '), /^Thanks, Priya\. Which order/);
    const key = phone.keyFor(/W 6 8 5 4 8 8 2/);
    assert.match(phone.last, /numDigits="1"/);
    await phone.press(key);
    const status = said(phone.last).join(' ');
    assert.match(status, /Order W 6 8 5 4 8 8 2\b.*on its way/);
    assert.doesNotMatch(status, /\d{2}/, 'figures are read digit by digit');

    const conversation = await view(await conversationOf('voice', phone.sid));
    assert.equal(conversation.channel, 'voice');
    const heard = conversation.transcript.filter((t: { from: string }) => t.from === 'customer').map((t: { text: string }) => t.text);
    assert.deepEqual(heard, ['Where is my order', '#W6854882']);
  });

  it('when a caller cancels a pending order, then the proposal is confirmed by pressing 1', async () => {
    const phone = new Call('+15550100002');
    await phone.answer();
    await phone.say('I want to cancel my order');
    await phone.say('tomas dot lindqvist4161 at example dot com');
    if (/Press \d for W 2 6 5 1 7 7 3/.test(said(phone.last).join(' '))) await phone.press(phone.keyFor(/W 2 6 5 1 7 7 3/));
    await phone.say('I ordered it by mistake');
    assert.ok(said(phone.last).includes('Say yes or press 1 to confirm.'), phone.last);
    await phone.press('1');
    assert.match(said(phone.last).join(' '), /W 2 6 5 1 7 7 3 is cancelled/);
    const order = await stack.database.db('orders').where({ id: '#W2651773' }).first('status');
    assert.equal(order.status, 'cancelled');
  });

  it('when Twilio retries a webhook, then the turn is taken once and answered the same', async () => {
    const phone = new Call('+15550100009');
    await phone.answer();
    const form = { CallSid: phone.sid, From: '+15550100009', To: SUPPORT_LINE, CallStatus: 'in-progress', SpeechResult: 'What is your refund policy?' };
    const first = await postSigned(stack.baseUrl, '/channels/voice/twilio?turn=0', form);
    const retried = await postSigned(stack.baseUrl, '/channels/voice/twilio?turn=0', form);
    assert.equal(first.status, 200);
    assert.equal(retried.text, first.text);
    const conversation = await view(await conversationOf('voice', phone.sid));
    assert.equal(conversation.transcript.filter((t: { from: string }) => t.from === 'customer').length, 1);
    // A number not on file is only a number: nothing is vouched for.
    assert.equal((await stack.database.db('customer_phones').where({ phone: '+15550100009' })).length, 0);
  });

  it('when the signature is wrong, missing, or over another URL, then the request is refused with 403 and nothing starts', async () => {
    const form = { CallSid: `CA${'0'.repeat(32)}`, From: '+15550100001', To: SUPPORT_LINE };
    const forged = await postSigned(stack.baseUrl, '/channels/voice/twilio', form, { authToken: 'not-the-auth-token-at-all' });
    assert.equal(forged.status, 403);
    assert.equal(JSON.parse(forged.text).error.code, 'invalid_signature');
    const missing = await postSigned(stack.baseUrl, '/channels/sms/twilio', { MessageSid: `SM${'0'.repeat(32)}`, From: '+15550100001', To: SUPPORT_LINE, Body: 'hi' }, { signature: null });
    assert.equal(missing.status, 403);
    assert.equal(JSON.parse(missing.text).error.code, 'missing_signature');
    // Signed for the first turn, replayed against another: the URL is part of what is signed.
    const signature = twilio.getExpectedTwilioSignature(standIn.authToken, `${PUBLIC_URL}/channels/voice/twilio?turn=0`, form);
    const moved = await postSigned(stack.baseUrl, '/channels/voice/twilio?turn=5', form, { signature });
    assert.equal(moved.status, 403);
    assert.equal((await stack.database.db('phone_conversations').where({ thread_key: form.CallSid })).length, 0);
  });

  it('when a signed form lacks a field or is not a form, then the answer is 400 naming it', async () => {
    const noFrom = await postSigned(stack.baseUrl, '/channels/voice/twilio', { CallSid: `CA${'1'.repeat(32)}`, To: SUPPORT_LINE });
    assert.equal(noFrom.status, 400);
    assert.match(JSON.parse(noFrom.text).error.message, /From/);
    const badTurn = await postSigned(stack.baseUrl, '/channels/voice/twilio?turn=abc', { CallSid: `CA${'1'.repeat(32)}`, From: '+15550100001', To: SUPPORT_LINE });
    assert.equal(badTurn.status, 400);
    const json = await fetch(`${stack.baseUrl}/channels/sms/twilio`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-twilio-signature': 'x' }, body: '{}' });
    assert.equal(json.status, 400);
    assert.equal(((await json.json()) as { error: { code: string } }).error.code, 'invalid_form');
  });

  it('when a customer texts, then choices come as a numbered list, a number picks one, and a later refund notice is texted back', async () => {
    const text = texter('+15550100003');
    const list = await text('where is my order?');
    assert.match(list, /^Thanks, Sofia\./, 'the number on file vouches for a read');
    const line = /^(\d)\. #W2941968/m.exec(list);
    assert.ok(line, list);
    assert.match(list, /Reply with a number\.$/);
    assert.match(await text(line[1]!), /Order #W2941968 .*delivered/);

    // Moving money is more than a read: the texter verifies with the e-mail on their account first.
    let answer = await text('I want to cancel my order #W8257529');
    assert.match(answer, /e-?mail/i, answer);
    answer = await text('sofia.castillo6709@example.com');
    if (/reason/i.test(answer) || !/YES/.test(answer)) answer = await text('I no longer need it');
    assert.match(answer, /Reply YES to confirm or NO if not\.$/);
    assert.match(await text('YES'), /is cancelled/);

    // The refund saga's receipt is a later message: the outbox texts it to the number the customer wrote from.
    const receipt = await eventually(async () => standIn.texts.find((t) => t.to === '+15550100003' && /Receipt:/.test(t.body)), 'the refund receipt texted to the customer', 60_000);
    assert.equal(receipt.from, SUPPORT_LINE);
    assert.match(receipt.body, /#W8257529/);
    const row = await stack.database.db('customer_notifications').where({ order_id: '#W8257529' }).first();
    assert.equal(row.channel, 'sms');
    assert.equal(row.status, 'sent');
  });

  it('when a customer verified in an open chat texts from their number on file, then the text continues that conversation', async () => {
    const customer = await stack.database.db('customers as c').join('orders as o', 'o.customer_id', 'c.id').whereNotIn('c.email', ['priya.raman8956@example.com', 'tomas.lindqvist4161@example.com', 'sofia.castillo6709@example.com'])
      .orderBy('o.position').first('c.id as id', 'c.email as email', 'o.id as orderId');
    await addCustomerPhone(stack.database.db, customer.id, '+15550100009');
    const started = await call(stack, 'POST', '/v1/conversations', { token: channelToken, body: { channel: 'chat' } });
    const chatId = started.body.conversationId as string;
    await call(stack, 'POST', `/v1/conversations/${chatId}/messages`, { token: channelToken, body: { text: `where is my order ${customer.orderId}?` } });
    assert.equal((await call(stack, 'POST', `/v1/conversations/${chatId}/messages`, { token: channelToken, body: { text: customer.email } })).status, 200);

    // The operators' projection learns who the customer is just after the turn that told the conversation.
    await eventually(async () => stack.database.db('conversation_outcomes').where({ conversation_id: chatId, customer_key: customer.id }).first(), 'the chat known as the customer\'s', 30_000);
    const text = texter('+15550100009');
    const sid = `SM${crypto.randomBytes(16).toString('hex')}`;
    await text('any news on that order?', sid);
    assert.equal(await conversationOf('sms', '+15550100009'), chatId, 'one customer, one conversation');
    const turns = (await view(chatId)).transcript.filter((t: { from: string }) => t.from === 'customer') as { text: string; channel: string }[];
    assert.deepEqual(turns.map((t) => t.channel), ['chat', 'chat', 'sms']);
  });

  /** A customer on file with several orders, none of whose numbers the other tests use, given this phone number. */
  async function customerWithOrdersAt(phone: string, offset: number): Promise<string> {
    const row = await stack.database.db('orders as o').join('customers as c', 'c.id', 'o.customer_id')
      .whereNotIn('c.email', ['priya.raman8956@example.com', 'tomas.lindqvist4161@example.com', 'sofia.castillo6709@example.com'])
      .groupBy('c.id').havingRaw('count(*) >= 2').orderBy('c.id', 'desc').offset(offset).first('c.id as id');
    assert.ok(row, 'the demo store has customers with several orders');
    await addCustomerPhone(stack.database.db, row.id, phone);
    return row.id;
  }
  const saidIn = (twiml: string, locale: string) => [...twiml.matchAll(new RegExp(`<Say language="${locale}">([^<]*)</Say>`, 'g'))].map((m) => unescape(m[1]!));

  it('when a caller speaks French, then the greeting is English (nothing is known yet) and from the first reply on every line is French, spoken and heard as fr-FR', async () => {
    await customerWithOrdersAt('+15550100021', 0);
    const phone = new Call('+15550100021');
    const greeting = await phone.answer();
    assert.deepEqual(said(greeting), ['Thank you for calling. How can I help you today?']);
    assert.doesNotMatch(greeting, /language=/);

    const answer = await phone.say('Bonjour, je voudrais savoir où en est ma commande, s’il vous plaît.');
    assert.deepEqual(said(answer), [], `every <Say> carries the language: ${answer}`);
    const lines = saidIn(answer, 'fr-FR');
    assert.ok(lines.some((l) => /^Appuyez sur 1 pour /.test(l)), answer);
    assert.ok(!lines.some((l) => /Press \d/.test(l)), answer);
    assert.match(answer, /<Gather [^>]*language="fr-FR"/);

    // The line said before the next reply is known follows the call's language too.
    const again = await phone.post({});
    assert.equal(saidIn(again, 'fr-FR')[0], 'Désolé, je n’ai pas compris. Veuillez répéter ou utiliser le clavier.', again);
    assert.deepEqual(said(again), [], again);
    assert.match(again, /<Gather [^>]*language="fr-FR"/);
    const thread = await stack.database.db('phone_conversations').where({ channel: 'voice', thread_key: phone.sid }).first('language');
    assert.equal(thread.language, 'fr');
  });

  it('when a customer texts in Portuguese, then the numbered list is answered by a Portuguese line', async () => {
    await customerWithOrdersAt('+15550100022', 1);
    const text = texter('+15550100022');
    const list = await text('Olá, gostaria de saber onde está a minha encomenda, por favor.');
    assert.match(list, /^1\. /m, list);
    assert.match(list, /\nResponda com um número\.$/);
    assert.doesNotMatch(list, /Reply with a number/);
  });

  it('when a caller asks for a person and an agent line is set, then the call is transferred with <Dial>, and the number on file vouched for the caller', async () => {
    const phone = new Call('+15550100001');
    await phone.answer();
    const transfer = await phone.say('I want to talk to a human');
    assert.match(transfer, new RegExp(`<Dial>\\${AGENT_LINE}</Dial>`));
    const conversation = await view(await conversationOf('voice', phone.sid));
    assert.equal(conversation.status, 'awaiting_agent');
    assert.deepEqual(conversation.handoff.customer.hint, {
      phone: '+15550100001',
      vouched: { customerId: await customerId('priya.raman8956@example.com'), firstName: 'Priya', by: 'phone_number' },
    });
  });

  it('when a caller asks for a person and there is no agent line, then the call-back is promised, timed, and raised when nobody takes it', async () => {
    const api = await otherApp({ authToken: standIn.authToken, publicBaseUrl: PUBLIC_URL, callbackMinutes: 2 / 60 });
    try {
      // A number not on file: a caller on file would continue the conversation they have open.
      const phone = new Call('+15550100077', api.url);
      await phone.answer();
      const promise = await phone.say('I want to talk to a human');
      assert.doesNotMatch(promise, /<Dial>/);
      assert.match(said(promise).join(' '), /call you back at this number/);
      assert.match(promise, /<Hangup\/>/);
      const row = await stack.database.db('phone_conversations').where({ thread_key: phone.sid }).first('callback_requested_at', 'conversation_id');
      assert.ok(row.callback_requested_at);

      const promised = await view(row.conversation_id);
      assert.equal(promised.handoff.callback.phone, '+15550100077');
      assert.ok(!promised.handoff.callback.overdue);
      const before = promised.handoff.priority;
      // Nobody claims it: the conversation's own timer raises it and tells the supervisors.
      const overdue = await eventually(async () => {
        const now = await view(row.conversation_id);
        return now.handoff.callback.overdue ? now : undefined;
      }, 'the call-back to be overdue', 30_000);
      assert.notEqual(overdue.handoff.priority, before);
      assert.ok(overdue.decisions.some((d: { kind: string; reason: string }) => d.kind === 'sla' && /call back .* overdue/.test(d.reason)));
      const told = await stack.database.db('staff_notifications').where({ conversation_id: row.conversation_id, kind: 'callback_overdue' });
      assert.equal(told.length, 1);
    } finally {
      await api.close();
    }
  });

  it('when no TWILIO_AUTH_TOKEN is configured, then the webhooks refuse every request with 503 and a reason', async () => {
    const api = await otherApp(undefined);
    try {
      const form = { CallSid: `CA${'2'.repeat(32)}`, From: '+15550100001', To: SUPPORT_LINE };
      const answer = await postSigned(api.url, '/channels/voice/twilio', form);
      assert.equal(answer.status, 503);
      assert.equal(JSON.parse(answer.text).error.code, 'twilio_not_configured');
    } finally {
      await api.close();
    }
  });

  it('when a notice goes to an SMS conversation, then it is texted once; without a Twilio account it fails with the reason, and a refusal is recorded', async () => {
    const text = texter('+15550100007');
    await text('hello');
    const conversationId = await conversationOf('sms', '+15550100007');
    const db = stack.database.db;
    const customer = await customerId('priya.raman8956@example.com');
    const sender = new TwilioSmsSender({ accountSid: standIn.accountSid, authToken: standIn.authToken, fromNumber: SUPPORT_LINE, apiUrl: standIn.url });
    const client = () => stack.env.client;

    await queueNotice(db, { idempotencyKey: `voice-test:${conversationId}:reply`, customerId: customer, body: 'An agent replied: your parcel left the warehouse today.', conversationWorkflowId: workflowIdFor(conversationId), channel: 'sms' });
    assert.equal(await deliverNotice({ db, client, sms: sender }, `voice-test:${conversationId}:reply`), 'sent');
    assert.equal(await deliverNotice({ db, client, sms: sender }, `voice-test:${conversationId}:reply`), 'sent');
    assert.deepEqual(standIn.texts.filter((t) => t.to === '+15550100007').map((t) => t.body), ['An agent replied: your parcel left the warehouse today.']);

    await queueNotice(db, { idempotencyKey: `voice-test:${conversationId}:unsent`, customerId: customer, body: 'Another notice.', conversationWorkflowId: workflowIdFor(conversationId), channel: 'voice' });
    assert.equal(await deliverNotice({ db, client, sms: new TwilioSmsSender() }, `voice-test:${conversationId}:unsent`), 'failed');
    assert.match((await findNotice(db, `voice-test:${conversationId}:unsent`))!.failureReason!, /no Twilio account is configured/);

    standIn.refuseNext(400, 21211, "The 'To' number is not a valid phone number.");
    assert.equal(await deliverNotice({ db, client, sms: sender }, `voice-test:${conversationId}:unsent`), 'failed');
    assert.match((await findNotice(db, `voice-test:${conversationId}:unsent`))!.failureReason!, /Twilio refused the text .*21211/);
  });
});
