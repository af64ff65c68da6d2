import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { verifyPassword } from '../../auth/passwords';
import { accountChangesOf, passwordHashOf } from '../../db/repositories/accounts';
import { findNotice } from '../../db/repositories/customer-notifications';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

describe('account requests through the API', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  const HOW_TOS: [string, RegExp][] = [
    ['how do I create an account', /sign-up page/],
    ['how can I switch to another account', /sign out/],
  ];
  for (const [question, steps] of HOW_TOS) {
    it(`when the customer asks "${question}", then the reply gives the steps and asks for nothing`, async () => {
      const { say } = await startChat(stack, channel);
      const reply = await say(question);
      assert.match(reply.replies[0].text, steps, JSON.stringify(reply));
      assert.equal(reply.awaiting, undefined);
    });
  }

  it('when a verified customer changes the e-mail on the account and says yes, then it changes, is recorded, and the old address is told', async () => {
    const db = stack.database.db;
    const customer = await db('customers').orderBy('position').first('id', 'email', 'first_name', 'last_name');
    const other = await db('customers').whereNot({ id: customer.id }).orderBy('position').first('email');
    const { say, view } = await startChat(stack, channel);
    assert.equal((await say('I want to change the email on my account')).awaiting, 'email');
    assert.equal((await say(customer.email)).awaiting, 'account_details');
    assert.equal((await say('I am not sure')).awaiting, 'account_details');

    const taken = await say(`my new e-mail is ${other.email}`);
    assert.match(taken.replies[0].text, /already belongs to another account/);
    assert.equal((await db('customers').where({ id: customer.id }).first('email')).email, customer.email);

    await say('I want to change the email on my account');
    const proposal = await say('my new e-mail is New.Address@Example.com');
    assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
    assert.match(proposal.replies[0].text, new RegExp(`from ${customer.email} to new\\.address@example\\.com`));
    const done = await say('yes');
    assert.match(done.replies[0].text, new RegExp(`sent a notice of the change to ${customer.email}`), JSON.stringify(done));

    assert.equal((await db('customers').where({ id: customer.id }).first('email')).email, 'new.address@example.com');
    const [change] = await accountChangesOf(db, customer.id);
    assert.deepEqual(change?.from, { firstName: customer.first_name, lastName: customer.last_name, email: customer.email });
    assert.equal(change?.to.email, 'new.address@example.com');
    const notice = await findNotice(db, `account-change:${change?.proposalId}`);
    assert.equal(notice?.recipient, customer.email);
    assert.equal(notice?.channel, 'email');
    assert.match(notice?.body ?? '', /was changed from .* to new\.address@example\.com/);
    const decisions = (await view()).decisions as { rule?: string }[];
    assert.ok(decisions.some((d) => d.rule === 'edit_account:confirmation'), 'the yes is in the audit trail');
  });

  it('when a German customer changes the e-mail on the account, then the warning to the old address is written in German', async () => {
    const db = stack.database.db;
    const customer = await db('customers').orderBy('position').offset(5).first('id', 'email');
    const { say } = await startChat(stack, channel);
    const asked = await say('Ich will meine Kontodaten bearbeiten');
    assert.equal(asked.language, 'de', JSON.stringify(asked));
    assert.equal(asked.awaiting, 'email', JSON.stringify(asked));
    assert.equal((await say(customer.email)).awaiting, 'account_details');
    const proposal = await say('Meine neue E-Mail-Adresse ist neu.adresse@example.com');
    assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
    const done = await say('Ja, bitte');
    assert.equal(done.language, 'de', JSON.stringify(done));
    const [change] = await accountChangesOf(db, customer.id);
    const notice = await findNotice(db, `account-change:${change?.proposalId}`);
    assert.equal(notice?.recipient, customer.email);
    assert.equal(notice?.language, 'de');
    assert.equal(
      notice?.body,
      `Die E-Mail-Adresse Ihres Kontos wurde von ${customer.email} in neu.adresse@example.com geändert. Wenn Sie das nicht veranlasst haben, antworten Sie auf diese Nachricht, und wir gehen der Sache sofort nach.`,
    );
  });

  it('when a verified customer changes the name and says no, then nothing changes', async () => {
    const db = stack.database.db;
    const customer = await db('customers').orderBy('position', 'desc').first('id', 'email', 'first_name', 'last_name');
    const { say } = await startChat(stack, channel);
    await say('I want to change the email on my account');
    await say(customer.email);
    assert.equal((await say('my name is Ana')).awaiting, 'account_details', 'a first name alone is not a full name');
    const proposal = await say('my name is Ana Lopez');
    assert.match(proposal.replies[0].text, new RegExp(`from ${customer.first_name} ${customer.last_name} to Ana Lopez`));
    assert.match((await say('no')).replies[0].text, /stays as it is/);
    assert.equal((await db('customers').where({ id: customer.id }).first('first_name')).first_name, customer.first_name);
    assert.deepEqual(await accountChangesOf(db, customer.id), []);
  });

  /** The newest notice to this address, and the reset token in its link. */
  async function resetNoticeTo(email: string) {
    const row = await stack.database.db('customer_notifications').where({ recipient: email }).where('idempotency_key', 'like', 'password-reset:%').orderBy('id', 'desc').first();
    const token = /\/account\/reset\/([A-Za-z0-9_-]+)/.exec(row?.body ?? '')?.[1];
    return { row, token };
  }

  const page = (token: string, init?: RequestInit) => fetch(`${stack.baseUrl}/account/reset/${token}`, init);
  const postJson = (token: string, body: unknown) => page(token, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('when a customer who forgot the password gives an address, then the link goes to the address on file and works once', async () => {
    const db = stack.database.db;
    const customer = await db('customers').orderBy('position').offset(3).first('id', 'email');
    const { say } = await startChat(stack, channel);
    await say('I forgot my password');
    await say(customer.email);
    const { token: older } = await resetNoticeTo(customer.email);
    assert.equal((await say('I forgot my password')).awaiting, 'email');
    const typed = customer.email.toUpperCase();
    const reply = await say(typed);
    assert.match(reply.replies[0].text, /If .* belongs to an account, a link to choose a new password is on its way/);
    const { row, token } = await resetNoticeTo(customer.email);
    assert.equal(row?.customer_id, customer.id);
    assert.equal(row?.channel, 'email');
    assert.ok(token, `a link in ${row?.body}`);
    const stored = await db('password_reset_tokens').where({ customer_id: customer.id });
    assert.equal(stored.length, 2, 'one per request');
    assert.ok(stored.every((row) => row.token_hash !== token && row.token_hash !== older), 'only hashes are stored');

    const form = await page(token!);
    assert.equal(form.status, 200);
    assert.match(await form.text(), /<form method="post"/);
    const weak = await postJson(token!, { password: 'short' });
    assert.equal(weak.status, 400);
    assert.equal(((await weak.json()) as { error: { code: string } }).error.code, 'password_unusable');

    const set = await page(token!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'password=correct+horse+battery&confirm=correct+horse+battery' });
    assert.equal(set.status, 200, await set.clone().text());
    assert.match(await set.text(), /Password changed/);
    const hash = await passwordHashOf(db, customer.id);
    assert.match(hash ?? '', /^scrypt\$/);
    assert.ok(await verifyPassword('correct horse battery', hash!));
    assert.equal(await verifyPassword('another password', hash!), false);

    const again = await postJson(token!, { password: 'another long password' });
    assert.equal(again.status, 410);
    assert.equal(((await again.json()) as { error: { code: string } }).error.code, 'reset_link_used');
    assert.ok(await verifyPassword('correct horse battery', (await passwordHashOf(db, customer.id))!), 'a used link changes nothing');
    assert.notEqual(older, token);
    assert.equal((await postJson(older!, { password: 'another long password' })).status, 410, 'an older link is spent by the reset too');
  });

  it('when the address has no account, then the reply is the same and nothing is sent', async () => {
    const db = stack.database.db;
    const before = await db('customer_notifications').count({ n: '*' }).first();
    const { say } = await startChat(stack, channel);
    await say('I forgot my password');
    const reply = await say('nobody.here@example.com');
    assert.equal(reply.replies[0].text, 'If nobody.here@example.com belongs to an account, a link to choose a new password is on its way to the e-mail address on that account. It works once, within 60 minutes.');
    assert.equal(Number((await db('customer_notifications').count({ n: '*' }).first())?.n), Number(before?.n));
  });

  it('when a link is unknown or expired, then the page says so with a 4xx', async () => {
    const db = stack.database.db;
    assert.equal((await page('not-a-token')).status, 404);
    const unknown = await postJson('A'.repeat(43), { password: 'correct horse battery' });
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'reset_link_unknown');

    const customer = await db('customers').orderBy('position').offset(4).first('id', 'email');
    const { say } = await startChat(stack, channel);
    await say('I forgot my password');
    await say(customer.email);
    const { token } = await resetNoticeTo(customer.email);
    assert.ok(token);
    await db('password_reset_tokens').where({ customer_id: customer.id }).update({ expires_at: new Date(Date.now() - 1000).toISOString() });
    const expired = await page(token!);
    assert.equal(expired.status, 410);
    assert.match(await expired.text(), /has expired/);
    assert.equal((await postJson(token!, { password: 'correct horse battery' })).status, 410);
    assert.equal(await passwordHashOf(db, customer.id), undefined);
  });

  it('when the customer has no address to give, then the help centre answers', async () => {
    const { say } = await startChat(stack, channel);
    await say('I forgot my password');
    const reply = await say('I do not remember it');
    assert.match(reply.replies[0].text, /reset link/);
    assert.match(reply.replies[0].text, /\/help\/signing-in-and-accounts/);
    assert.equal(reply.awaiting, undefined);
  });

  it('when a verified customer has trouble registering, then the link goes to their own address at once', async () => {
    const db = stack.database.db;
    const customer = await db('customers').orderBy('position').offset(5).first('id', 'email');
    const { say } = await startChat(stack, channel);
    await say('I want to change the email on my account');
    await say(customer.email);
    assert.match((await say('never mind')).replies[0].text, /I have left that/);
    const reply = await say('I have a problem registering');
    assert.match(reply.replies[0].text, /sent a link to choose a new password to the e-mail address on your account/, JSON.stringify(reply));
    assert.ok((await resetNoticeTo(customer.email)).token);
  });
});
