import type { Knex } from 'knex';
import type { Channel } from '../domain/conversation';
import { queueNotice, recordDelivery } from '../db/repositories/customer-notifications';

/** A reply the customer's request stopped waiting for (it was answered 202), kept for their channel. */
export interface LateReply {
  /** `reply:<conversation id>:<message id>`: one notice per message, however often the step is retried. */
  idempotencyKey: string;
  customerId: string;
  conversationWorkflowId: string;
  channel: Channel;
  body: string;
}

export function createLateReplyActivities(deps: { db: Knex }) {
  const { db } = deps;
  return {
    /**
     * Queues the late reply in the customer notification outbox. A chat customer reads the
     * transcript, where the turn has already written it, so for chat it is delivered as it is queued.
     */
    async queueLateReply(reply: LateReply): Promise<void> {
      await queueNotice(db, {
        idempotencyKey: reply.idempotencyKey,
        customerId: reply.customerId,
        body: reply.body,
        conversationWorkflowId: reply.conversationWorkflowId,
      });
      if (reply.channel === 'chat') await recordDelivery(db, reply.idempotencyKey, { status: 'sent', channel: 'chat' });
    },
  };
}
