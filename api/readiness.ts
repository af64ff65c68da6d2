import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';

export type CheckResult = 'ok' | string;

export interface Readiness {
  ready: boolean;
  checks: { api: CheckResult; database: CheckResult; temporal: CheckResult; worker: CheckResult };
}

const TASK_QUEUE_TYPE_WORKFLOW = 1;

export interface ReadinessDeps {
  db: Knex;
  client: Client;
  namespace: string;
  taskQueue: string;
  /** When the worker runs in this process (`npm start`), its state is known first-hand. */
  localWorkerState?: () => string;
}

/** A polling worker long-polls for up to a minute, so a poll seen this recently means it is alive. */
const POLLER_FRESH_MS = 2 * 60_000;

/** Ready means a message sent now would be answered: the database, Temporal and a polling worker all respond. */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const database = await deps.db
    .raw('select 1')
    .then((): CheckResult => 'ok', (err: Error) => `unreachable: ${err.message}`);
  const temporal = await deps.client.workflowService
    .getSystemInfo({})
    .then((): CheckResult => 'ok', (err: Error) => `unreachable: ${err.message}`);
  const worker = await workerCheck(deps, temporal);
  const checks = { api: 'ok', database, temporal, worker };
  return { ready: Object.values(checks).every((c) => c === 'ok'), checks };
}

async function workerCheck(deps: ReadinessDeps, temporal: CheckResult): Promise<CheckResult> {
  if (deps.localWorkerState) {
    const state = deps.localWorkerState();
    return state === 'RUNNING' ? 'ok' : `the worker is ${state.toLowerCase()}`;
  }
  if (temporal !== 'ok') return 'unknown: Temporal is unreachable';
  try {
    const res = await deps.client.workflowService.describeTaskQueue({
      namespace: deps.namespace,
      taskQueue: { name: deps.taskQueue },
      taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
    });
    const now = Date.now();
    const fresh = (res.pollers ?? []).filter((p) => {
      const seconds = Number(p.lastAccessTime?.seconds ?? 0);
      return now - seconds * 1000 < POLLER_FRESH_MS;
    });
    return fresh.length > 0 ? 'ok' : `no worker is polling task queue ${deps.taskQueue}`;
  } catch (err) {
    return `unknown: ${(err as Error).message}`;
  }
}
