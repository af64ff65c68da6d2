import type { Knex } from 'knex';
import type { Channel, NoticeKind, ReplyOption } from '../domain/conversation';
import { queueNotice, type DeliveryStatus } from '../db/repositories/customer-notifications';
import type { DeliverNotice } from './refund-steps';

/** A message the conversation wrote for its customer outside their turn (or after they stopped waiting). */
export interface LaterMessage {
  /** `<conversation id>:<seq>` of its transcript turn, or the event's own id: one notice however often it is retried or replayed. */
  idempotencyKey: string;
  conversationWorkflowId: string;
  /** The channel the customer last wrote on: where it goes. */
  channel: Channel;
  kind: NoticeKind;
  text: string;
  /** Its transcript turn: a channel that shows the transcript has it already. */
  seq: number;
  options?: ReplyOption[];
  customerId?: string;
  /** The conversation's language; absent in English. */
  language?: string;
}

export function createLaterMessageActivities(deps: { db: Knex; deliverNotice?: DeliverNotice }) {
  const { db, deliverNotice } = deps;
  return {
    /**
     * Queues the message in the outbox once, then delivers it through its channel. A delivery that
     * may pass (a relay down) throws, and the retry finds the row queued or failed and tries again;
     * a sent row is never sent again, so a retry, a replay or a restarted worker sends nothing twice.
     */
    async deliverLaterMessage(message: LaterMessage): Promise<DeliveryStatus> {
      await queueNotice(db, {
        idempotencyKey: message.idempotencyKey,
        conversationWorkflowId: message.conversationWorkflowId,
        channel: message.channel,
        kind: message.kind,
        seq: message.seq,
        body: message.text,
        ...(message.customerId ? { customerId: message.customerId } : {}),
        ...(message.options?.length ? { options: message.options } : {}),
        ...(message.language ? { language: message.language } : {}),
      });
      if (!deliverNotice) return 'queued';
      return (await deliverNotice(message.idempotencyKey)) as DeliveryStatus;
    },
  };
}
