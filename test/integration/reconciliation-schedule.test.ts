import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadConfig } from '../../config/config';
import type { ReconciliationSummary } from '../../domain/reconciliation';
import { silentLogger } from '../../observability/logger';
import { createConfiguredWorker } from '../../workers/conversation-worker';
import { reconciliationScheduleId } from '../../workers/reconciliation-schedule';
import { temporaryDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { startTestPayments, type TestPayments } from '../support/payments';
import { dataConverterOf, startTemporal, uniqueTaskQueue, workflowBundle } from '../support/temporal';

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let payments: TestPayments;

describe('the reconciliation schedule the worker makes sure of', () => {
  const taskQueue = uniqueTaskQueue('recon-schedule');
  const scheduleId = reconciliationScheduleId(taskQueue);

  before(async () => {
    [env, database, payments] = await Promise.all([startTemporal(), temporaryDatabase(), startTestPayments()]);
  });
  after(async () => {
    await env?.client.schedule.getHandle(scheduleId).delete().catch(() => undefined);
    await env?.teardown();
    await database?.close();
    await payments?.sandbox.close();
  });

  const configured = (everyMinutes: string) =>
    loadConfig({ TEMPORAL_TASK_QUEUE: taskQueue, RECONCILE_EVERY_MINUTES: everyMinutes, PAYMENT_PROVIDER_URL: payments.sandbox.url, LOG_LEVEL: 'silent' });

  async function startWorker(everyMinutes: string, whileRunning: () => Promise<void> = async () => undefined) {
    const worker = await createConfiguredWorker(configured(everyMinutes), {
      connection: env.nativeConnection,
      dataConverter: dataConverterOf(env),
      db: database.db,
      logger: silentLogger,
      workflowBundle: await workflowBundle(),
    });
    await worker.runUntil(whileRunning);
  }

  it('when the worker starts twice, then there is one schedule running ReconciliationWorkflow on its task queue every RECONCILE_EVERY_MINUTES', async () => {
    await startWorker('7');
    await startWorker('7');
    const description = await env.client.schedule.getHandle(scheduleId).describe();
    assert.deepEqual(description.spec.intervals?.map((i) => Number(i.every)), [7 * 60_000]);
    assert.equal(description.action.type, 'startWorkflow');
    assert.equal(description.action.workflowType, 'ReconciliationWorkflow');
    assert.equal(description.action.taskQueue, taskQueue);
    const ours = await eventually(async () => {
      const ids: string[] = [];
      for await (const schedule of env.client.schedule.list()) if (schedule.scheduleId.startsWith(scheduleId)) ids.push(schedule.scheduleId);
      return ids.length > 0 && ids;
    }, 'the schedule to be listed');
    assert.deepEqual(ours, [scheduleId]);
  });

  it('when the interval is configured anew, then the next start changes the schedule instead of adding one', async () => {
    await startWorker('9');
    const description = await env.client.schedule.getHandle(scheduleId).describe();
    assert.deepEqual(description.spec.intervals?.map((i) => Number(i.every)), [9 * 60_000]);
  });

  it('when the schedule fires, then the worker runs a reconciliation that returns what it found', async () => {
    const handle = env.client.schedule.getHandle(scheduleId);
    await startWorker('9', async () => {
      await handle.trigger();
      const workflowId = await eventually(async () => {
        const action = (await handle.describe()).info.recentActions.at(-1)?.action;
        return action?.type === 'startWorkflow' && action.workflow.workflowId;
      }, 'the triggered run');
      const summary = (await env.client.workflow.getHandle(workflowId).result()) as ReconciliationSummary;
      assert.deepEqual(summary, { checked: 0, repaired: 0, reported: 0, unreachable: 0, findings: [] });
    });
  });
});
