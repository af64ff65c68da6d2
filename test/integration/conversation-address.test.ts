import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { buildDemoStore } from '../../seed/build-demo-store';
import { getOrder, getUser } from '../../tau/store/queries';
import { replaceStore } from '../../tau/store/replace-store';
import { startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

const NEW_ADDRESS = '742 Evergreen Terrace, Apt 2, Springfield, IL 62704, USA';
const EXPECTED = { address1: '742 Evergreen Terrace', address2: 'Apt 2', city: 'Springfield', country: 'USA', state: 'IL', zip: '62704' };

describe('changing addresses through the API', () => {
  before(async () => {
    stack = await startStack();
    channel = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  it("when the customer gives a pending order's new address on one line and says yes, then only that order's address changes", async () => {
    const db = stack.database.db;
    const target = await db('orders as o').join('customers as c', 'c.id', 'o.customer_id').where({ 'o.status': 'pending' }).orderBy('o.position').first('o.id as orderId', 'c.id as customerId', 'c.email as email');
    const userBefore = await getUser(db, target.customerId);
    const { say } = await startChat(stack, channel);
    assert.equal((await say(`I need to change the delivery address of order ${target.orderId}`)).awaiting, 'email');
    const askAddress = await say(target.email);
    assert.equal(askAddress.awaiting, 'address', JSON.stringify(askAddress));
    const unreadable = await say('somewhere nice');
    assert.equal(unreadable.awaiting, 'address');
    const proposal = await say(NEW_ADDRESS);
    assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
    const done = await say('yes');
    assert.match(done.replies[0].text, /will be delivered to 742 Evergreen Terrace, Apt 2, Springfield, IL 62704, USA/);
    assert.deepEqual({ ...(await getOrder(db, target.orderId))?.address }, EXPECTED);
    assert.deepEqual((await getUser(db, target.customerId))?.address, userBefore?.address, 'the default address is untouched');
  });

  it('when the customer changes the default address, then the account changes and its orders do not', async () => {
    const db = stack.database.db;
    const customer = await db('customers').orderBy('position', 'desc').first('id', 'email');
    const orderIds = (await db('orders').where({ customer_id: customer.id }).select('id')).map((o) => o.id as string);
    const ordersBefore = await Promise.all(orderIds.map((id) => getOrder(db, id)));
    const { say } = await startChat(stack, channel);
    await say('please update the default address on my account');
    assert.equal((await say(customer.email)).awaiting, 'address');
    assert.equal((await say(NEW_ADDRESS)).awaiting, 'confirmation');
    const declined = await say('no');
    assert.match(declined.replies[0].text, /stays as it is/);
    assert.notDeepEqual((await getUser(db, customer.id))?.address, EXPECTED);

    await say('update my default address please');
    assert.equal((await say(NEW_ADDRESS)).awaiting, 'confirmation', 'already verified: straight to the address');
    await say('yes');
    assert.deepEqual({ ...(await getUser(db, customer.id))?.address }, EXPECTED);
    assert.deepEqual(await Promise.all(orderIds.map((id) => getOrder(db, id))), ordersBefore);
  });
});
