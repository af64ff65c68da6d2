import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';
import { HEARTBEAT_STALE_MS, latestHeartbeat, type Heartbeat } from '../db/repositories/worker-heartbeats';

export type CheckResult = 'ok' | string;

export interface Readiness {
  ready: boolean;
  checks: { api: CheckResult; database: CheckResult; temporal: CheckResult; worker: CheckResult };
}

export interface ReadinessDeps {
  db: Knex;
  client: Client;
  taskQueue: string;
  /** When the worker runs in this process (`npm start`), its state is known first-hand; otherwise its heartbeat (workers/heartbeat.ts) tells. */
  localWorkerState?: () => string;
}

/** Ready means a message sent now would be answered: the database, Temporal and a live worker all respond. */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const database = await deps.db
    .raw('select 1')
    .then((): CheckResult => 'ok', (err: Error) => `unreachable: ${err.message}`);
  const temporal = await deps.client.workflowService
    .getSystemInfo({})
    .then((): CheckResult => 'ok', (err: Error) => `unreachable: ${err.message}`);
  const worker = await workerCheck(deps, database);
  const checks = { api: 'ok', database, temporal, worker };
  return { ready: Object.values(checks).every((c) => c === 'ok'), checks };
}

async function workerCheck(deps: ReadinessDeps, database: CheckResult): Promise<CheckResult> {
  if (deps.localWorkerState) {
    const state = deps.localWorkerState();
    return state === 'RUNNING' ? 'ok' : `the worker is ${state.toLowerCase()}`;
  }
  if (database !== 'ok') return 'unknown: the database is unreachable';
  try {
    return workerCheckOf(await latestHeartbeat(deps.db, deps.taskQueue), deps.taskQueue, Date.now());
  } catch (err) {
    return `unknown: ${(err as Error).message}`;
  }
}

/** A worker in another process counts as there while its heartbeat is fresh. */
export function workerCheckOf(beat: Heartbeat | undefined, taskQueue: string, nowMs: number): CheckResult {
  if (!beat) return `no worker on task queue ${taskQueue}`;
  if (nowMs - beat.beatAtMs <= HEARTBEAT_STALE_MS) return 'ok';
  return `no worker on task queue ${taskQueue} since ${new Date(beat.beatAtMs).toISOString()}`;
}
