import type { Channel, NoticeKind, ReplyOption } from '../domain/conversation';

export type { NoticeKind } from '../domain/conversation';

/** A notice for a customer, to be shown in the conversation it belongs to. */
export interface CustomerNotice {
  /** The outbox key: a channel shows one notice per key, however often it is delivered. */
  idempotencyKey: string;
  conversationWorkflowId: string;
  text: string;
  /** What kind of later message it is; absent on notices queued before kinds (refund receipts). */
  kind?: NoticeKind;
  /** The transcript turn it is when the conversation wrote it itself: the transcript already shows it. */
  seq?: number;
  /** Choices the message offers (e-mail numbers them, voice reads them as keys). */
  options?: ReplyOption[];
  /** The customer it is for, once known. */
  customerId?: string;
  /**
   * The address on file it must go to whatever channel the customer talks on (a reset link, an
   * invoice, a warning that the account's address changed): e-mail sends it there on its own.
   */
  recipient?: string;
  /** The conversation's language when it was written (BCP 47 primary subtag): a channel's own words around it follow it. Absent: English. */
  language?: string;
}

/** What an adapter knows for sure; trouble that may pass (a network blip) is thrown instead, to be retried. */
export type DeliveryOutcome = { delivered: true } | { delivered: false; reason: string };

/** One per channel: how a notice reaches a customer who talks to us there. */
export interface ChannelAdapter {
  readonly channel: Channel;
  deliver(notice: CustomerNotice): Promise<DeliveryOutcome>;
}
