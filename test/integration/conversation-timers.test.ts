import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { after, afterEach, before, describe, it } from 'mocha';
import { mintToken } from '../../auth/token-service';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { workflowIdFor } from '../../domain/conversation';
import { DEFAULT_POLICY_SETTINGS } from '../../domain/policy';
import { ConversationWorkflow } from '../../workflows';
import { messageUpdate, stateQuery } from '../../workflows/conversation/definitions';
import { eventually } from '../support/eventually';
import { call, startChat, startStack, type Chat, type TestStack } from '../support/stack';
import { startTimeSkipping } from '../support/time-skipping';
import { pendingCardOrder } from '../../dev/demo-store-picks';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The product's own timings (10 min SLA, 30 min lease, 4 h approval, 14 days per return follow-up,
 * a day's idle close) on a server whose clock the test moves. Each check first moves the clock to
 * just before a deadline and reads the conversation (nothing has happened), then past it and waits
 * for what the timer does.
 */
describe('conversation timers, on a time-skipping server', () => {
  /** Moves the server's clock to `marginMs` before a deadline given in workflow time. */
  async function skipTo(stack: TestStack, deadline: string | number, marginMs: number) {
    const due = typeof deadline === 'number' ? deadline : Date.parse(deadline);
    await stack.env.sleep(Math.max(1, due - (await stack.env.currentTimeMs()) - marginMs));
  }

  /** Ends the conversations a test leaves running, so their timers do not fire while later tests move the clock. */
  function conversationsOf(stack: () => TestStack) {
    const ids: string[] = [];
    afterEach(async () => {
      const client = stack().env.client;
      await Promise.all(ids.splice(0).map((id) => client.workflow.getHandle(workflowIdFor(id)).terminate('test over').catch(() => undefined)));
    });
    return {
      track: (id: string) => ids.push(id),
      async chat(channel: string): Promise<Chat> {
        const chat = await startChat(stack(), channel);
        ids.push(chat.id);
        return chat;
      },
    };
  }

  describe('handoffs, promises and idle conversations', () => {
    let stack: TestStack;
    let channel: string;
    let agent: string;
    let supervisor: string;
    const conversations = conversationsOf(() => stack);

    before(async () => {
      stack = await startStack({ temporal: startTimeSkipping, idleTimeoutMs: DAY });
      await replaceStore(stack.database.db, buildDemoStore());
      channel = await stack.token('channel');
      agent = await mintToken(stack.database.db, { role: 'agent', name: 'Alex' });
      supervisor = await mintToken(stack.database.db, { role: 'supervisor', name: 'Sam' });
    });
    after(() => stack?.close());

    const viewAs = async (token: string, id: string) => (await call(stack, 'GET', `/v1/conversations/${id}`, { token })).body;
    const slaNotes = async (id: string) =>
      ((await call(stack, 'GET', '/v1/agent/notifications', { token: supervisor })).body.notifications as any[]).filter(
        (n) => n.kind === 'sla_breach' && n.conversationId === id,
      );

    it('when nobody claims a handoff within the SLA, then its priority rises each time and supervisors are notified', async () => {
      const chat = await conversations.chat(channel);
      assert.equal((await chat.say('I want to talk to a human')).status, 'awaiting_agent');
      const waiting = await viewAs(agent, chat.id);
      assert.equal(waiting.handoff.priority, 'normal');

      await skipTo(stack, waiting.handoff.slaDueAt, 1_000);
      const justBefore = await viewAs(agent, chat.id);
      assert.equal(justBefore.handoff.slaBreaches, 0, 'no breach a second before the SLA');
      assert.equal(justBefore.handoff.priority, 'normal');

      await stack.env.sleep(2_000);
      const once = await eventually(async () => {
        const view = await viewAs(agent, chat.id);
        return view.handoff.slaBreaches === 1 ? view : undefined;
      }, 'the first SLA breach');
      assert.equal(once.handoff.priority, 'high');
      await eventually(async () => (await slaNotes(chat.id)).length === 1, 'the supervisors to be notified');

      await skipTo(stack, once.handoff.slaDueAt, -1_000);
      const twice = await eventually(async () => {
        const view = await viewAs(agent, chat.id);
        return view.handoff.slaBreaches === 2 ? view : undefined;
      }, 'the second SLA breach');
      assert.equal(twice.handoff.priority, 'urgent');
      await eventually(async () => (await slaNotes(chat.id)).length === 2, 'the second notification');
      assert.equal((await call(stack, 'GET', '/v1/agent/notifications', { token: agent })).status, 403, 'notifications are for supervisors');
    });

    it('when the owner does nothing for the lease, then the conversation goes back to the queue', async () => {
      const chat = await conversations.chat(channel);
      await chat.say('I want to talk to a human');
      assert.equal((await call(stack, 'POST', `/v1/conversations/${chat.id}/claim`, { token: agent, body: {} })).status, 200);
      const owned = await viewAs(agent, chat.id);
      assert.equal(owned.status, 'with_agent');

      await skipTo(stack, owned.handoff.owner.leaseUntil, 1_000);
      const justBefore = await viewAs(agent, chat.id);
      assert.equal(justBefore.status, 'with_agent', 'still owned a second before the lease ends');
      assert.equal(justBefore.handoff.owner.agent, owned.handoff.owner.agent);

      await stack.env.sleep(2_000);
      const back = await eventually(async () => {
        const view = await viewAs(agent, chat.id);
        return view.status === 'awaiting_agent' ? view : undefined;
      }, 'the lease to expire');
      assert.equal(back.handoff.owner, undefined);
      assert.ok(back.agentActions.some((a: any) => a.action === 'lease_expired'));
      assert.equal(back.transcript.at(-1).from, 'system');
      const reply = await call(stack, 'POST', `/v1/conversations/${chat.id}/agent-messages`, { token: agent, body: { text: 'sorry, back now' } });
      assert.equal(reply.status, 409, 'an expired owner must claim again');
    });

    it('when a resolved conversation stays quiet for a day, then it closes, and a new message continues it', async () => {
      const customer = (await stack.database.db('customers').orderBy('position').first('email')) as { email: string };
      const chat = await conversations.chat(channel);
      await chat.say('where is my order?');
      const which = await chat.say(customer.email);
      if (which.awaiting === 'order_id') await chat.say(which.options[0].id);
      assert.equal((await chat.say('thanks, bye')).awaiting, 'rating');
      assert.equal((await chat.say('4 out of 5')).status, 'resolved');
      const quietSince = (await chat.view()).transcript.findLast((t: any) => t.from === 'customer').at as string;

      await skipTo(stack, Date.parse(quietSince) + DAY, MINUTE);
      assert.equal((await chat.view()).status, 'resolved', 'still open a minute before the idle timeout');

      await stack.env.sleep(2 * MINUTE);
      const closed = await eventually(async () => {
        const view = await chat.view();
        return view.status === 'closed' ? view : undefined;
      }, 'the idle close');
      assert.match(closed.transcript.at(-1).text, /closed after a period of inactivity/);

      const back = await chat.say('where is my refund?');
      assert.equal(back.status, 'open');
      assert.notEqual(back.awaiting, 'email', 'a returning customer verified in this conversation is not asked again');
      const view = await chat.view();
      assert.equal(view.csat.score, 4);
      assert.ok(view.transcript.some((t: { text: string }) => t.text === 'thanks, bye'), 'the history stays');
      assert.equal(view.runs, 2);
      assert.ok(view.decisions.some((d: { kind: string }) => d.kind === 'reopened'));
    });

    it('when nobody writes for the idle timeout, then the workflow ends closed and refuses further messages', async () => {
      const conversationId = randomUUID();
      const handle = await stack.env.client.workflow.start(ConversationWorkflow, {
        workflowId: workflowIdFor(conversationId),
        taskQueue: stack.taskQueue,
        args: [{ conversationId, channel: 'chat', idleTimeoutMs: DAY }],
      });
      await handle.executeUpdate(messageUpdate, { args: ['hello'] });
      // The time-skipping client moves the clock while it waits for the result.
      const final = await handle.result();
      assert.equal(final.status, 'closed');
      assert.deepEqual(final.decisions.map((d) => d.kind), ['reply', 'closed']);
      assert.equal(final.transcript.at(-1)?.from, 'system');
      assert.equal((await handle.query(stateQuery)).status, 'closed');
      await assert.rejects(handle.executeUpdate(messageUpdate, { args: ['still there?'] }), WorkflowNotFoundError, 'a finished run takes no messages');
    });

    it('when the conversation closed after being idle, then a new message over the API continues the same conversation', async () => {
      const conversationId = randomUUID();
      const handle = await stack.env.client.workflow.start(ConversationWorkflow, {
        workflowId: workflowIdFor(conversationId),
        taskQueue: stack.taskQueue,
        args: [{ conversationId, channel: 'chat', idleTimeoutMs: DAY }],
      });
      conversations.track(conversationId);
      await handle.result();
      const res = await call(stack, 'POST', `/v1/conversations/${conversationId}/messages`, { token: channel, body: { text: 'hello' } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.status, 'open');
      const view = (await call(stack, 'GET', `/v1/conversations/${conversationId}`, { token: channel })).body;
      assert.deepEqual(view.transcript.map((t: { from: string }) => t.from), ['system', 'customer', 'bot']);
      assert.deepEqual(view.transcript.map((t: { seq: number }) => t.seq), [1, 2, 3]);
      assert.equal(view.runs, 2);
      assert.ok(view.decisions.some((d: { kind: string }) => d.kind === 'reopened'));
    });

    it('when a returned parcel does not arrive, then the bot follows up after a period, and after the second a person takes over', async function () {
      // Four weeks of a return's timers, each follow-up delivered through the outbox: slow on a loaded machine.
      this.timeout(300_000);
      const row = await stack.database.db('orders as o')
        .join('customers as c', 'c.id', 'o.customer_id')
        .join('payment_transactions as t', 't.order_id', 'o.id')
        .join('payment_methods as m', 'm.id', 't.payment_method_id')
        .where({ 'o.status': 'delivered', 't.transaction_type': 'payment', 'm.source': 'credit_card' })
        .orderBy('o.position', 'desc')
        .first('o.id as orderId', 'c.email as email', 'm.id as methodId');
      const item = await stack.database.db('order_items').where({ order_id: row.orderId }).orderBy('position').first('item_id');
      const chat = await conversations.chat(channel);
      await chat.say(`I want to return an item from order ${row.orderId}`);
      await chat.say(row.email);
      await chat.say(item.item_id);
      assert.equal((await chat.say(row.methodId)).awaiting, 'confirmation');
      const done = await chat.say('yes');
      assert.deepEqual(done.actions.map((a: { status: string }) => a.status), ['executed']);
      const promisedAt = Date.parse((await chat.view()).transcript.at(-1).at);
      const followUps = (view: any) => view.decisions.filter((d: { kind: string }) => d.kind === 'follow_up').length;

      await skipTo(stack, promisedAt + 14 * DAY, MINUTE);
      assert.equal(followUps(await chat.view()), 0, 'no follow-up before the first period is over');

      await stack.env.sleep(2 * MINUTE);
      const followedUp = await eventually(async () => {
        const view = await chat.view();
        return followUps(view) === 1 ? view : undefined;
      }, 'the first follow-up');
      assert.equal(followedUp.status, 'open');
      assert.ok(followedUp.transcript.some((t: { from: string; text: string }) => t.from === 'bot' && /have not received the parcel/.test(t.text)));

      await skipTo(stack, promisedAt + 28 * DAY, MINUTE);
      const stillWaiting = await chat.view();
      assert.equal(followUps(stillWaiting), 1, 'no second follow-up before the second period is over');
      assert.equal(stillWaiting.status, 'open');

      await stack.env.sleep(2 * MINUTE);
      const handedOver = await eventually(async () => {
        const view = await chat.view();
        return view.status === 'awaiting_agent' ? view : undefined;
      }, 'the handoff after the second follow-up');
      assert.equal(handedOver.handoff.reasons[0].code, 'return_overdue');
      assert.equal(handedOver.handoff.priority, 'high');
      assert.equal(followUps(handedOver), 2);
    });
  });

  describe('approvals', () => {
    let stack: TestStack;
    const conversations = conversationsOf(() => stack);

    // A $1.00 automatic limit: any cancellation needs a supervisor.
    before(async () => {
      stack = await startStack({ temporal: startTimeSkipping, policy: { ...DEFAULT_POLICY_SETTINGS, automaticRefundLimitCents: 100 } });
      await replaceStore(stack.database.db, buildDemoStore());
    });
    after(() => stack?.close());

    it('when no supervisor decides within the approval timeout, then nothing changes, the request is closed and a person takes over', async () => {
      const target = await pendingCardOrder(stack.database.db);
      const chat = await conversations.chat(await stack.token('channel'));
      const orderStatus = async () => (await stack.database.db('orders').where({ id: target.orderId }).first('status')).status as string;
      const requestStatus = async () => (await stack.database.db('approval_requests').where({ conversation_id: chat.id }).first('status'))?.status as string | undefined;
      await chat.say(`I want to cancel order ${target.orderId}`);
      assert.equal((await chat.say(target.email)).awaiting, 'reason');
      assert.equal((await chat.say('no longer needed')).awaiting, 'confirmation');
      const parked = await chat.say('yes');
      assert.equal(parked.actions[0].status, 'proposed');
      const asked = await eventually(async () => {
        const view = await chat.view();
        return view.pendingApproval?.dueAt ? view : undefined;
      }, 'the approval to be requested');

      await skipTo(stack, asked.pendingApproval.dueAt, MINUTE);
      const justBefore = await chat.view();
      assert.equal(justBefore.status, 'open', 'still waiting for a supervisor a minute before the timeout');
      assert.ok(justBefore.pendingApproval);
      assert.equal(await requestStatus(), 'pending');

      await stack.env.sleep(2 * MINUTE);
      const view = await eventually(async () => {
        const v = await chat.view();
        return v.status === 'awaiting_agent' ? v : undefined;
      }, 'the approval to time out');
      assert.equal(view.handoff.reasons[0].code, 'approval_timed_out');
      assert.equal(await orderStatus(), 'pending');
      assert.equal(await eventually(async () => (await requestStatus()) === 'timed_out' && 'timed_out', 'the request to be closed'), 'timed_out');
    });
  });
});
