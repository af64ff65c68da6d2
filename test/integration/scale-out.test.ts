import assert from 'node:assert/strict';
import { after, before, it } from 'mocha';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startApiProcess, type ApiProcess } from '../../dev/api-process';
import { duplicateActivities, productWithWorkers, UNLIMITED_ENV } from '../../dev/load-product';
import { productTarget, runLoad, tallyTranscripts } from '../../dev/turn-load';
import { describeUnless } from '../support/skip';
import { startTemporal } from '../support/temporal';
import { testEngines } from '../support/test-databases';

// The short scale-out of bench/turns.ts: two production workers and two production APIs, each in a
// process of its own, on one task queue and one PostgreSQL database; requests go to either API in turn.
const postgres = testEngines().find((e) => e.name === 'postgres');
const CONVERSATIONS = 12;
const TURNS = 3;

describeUnless(postgres?.skip ?? 'no PostgreSQL engine', 'two workers and two APIs on one task queue and PostgreSQL', () => {
  let env: TestWorkflowEnvironment;
  before(async () => {
    env = await startTemporal();
  });
  after(async () => {
    await env?.teardown();
  });

  it('when customers talk through both APIs, then both workers take turns and every message and activity is processed once', async function () {
    this.timeout(600_000);
    const lines: string[] = [];
    const running = await productWithWorkers(env.address, 2, { postgresUrl: process.env.TEST_DATABASE_URL as string, onLine: (line) => lines.push(line) });
    const apis: ApiProcess[] = [];
    try {
      const { product, workers } = running;
      for (let i = 0; i < 2; i++) {
        apis.push(await startApiProcess({ temporalAddress: env.address, taskQueue: product.taskQueue, databaseUrl: product.databaseUrl as string, payloadKeys: product.payloadKeys, env: UNLIMITED_ENV }));
      }
      const target = productTarget(apis.map((a) => a.baseUrl), await product.token('channel'), { spread: true });
      const load = await runLoad(target, { conversations: CONVERSATIONS, turns: TURNS });
      const tally = await tallyTranscripts(target, load, TURNS);
      assert.deepEqual(tally, { conversations: CONVERSATIONS, expected: CONVERSATIONS * (1 + TURNS), recorded: CONVERSATIONS * (1 + TURNS), lost: 0, duplicated: 0 });

      const activityLines = lines.filter((l) => l.includes('"msg":"activity"'));
      // Each worker's log lines carry its process id.
      const pids = new Set(activityLines.map((l) => (JSON.parse(l) as { pid?: number }).pid));
      assert.equal(workers.length, 2);
      assert.equal(pids.size, 2, `both worker processes ran activities (saw pids ${[...pids].join(', ')})`);
      const runs = duplicateActivities(activityLines);
      assert.ok(runs.executions >= CONVERSATIONS * (1 + TURNS), `every turn ran activities (${runs.executions} executions)`);
      assert.equal(runs.twice, 0, 'no activity execution ran on both workers');
    } finally {
      for (const api of apis) await api.stop();
      await running.close();
    }
  });
});
