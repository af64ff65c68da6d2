/** Updates and queries of a conversation, shared by the workflow and its clients. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AgentCommand, AgentCommandResult, Channel, ConversationView, GoodwillOffer, MessageResult } from '../../domain/conversation';

/** A customer message; `messageId` (the client's Idempotency-Key, or one the API made) lets the conversation take its turn once. */
export const messageUpdate = defineUpdate<MessageResult, [text: string, meta?: CustomerMessageMeta]>('message');
/** Where a customer message came from: the channel it arrived on (the conversation's own when absent). */
export interface CustomerMessageMeta {
  messageId: string;
  channel?: Channel;
}
/**
 * The same customer message, sent durably when its Update was not answered in time (an Update no
 * worker has accepted lives only in the server's memory). Whichever of the two arrives second does nothing.
 */
export const customerMessageSignal = defineSignal<[{ messageId: string; text: string; channel?: Channel }]>('customerMessage');
export const stateQuery = defineQuery<ConversationView>('state');
/** The warehouse has the returned parcel of this order: the conversation keeps its refund promise. */
export const returnReceivedSignal = defineSignal<[{ orderId: string }]>('returnReceived');
/** A person offers the customer a goodwill credit; the customer still has to accept it. */
export const goodwillOfferedSignal = defineSignal<[GoodwillOffer]>('goodwillOffered');
/** A person acts on a handed-over conversation; refused at once (by the validator) when it does not fit. */
export const agentCommandUpdate = defineUpdate<AgentCommandResult, [AgentCommand]>('agentCommand');
/** A notice for the customer (a refund's receipt) from the chat channel; shown once per key, however often it is delivered. */
export const customerNoticeSignal = defineSignal<[{ key: string; text: string }]>('customerNotice');
/** The caller of a handed-over call was promised a call back by `dueAt` (nobody could take the call). */
export const callbackPromisedSignal = defineSignal<[{ phone: string; dueAt: string }]>('callbackPromised');
/** A supervisor decided on a proposal over the automatic limit. */
export const approvalDecidedSignal = defineSignal<[ApprovalDecisionEvent]>('approvalDecided');

export type { AgentCommandResult } from '../../domain/conversation';

export interface ApprovalDecisionEvent {
  proposalId: string;
  approved: boolean;
  /** The supervisor's id; `name` only shows them. */
  by: string;
  name?: string;
  role: 'agent' | 'supervisor';
  reason?: string;
}
