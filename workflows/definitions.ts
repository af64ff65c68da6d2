/** Updates and queries of a conversation, shared by the workflow and its clients. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ConversationView, MessageResult } from '../domain/conversation';

export const messageUpdate = defineUpdate<MessageResult, [string]>('message');
export const stateQuery = defineQuery<ConversationView>('state');
