import type { Knex } from 'knex';

/** The newest sign of life of a worker on a task queue. */
export interface Heartbeat {
  identity: string;
  taskQueue: string;
  startedAtMs: number;
  beatAtMs: number;
}

interface HeartbeatRow {
  identity: string;
  task_queue: string;
  started_at_ms: number | string;
  beat_at_ms: number | string;
}

/** One row per worker process, rewritten on every beat. */
export async function recordHeartbeat(db: Knex, beat: Heartbeat): Promise<void> {
  await db('worker_heartbeats')
    .insert({ identity: beat.identity, task_queue: beat.taskQueue, started_at_ms: beat.startedAtMs, beat_at_ms: beat.beatAtMs })
    .onConflict('identity')
    .merge(['task_queue', 'beat_at_ms']);
}

/** A worker that stops cleanly takes its row with it; one that dies leaves it to go stale. */
export async function removeHeartbeat(db: Knex, identity: string): Promise<void> {
  await db('worker_heartbeats').where({ identity }).delete();
}

/** The most recent beat on the task queue, if any worker ever beat there (and did not stop cleanly). */
export async function latestHeartbeat(db: Knex, taskQueue: string): Promise<Heartbeat | undefined> {
  const row = (await db('worker_heartbeats').where({ task_queue: taskQueue }).orderBy('beat_at_ms', 'desc').first()) as HeartbeatRow | undefined;
  if (!row) return undefined;
  return { identity: row.identity, taskQueue: row.task_queue, startedAtMs: Number(row.started_at_ms), beatAtMs: Number(row.beat_at_ms) };
}

/** How often a running worker beats. */
export const HEARTBEAT_INTERVAL_MS = 2_000;
/** No beat for this long and the worker is taken for gone: a few missed beats, well short of Temporal's two minutes. */
export const HEARTBEAT_STALE_MS = 3 * HEARTBEAT_INTERVAL_MS;
