import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import { actorIdOf } from '../../auth/roles';
import { authenticate, mintToken } from '../../auth/token-service';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { DEFAULT_POLICY_SETTINGS } from '../../domain/policy';
import { eventually } from '../support/eventually';
import { call, startChat, startStack, type Chat, type TestStack } from '../support/stack';
import { pendingCardOrder } from '../../dev/demo-store-picks';

let stack: TestStack;
let channel: string;
let agent: string;
let supervisor: string;

/** Walks a cancellation up to the customer's yes, which parks it for a supervisor. */
async function cancelOverTheLimit(chat: Chat, target: { orderId: string; email: string }, on: TestStack = stack, person = agent) {
  await chat.say(`I want to cancel order ${target.orderId}`);
  const reason = await chat.say(target.email);
  assert.equal(reason.awaiting, 'reason', JSON.stringify(reason));
  assert.equal((await chat.say('no longer needed')).awaiting, 'confirmation');
  const parked = await chat.say('yes');
  assert.match(parked.replies[0].text, /supervisor's approval/);
  assert.equal(parked.actions[0].status, 'proposed');
  const approvals = (await call(on, 'GET', '/v1/approvals', { token: person })).body.approvals;
  const request = approvals.find((a: any) => a.conversationId === chat.id);
  assert.ok(request, 'the approval is listed for people');
  assert.match(request.detail, new RegExp(target.orderId));
  return request.approvalId as string;
}

const orderStatus = async (orderId: string, on: TestStack = stack) => (await on.database.db('orders').where({ id: orderId }).first('status')).status as string;

describe('approvals', () => {
  // A $1.00 automatic limit: any cancellation needs a supervisor.
  before(async () => {
    stack = await startStack({
      policy: { ...DEFAULT_POLICY_SETTINGS, automaticRefundLimitCents: 100 },
      timings: { approvalTimeoutMs: 60 * 60_000, handoffSlaMs: 60 * 60_000 },
    });
    channel = await stack.token('channel');
    agent = await mintToken(stack.database.db, { role: 'agent', name: 'Alex' });
    supervisor = await mintToken(stack.database.db, { role: 'supervisor', name: 'Sam' });
  });
  after(() => stack?.close());
  beforeEach(() => replaceStore(stack.database.db, buildDemoStore()));

  describe('supervisor approval of actions over the automatic limit', () => {
    it('when a Spanish customer\'s cancellation needs approval, then the whole parked reply, its reason included, is Spanish, and the supervisor reads the reason in English', async () => {
      const target = await pendingCardOrder(stack.database.db);
      const chat = await startChat(stack, channel);
      assert.equal((await chat.say(`Quiero cancelar mi pedido ${target.orderId}`)).language, 'es');
      assert.equal((await chat.say(target.email)).awaiting, 'reason');
      assert.equal((await chat.say('Lo pedí por error')).awaiting, 'confirmation');
      const parked = await chat.say('sí');
      assert.equal(parked.language, 'es');
      assert.match(parked.replies[0].text, /supervisor/i);
      assert.doesNotMatch(parked.replies[0].text, /automatic limit|must approve|approval \(/, parked.replies[0].text);
      assert.match(parked.replies[0].text, /\d+,\d\d\sUS\$/, 'the amounts in the Spanish locale');
      const approvals = (await call(stack, 'GET', '/v1/approvals', { token: agent })).body.approvals;
      const request = approvals.find((a: any) => a.conversationId === chat.id);
      assert.match(request.reason, /over the automatic limit/);
    });

    it('when a supervisor approves, then the parked cancellation runs and the customer is told', async () => {
      const target = await pendingCardOrder(stack.database.db);
      const chat = await startChat(stack, channel);
      const approvalId = await cancelOverTheLimit(chat, target);
      assert.equal(await orderStatus(target.orderId), 'pending', 'nothing changes before the approval');
      const notes = (await call(stack, 'GET', '/v1/agent/notifications', { token: supervisor })).body.notifications;
      assert.ok(notes.some((n: any) => n.kind === 'approval_requested' && n.conversationId === chat.id));

      const byAgent = await call(stack, 'POST', `/v1/approvals/${approvalId}`, { token: agent, body: { decision: 'approve' } });
      assert.equal(byAgent.status, 403, 'the policy names supervisors as approvers');
      const approved = await call(stack, 'POST', `/v1/approvals/${approvalId}`, { token: supervisor, body: { decision: 'approve' } });
      assert.equal(approved.status, 202, JSON.stringify(approved.body));

      const view = await eventually(async () => {
        const v = await chat.view();
        return v.transcript.some((t: any) => /is cancelled/.test(t.text)) ? v : undefined;
      }, 'the approved cancellation');
      assert.equal(await orderStatus(target.orderId), 'cancelled');
      assert.ok(view.transcript.some((t: any) => /A supervisor approved your request/.test(t.text)));
      const sam = actorIdOf((await authenticate(stack.database.db, supervisor))!);
      assert.deepEqual(view.agentActions.map((a: any) => [a.by, a.name, a.action]), [[sam, 'Sam', 'approve']]);
      assert.equal(stack.payments.sandbox.book.refundsFor(target.orderId).length > 0, true);
      const again = await call(stack, 'POST', `/v1/approvals/${approvalId}`, { token: supervisor, body: { decision: 'deny' } });
      assert.equal(again.status, 409);
    });

    it('when a supervisor denies, then nothing changes and a person takes over', async () => {
      const target = await pendingCardOrder(stack.database.db);
      const chat = await startChat(stack, channel);
      const approvalId = await cancelOverTheLimit(chat, target);
      const denied = await call(stack, 'POST', `/v1/approvals/${approvalId}`, { token: supervisor, body: { decision: 'deny', reason: 'the order is already being packed' } });
      assert.equal(denied.status, 202);
      const view = await eventually(async () => {
        const v = await chat.view();
        return v.status === 'awaiting_agent' ? v : undefined;
      }, 'the handoff after a denial');
      assert.equal(await orderStatus(target.orderId), 'pending');
      assert.equal(view.handoff.reasons[0].code, 'approval_denied');
      assert.ok(view.transcript.some((t: any) => /already being packed/.test(t.text)));
      assert.equal(view.handoff.priority, 'high');
    });

    it('when the decision is malformed or the approval unknown, then it is refused plainly', async () => {
      assert.equal((await call(stack, 'POST', '/v1/approvals/unknown:p_unknown', { token: supervisor, body: { decision: 'approve' } })).status, 404);
      assert.equal((await call(stack, 'POST', '/v1/approvals/unknown:p_unknown', { token: supervisor, body: { decision: 'maybe' } })).status, 400);
      assert.equal((await call(stack, 'GET', '/v1/approvals', { token: channel })).status, 403);
    });
  });
});
