import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createActionActivities, type PerformActionInput, type PerformActionResult } from '../../activities/perform-action';
import { buildDemoStore } from '../../seed/build-demo-store';
import { exportTauStore } from '../../tau/store/export';
import { replaceStore } from '../../tau/store/replace-store';
import { toPythonJson } from '../../tau/format/python-json';
import { DEFAULT_POLICY_SETTINGS, type ActionRequest, type ConversationFacts } from '../../domain/policy';
import { requestFromToolCall } from '../../tau/tool-call';
import { temporaryDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
let perform: ReturnType<typeof createActionActivities>['performAction'];

const storeText = async () => {
  const store = await exportTauStore(database.db);
  return toPythonJson({ users: store.users, orders: store.orders, products: store.products });
};

const facts = (customerId: string | null, proposalId?: string): ConversationFacts => ({
  customerId,
  confirmation: proposalId ? { proposalId } : null,
  approvals: [],
  completedProposalIds: [],
});

const cancel = (orderId: string, reason: string): ActionRequest => ({ kind: 'cancel_pending_order', orderId, reason });

/** Orders from the demo store picked by what the tests need, so the tests follow the seed. */
async function pick() {
  const orders = await database.db('orders').select('id', 'customer_id', 'status').orderBy('position');
  const pending = orders.find((o) => o.status === 'pending');
  const delivered = orders.find((o) => o.status === 'delivered');
  const cancelled = orders.find((o) => o.status === 'cancelled');
  assert.ok(pending && delivered && cancelled, 'the demo store has pending, delivered and cancelled orders');
  const stranger = (await database.db('customers').whereNot({ id: pending.customer_id }).first('id')).id as string;
  const deliveredPaidWith = (await database.db('payment_transactions').where({ order_id: delivered.id }).first('payment_method_id')).payment_method_id as string;
  // A pending order paid by something other than a gift card its customer also holds.
  const payable = await database.db('orders as o')
    .join('payment_transactions as t', 't.order_id', 'o.id')
    .join('payment_methods as g', 'g.customer_id', 'o.customer_id')
    .where({ 'o.status': 'pending', 'g.source': 'gift_card' })
    .whereRaw('t.payment_method_id <> g.id')
    .first('o.id as orderId', 'o.customer_id as customerId', 'g.id as giftCardId');
  return { pending, delivered, cancelled, stranger, deliveredPaidWith, payable };
}

describe('performAction: the policy is enforced again where the store is written', () => {
  before(async () => {
    database = await temporaryDatabase();
    perform = createActionActivities({ db: database.db, policy: DEFAULT_POLICY_SETTINGS }).performAction;
  });
  after(() => database?.close());
  beforeEach(() => replaceStore(database.db, buildDemoStore()));

  it('when the customer confirms the exact proposal, then the pending order is cancelled', async () => {
    const { pending } = await pick();
    const call: PerformActionInput = { request: { kind: 'cancel_pending_order', orderId: pending.id, reason: 'no longer needed' }, facts: facts(pending.customer_id) };
    const first = await perform(call);
    assert.equal(first.status, 'refused');
    assert.equal(first.status === 'refused' && first.outcome, 'needs_confirmation');
    const proposalId = first.status === 'refused' ? first.proposal?.proposalId : undefined;
    assert.match(proposalId ?? '', /^p_[0-9a-f]{16}$/);

    const done = await perform({ ...call, facts: facts(pending.customer_id, proposalId) });
    assert.equal(done.status, 'executed', JSON.stringify(done));
    assert.equal((await database.db('orders').where({ id: pending.id }).first('status')).status, 'cancelled');

    // The same "yes" again: the order changed, so that proposal is stale and nothing happens.
    const before = await storeText();
    const replayed = await perform({ ...call, facts: facts(pending.customer_id, proposalId) });
    assert.equal(replayed.status, 'refused');
    assert.equal(await storeText(), before);
  });

  it('when the activity is retried after its store write committed (the worker died before reporting), then the retry returns that result instead of a refusal', async () => {
    const { pending } = await pick();
    const call: PerformActionInput = { request: cancel(pending.id, 'no longer needed'), facts: facts(pending.customer_id) };
    const first = await perform(call);
    const proposalId = first.status === 'refused' ? first.proposal?.proposalId : undefined;
    const yes = { ...call, facts: facts(pending.customer_id, proposalId) };
    // One scheduled activity, tried twice: the same workflow run and activity id, the second attempt.
    const activity = { workflowExecution: { workflowId: 'conversation-retried', runId: 'run-1' }, activityId: '7' };
    const done = (await new MockActivityEnvironment({ ...activity, attempt: 1 }).run(perform, yes)) as PerformActionResult;
    assert.equal(done.status, 'executed', JSON.stringify(done));
    const after = await storeText();
    const retried = (await new MockActivityEnvironment({ ...activity, attempt: 2 }).run(perform, yes)) as PerformActionResult;
    assert.deepEqual(retried, done, 'the retry carries on with the refunds the first attempt owes');
    assert.equal(await storeText(), after, 'and writes nothing again');
    // Another activity (another turn) with the same yes is a new request: the order is cancelled already.
    const another = (await new MockActivityEnvironment({ ...activity, activityId: '8' }).run(perform, yes)) as PerformActionResult;
    assert.equal(another.status, 'refused');
  });

  it('when the request comes in the policy’s own form, then it gets the same proposal as the tau-form call mapped by the tau adapter and is carried out', async () => {
    const { pending } = await pick();
    const request = { kind: 'cancel_pending_order' as const, orderId: pending.id, reason: 'ordered by mistake' };
    const fromTool = requestFromToolCall('cancel_pending_order', { order_id: pending.id, reason: 'ordered by mistake' });
    assert.ok(fromTool);
    const asTool = await perform({ request: fromTool, facts: facts(pending.customer_id) });
    const asked = await perform({ request, facts: facts(pending.customer_id) });
    const proposalId = asked.status === 'refused' ? asked.proposal?.proposalId : undefined;
    assert.ok(proposalId);
    assert.equal(asTool.status === 'refused' ? asTool.proposal?.proposalId : undefined, proposalId);

    const done = await perform({ request, facts: facts(pending.customer_id, proposalId) });
    assert.equal(done.status, 'executed', JSON.stringify(done));
    assert.equal(done.status === 'executed' && done.output, `order ${pending.id} is cancelled`);
    assert.equal((await database.db('orders').where({ id: pending.id }).first('cancel_reason')).cancel_reason, 'ordered by mistake');
  });

  it('when a task scheduled by older workflow code comes as a tau tool call, then it is the same request: same proposal, carried out on its confirmation', async () => {
    const { pending } = await pick();
    const oldForm = (proposalId?: string) =>
      ({ toolName: 'cancel_pending_order', kwargs: { order_id: pending.id, reason: 'no longer needed' }, facts: facts(pending.customer_id, proposalId) }) as unknown as PerformActionInput;
    const asked = await perform({ request: { kind: 'cancel_pending_order', orderId: pending.id, reason: 'no longer needed' }, facts: facts(pending.customer_id) });
    const proposalId = asked.status === 'refused' ? asked.proposal?.proposalId : undefined;
    assert.ok(proposalId);
    const unconfirmed = await perform(oldForm());
    assert.equal(unconfirmed.status === 'refused' ? unconfirmed.proposal?.proposalId : undefined, proposalId);
    const done = await perform(oldForm(proposalId));
    assert.equal(done.status, 'executed', JSON.stringify(done));
    assert.equal((await database.db('orders').where({ id: pending.id }).first('status')).status, 'cancelled');
  });

  it('when a confirmation was given for a different proposal, then it is refused as stale', async () => {
    const { pending } = await pick();
    const asked = await perform({ request: { kind: 'cancel_pending_order', orderId: pending.id, reason: 'no longer needed' }, facts: facts(pending.customer_id) });
    const proposalId = asked.status === 'refused' ? asked.proposal?.proposalId : undefined;
    const before = await storeText();
    const other = await perform({ request: { kind: 'cancel_pending_order', orderId: pending.id, reason: 'ordered by mistake' }, facts: facts(pending.customer_id, proposalId) });
    assert.equal(other.status, 'refused');
    assert.match(other.status === 'refused' ? other.reason : '', /confirm|proposal/i);
    assert.equal(await storeText(), before);
  });

  const refusals: [string, (p: Awaited<ReturnType<typeof pick>>) => PerformActionInput, RegExp][] = [
    ['nobody is authenticated', (p) => ({ request: cancel(p.pending.id, 'no longer needed'), facts: facts(null) }), /authenticat|identity|verify/i],
    ['the order is unknown', (p) => ({ request: cancel('#W0000000', 'no longer needed'), facts: facts(p.pending.customer_id) }), /not found|find/i],
    ["the order is someone else's", (p) => ({ request: cancel(p.pending.id, 'no longer needed'), facts: facts(p.stranger) }), /not found|find/i],
    ['the order is not pending', (p) => ({ request: cancel(p.delivered.id, 'no longer needed'), facts: facts(p.delivered.customer_id) }), /pending/i],
    ['the cancel reason is not an allowed one', (p) => ({ request: cancel(p.pending.id, 'the manager said so'), facts: facts(p.pending.customer_id) }), /reason/i],
    ['the item ids are not in the order', (p) => ({ request: { kind: 'return_delivered_order_items', orderId: p.delivered.id, itemIds: ['0000000000'], paymentMethodId: p.deliveredPaidWith }, facts: facts(p.delivered.customer_id) }), /item/i],
    ['a cancelled order is returned', (p) => ({ request: { kind: 'return_delivered_order_items', orderId: p.cancelled.id, itemIds: [], paymentMethodId: 'x' }, facts: facts(p.cancelled.customer_id) }), /deliver|item/i],
    // Activity inputs arrive as JSON, so a kind the types rule out can still come in.
    ['the action is not a write action', (p) => ({ request: { kind: 'get_order_details', orderId: p.pending.id } as unknown as ActionRequest, facts: facts(p.pending.customer_id) }), /not an action/],
    // The form older workflow code scheduled, with a tool that is no action.
    ['an old tau-form call names a read tool', (p) => ({ toolName: 'get_order_details', kwargs: { order_id: p.pending.id }, facts: facts(p.pending.customer_id) }) as unknown as PerformActionInput, /not an action/],
  ];
  for (const [label, build, reason] of refusals) {
    it(`when ${label}, then it is refused with a reason and the store is unchanged`, async () => {
      const before = await storeText();
      const result = await perform(build(await pick()));
      assert.equal(result.status, 'refused', JSON.stringify(result));
      assert.match(result.status === 'refused' ? result.reason : '', reason);
      assert.equal(await storeText(), before);
    });
  }

  it('when the new payment method is a gift card without enough balance, then it is refused and nothing changes', async () => {
    const { payable } = await pick();
    if (!payable) return assert.fail('the demo store needs a pending order whose customer also holds a gift card');
    await database.db('payment_methods').where({ id: payable.giftCardId }).update({ balance_cents: 1 });
    const before = await storeText();
    const result = await perform({ request: { kind: 'modify_pending_order_payment', orderId: payable.orderId, paymentMethodId: payable.giftCardId }, facts: facts(payable.customerId) });
    assert.equal(result.status, 'refused', JSON.stringify(result));
    assert.match(result.status === 'refused' ? result.reason : '', /balance|gift card/i);
    assert.equal(await storeText(), before);
  });
});
