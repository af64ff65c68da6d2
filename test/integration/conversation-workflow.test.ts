import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { ConversationInput } from '../../domain/conversation';
import { workflowIdFor } from '../../domain/conversation';
import { MAX_MESSAGE_CHARS } from '../../domain/message-validation';
import { ConversationWorkflow } from '../../workflows';
import { messageUpdate, stateQuery } from '../../workflows/conversation/definitions';
import { createConversationWorker } from '../../workers/conversation-worker';
import { startTestPayments, type TestPayments } from '../support/payments';
import { temporaryDatabase, type TestDatabase } from '../support/database';
import { dataConverterOf, startTemporal, uniqueTaskQueue, workflowBundle } from '../support/temporal';

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let payments: TestPayments;

async function newWorker(taskQueue: string): Promise<Worker> {
  return createConversationWorker({
    connection: env.nativeConnection,
    dataConverter: dataConverterOf(env),
    namespace: env.namespace ?? 'default',
    taskQueue,
    db: database.db,
    payments: payments.provider,
    workflowBundle: await workflowBundle(),
  });
}

function startConversation(taskQueue: string, overrides: Partial<ConversationInput> = {}) {
  const conversationId = `wf-test-${Math.random().toString(36).slice(2)}`;
  return env.client.workflow.start(ConversationWorkflow, {
    workflowId: workflowIdFor(conversationId),
    taskQueue,
    args: [{ conversationId, channel: 'chat', idleTimeoutMs: 60 * 60_000, ...overrides }],
  });
}

