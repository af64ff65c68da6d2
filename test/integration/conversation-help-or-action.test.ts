import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

const texts = (reply: { replies: { text: string }[] }) => reply.replies.map((r) => r.text).join('\n');

// Requests worded as questions or wishes, and questions next to each other in the help centre, walked over the HTTP API.
describe('a request starts its flow; an article answers only what it is about', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  it('when the customer wishes to change the colour of an item in their order, then the change-items flow starts, not only the article', async () => {
    const { say } = await startChat(stack, channel);
    const started = await say("I'd like to change the colour of the lamp in my order");
    assert.equal(started.intent, 'modify_items', JSON.stringify(started));
    assert.equal(started.awaiting, 'email');
    const next = await say('tomas.lindqvist4161@example.com');
    assert.notEqual(next.awaiting, 'email', JSON.stringify(next));
    assert.equal(next.intent, 'modify_items');
  });

  it('when the customer asks whether they can switch their order to PayPal, then the payment-change flow starts', async () => {
    const { say } = await startChat(stack, channel);
    const started = await say('can I switch my order to PayPal');
    assert.equal(started.intent, 'modify_payment_method', JSON.stringify(started));
    assert.equal(started.awaiting, 'email');
  });

  it('when the customer asks which payment options there are, then the answer is about payment methods, not payment problems or item options', async () => {
    const { say } = await startChat(stack, channel);
    const reply = await say('what payment options are available');
    assert.match(texts(reply), /Source: .*\(\/help\/payment-methods\)/, JSON.stringify(reply));
    assert.doesNotMatch(texts(reply), /two charges|double charge|options? of the same product/i);
    assert.equal(reply.awaiting, undefined);
  });

  it('when the customer asks how long refunds take, then the refunds article answers it', async () => {
    const { say } = await startChat(stack, channel);
    const reply = await say('how long do refunds take?');
    assert.match(texts(reply), /Source: .*\(\/help\/refunds\)/, JSON.stringify(reply));
  });

  it('when a question shares words with an article about something else, then no article is cited', async () => {
    const { say } = await startChat(stack, channel);
    const reply = await say('when will the hoodie be back in stock');
    assert.doesNotMatch(texts(reply), /Source:/, JSON.stringify(reply));
  });
});
