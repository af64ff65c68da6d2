import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { findErasure } from '../../db/repositories/account-erasures';
import { findPayloadDataKey } from '../../db/repositories/payload-data-keys';
import { workflowIdFor } from '../../domain/conversation';
import { erasureWorkflowIdFor } from '../../domain/accounts/erasure';
import { buildDemoStore } from '../../seed/build-demo-store';
import { getOrder } from '../../tau/store/queries';
import { replaceStore } from '../../tau/store/replace-store';
import { eventually } from '../support/eventually';
import { startChat, startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

const GRACE_MS = 8_000;

/** The customer this far from the end of the store, with every order of theirs delivered (or cancelled) first. */
async function settledCustomer(fromEnd: number): Promise<{ id: string; email: string; first_name: string }> {
  const db = stack.database.db;
  const customer = await db('customers as c').whereExists(db('orders as o').whereRaw('o.customer_id = c.id')).orderBy('c.position', 'desc').offset(fromEnd).first('c.id', 'c.email', 'c.first_name');
  await db('orders').where({ customer_id: customer.id }).whereNotIn('status', ['delivered', 'cancelled']).update({ status: 'delivered' });
  return customer;
}

describe('closing an account through the API', () => {
  before(async () => {
    stack = await startStack({ accountErasureGraceMs: GRACE_MS });
    channel = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  it('when the customer still has an open order, then the account is not closed and the reply names the open orders', async () => {
    const db = stack.database.db;
    const open = await db('orders as o').join('customers as c', 'c.id', 'o.customer_id').whereIn('o.status', ['pending', 'processed']).orderBy('o.position').first('c.id as id', 'c.email as email', 'o.id as orderId', 'o.status as status');
    const { say } = await startChat(stack, channel);
    assert.equal((await say('please delete my account')).awaiting, 'email');
    const refused = await say(open.email);
    assert.match(refused.replies[0].text, /I cannot close your account yet: .*still open/);
    assert.ok(refused.replies[0].text.includes(`${open.orderId} (${open.status})`), refused.replies[0].text);
    assert.equal(refused.actions?.[0]?.status, 'denied');
    assert.equal(await findErasure(db, open.id), undefined);
  });

  it('when the customer confirms, then the erasure is scheduled and a later conversation can cancel it, so nothing is erased', async () => {
    const db = stack.database.db;
    const customer = await settledCustomer(0);
    const first = await startChat(stack, channel);
    await first.say('I want to delete my account');
    const proposal = await first.say(customer.email);
    assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
    assert.match(proposal.replies[0].text, /Close your account and erase your personal data\..*orders are kept/);
    const done = await first.say('yes');
    assert.match(done.replies[0].text, /personal data erased on .*"cancel the deletion"/, JSON.stringify(done));
    const scheduled = await findErasure(db, customer.id);
    assert.equal(scheduled?.status, 'scheduled');
    assert.ok(scheduled?.requestedIn?.includes(first.id));

    const later = await startChat(stack, channel);
    assert.equal((await later.say('cancel the deletion')).awaiting, 'email');
    const offer = await later.say(customer.email);
    assert.match(offer.replies[0].text, /due to be erased on .* cancel the deletion/);
    const kept = await later.say('yes, keep my account');
    assert.match(kept.replies[0].text, /the deletion is cancelled/);
    const cancelled = await findErasure(db, customer.id);
    assert.equal(cancelled?.status, 'cancelled');
    assert.ok(cancelled?.cancelledIn?.includes(later.id));
    assert.equal(await stack.env.client.workflow.getHandle(erasureWorkflowIdFor(customer.id)).result(), 'cancelled');
    assert.equal((await db('customers').where({ id: customer.id }).first('first_name')).first_name, customer.first_name);
    const decisions = (await later.view()).decisions as { rule?: string }[];
    assert.ok(decisions.some((d) => d.rule === 'delete_account:confirmation'), 'the cancellation is in the audit trail');
  });

  it('when the grace period passes, then the personal data is erased and the orders are kept', async () => {
    const db = stack.database.db;
    const customer = await settledCustomer(1);
    const orderIds = ((await db('orders').where({ customer_id: customer.id }).select('id')) as { id: string }[]).map((o) => o.id);
    const ordersBefore = await Promise.all(orderIds.map((id) => getOrder(db, id)));
    const { say, id } = await startChat(stack, channel);
    await say('please close my account');
    await say(customer.email);
    await say('yes');

    assert.equal(await stack.env.client.workflow.getHandle(erasureWorkflowIdFor(customer.id)).result(), 'erased');
    const erased = await eventually(async () => {
      const e = await findErasure(db, customer.id);
      return e?.status === 'erased' ? e : undefined;
    }, 'the erasure on record');
    assert.ok(erased.erasedAt && erased.erasedAt >= erased.eraseAfter.slice(0, 19), `erased at ${erased.erasedAt}, due ${erased.eraseAfter}`);
    const row = await db('customers as c').join('addresses as a', 'a.id', 'c.address_id').where({ 'c.id': customer.id }).first('c.first_name', 'c.last_name', 'c.email', 'a.address1', 'a.zip');
    assert.deepEqual({ ...row }, { first_name: 'Erased', last_name: 'Customer', email: `erased-${customer.id}@erased.invalid`, address1: '', zip: '' });
    const cards = await db('payment_methods').where({ customer_id: customer.id }).whereNotNull('last_four');
    assert.deepEqual(cards, []);
    const ordersAfter = await Promise.all(orderIds.map((id) => getOrder(db, id)));
    assert.equal(ordersAfter.filter(Boolean).length, orderIds.length, 'every order is kept');
    for (const [i, order] of ordersAfter.entries()) {
      assert.deepEqual(order?.items, ordersBefore[i]?.items, 'with its items');
      assert.deepEqual(order?.payment_history, ordersBefore[i]?.payment_history, 'and its payments');
      assert.equal(order?.address.address1, '', 'but no street address');
    }
    const key = await findPayloadDataKey(db, workflowIdFor(id));
    assert.ok(key?.destroyedAt, 'the conversation\'s payload key is destroyed: its history holds only ciphertext nobody can read');
    assert.equal(key.wrappedKey, null);
    assert.deepEqual([key.destroyedBy, key.destroyedReason], ['account-erasure', `account ${customer.id} erased`]);
  });
});
