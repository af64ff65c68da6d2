/** Updates and queries of a conversation, shared by the workflow and its clients. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ConversationView, MessageResult } from '../domain/conversation';

export const messageUpdate = defineUpdate<MessageResult, [string]>('message');
export const stateQuery = defineQuery<ConversationView>('state');
/** The warehouse has the returned parcel of this order: the conversation keeps its refund promise. */
export const returnReceivedSignal = defineSignal<[{ orderId: string }]>('returnReceived');
