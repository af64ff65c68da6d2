import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { Worker } from '@temporalio/worker';
import { localActivityResultsTakenLater } from '../../dev/history-shape';
import { workflowIdFor } from '../../domain/conversation';
import { stateQuery } from '../../workflows/conversation/definitions';
import { startChat, startStack, type TestStack } from '../support/stack';
import { privacyOf, workflowBundle } from '../support/temporal';

// A widget or a console reads a conversation while its turn is being read by the local activity. The
// SDK's core answers such a read by ending the workflow task, and the workflow takes the activity's
// result in the next one; on replay it takes it in the first. Before the conversation decided its
// patches as it started, such a history did not replay (a patch marker 'encountered … but there is no
// corresponding change command'), so a worker restart left the conversation stuck.
describe('a conversation read while its turns are read', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.close();
  });

  it('when its history is replayed, then it is deterministic, also where a turn went on a workflow task later', async () => {
    const channel = await stack.token('channel');
    let takenLater = 0;
    for (let n = 0; n < 10 && takenLater < 2; n++) {
      const chat = await startChat(stack, channel);
      const handle = stack.env.client.workflow.getHandle(workflowIdFor(chat.id));
      const reads = [0, 2, 5, 10, 20].map((ms) => new Promise((resolve) => setTimeout(resolve, ms)).then(() => handle.query(stateQuery)));
      const [reply] = await Promise.all([chat.say('Hello'), ...reads]);
      assert.ok(reply.replies.length > 0);
      const history = await handle.fetchHistory();
      takenLater += localActivityResultsTakenLater(history.events ?? []) > 0 ? 1 : 0;
      await Worker.runReplayHistory({ workflowBundle: await workflowBundle(), dataConverter: privacyOf(stack.env).dataConverter }, history, workflowIdFor(chat.id));
    }
    assert.ok(takenLater > 0, 'no turn went on a workflow task after its local activity: the test did not reach the case');
  });
});
