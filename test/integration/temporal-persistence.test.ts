import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'mocha';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { workflowIdFor } from '../../domain/conversation';
import { ConversationWorkflow } from '../../workflows';
import { messageUpdate, stateQuery } from '../../workflows/conversation/definitions';
import { createConversationWorker } from '../../workers/conversation-worker';
import { startTestPayments, type TestPayments } from '../support/payments';
import { temporaryDatabase, type TestDatabase } from '../support/database';
import { dataConverterOf, startTemporal, workflowBundle } from '../support/temporal';

let dir: string;
let database: TestDatabase;
let payments: TestPayments;

const taskQueue = 'persistence';

async function workerOn(server: TestWorkflowEnvironment) {
  return createConversationWorker({
    connection: server.nativeConnection,
    dataConverter: dataConverterOf(server),
    namespace: 'default',
    taskQueue,
    db: database.db,
    payments: payments.provider,
    workflowBundle: await workflowBundle(),
  });
}

describe('a dev server restarted on its persistence file', () => {
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-temporal-'));
    database = await temporaryDatabase();
    payments = await startTestPayments();
  });
  after(async () => {
    await database?.close();
    await payments?.sandbox.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('when Temporal stops and starts again, then open conversations survive and go on', async () => {
    const dbFilename = path.join(dir, 'temporal.sqlite');
    const conversationId = 'persisted-conversation';

    const first = await startTemporal({ dbFilename });
    try {
      const worker = await workerOn(first);
      await worker.runUntil(async () => {
        const handle = await first.client.workflow.start(ConversationWorkflow, {
          workflowId: workflowIdFor(conversationId),
          taskQueue,
          args: [{ conversationId, channel: 'chat', idleTimeoutMs: 60 * 60_000 }],
        });
        await handle.executeUpdate(messageUpdate, { args: ['hello'] });
      });
    } finally {
      await first.teardown();
    }
    assert.ok(fs.statSync(dbFilename).size > 0);

    const second = await startTemporal({ dbFilename });
    try {
      const worker = await workerOn(second);
      await worker.runUntil(async () => {
        const handle = second.client.workflow.getHandle(workflowIdFor(conversationId));
        assert.equal((await handle.describe()).status.name, 'RUNNING');
        const reply = await handle.executeUpdate(messageUpdate, { args: ['thanks'] });
        assert.equal(reply.intent, 'thanks');
        const view = await handle.query(stateQuery);
        assert.deepEqual(view.transcript.filter((t) => t.from === 'customer').map((t) => t.text), ['hello', 'thanks']);
      });
    } finally {
      await second.teardown();
    }
  });
});
