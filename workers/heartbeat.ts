import crypto from 'node:crypto';
import os from 'node:os';
import type { Worker } from '@temporalio/worker';
import type { Knex } from 'knex';
import { HEARTBEAT_INTERVAL_MS, recordHeartbeat, removeHeartbeat } from '../db/repositories/worker-heartbeats';
import { silentLogger, type Logger } from '../observability/logger';

/**
 * Runs the worker until it stops, beating in the database while it is RUNNING so that an API in
 * another process can tell within seconds that it is gone. A clean stop removes the row; a killed
 * process leaves it behind, and it goes stale.
 */
export async function runWithHeartbeat(worker: Worker, deps: { db: Knex; taskQueue: string; logger?: Logger }): Promise<void> {
  const identity = `${os.hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const startedAtMs = Date.now();
  const logger = deps.logger ?? silentLogger;
  let beating: Promise<void> = Promise.resolve();
  const beat = () => {
    if (worker.getState() !== 'RUNNING') return;
    // One write at a time: a slow database must not pile them up.
    beating = beating
      .then(() => recordHeartbeat(deps.db, { identity, taskQueue: deps.taskQueue, startedAtMs, beatAtMs: Date.now() }))
      .catch((err: unknown) => logger.warn({ err }, 'worker heartbeat not written'));
  };
  const running = worker.run();
  // run() moves the worker to RUNNING synchronously; the first beat need not wait an interval.
  beat();
  const timer = setInterval(beat, HEARTBEAT_INTERVAL_MS);
  try {
    await running;
  } finally {
    clearInterval(timer);
    await beating;
    await removeHeartbeat(deps.db, identity).catch((err: unknown) => logger.warn({ err }, 'worker heartbeat not removed'));
  }
}
