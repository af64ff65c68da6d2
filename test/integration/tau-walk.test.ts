import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { diffStores } from '../../tau/replay';
import { exportTauStore } from '../../tau/store/export';
import { startTauWalkStack, walkTask, type TauWalkStack, type TaskWalkResult } from '../../bench/tau-walk/walk';
import { startStack } from '../support/stack';

/**
 * A scripted customer walks shared tau-bench retail tasks through the HTTP API, one task per kind of
 * flow, and the store must end as the task expects (`npm run bench:tau` walks all of them). A refund
 * over the automatic limit waits for a scripted supervisor, who approves it through the agent API.
 */

let tau: TauWalkStack;

const explain = (result: TaskWalkResult) =>
  `${result.reason ?? ''}\n${result.differences.join('\n')}\n${result.walk.transcript.map((t) => `${t.from}: ${t.text}`).join('\n')}`;

describe('a scripted customer walks tau-bench retail tasks through the API', () => {
  before(async () => {
    tau = await startTauWalkStack(await startStack());
  });
  after(() => tau?.close());

  const representative: [string, string][] = [
    ['task-059.json', 'cancels a pending order and changes another one’s address'],
    ['task-021.json', 'changes two items of a pending order in one request'],
    ['task-000.json', 'exchanges two delivered items in one request'],
    ['task-019.json', 'returns a delivered item'],
    ['task-034.json', 'changes a pending order’s delivery address'],
    ['task-043.json', 'changes the default address on the account'],
    ['task-024.json', 'only asks where an order is'],
  ];
  for (const [file, what] of representative) {
    it(`when the customer of ${file} ${what}, then the store ends as the task expects`, async () => {
      const result = await walkTask(tau, file);
      assert.ok(result.passed, explain(result));
      assert.deepEqual(result.walk.problems, []);
    });
  }

  it('when a return is over the automatic refund limit, then it waits for the supervisor, whose approval completes the task', async () => {
    const result = await walkTask(tau, 'task-002.json');
    assert.equal(result.approvals, 1, explain(result));
    assert.ok(result.passed, explain(result));
  });

  it('when nobody approves a return over the limit, then nothing changes and the task fails', async () => {
    const result = await walkTask(tau, 'task-002.json', { supervisor: 'none' });
    assert.equal(result.passed, false);
    assert.equal(result.approvals, 0);
    const changes = diffStores(tau.initial, await exportTauStore(tau.stack.database.db));
    assert.deepEqual([changes.users.size, changes.orders.size, changes.products.size], [0, 0, 0]);
  });

  it('when two items are exchanged, then the bot asks what each one should become, one after the other', async () => {
    const result = await walkTask(tau, 'task-000.json');
    const questions = result.walk.transcript.filter((t) => t.from === 'bot' && t.text.startsWith('What would you like instead of'));
    assert.equal(questions.length, 2, explain(result));
  });

  it('when the customer says no to every proposal, then nothing changes and the comparison reports the task as failed', async () => {
    const result = await walkTask(tau, 'task-034.json', { confirm: 'no' });
    assert.equal(result.passed, false);
    assert.deepEqual(result.differences, ['orders #W1845024 should have changed but did not']);
    assert.deepEqual(result.walk.outcomes.map((o) => o.outcome), ['declined']);
    const changes = diffStores(tau.initial, await exportTauStore(tau.stack.database.db));
    assert.deepEqual([changes.users.size, changes.orders.size, changes.products.size], [0, 0, 0]);
  });

  it('when the store changes a record the task does not, then the comparison names it', async () => {
    // Task 24 changes nothing; walking task 19's return under task 24's expectations must fail on that order.
    const result = await walkTask(tau, 'task-019.json', { expectationsOf: 'task-024.json' });
    assert.equal(result.passed, false);
    assert.deepEqual(result.differences, ['orders #W2890441 changed but should not have']);
  });
});
