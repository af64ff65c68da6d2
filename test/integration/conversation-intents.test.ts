import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { workflowIdFor } from '../../domain/conversation';
import { createAnthropicIntentClassifier } from '../../llm/anthropic-intent-classifier';
import { createAnthropicReplyPhraser } from '../../llm/anthropic-reply-phraser';
import { createConversationWorker } from '../../workers/conversation-worker';
import { ConversationWorkflow } from '../../workflows';
import { messageUpdate, stateQuery } from '../../workflows/conversation/definitions';
import { temporaryDatabase, type TestDatabase } from '../support/database';
import { startMessagesStandIn, type MessagesStandIn } from '../support/messages-api-standin';
import { startTestPayments, type TestPayments } from '../support/payments';
import { dataConverterOf, startTemporal, uniqueTaskQueue, workflowBundle } from '../support/temporal';

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let payments: TestPayments;
let standIn: MessagesStandIn;

async function withConversation(
  llmEnabled: boolean,
  run: (send: (text: string) => ReturnType<typeof sendOn>, id: string) => Promise<void>,
  options: { phrasing?: boolean } = {},
) {
  const taskQueue = uniqueTaskQueue(llmEnabled ? 'intents-llm' : 'intents');
  const worker = await createConversationWorker({
    connection: env.nativeConnection,
    dataConverter: dataConverterOf(env),
    namespace: env.namespace ?? 'default',
    taskQueue,
    db: database.db,
    payments: payments.provider,
    llm: llmEnabled ? createAnthropicIntentClassifier({ apiKey: 'test-key', baseURL: standIn.url, timeoutMs: 500 }) : undefined,
    phraser: options.phrasing ? createAnthropicReplyPhraser({ apiKey: 'test-key', baseURL: standIn.url, timeoutMs: 2_000, maxRetries: 0 }) : undefined,
    workflowBundle: await workflowBundle(),
  });
  await worker.runUntil(async () => {
    const conversationId = `intents-${Math.random().toString(36).slice(2)}`;
    const handle = await env.client.workflow.start(ConversationWorkflow, {
      workflowId: workflowIdFor(conversationId),
      taskQueue,
      args: [{ conversationId, channel: 'chat', idleTimeoutMs: 3_600_000, llmEnabled }],
    });
    await run((text) => sendOn(handle.workflowId, text), handle.workflowId);
  });
}

const sendOn = (workflowId: string, text: string) => env.client.workflow.getHandle(workflowId).executeUpdate(messageUpdate, { args: [text] });
const decisionsOf = async (workflowId: string) => (await env.client.workflow.getHandle(workflowId).query(stateQuery)).decisions;

