import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { workflowIdFor, type ConversationEnd } from '../../domain/conversation';
import type { OutcomeAssessment } from '../../domain/outcomes/types';
import { scoreConversation, type ScorecardCheckId } from '../../domain/quality';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { call, startChat, startStack, type Chat, type TestStack } from '../support/stack';

let stack: TestStack;
let channel: string;

/** Short enough to wait for, long enough that no conversation closes between two of its messages. */
const IDLE_MS = 8_000;

/** What a conversation leaves when it closes: the state the workflow scores itself from. */
async function closed(chat: Chat): Promise<ConversationEnd> {
  return (await stack.env.client.workflow.getHandle(workflowIdFor(chat.id)).result()) as ConversationEnd;
}

/** A colleague claims the handed-over conversation, answers and resolves it: only then may it close. */
async function colleagueResolves(chat: Chat): Promise<void> {
  const token = await stack.token('agent');
  const steps: [string, unknown][] = [
    ['claim', {}],
    ['agent-messages', { text: 'Hi, I am Ana from the team. I have sorted this out for you.' }],
    ['resolve', { outcome: 'sorted out by the team' }],
  ];
  for (const [command, body] of steps) {
    const res = await call(stack, 'POST', `/v1/conversations/${chat.id}/${command}`, { token, body });
    assert.equal(res.status, 200, `${command}: ${JSON.stringify(res.body)}`);
  }
}

function scorecard(end: ConversationEnd, outcome: OutcomeAssessment) {
  const closedAt = [...end.carried.decisions].reverse().find((d) => d.kind === 'closed')?.at;
  assert.ok(closedAt, 'the conversation records its close');
  const checks = scoreConversation({ state: end.carried, outcome, closedAt });
  const by = (id: ScorecardCheckId) => {
    const found = checks.find((c) => c.id === id);
    assert.ok(found, `no ${id} check`);
    return found;
  };
  return { checks, by, failing: checks.filter((c) => !c.passed).map((c) => c.id) };
}

// The lead's part makes the workflow assess its outcome; until then each test states the outcome the store shows.
describe('the scorecard of conversations played on the real worker', () => {
  before(async () => {
    stack = await startStack({ idleTimeoutMs: IDLE_MS });
    channel = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  it('when a pending order is cancelled with a yes, and the customer says goodbye and rates it, then every check passes', async () => {
    const target = (await stack.database.db('orders as o')
      .join('customers as c', 'c.id', 'o.customer_id')
      .join('payment_transactions as t', 't.order_id', 'o.id')
      .join('payment_methods as m', 'm.id', 't.payment_method_id')
      .where({ 'o.status': 'pending', 't.transaction_type': 'payment' })
      .whereIn('m.source', ['credit_card', 'paypal'])
      .orderBy('o.position')
      .first('o.id as orderId', 'c.email as email')) as { orderId: string; email: string };
    const chat = await startChat(stack, channel);
    await chat.say('I want to cancel my order');
    const afterEmail = await chat.say(target.email);
    if (afterEmail.awaiting === 'order_id') await chat.say(target.orderId);
    assert.equal((await chat.say('I ordered it by mistake')).awaiting, 'confirmation');
    assert.deepEqual((await chat.say('yes')).actions.map((a: { status: string }) => a.status), ['executed']);
    await chat.say('thanks, bye');
    await chat.say('5');
    const end = await closed(chat);
    assert.equal((await stack.database.db('orders').where({ id: target.orderId }).first('status')).status, 'cancelled');

    const card = scorecard(end, { outcome: 'verified', reason: `the store shows order ${target.orderId} cancelled`, issues: ['cancel_order'] });
    assert.deepEqual(card.failing, [], JSON.stringify(card.checks, null, 1));
    assert.match(card.by('policy_followed').detail, /^cancel_pending_order proposed, confirmed at turn \d+, checked by the policy$/);
    assert.match(card.by('turns_and_time').detail, /^7 customer turns; resolved \d+ (s|min) after the first message$/);
    assert.equal(card.by('person_needed').detail, 'no person was needed');
  });

  it('when the bot cannot tell what the customer wants twice and hands over, then person_needed fails with unsure_twice', async () => {
    const chat = await startChat(stack, channel);
    await chat.say('xqzv blorp');
    const second = await chat.say('mmmh grrk plonk');
    assert.equal(second.status, 'awaiting_agent', `two unclear messages hand over: ${JSON.stringify(second)}`);
    await colleagueResolves(chat);
    const card = scorecard(await closed(chat), { outcome: 'escalated', reason: 'unsure_twice', issues: [] });
    assert.deepEqual(card.failing, ['resolved_verified', 'person_needed'], JSON.stringify(card.checks, null, 1));
    assert.match(card.by('person_needed').detail, /^a person was needed because the bot did not understand: at turn 3 for unsure_twice/);
    assert.equal(card.by('frustration_handled').detail, 'no frustration seen');
  });

  it('when profanity is aimed at the bot, then it hands over at once and frustration_handled and person_needed pass', async () => {
    const chat = await startChat(stack, channel);
    await chat.say('where is my order?');
    assert.equal((await chat.say('this fucking bot is useless')).status, 'awaiting_agent');
    await chat.say('hello??');
    await colleagueResolves(chat);
    const card = scorecard(await closed(chat), { outcome: 'escalated', reason: 'profanity', issues: [] });
    assert.deepEqual(card.failing, ['resolved_verified'], JSON.stringify(card.checks, null, 1));
    assert.match(card.by('frustration_handled').detail, /^profanity, insult at turn 3, handed over at once/);
    assert.match(card.by('person_needed').detail, /^a person was needed: at turn 3 for profanity/);
    assert.equal(card.by('no_bot_repetition').detail, 'the bot did not repeat a reply', 'the reply while waiting for a colleague is not the bot repeating itself');
  });

  it('when the customer asks the same question again, then no_repeated_question and no_bot_repetition fail and name the turns', async () => {
    const chat = await startChat(stack, channel);
    await chat.say('how long does delivery take to my city');
    await chat.say('how long does delivery take to my city?');
    const card = scorecard(await closed(chat), { outcome: 'contained', reason: 'answered from the help centre', issues: [] });
    assert.match(card.by('no_repeated_question').detail, /the customer wrote nearly the same message at turns 1 and 3/);
    assert.equal(card.by('no_repeated_question').passed, false);
    // The help centre gives the same question the same answer: the bot repeated itself too.
    assert.equal(card.by('no_bot_repetition').detail, 'the bot sent the same reply 2 times (in a row), at turns 2 and 4');
    assert.equal(card.by('no_bot_repetition').passed, false);
  });
});
