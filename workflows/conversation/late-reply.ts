import { workflowInfo } from '@temporalio/workflow';
import type { MessageResult } from '../../domain/conversation';
import { queueLateReply } from '../activity-proxies';
import type { ConversationContext } from './context';
import type { Outbox } from './outbox';

/**
 * The reply to a message whose caller stopped waiting: the transcript has it already (the chat
 * channel shows that); it goes through the outbox to the customer's channel, keyed by the message.
 * Runs from before the outbox kept it only for a verified customer, and delivered it nowhere else.
 */
export async function keepLateReply(ctx: ConversationContext, messageId: string, result: MessageResult, replySeq: number | undefined, outbox: Outbox): Promise<void> {
  if (result.replies.length === 0) return;
  const key = `reply:${ctx.input.conversationId}:${messageId}`;
  if (replySeq !== undefined && outbox.enabled()) {
    outbox.deliver({ key, kind: 'late_reply', seq: replySeq, text: result.replies.map((r) => r.text).join('\n\n'), ...(result.options ? { options: result.options } : {}) });
    return;
  }
  const customerId = ctx.state.identity?.customerId;
  if (!customerId) return;
  await queueLateReply({
    idempotencyKey: key,
    customerId,
    conversationWorkflowId: workflowInfo().workflowId,
    channel: ctx.input.channel,
    body: result.replies.map((r) => r.text).join('\n\n'),
  });
}
