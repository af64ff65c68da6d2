import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { customerNoticeSignal } from '../workflows/conversation/definitions';
import { conversationIdOfWorkflow } from '../observability/conversation-ids';
import type { ChannelAdapter } from './channel-adapter';
import { announceConversationChange } from './live-updates';

/**
 * Web chat: the customer reads the conversation's transcript. A message the conversation wrote
 * itself (it has a `seq`) is there already; a notice from outside (a refund saga's receipt) is
 * delivered by signalling the conversation, which records it there once per idempotency key.
 */
export function chatChannel(client: Client): ChannelAdapter {
  return {
    channel: 'chat',
    async deliver(notice) {
      // An open widget shows the message now (a late reply, an apology for the wait), not on the customer's next message.
      const announce = async () => {
        const conversationId = conversationIdOfWorkflow(notice.conversationWorkflowId);
        if (conversationId) await announceConversationChange({ conversationId, kind: 'message' });
      };
      if (notice.seq !== undefined) {
        await announce();
        return { delivered: true };
      }
      try {
        await client.workflow.getHandle(notice.conversationWorkflowId).signal(customerNoticeSignal, { key: notice.idempotencyKey, text: notice.text });
        await announce();
        return { delivered: true };
      } catch (err) {
        // Closed conversations have completed their workflow: there is no transcript left to write to.
        if (err instanceof WorkflowNotFoundError) return { delivered: false, reason: `conversation ${notice.conversationWorkflowId} is closed` };
        throw err;
      }
    },
  };
}
