import { workflowInfo } from '@temporalio/workflow';
import type { MessageResult } from '../../domain/conversation';
import { queueLateReply } from '../activity-proxies';
import type { ConversationContext } from './context';

/**
 * The reply to a message whose caller stopped waiting: the transcript has it already (the chat
 * channel shows that); a verified customer also gets it in the notification outbox, keyed by the message.
 */
export async function keepLateReply(ctx: ConversationContext, messageId: string, result: MessageResult): Promise<void> {
  const customerId = ctx.state.identity?.customerId;
  if (!customerId || result.replies.length === 0) return;
  const workflowId = workflowInfo().workflowId;
  await queueLateReply({
    idempotencyKey: `reply:${ctx.input.conversationId}:${messageId}`,
    customerId,
    conversationWorkflowId: workflowId,
    channel: ctx.input.channel,
    body: result.replies.map((r) => r.text).join('\n\n'),
  });
}
