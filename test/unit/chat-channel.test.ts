import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { Client, Connection } from '@temporalio/client';
import { chatChannel } from '../../channels/chat';
import { subscribe, type ConversationChange } from '../../channels/live-updates';
import { workflowIdFor } from '../../domain/conversation';

const CONVERSATION = '3b0c8f5e-6a4d-4f7e-9c2b-1d5e8a7f6c40';

describe('the chat adapter tells open widgets about a later message', () => {
  it('when the message is already in the transcript, then nothing is signalled and the widget hears of it', async () => {
    // A real client that reaches no server: signalling through it would fail the delivery.
    const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
    const heard: ConversationChange[] = [];
    const stop = subscribe(CONVERSATION, (change) => heard.push(change));
    try {
      const outcome = await chatChannel(client).deliver({ idempotencyKey: `${CONVERSATION}:7`, conversationWorkflowId: workflowIdFor(CONVERSATION), text: 'Sorry for the wait.', seq: 7 });
      assert.deepEqual(outcome, { delivered: true }, 'the transcript has it already: nothing is signalled');
      assert.deepEqual(heard.map((c) => c.kind), ['message']);
    } finally {
      stop();
    }
  });
});
