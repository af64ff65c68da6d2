import type { Channel } from '../domain/conversation';

/** A notice for a customer, to be shown in the conversation it belongs to. */
export interface CustomerNotice {
  /** The outbox key: a channel shows one notice per key, however often it is delivered. */
  idempotencyKey: string;
  conversationWorkflowId: string;
  text: string;
}

/** What an adapter knows for sure; trouble that may pass (a network blip) is thrown instead, to be retried. */
export type DeliveryOutcome = { delivered: true } | { delivered: false; reason: string };

/** One per channel: how a notice reaches a customer who talks to us there. */
export interface ChannelAdapter {
  readonly channel: Channel;
  deliver(notice: CustomerNotice): Promise<DeliveryOutcome>;
}
