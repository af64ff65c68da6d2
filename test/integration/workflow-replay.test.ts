import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'mocha';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '../../workers/conversation-worker';
import '../support/temporal';

const dir = path.join(__dirname, '..', 'fixtures', 'histories');
const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const load = (file: string) => historyFromJSON(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));

describe('recorded conversation histories', () => {
  it('when the fixtures are listed, then there are some to replay', () => {
    assert.ok(fixtures.length >= 2, `expected recorded histories in ${dir}`);
  });

  for (const file of fixtures) {
    it(`when ${file} is replayed on today's workflow code, then it is deterministic`, async () => {
      await Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH }, load(file));
    });
  }

  it('when a history is replayed on incompatible code, then replay fails with a determinism error', async () => {
    const first = fixtures[0];
    assert.ok(first);
    await assert.rejects(
      Worker.runReplayHistory({ workflowsPath: require.resolve('../fixtures/nondeterministic-workflow') }, load(first)),
      (err: unknown) => err instanceof DeterminismViolationError,
    );
  });
});
