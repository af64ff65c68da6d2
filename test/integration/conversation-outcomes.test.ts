import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { pendingCardOrder } from '../../dev/demo-store-picks';
import { eventually } from '../support/eventually';
import { parseExposition, samplesOf } from '../support/prometheus-text';
import { startChat, startStack, type Chat, type TestStack } from '../support/stack';

const HOUR = 3_600_000;

/** Cancels the order through the chat, answering whatever the bot asks for next. */
async function cancelOrder(chat: Chat, target: { orderId: string; email: string }): Promise<any> {
  let reply = await chat.say('I want to cancel my order');
  for (let turn = 0; turn < 6; turn++) {
    if (reply.awaiting === 'email') reply = await chat.say(target.email);
    else if (reply.awaiting === 'order_id') reply = await chat.say(target.orderId);
    else if (reply.awaiting === 'reason') reply = await chat.say('no longer needed');
    else if (reply.awaiting === 'confirmation') return chat.say('yes');
    else break;
  }
  throw new Error(`the cancellation stopped at ${JSON.stringify(reply)}`);
}

const outcomeOf = async (chat: Chat, outcome: string) => {
  let last: any;
  try {
    return await eventually(async () => {
      last = await chat.view();
      return last.outcome === outcome ? last : undefined;
    }, `outcome ${outcome}`);
  } catch (err) {
    throw new Error(`${(err as Error).message}; last: ${JSON.stringify({ outcome: last?.outcome, resolution: last?.resolution, status: last?.status, decisions: last?.decisions?.slice(-6) })}`, { cause: err });
  }
};

describe('conversation outcomes, as the API shows them', () => {
  describe('with RESOLUTION_WINDOW_HOURS=0 and a short idle close', () => {
    let stack: TestStack;
    let channel: string;
    before(async () => {
      stack = await startStack({ timings: { resolutionWindowMs: 0 }, idleTimeoutMs: 4_000 });
      await replaceStore(stack.database.db, buildDemoStore());
      channel = await stack.token('channel');
    });
    after(() => stack?.close());

    it('when an order is cancelled, then the store is read back and the conversation is verified at once, with its figures', async () => {
      const target = await pendingCardOrder(stack.database.db);
      const chat = await startChat(stack, channel);
      const done = await cancelOrder(chat, target);
      assert.equal((await chat.view()).decisions[0].tier, 'keyword');
      assert.deepEqual(done.actions.map((a: { status: string }) => a.status), ['executed']);
      assert.equal(done.tier, undefined, 'the yes is an answer inside the flow, not a new request');
      const view = await outcomeOf(chat, 'verified');
      assert.match(view.resolution.reason, new RegExp(`the store confirms cancel_pending_order \\(order ${target.orderId} is cancelled\\)`));
      assert.equal(view.resolution.pending, false);
      const row = await stack.database.db('conversation_outcomes').where({ conversation_id: chat.id }).first();
      const figures = JSON.parse(row.figures);
      assert.equal(figures.actions.executed, 1);
      assert.ok(figures.intents.includes('cancel_order'), row.figures);
      assert.equal(figures.tiers.keyword + figures.tiers.model + figures.tiers.llm + figures.tiers.none >= 1, true);
      assert.deepEqual(JSON.parse(row.issues), ['cancel_order']);
    });

    it('when the customer asks for a person, then the conversation is escalated at once, with the reason', async () => {
      const chat = await startChat(stack, channel);
      const reply = await chat.say('I want to talk to a human agent please');
      assert.equal(reply.status, 'awaiting_agent', JSON.stringify(reply));
      const view = await outcomeOf(chat, 'escalated');
      assert.match(view.resolution.reason, /explicit_request/);
      const row = await stack.database.db('conversation_outcomes').where({ conversation_id: chat.id }).first();
      assert.deepEqual(JSON.parse(row.figures).escalationCodes, ['explicit_request']);
    });

    it('when conversations were verified and escalated, then /metrics counts them by outcome, with the escalation reason and the executed action', async () => {
      const text = await (await fetch(`${stack.baseUrl}/metrics`)).text();
      const metrics = parseExposition(text);
      const outcomes = Object.fromEntries(samplesOf(metrics, 'support_conversation_outcomes_total').map((s) => [s.labels.outcome, s.value]));
      assert.equal(outcomes.verified, 1, text);
      assert.equal(outcomes.escalated, 1, text);
      const escalations = samplesOf(metrics, 'support_escalations_total').filter((s) => s.labels.reason === 'explicit_request');
      assert.deepEqual(escalations.map((s) => s.value), [1], text);
      const executed = samplesOf(metrics, 'support_actions_total').filter((s) => s.labels.status === 'executed');
      assert.deepEqual(executed.map((s) => s.value), [1], text);
    });

    it('when a question is answered and the customer thanks the bot, then it is verified by the accepted answer', async () => {
      const chat = await startChat(stack, channel);
      await chat.say('which payment methods do you accept?');
      await chat.say('thanks!');
      const view = await outcomeOf(chat, 'verified');
      assert.match(view.resolution.reason, /accepted the answer/);
    });

    it('when a question is answered and the customer just leaves, then the idle close makes it contained', async () => {
      const chat = await startChat(stack, channel);
      await chat.say('which payment methods do you accept?');
      const view = await outcomeOf(chat, 'contained');
      assert.equal(view.status, 'closed');
    });

    it('when the customer leaves in the middle of a cancellation, then the idle close makes it abandoned', async () => {
      const target = await pendingCardOrder(stack.database.db);
      const chat = await startChat(stack, channel);
      const asked = await chat.say('I want to cancel my order');
      assert.equal(asked.awaiting, 'email');
      await chat.say(target.email);
      const view = await outcomeOf(chat, 'abandoned');
      assert.match(view.resolution.reason, /left while the bot waited for cancel_order/);
    });
  });

  describe('with a resolution window of an hour', () => {
    let stack: TestStack;
    let channel: string;
    before(async () => {
      stack = await startStack({ timings: { resolutionWindowMs: HOUR } });
      await replaceStore(stack.database.db, buildDemoStore());
      channel = await stack.token('channel');
    });
    after(() => stack?.close());

    it('when an order is cancelled, then the outcome waits for the window; when the customer comes back on it in another conversation, then it is contained', async () => {
      const target = await pendingCardOrder(stack.database.db);
      const first = await startChat(stack, channel);
      await cancelOrder(first, target);
      const pending = await eventually(async () => {
        const view = await first.view();
        return view.resolution?.pending ? view : undefined;
      }, 'a pending resolution');
      assert.equal(pending.outcome, undefined);
      const windowEnds = Date.parse(pending.resolution.verifiedAfter) - Date.parse(pending.resolution.resolvedAt);
      assert.equal(windowEnds, HOUR);

      const second = await startChat(stack, channel);
      const asked = await second.say('I want to cancel my order');
      assert.equal(asked.awaiting, 'email');
      await second.say(target.email);
      const view = await outcomeOf(first, 'contained').catch(async (err) => {
        throw new Error(`${err.message} rows: ${JSON.stringify(await stack.database.db('conversation_outcomes').select('conversation_id', 'customer_key', 'candidate', 'reason'))}`, { cause: err });
      });
      assert.match(view.resolution.reason, new RegExp(`came back on cancel_order within the resolution window \\(conversation ${second.id}\\)`));
      assert.equal(view.resolution.pending, false);
    });
  });
});
