import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

// The idle close and the return follow-ups are timer tests: conversation-timers.test.ts, on the time-skipping server.

describe('the end of a conversation', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  it('when the customer says goodbye and rates it, then it is resolved with the rating', async () => {
    const customer = (await stack.database.db('customers').orderBy('position').first('email')) as { email: string };
    const chat = await startChat(stack, channel);
    await chat.say('where is my order?');
    const which = await chat.say(customer.email);
    if (which.awaiting === 'order_id') await chat.say(which.options[0].id);
    const bye = await chat.say('thanks, bye');
    assert.equal(bye.status, 'resolved', JSON.stringify(bye));
    assert.equal(bye.awaiting, 'rating');
    assert.deepEqual(bye.options.map((o: { id: string }) => o.id), ['1', '2', '3', '4', '5']);
    const rated = await chat.say('4 out of 5');
    assert.equal(rated.status, 'resolved');
    assert.match(rated.replies[0].text, /Thank you for your feedback/);
    assert.equal((await chat.view()).csat.score, 4);
  });

  it('when the customer says bye after rating, then the bot says goodbye, the conversation stays resolved and the rating is not asked again', async () => {
    const chat = await startChat(stack, channel);
    assert.equal((await chat.say('bye')).awaiting, 'rating');
    await chat.say('5');
    const again = await chat.say('bye');
    assert.equal(again.status, 'resolved', JSON.stringify(again));
    assert.equal(again.awaiting, undefined);
    assert.doesNotMatch(again.replies.map((r: { text: string }) => r.text).join(' '), /rate/i);
    assert.match(again.replies[0].text, /Have a good day/);
    const view = await chat.view();
    assert.equal(view.status, 'resolved');
    assert.equal(view.csat.score, 5);
  });

  it('when the customer says bye twice without rating, then the second goodbye does not ask for the rating again', async () => {
    const chat = await startChat(stack, channel);
    assert.equal((await chat.say('goodbye')).awaiting, 'rating');
    const again = await chat.say('bye');
    assert.equal(again.status, 'resolved');
    assert.equal(again.awaiting, undefined);
    assert.doesNotMatch(again.replies[0].text, /rate/i);
  });

  it('when a rating-like answer comes without a rating question, then it is an ordinary message', async () => {
    const chat = await startChat(stack, channel);
    const reply = await chat.say('5');
    assert.equal(reply.status, 'open');
    assert.equal((await chat.view()).csat, undefined);
  });
});
