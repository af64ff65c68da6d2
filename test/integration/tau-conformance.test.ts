import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, it } from 'mocha';
import { replayActions, type ToolAction } from '../../tau/replay';
import { exportTauStore } from '../../tau/store/export';
import { importTauStore } from '../../tau/store/import';
import { migrateToLatest } from '../../db/migrate';
import { testEngines, type TestDatabase } from '../support/test-databases';
import { toPythonJson } from '../../tau/format/python-json';
import type { TauStore } from '../../tau/format/records';
import { TAU_DIR, comparable, correctedTask, loadTask, roundMoney, taskFiles } from '../../bench/tau-walk/tasks';
import { describeUnless } from '../support/skip';

/**
 * Replays the gold actions of every shared tau-bench retail task (../shared/data/tau-retail/expected)
 * on the initial store and checks each tool output against the reference's text and error flag, and
 * the changed records against the task's db_diff, on every engine.
 *
 * Two deliberate differences from the reference, applied to the expected side (see support/tau-tasks.ts):
 * money is compared to the cent, and the reference's multi-item modify_pending_order_items bug is corrected.
 */

const TASK_FILES = taskFiles();

for (const engine of testEngines()) {
  describeUnless(engine.skip, `tau-bench retail conformance on ${engine.name}`, () => {
    let database: TestDatabase;
    let initial: TauStore;
    const passed: string[] = [];

    before(async () => {
      database = await engine.open();
      await migrateToLatest(database.db);
      await importTauStore(database.db, path.join(TAU_DIR, 'db'));
      initial = await exportTauStore(database.db);
    });
    after(async () => {
      await database?.close();
    });

    it('when the shared tasks are listed, then all 74 are there', () => {
      assert.equal(TASK_FILES.length, 74);
    });

    for (const file of TASK_FILES) {
      it(`when the gold actions of ${file} are replayed, then every output and every changed record matches the reference`, async () => {
        const task = correctedTask(loadTask(file));
        const actions: ToolAction[] = task.actions.map(({ name, kwargs }) => ({ name, kwargs }));
        // Each task starts from the initial store: it runs in a transaction that is rolled back.
        const trx = await database.db.transaction();
        const result = await replayActions(trx, actions, { before: initial }).finally(() => trx.rollback());

        task.actions.forEach((expected, index) => {
          const actual = result.outputs[index];
          assert.ok(actual, `no output for action ${index}`);
          const where = `task ${task.id}, action ${index} (${expected.name})`;
          assert.equal(actual.error, expected.error, `${where}: error flag`);
          assert.equal(comparable(actual.output), comparable(expected.output), `${where}: output`);
        });
        for (const kind of ['users', 'orders', 'products'] as const) {
          const actual = result.changed[kind];
          const expected = task.diff[kind];
          assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), `task ${task.id}: changed ${kind}`);
          for (const [id, record] of expected) {
            assert.equal(comparable(toPythonJson(actual.get(id))), toPythonJson(roundMoney(record)), `task ${task.id}: ${kind} ${id}`);
          }
        }
        passed.push(task.id);
      });
    }

    it('when every task has run, then every one of them matched', () => {
      assert.equal(passed.length, TASK_FILES.length, `${engine.name}: ${passed.length} of ${TASK_FILES.length} shared tasks match the reference`);
    });
  });
}
