import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ConnectionLike } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import type { ReconciliationWorkflow } from '../workflows/reconciliation/workflow';

/** One schedule per task queue: the worker that polls it runs the reconciliations. */
export const reconciliationScheduleId = (taskQueue: string) => `refund-reconciliation-${taskQueue}`;

export type ScheduleOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Makes sure the Temporal Schedule that reconciles the refund ledger exists, every `everyMinutes`:
 * created on the first start, left alone on the next ones, and its interval changed when the
 * configuration changed. Runs that would overlap are skipped (a slow provider does not pile them up).
 */
export async function ensureReconciliationSchedule(options: {
  connection: ConnectionLike;
  namespace: string;
  taskQueue: string;
  everyMinutes: number;
  dataConverter?: DataConverter;
}): Promise<ScheduleOutcome> {
  const client = new Client({ connection: options.connection, namespace: options.namespace, ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}) });
  const scheduleId = reconciliationScheduleId(options.taskQueue);
  const everyMs = options.everyMinutes * 60_000;
  try {
    await client.schedule.create<typeof ReconciliationWorkflow>({
      scheduleId,
      spec: { intervals: [{ every: everyMs }] },
      action: { type: 'startWorkflow', workflowType: 'ReconciliationWorkflow', workflowId: scheduleId, taskQueue: options.taskQueue, args: [{}] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
    });
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  const handle = client.schedule.getHandle(scheduleId);
  const current = await handle.describe();
  const intervals = current.spec.intervals ?? [];
  if (intervals.length === 1 && Number(intervals[0]?.every) === everyMs) return 'unchanged';
  await handle.update((previous) => ({ ...previous, spec: { ...previous.spec, intervals: [{ every: everyMs }] } }));
  return 'updated';
}
