import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { after, before, describe, it } from 'mocha';
import nodemailer, { type Transporter } from 'nodemailer';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { defaultPayloadConverter } from '@temporalio/common';
import { ConversationGateway } from '../../api/conversation-gateway';
import { deliverNotice, EmailInbox, mailOutOf, mailSenderOf, type Conversations } from '../../channels';
import { sendThreadMail } from '../../channels/email/mail-out';
import { openThread, recordInboundMessageId } from '../../db/repositories/email-channel';
import { queueNotice } from '../../db/repositories/customer-notifications';
import { workflowIdFor, type CustomerHint } from '../../domain/conversation';
import { silentLogger } from '../../observability/logger';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { eventually } from '../support/eventually';
import { call, startStack, type TestStack } from '../support/stack';
import { privacyOf } from '../support/temporal';

const SUPPORT = 'support@example.com';

/** A local SMTP sink standing in for the relay: every mail the product sends lands here, parsed. */
async function startSink(): Promise<{ port: number; mails: ParsedMail[]; close(): Promise<void> }> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        mails.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let stack: TestStack;
let sink: Awaited<ReturnType<typeof startSink>>;
let smtp: Transporter;
let sequence = 0;

interface Outgoing {
  from: string;
  to?: string;
  subject?: string;
  text?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  attachments?: { filename: string; content: string; contentType: string }[];
}

/** Sends a mail to the listener with a real SMTP client; its Message-ID. */
async function mailIn(mail: Outgoing): Promise<string> {
  const messageId = `<customer-${process.pid}-${++sequence}@example.org>`;
  await smtp.sendMail({ to: SUPPORT, subject: 'Question', ...mail, messageId });
  return messageId;
}

const repliesTo = (messageId: string) => sink.mails.filter((m) => m.inReplyTo === messageId);
const replyTo = (messageId: string) => eventually(async () => repliesTo(messageId)[0], `the reply to ${messageId}`, 60_000);

async function inboxRow(messageId: string) {
  await stack.email!.inbox.settled();
  return stack.database.db('email_inbox').where({ message_id: messageId }).first();
}

/** The conversation's input as it was started (decoded with the test's payload keys). */
async function customerHintOf(conversationId: string): Promise<CustomerHint | undefined> {
  const history = await stack.env.client.workflow.getHandle(workflowIdFor(conversationId)).fetchHistory();
  const payloads = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
  const [first] = await privacyOf(stack.env).codec.decode(payloads);
  return (defaultPayloadConverter.fromPayload(first!) as { customer?: CustomerHint }).customer;
}

async function viewOf(conversationId: string): Promise<{ transcript: { from: string; text: string }[]; options?: { id: string; label: string }[] }> {
  const read = await call(stack, 'GET', `/v1/conversations/${conversationId}`, { token: await stack.token('channel') });
  assert.equal(read.status, 200);
  return read.body;
}

const customerTurns = async (conversationId: string) => (await viewOf(conversationId)).transcript.filter((t) => t.from === 'customer');