describe('ConversationWorkflow on a real dev server', () => {
  before(async () => {
    [env, database, payments] = await Promise.all([startTemporal(), temporaryDatabase(), startTestPayments()]);
  });
  after(async () => {
    await env?.teardown();
    await database?.close();
    await payments?.sandbox.close();
  });

  it('when a customer says hello, then the message Update returns the reply and records the decision', async () => {
    const taskQueue = uniqueTaskQueue('hello');
    const worker = await newWorker(taskQueue);
    await worker.runUntil(async () => {
      const handle = await startConversation(taskQueue);
      const result = await handle.executeUpdate(messageUpdate, { args: ['Hello'] });
      assert.equal(result.status, 'open');
      assert.equal(result.intent, 'greeting');
      assert.match(result.replies[0]?.text ?? '', /help with your orders/);

      const view = await handle.query(stateQuery);
      assert.deepEqual(view.transcript.map((t) => [t.seq, t.from]), [[1, 'customer'], [2, 'bot']]);
      assert.equal(view.transcript[0]?.text, 'Hello');
      assert.deepEqual(
        view.decisions.map((d) => ({ kind: d.kind, intent: d.intent, tier: d.tier, rule: d.rule })),
        [{ kind: 'reply', intent: 'greeting', tier: 'keyword', rule: 'greeting' }],
      );
      assert.ok((view.decisions[0]?.latencyMicros ?? -1) >= 0);
    });
  });

  for (const [label, bad, reason] of [
    ['empty', '   ', /must not be empty/],
    ['oversized', 'x'.repeat(MAX_MESSAGE_CHARS + 1), /at most 4000 characters/],
    ['non-string', 42, /must be a string/],
  ] as const) {
    it(`when the text is ${label}, then the validator rejects it and nothing enters history`, async () => {
      const taskQueue = uniqueTaskQueue(`invalid-${label}`);
      const worker = await newWorker(taskQueue);
      await worker.runUntil(async () => {
        const handle = await startConversation(taskQueue);
        const failure = await handle
          .executeUpdate(messageUpdate, { args: [bad as string] })
          .then(() => assert.fail('the update should have been rejected'), (err: unknown) => err);
        assert.ok(failure instanceof WorkflowUpdateFailedError, `got ${String(failure)}`);
        assert.ok(failure.cause instanceof ApplicationFailure);
        assert.equal(failure.cause.type, 'InvalidMessage');
        assert.match(failure.cause.message, reason);

        const history = await handle.fetchHistory();
        const updateEvents = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
        assert.equal(updateEvents.length, 0, 'a rejected update must not be accepted into history');
        assert.deepEqual((await handle.query(stateQuery)).transcript, []);
      });
    });
  }

  it('when messages arrive at once, then they are answered one at a time in order', async () => {
    const taskQueue = uniqueTaskQueue('concurrent');
    const worker = await newWorker(taskQueue);
    await worker.runUntil(async () => {
      const handle = await startConversation(taskQueue);
      const texts = ['hi', 'thanks', 'bye'];
      await Promise.all(texts.map((text) => handle.executeUpdate(messageUpdate, { args: [text] })));
      const view = await handle.query(stateQuery);
      assert.deepEqual(view.transcript.map((t) => t.from), ['customer', 'bot', 'customer', 'bot', 'customer', 'bot']);
      // Each bot turn answers the customer turn just before it.
      const pairs = view.decisions.filter((d) => d.kind === 'reply').map((d) => [view.transcript.find((t) => t.seq === d.seq)?.text, d.intent]);
      assert.deepEqual(new Set(pairs.map((p) => JSON.stringify(p))), new Set([
        JSON.stringify(['hi', 'greeting']),
        JSON.stringify(['thanks', 'thanks']),
        JSON.stringify(['bye', 'goodbye']),
      ]));
    });
  });

  it('when continue-as-new is due, then the next run carries the transcript and decisions on', async () => {
    const taskQueue = uniqueTaskQueue('can');
    const worker = await newWorker(taskQueue);
    await worker.runUntil(async () => {
      const handle = await startConversation(taskQueue, { continueAsNewAfterTurns: 2 });
      const firstRun = handle.firstExecutionRunId;
      const replies = [];
      for (const text of ['hello', 'where is my order #W1234567', 'thanks']) {
        replies.push(await env.client.workflow.getHandle(handle.workflowId).executeUpdate(messageUpdate, { args: [text] }));
      }
      // The tracking flow opened in the first run is still open in the next: it asks for the e-mail again.
      assert.equal(replies[2]?.awaiting, 'email');
      const latest = env.client.workflow.getHandle(handle.workflowId);
      const description = await latest.describe();
      assert.notEqual(description.runId, firstRun, 'a new run should have started');
      const view = await latest.query(stateQuery);
      assert.ok(view.runs >= 2, `runs = ${view.runs}`);
      assert.deepEqual(
        view.transcript.filter((t) => t.from === 'customer').map((t) => t.text),
        ['hello', 'where is my order #W1234567', 'thanks'],
      );
      assert.deepEqual(view.transcript.map((t) => t.seq), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(view.intents.map((i) => i.intent), ['greeting', 'track_order']);
      assert.deepEqual(view.decisions.filter((d) => d.kind === 'dialogue').map((d) => d.rule), ['track_order:email']);
      assert.ok(view.decisions.some((d) => d.kind === 'continued_as_new'));
      const first = await env.client.workflow.getHandle(handle.workflowId, firstRun).describe();
      assert.equal(first.status.name, 'CONTINUED_AS_NEW');
    });
  });

  it('when the worker is restarted mid-conversation, then the conversation goes on where it was', async () => {
    const taskQueue = uniqueTaskQueue('restart');
    const first = await newWorker(taskQueue);
    const handle = await first.runUntil(async () => {
      const h = await startConversation(taskQueue);
      await h.executeUpdate(messageUpdate, { args: ['hello'] });
      return h;
    });
    assert.equal(first.getState(), 'STOPPED');

    // Sent while no worker runs: the message waits in Temporal until a fresh worker picks the conversation up.
    const pending = handle.executeUpdate(messageUpdate, { args: ['thanks'] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const second = await newWorker(taskQueue);
    await second.runUntil(async () => {
      const result = await pending;
      assert.equal(result.intent, 'thanks');
      const view = await handle.query(stateQuery);
      assert.deepEqual(view.transcript.filter((t) => t.from === 'customer').map((t) => t.text), ['hello', 'thanks']);
    });
  });
});
