import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { accountChangesOf } from '../../db/repositories/accounts';
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
});