describe('the e-mail channel against the running app', () => {
  before(async function () {
    this.timeout(180_000);
    sink = await startSink();
    stack = await startStack({ email: { relay: `127.0.0.1:${sink.port}`, maxBytes: 256 * 1024 } });
    await replaceStore(stack.database.db, buildDemoStore());
    smtp = nodemailer.createTransport({ host: '127.0.0.1', port: stack.email!.smtp!.port, secure: false, ignoreTLS: true });
  });
  after(async () => {
    smtp?.close();
    await stack?.close();
    await sink?.close();
  });

  it('when a customer on file asks about an order, then the reply comes back threaded, in text and HTML, and the conversation knows the address vouches for them', async () => {
    const customer = await stack.database.db('customers as c').join('orders as o', 'o.customer_id', 'c.id').orderBy('o.position').first('c.email as email', 'c.first_name as firstName', 'c.id as id', 'o.id as orderId');
    const asked = await mailIn({ from: `"${customer.firstName}" <${customer.email}>`, subject: 'Where is my order?', text: `Hi, where is my order ${customer.orderId}?\n\n-- \n${customer.firstName}\nSent from my laptop` });
    const reply = await replyTo(asked);
    assert.equal(reply.from?.value[0]?.address, SUPPORT);
    assert.equal(reply.to && !Array.isArray(reply.to) ? reply.to.value[0]?.address : undefined, customer.email);
    assert.equal(reply.subject, 'Re: Where is my order?');
    assert.deepEqual([reply.references].flat(), [asked]);
    assert.ok(reply.text && reply.text.trim().length > 0);
    assert.ok(typeof reply.html === 'string' && reply.html.includes('<p>'));
    assert.equal(reply.headers.get('auto-submitted'), 'auto-replied');

    const row = await inboxRow(asked);
    assert.equal(row.status, 'processed');
    assert.deepEqual(await customerHintOf(row.conversation_id), {
      email: customer.email.toLowerCase(),
      name: customer.firstName,
      vouched: { customerId: customer.id, firstName: customer.firstName, by: 'email_address' },
    });
    const turns = await customerTurns(row.conversation_id);
    assert.equal(turns[0]?.text, `Hi, where is my order ${customer.orderId}?`, 'the signature is not in the transcript');
  });

  it('when a customer cancels by answering with numbers, then each reply continues the thread and "1" picks the option our mail numbered first', async () => {
    const order = await stack.database.db('orders as o').join('customers as c', 'c.id', 'o.customer_id').join('addresses as a', 'a.id', 'c.address_id')
      .where({ 'o.status': 'pending' }).orderBy('o.position', 'desc')
      .first('o.id as orderId', 'c.email as email', 'c.first_name as first', 'c.last_name as last', 'a.zip as zip');
    const from = order.email as string;
    const first = await mailIn({ from, subject: 'Cancel please', text: `I want to cancel order ${order.orderId}` });
    const asking = await replyTo(first);
    const conversationId = (await inboxRow(first)).conversation_id as string;
    // The address vouches for reads only: a cancel asks for name and zip code, which the address cannot stand for.
    assert.match(asking.text ?? '', /full name and zip code/, asking.text);
    const quoted = (mail: ParsedMail) => `\n\nOn Tue, 1 Dec 2026 at 10:00, Support <${SUPPORT}> wrote:\n${(mail.text ?? '').split('\n').map((l) => `> ${l}`).join('\n')}`;
    const second = await mailIn({ from, subject: asking.subject, inReplyTo: asking.messageId, references: [first, asking.messageId!], text: `My name is ${order.first} ${order.last}, zip ${order.zip}${quoted(asking)}` });
    const reasons = await replyTo(second);
    assert.equal((await inboxRow(second)).conversation_id, conversationId, 'the reply continues the conversation');
    assert.deepEqual([reasons.references].flat(), [first, asking.messageId, second]);
    const offered = (await viewOf(conversationId)).options ?? [];
    assert.ok(offered.length >= 2, 'the bot offers reasons to choose from');
    assert.ok(reasons.text?.includes(`1. ${offered[0]!.label}\n2. ${offered[1]!.label}`), reasons.text);
    assert.ok(typeof reasons.html === 'string' && reasons.html.includes('<ol><li>'));

    const third = await mailIn({ from, subject: reasons.subject, inReplyTo: reasons.messageId, text: `1\n\n-- \nsent by me${quoted(reasons)}` });
    const confirm = await replyTo(third);
    const turns = await customerTurns(conversationId);
    assert.equal(turns.at(-1)?.text, offered[0]!.id, 'the number reached the conversation as the option it named');
    assert.match(confirm.text ?? '', /1\. Yes/);

    const fourth = await mailIn({ from, subject: confirm.subject, inReplyTo: confirm.messageId, text: `1${quoted(confirm)}` });
    await eventually(async () => repliesTo(fourth).find((m) => /cancelled/.test(m.text ?? '')), 'the confirmation of the cancel', 60_000);
    // The refund notice comes later, through the outbox, into the same thread.
    await eventually(async () => repliesTo(fourth).find((m) => /Your refund for order .* has been issued/.test(m.text ?? '')), 'the refund notice by mail', 60_000);
    assert.equal((await stack.database.db('orders').where({ id: order.orderId }).first('status')).status, 'cancelled');
  });

  it('when a customer verified in an open chat writes by e-mail, then the mail continues that conversation and is answered by mail', async () => {
    const customer = await stack.database.db('customers as c').join('orders as o', 'o.customer_id', 'c.id').orderBy('o.position').offset(3).first('c.email as email', 'o.id as orderId');
    const channel = await stack.token('channel');
    const started = await call(stack, 'POST', '/v1/conversations', { token: channel, body: { channel: 'chat' } });
    const chatId = started.body.conversationId as string;
    await call(stack, 'POST', `/v1/conversations/${chatId}/messages`, { token: channel, body: { text: `where is my order ${customer.orderId}?` } });
    const verified = await call(stack, 'POST', `/v1/conversations/${chatId}/messages`, { token: channel, body: { text: customer.email } });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));

    const asked = await mailIn({ from: customer.email, subject: 'About my order', text: 'Any news about it?' });
    await replyTo(asked);
    assert.equal((await inboxRow(asked)).conversation_id, chatId, 'one customer, one conversation');
    const transcript = (await viewOf(chatId)).transcript as { from: string; text: string; channel?: string }[];
    const mine = transcript.filter((t) => t.from === 'customer');
    assert.deepEqual(mine.map((t) => t.channel), ['chat', 'chat', 'email']);
    assert.equal(mine.at(-1)?.text, 'Any news about it?');
  });

  it('when a chat customer asks for a reset link or an invoice by e-mail, then each is mailed to the address on file, once', async () => {
    const customer = await stack.database.db('customers as c').join('orders as o', 'o.customer_id', 'c.id').where({ 'o.status': 'delivered' }).orderBy('o.position').first('c.email as email', 'o.id as orderId');
    const channel = await stack.token('channel');
    const chatId = (await call(stack, 'POST', '/v1/conversations', { token: channel, body: { channel: 'chat' } })).body.conversationId as string;
    const say = async (text: string) => (await call(stack, 'POST', `/v1/conversations/${chatId}/messages`, { token: channel, body: { text } })).body;
    await say('I forgot my password');
    await say(customer.email);
    const reset = await eventually(async () => sink.mails.find((m) => m.subject === 'Reset your password' && m.text?.includes('/account/reset/')), 'the reset link by mail', 60_000);
    assert.equal(reset.to && !Array.isArray(reset.to) ? reset.to.value[0]?.address : undefined, customer.email);
    assert.equal(reset.from?.value[0]?.address, SUPPORT);

    await say('please send me the invoice for my order');
    let step = await say(customer.email);
    if (step.awaiting === 'order_id') step = await say(customer.orderId);
    assert.equal(step.awaiting, 'invoice_delivery', JSON.stringify(step));
    await say('by e-mail');
    const invoice = await eventually(async () => sink.mails.find((m) => m.subject === 'Your invoice' && m.text?.includes(customer.orderId)), 'the invoice by mail', 60_000);
    assert.match(invoice.text ?? '', /http:\/\/\S+\/v1\/invoices\/[A-Za-z0-9_-]+/);
    const rows = await stack.database.db('customer_notifications').where({ recipient: customer.email }).whereIn('kind', ['password_reset', 'invoice']).select('status');
    assert.deepEqual(rows.map((r) => r.status), ['sent', 'sent']);
    assert.equal(sink.mails.filter((m) => m.subject === 'Your invoice' && m.text?.includes(customer.orderId)).length, 1, 'sent once');
  });

  /** No other test has talked to this customer yet: one customer, one conversation, so theirs starts here. */
  const untouched = (query: Knex.QueryBuilder, email: string, id: string) =>
    query
      .whereNotExists(stack.database.db('email_threads as t').whereRaw(`t.customer_address = lower(${email})`))
      .whereNotExists(stack.database.db('conversation_outcomes as k').whereRaw(`k.customer_key = ${id}`));

  it('when a German customer cancels by e-mail, then each reply mail is German: our subject, and the line under the numbered options', async () => {
    const order = await untouched(stack.database.db('orders as o').join('customers as c', 'c.id', 'o.customer_id').join('addresses as a', 'a.id', 'c.address_id'), 'c.email', 'c.id')
      .where({ 'o.status': 'pending' }).orderBy('o.position')
      .first('o.id as orderId', 'c.email as email', 'c.first_name as first', 'c.last_name as last', 'a.zip as zip');
    const first = await mailIn({ from: order.email, subject: '', text: `Guten Tag, ich möchte meine Bestellung ${order.orderId} stornieren.` });
    const asking = await replyTo(first);
    assert.equal(asking.subject, 'Re: Ihre Nachricht an den Kundenservice');
    const second = await mailIn({ from: order.email, subject: asking.subject, inReplyTo: asking.messageId, text: `Mein Name ist ${order.first} ${order.last}, meine Postleitzahl ist ${order.zip}.` });
    const reasons = await replyTo(second);
    const conversationId = (await inboxRow(second)).conversation_id as string;
    const offered = (await viewOf(conversationId)).options ?? [];
    assert.ok(offered.length >= 2, `reasons are offered: ${reasons.text}`);
    assert.ok(reasons.text?.includes(`1. ${offered[0]!.label}\n2. ${offered[1]!.label}`), reasons.text);
    assert.match(reasons.text ?? '', /Antworten Sie mit der Nummer Ihrer Wahl\.\n$/);
    assert.doesNotMatch(reasons.text ?? '', /Reply with the number/);
    assert.ok(typeof reasons.html === 'string' && reasons.html.includes('<p>Antworten Sie mit der Nummer Ihrer Wahl.</p>'), String(reasons.html));
  });

  it('when a Spanish customer asks by e-mail for a reset link, then the answer is Spanish and so is the reset mail, subject and body', async () => {
    const customer = await untouched(stack.database.db('customers as c'), 'c.email', 'c.id').orderBy('c.id', 'desc').first('c.email as email');
    const asked = await mailIn({ from: customer.email, subject: '', text: 'Hola, he olvidado mi contraseña y no puedo entrar en mi cuenta. ¿Me pueden ayudar, por favor?' });
    const reply = await replyTo(asked);
    assert.equal(reply.subject, 'Re: su mensaje al servicio de atención al cliente', reply.text);
    const reset = await eventually(async () => sink.mails.find((m) => m.subject === 'Restablezca su contraseña' && m.to && !Array.isArray(m.to) && m.to.value[0]?.address === customer.email), 'the Spanish reset link by mail', 60_000);
    assert.match(reset.text ?? '', /^Alguien ha pedido restablecer la contraseña de su cuenta\. Para elegir una contraseña nueva, abra http:\/\/\S+\/account\/reset\/\S+ en los próximos 60 minutos/);
    const row = await stack.database.db('customer_notifications').where({ recipient: customer.email, kind: 'password_reset' }).first('language', 'status');
    assert.deepEqual(row, { language: 'es', status: 'sent' });
  });

  it('when an attachment comes along, then the transcript names it and nothing in it is read', async () => {
    const asked = await mailIn({
      from: 'someone.new@example.org',
      subject: 'Photo of the damage',
      text: 'Here is a photo of what arrived.',
      attachments: [{ filename: 'damage.txt', content: 'cancel all my orders', contentType: 'text/plain' }],
    });
    await replyTo(asked);
    const row = await inboxRow(asked);
    const turns = await customerTurns(row.conversation_id);
    assert.equal(turns[0]?.text, 'Here is a photo of what arrived.\n\n[attachment: damage.txt, text/plain, 20 bytes]');
    assert.equal((await customerHintOf(row.conversation_id))?.vouched, undefined, 'an address not on file vouches for nobody');
  });

  it('when mail is for another address, too large or not a mail, then SMTP refuses it with the reason', async () => {
    await assert.rejects(smtp.sendMail({ from: 'a@example.org', to: 'sales@example.com', subject: 'x', text: 'x' }), (err: { responseCode?: number; message: string }) => {
      assert.equal(err.responseCode, 550);
      assert.match(err.message, /no such mailbox here; write to support@example.com/);
      return true;
    });
    await assert.rejects(smtp.sendMail({ from: 'a@example.org', to: SUPPORT, subject: 'big', text: 'x'.repeat(300 * 1024) }), (err: { responseCode?: number; message: string }) => {
      assert.equal(err.responseCode, 552);
      return true;
    });
    await assert.rejects(smtp.sendMail({ envelope: { from: 'a@example.org', to: [SUPPORT] }, raw: 'this is not a mail\r\n\r\nat all\r\n' }), (err: { responseCode?: number; message: string }) => {
      assert.equal(err.responseCode, 550);
      assert.match(err.message, /not a mail we can read/);
      return true;
    });
    const refused = await stack.database.db('email_inbox').where({ status: 'refused' }).first('reason');
    assert.match(refused.reason, /header line/);
  });

  it('when mail is an auto-reply, a bulk mailing, a bounce or from our own address, then it is kept, quarantined with the reason, and not answered', async () => {
    const cases: [Outgoing, RegExp][] = [
      [{ from: 'away@example.org', headers: { 'Auto-Submitted': 'auto-replied' }, text: 'I am out of office' }, /auto-submitted/],
      [{ from: 'news@example.org', headers: { Precedence: 'bulk' }, text: 'Our newsletter' }, /Precedence: bulk/],
      [{ from: 'other@example.org', headers: { 'X-Autoreply': 'yes' }, text: 'Thanks for your mail' }, /auto-reply/],
      [{ from: 'MAILER-DAEMON@mx.example.org', text: 'Delivery failed' }, /bounce/],
      [{ from: SUPPORT, text: 'Our own answer, come back' }, /our own address/],
    ];
    for (const [mail, reason] of cases) {
      const id = await mailIn(mail);
      const row = await inboxRow(id);
      assert.equal(row.status, 'quarantined', `${mail.from}: ${row.reason}`);
      assert.match(row.reason, reason);
      assert.equal(row.conversation_id, null);
    }
    const bounce = await smtp.sendMail({ envelope: { from: '', to: [SUPPORT] }, raw: `From: someone@example.org\r\nTo: ${SUPPORT}\r\nMessage-ID: <bounce-${process.pid}@example.org>\r\nSubject: Undeliverable\r\n\r\nYour mail bounced\r\n` });
    assert.match(bounce.response ?? '', /^250/);
    const row = await inboxRow(`<bounce-${process.pid}@example.org>`);
    assert.equal(row.status, 'quarantined');
    assert.match(row.reason, /empty return path/);
    assert.equal(repliesTo(`<bounce-${process.pid}@example.org>`).length, 0);
  });

  describe('the raw-MIME webhook', () => {
    const post = async (body: string | Buffer, headers: Record<string, string>) => {
      const response = await fetch(`${stack.baseUrl}/channels/email/inbound`, { method: 'POST', headers, body });
      return { status: response.status, body: (await response.json()) as any };
    };
    const raw = (id: string) => `From: Webhook Customer <hook.customer@example.org>\r\nTo: ${SUPPORT}\r\nSubject: Via the provider\r\nMessage-ID: ${id}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello, I have a question about returns.\r\n`;

    it('when a provider posts a mail with a channel token, then it is kept, answered by mail, and a second post of it changes nothing', async () => {
      const token = await stack.token('channel');
      const id = `<hook-${process.pid}@example.org>`;
      const first = await post(raw(id), { authorization: `Bearer ${token}`, 'content-type': 'message/rfc822' });
      assert.equal(first.status, 202);
      assert.equal(first.body.accepted, true);
      const reply = await replyTo(id);
      assert.equal(reply.to && !Array.isArray(reply.to) ? reply.to.value[0]?.address : undefined, 'hook.customer@example.org');
      const again = await post(raw(id), { authorization: `Bearer ${token}`, 'content-type': 'message/rfc822' });
      assert.deepEqual([again.status, again.body.duplicate, again.body.id], [200, true, first.body.id]);
      await stack.email!.inbox.settled();
      assert.equal(repliesTo(id).length, 1, 'one reply for a mail delivered twice');
    });

    it('when the post is not a mail, too large, of another type or without a channel token, then it is answered 4xx with the reason', async () => {
      const token = await stack.token('channel');
      const bad = await post('{"text":"hi"}', { authorization: `Bearer ${token}`, 'content-type': 'message/rfc822' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'malformed_mail');
      const big = await post(raw('<big@example.org>') + 'x'.repeat(300 * 1024), { authorization: `Bearer ${token}`, 'content-type': 'message/rfc822' });
      assert.equal(big.status, 413);
      const json = await post('{}', { authorization: `Bearer ${token}`, 'content-type': 'application/json' });
      assert.equal(json.status, 415);
      assert.equal((await post(raw('<x@example.org>'), { 'content-type': 'message/rfc822' })).status, 401);
      const agent = await stack.token('agent');
      assert.equal((await post(raw('<y@example.org>'), { authorization: `Bearer ${agent}`, 'content-type': 'message/rfc822' })).status, 403);
    });
  });

  it('when processing dies part-way, then the kept mail is processed after a restart, in the same conversation, answered once', async () => {
    const gateway = new ConversationGateway({ client: stack.env.client, taskQueue: stack.taskQueue, idleTimeoutMs: 60 * 60_000, turnTimeoutMs: 120_000 });
    const mailOut = mailOutOf({ supportEmail: SUPPORT, smtpRelay: `127.0.0.1:${sink.port}`, dataDir: stack.database.dir });
    // The first run starts the conversation, then dies before the message reaches it.
    const dying: Conversations = {
      start: (request) => gateway.start(request),
      read: (id) => gateway.read(id),
      send: () => Promise.reject(new Error('the process died here')),
    };
    const inboxOf = (conversations: Conversations) =>
      new EmailInbox({ db: stack.database.db, conversations, supportAddress: SUPPORT, mailOut, sender: mailSenderOf(mailOut), logger: silentLogger, retryEveryMs: 0 });
    const first = inboxOf(dying);
    const id = `<restart-${process.pid}@example.org>`;
    const mail = Buffer.from(`From: restart@example.org\r\nTo: ${SUPPORT}\r\nSubject: Hello\r\nMessage-ID: ${id}\r\n\r\nWhat is your returns policy?\r\n`);
    const kept = await first.accept(mail, { via: 'smtp', envelopeFrom: 'restart@example.org' });
    assert.ok(kept.accepted);
    await first.settled();
    await first.stop();
    const pending = await stack.database.db('email_inbox').where({ message_id: id }).first();
    assert.equal(pending.status, 'pending');
    assert.ok(Number(pending.attempts) >= 1);
    assert.match(pending.last_error, /the process died here/);
    assert.ok(pending.conversation_id);

    const second = inboxOf(gateway);
    second.start();
    await second.settled();
    await second.stop();
    const done = await stack.database.db('email_inbox').where({ message_id: id }).first();
    assert.equal(done.status, 'processed');
    assert.equal(done.conversation_id, pending.conversation_id, 'no second conversation');
    await replyTo(id);
    assert.equal((await stack.database.db('email_threads').where({ customer_address: 'restart@example.org' })).length, 1);
    // The SMTP listener gets the same mail once more (a sender's retry): handled once.
    assert.match((await smtp.sendMail({ envelope: { from: 'restart@example.org', to: [SUPPORT] }, raw: mail })).response ?? '', /already had it/);
    await stack.email!.inbox.settled();
    assert.equal(repliesTo(id).length, 1);
  });

  it('when a later message goes through the outbox, then it is mailed into the thread once, however often it is delivered', async () => {
    const asked = await mailIn({ from: 'later@example.org', subject: 'Refund?', text: 'Has my refund been sent?' });
    const reply = await replyTo(asked);
    const conversationId = (await inboxRow(asked)).conversation_id as string;
    const db = stack.database.db;
    const mail = mailOutOf({ supportEmail: SUPPORT, smtpRelay: `127.0.0.1:${sink.port}`, dataDir: stack.database.dir });
    await queueNotice(db, { idempotencyKey: `email-test:${conversationId}`, customerId: 'c1', body: 'An agent writes: your refund went out today.', conversationWorkflowId: workflowIdFor(conversationId), channel: 'email' });
    assert.equal(await deliverNotice({ db, client: () => stack.env.client, mail }, `email-test:${conversationId}`), 'sent');
    const later = await eventually(async () => sink.mails.find((m) => m.text?.includes('your refund went out today')), 'the outbox mail');
    assert.equal(later.inReplyTo, asked);
    assert.deepEqual([later.references].flat(), [asked, reply.messageId]);
    assert.equal(later.subject, 'Re: Refund?');
    // As if the worker died after sending but before the outbox recorded it.
    await db('customer_notifications').where({ idempotency_key: `email-test:${conversationId}` }).update({ status: 'queued' });
    assert.equal(await deliverNotice({ db, client: () => stack.env.client, mail }, `email-test:${conversationId}`), 'sent');
    assert.equal(sink.mails.filter((m) => m.text?.includes('your refund went out today')).length, 1);
  });

  it('when a later message of a French conversation goes through the outbox, then its mail numbers the options under a French line, in a thread with our French subject', async () => {
    const asked = await mailIn({ from: 'plus.tard@example.org', subject: '', text: 'Bonjour, je voudrais savoir si mon remboursement a été envoyé, s’il vous plaît.' });
    await replyTo(asked);
    const conversationId = (await inboxRow(asked)).conversation_id as string;
    const db = stack.database.db;
    const mail = mailOutOf({ supportEmail: SUPPORT, smtpRelay: `127.0.0.1:${sink.port}`, dataDir: stack.database.dir });
    const key = `email-test-fr:${conversationId}`;
    const options = [{ id: 'yes', label: 'Oui' }, { id: 'no', label: 'Non' }];
    await queueNotice(db, { idempotencyKey: key, body: 'Un conseiller vous écrit : souhaitez-vous un avoir ?', conversationWorkflowId: workflowIdFor(conversationId), channel: 'email', options, language: 'fr' });
    assert.equal(await deliverNotice({ db, client: () => stack.env.client, mail }, key), 'sent');
    const later = await eventually(async () => sink.mails.find((m) => m.text?.includes('souhaitez-vous un avoir')), 'the French outbox mail');
    assert.equal(later.subject, 'Re : votre message au service client');
    assert.ok(later.text?.endsWith('1. Oui\n2. Non\n\nRépondez avec le numéro de votre choix.\n'), later.text);
  });

  it('when no relay is set, then each mail is kept as an .eml file in the data folder, with its threading headers', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mail-capture-'));
    const settings = mailOutOf({ supportEmail: SUPPORT, smtpRelay: undefined, dataDir });
    assert.equal(settings.captureDir, path.join(dataDir, 'outbox-mail'));
    const db = stack.database.db;
    const conversationId = '00000000-0000-4000-8000-00000000e001';
    await openThread(db, { conversationId, customerAddress: 'capture@example.org', subject: 'Capture' });
    await recordInboundMessageId(db, '<capture-in@example.org>', conversationId);
    const sent = await sendThreadMail(
      { db, settings, sender: mailSenderOf(settings) },
      { conversationId, to: 'capture@example.org', subject: 'Re: Capture', paragraphs: ['Which one?'], options: [{ id: 'a', label: 'A & <B>' }], idempotencyKey: 'capture-test' },
    );
    const files = fs.readdirSync(settings.captureDir);
    assert.equal(files.length, 1);
    assert.ok(files[0]!.endsWith('.eml'));
    const kept = await simpleParser(fs.readFileSync(path.join(settings.captureDir, files[0]!)));
    assert.equal(kept.messageId, sent.messageId);
    assert.equal(kept.inReplyTo, '<capture-in@example.org>');
    assert.equal(kept.from?.value[0]?.address, SUPPORT);
    assert.equal(kept.text, 'Which one?\n\n1. A & <B>\n\nReply with the number of your choice.\n');
    assert.ok(typeof kept.html === 'string' && kept.html.includes('<li>A &amp; &lt;B&gt;</li>'));
    const again = await sendThreadMail(
      { db, settings, sender: mailSenderOf(settings) },
      { conversationId, to: 'capture@example.org', subject: 'Re: Capture', paragraphs: ['Which one?'], idempotencyKey: 'capture-test' },
    );
    assert.deepEqual(again, { messageId: sent.messageId, alreadySent: true });
    assert.equal(fs.readdirSync(settings.captureDir).length, 1);
  });
});
