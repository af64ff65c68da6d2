/** Updates and queries of a conversation, shared by the workflow and its clients. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ConversationView, GoodwillOffer, MessageResult } from '../domain/conversation';

export const messageUpdate = defineUpdate<MessageResult, [string]>('message');
export const stateQuery = defineQuery<ConversationView>('state');
/** The warehouse has the returned parcel of this order: the conversation keeps its refund promise. */
export const returnReceivedSignal = defineSignal<[{ orderId: string }]>('returnReceived');
/** A person offers the customer a goodwill credit; the customer still has to accept it. */
export const goodwillOfferedSignal = defineSignal<[GoodwillOffer]>('goodwillOffered');
