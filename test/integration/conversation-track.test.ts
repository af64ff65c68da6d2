import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

describe('order status and tracking through the API', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  it('when a customer asks where an order is, then after identifying they get its status and tracking number', async () => {
    const db = stack.database.db;
    const shipped = await db('orders as o')
      .join('customers as c', 'c.id', 'o.customer_id')
      .join('fulfillment_tracking_ids as f', 'f.order_id', 'o.id')
      .where({ 'o.status': 'processed' })
      .first('o.id as orderId', 'c.email as email', 'f.tracking_id as trackingId');
    assert.ok(shipped, 'the demo store has a processed order with a tracking number');
    const { say } = await startChat(stack, channel);
    const first = await say(`where is my order ${shipped.orderId}?`);
    assert.equal(first.intent, 'track_order');
    assert.equal(first.awaiting, 'email');
    const answer = await say(shipped.email);
    assert.equal(answer.awaiting, undefined);
    assert.match(answer.replies[0].text, new RegExp(`Order ${shipped.orderId} .*on its way.*${shipped.trackingId}`));
  });

  it("when the named order is someone else's, then the customer is offered only their own orders", async () => {
    const db = stack.database.db;
    const mine = await db('customers').first('id', 'email');
    const theirs = await db('orders').whereNot({ customer_id: mine.id }).first('id');
    const { say } = await startChat(stack, channel);
    await say(`track order ${theirs.id}`);
    const answer = await say(mine.email);
    const text = answer.replies[0].text as string;
    assert.ok(!text.includes(theirs.id), 'another customer\'s order must not be described');
    if (answer.awaiting === 'order_id') {
      const own = (await db('orders').where({ customer_id: mine.id }).select('id')).map((o) => o.id);
      assert.ok(answer.options.every((o: { id: string }) => own.includes(o.id)));
      const refused = await say(theirs.id);
      assert.equal(refused.awaiting, 'order_id');
    }
  });

  it('when the customer gives their name and zip code instead of an e-mail, then they are verified the same way', async () => {
    const db = stack.database.db;
    const customer = await db('customers as c').join('addresses as a', 'a.id', 'c.address_id').orderBy('c.position').first('c.id as id', 'c.first_name as first', 'c.last_name as last', 'a.zip as zip');
    const { say } = await startChat(stack, channel);
    await say('where is my order?');
    const wrong = await say(`my name is ${customer.first} ${customer.last}, zip 00000`);
    assert.equal(wrong.awaiting, 'name_zip');
    const right = await say(`my name is ${customer.first.toLowerCase()} ${customer.last.toLowerCase()}, zip ${customer.zip}`);
    assert.notEqual(right.awaiting, 'name_zip', JSON.stringify(right));
    assert.match(right.replies[0].text, new RegExp(`Thanks, ${customer.first}`));
  });
});