describe('the intent cascade inside the conversation', () => {
  before(async () => {
    [env, database, payments, standIn] = await Promise.all([startTemporal(), temporaryDatabase(), startTestPayments(), startMessagesStandIn()]);
  });
  after(async () => {
    await env?.teardown();
    await database?.close();
    await payments?.sandbox.close();
    await standIn?.close();
  });

  it('when a message matches a keyword rule, then tier keyword is recorded with its rule', async () => {
    await withConversation(false, async (send, id) => {
      const reply = await send('I want to cancel my order');
      assert.equal(reply.intent, 'cancel_order');
      assert.equal(reply.awaiting, 'email');
      const [decision] = await decisionsOf(id);
      assert.equal(decision?.tier, 'keyword');
      assert.equal(decision?.rule, 'cancel-order');
    });
  });

  it('when the local model is sure, then tier model is recorded with its calibrated confidence', async () => {
    await withConversation(false, async (send, id) => {
      const reply = await send('where is order #W1234567?');
      assert.equal(reply.intent, 'track_order');
      const [decision] = await decisionsOf(id);
      assert.equal(decision?.tier, 'model');
      assert.ok((decision?.confidence ?? 0) > 0.5 && (decision?.confidence ?? 2) <= 1);
    });
  });

  it('when nobody can tell the intent twice in a row, then the bot asks once, then asks for a person', async () => {
    await withConversation(false, async (send, id) => {
      const first = await send('blorp');
      assert.equal(first.intent, undefined);
      assert.match(first.replies[0]?.text ?? '', /did not quite get that/);
      const second = await send('the parcel smells funny');
      assert.match(second.replies[0]?.text ?? '', /bringing in a colleague/);
      assert.equal(second.status, 'awaiting_agent');
      const decisions = await decisionsOf(id);
      assert.deepEqual(decisions.map((d) => [d.kind, d.tier ?? null]), [['reply', 'none'], ['reply', 'none'], ['handoff_requested', null], ['handoff', null]]);
      assert.match(decisions[2]?.reason ?? '', /^unsure_twice: .*2/);
    });
  });

  it('when the local tiers are unsure and the LLM is configured, then Claude decides and tier llm is recorded', async () => {
    standIn.script({ kind: 'tool', input: { label: 'complaint', confidence: 0.77 } });
    await withConversation(true, async (send, id) => {
      const reply = await send('the parcel smells funny');
      assert.equal(reply.intent, 'complaint');
      const [decision] = await decisionsOf(id);
      assert.deepEqual([decision?.tier, decision?.intent, decision?.confidence], ['llm', 'complaint', 0.77]);
    });
  });

  it('when the LLM keeps failing with 5xx, then it is retried, then the turn goes on at tier none', async () => {
    const before = standIn.requests.length;
    standIn.script({ kind: 'status', status: 500 }, { kind: 'status', status: 529 }, { kind: 'status', status: 503 });
    await withConversation(true, async (send, id) => {
      const reply = await send('blorp');
      assert.match(reply.replies[0]?.text ?? '', /did not quite get that/);
      const [decision] = await decisionsOf(id);
      assert.equal(decision?.tier, 'none');
      assert.match(decision?.reason ?? '', /LLM tier failed/);
    });
    assert.equal(standIn.requests.length - before, 3, 'three attempts, as the activity retry policy says');
  });

  it('when the LLM answers with an unknown intent, then it is not retried and the turn goes on at tier none', async () => {
    const before = standIn.requests.length;
    standIn.script({ kind: 'tool', input: { label: 'refund_everything', confidence: 1 } });
    await withConversation(true, async (send, id) => {
      await send('blorp');
      const [decision] = await decisionsOf(id);
      assert.equal(decision?.tier, 'none');
      assert.match(decision?.reason ?? '', /not usable/);
    });
    assert.equal(standIn.requests.length - before, 1);
  });

  it('when the LLM times out, then the turn still gets a reply', async () => {
    standIn.script({ kind: 'hang', ms: 1500 }, { kind: 'hang', ms: 1500 }, { kind: 'hang', ms: 1500 });
    await withConversation(true, async (send, id) => {
      const reply = await send('blorp');
      assert.equal(reply.status, 'open');
      const [decision] = await decisionsOf(id);
      assert.equal(decision?.tier, 'none');
      assert.match(decision?.reason ?? '', /LLM tier failed/);
    });
  });

  it('when Claude phrases replies, then a faithful rewording is used, one that invents an offer is not, and the handoff summary is reworded too', async () => {
    await withConversation(
      true,
      async (send, id) => {
        standIn.script({ kind: 'text', text: 'Hi there! I can help with tracking, cancelling or changing a pending order, returns, exchanges and refunds. What can I do for you?' });
        const faithful = await send('hello');
        assert.match(faithful.replies[0]?.text ?? '', /^Hi there!/);

        standIn.script({ kind: 'text', text: 'Hello! Today only, everything is 20% off. What can I do for you?' });
        const invented = await send('hi');
        assert.match(invented.replies[0]?.text ?? '', /^Hello! I can help with your orders/, 'the template, not the invented discount');
        const rejected = (await decisionsOf(id)).filter((d) => d.rule === 'phrasing:rejected');
        assert.equal(rejected.length, 1);
        assert.match(rejected[0]?.reason ?? '', /20%/);

        standIn.script(
          { kind: 'text', text: 'An unverified customer wrote 3 messages and asked for a person.' },
          { kind: 'text', text: 'Of course, a colleague will take over shortly and will see everything you told me. You can keep writing here meanwhile.' },
        );
        const handed = await send('I want to talk to a human');
        assert.equal(handed.status, 'awaiting_agent');
        const view = await env.client.workflow.getHandle(id).query(stateQuery);
        assert.equal(view.handoff?.summarySource, 'llm');
        assert.equal(view.handoff?.summary, 'An unverified customer wrote 3 messages and asked for a person.');
        const summaryRequest = standIn.requests.at(-2)?.body;
        assert.match(JSON.stringify(summaryRequest.system), /human colleague taking the conversation over/);
      },
      { phrasing: true },
    );
  });
});
