import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { workerCheckOf } from '../../api/readiness';
import { HEARTBEAT_INTERVAL_MS, HEARTBEAT_STALE_MS } from '../../db/repositories/worker-heartbeats';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const beatAt = (msAgo: number) => ({ identity: 'host:1:abc', taskQueue: 'q', startedAtMs: NOW - 60_000, beatAtMs: NOW - msAgo });

describe('worker liveness from heartbeats', () => {
  it('when the last beat is within the stale limit, then the worker is ok', () => {
    assert.equal(workerCheckOf(beatAt(0), 'q', NOW), 'ok');
    assert.equal(workerCheckOf(beatAt(HEARTBEAT_STALE_MS), 'q', NOW), 'ok');
  });

  it('when beats stopped longer ago than the limit, then the worker is missing since its last beat', () => {
    assert.equal(workerCheckOf(beatAt(HEARTBEAT_STALE_MS + 1), 'q', NOW), `no worker on task queue q since ${new Date(NOW - HEARTBEAT_STALE_MS - 1).toISOString()}`);
  });

  it('when no worker ever beat on the queue (or the last one stopped cleanly), then no worker', () => {
    assert.equal(workerCheckOf(undefined, 'q', NOW), 'no worker on task queue q');
  });

  it('the stale limit allows a few missed beats and stays far below Temporal\'s two minutes', () => {
    assert.ok(HEARTBEAT_STALE_MS >= 2 * HEARTBEAT_INTERVAL_MS);
    assert.ok(HEARTBEAT_STALE_MS <= 10_000);
  });
});
