import crypto from 'node:crypto';
import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Channel, ConversationView, CustomerHint, GoodwillOffer, MessageResult } from '../domain/conversation';
import { workflowIdFor } from '../domain/conversation';
import { goodwillOfferedSignal, messageUpdate, stateQuery } from '../workflows/definitions';
import { ConversationWorkflow } from '../workflows';
import { HttpError, notFound } from './http-error';

export interface GatewayOptions {
  client: Client;
  taskQueue: string;
  idleTimeoutMs: number;
  /** Test hook passed to new conversations (see ConversationInput). */
  continueAsNewAfterTurns?: number;
  llmEnabled?: boolean;
}

/** The API's only door into Temporal: starts conversations, delivers messages, reads state. */
export class ConversationGateway {
  constructor(private readonly options: GatewayOptions) {}

  async start(request: { channel: Channel; customer?: CustomerHint }): Promise<string> {
    const conversationId = crypto.randomUUID();
    await this.options.client.workflow.start(ConversationWorkflow, {
      workflowId: workflowIdFor(conversationId),
      taskQueue: this.options.taskQueue,
      args: [
        {
          conversationId,
          channel: request.channel,
          customer: request.customer,
          idleTimeoutMs: this.options.idleTimeoutMs,
          continueAsNewAfterTurns: this.options.continueAsNewAfterTurns,
          llmEnabled: this.options.llmEnabled ?? false,
        },
      ],
    });
    return conversationId;
  }

  /** `messageKey` makes a retried delivery of the same message a no-op that returns the same reply. */
  async send(conversationId: string, text: string, messageKey?: string): Promise<MessageResult> {
    const handle = this.options.client.workflow.getHandle(workflowIdFor(conversationId));
    try {
      return await handle.executeUpdate(messageUpdate, {
        args: [text],
        ...(messageKey ? { updateId: `message-${messageKey}` } : {}),
      });
    } catch (err) {
      throw await this.explain(conversationId, err);
    }
  }

  /** A person's goodwill offer: the conversation puts it to the customer once they are free. */
  async offerGoodwill(conversationId: string, offer: GoodwillOffer): Promise<void> {
    const handle = this.options.client.workflow.getHandle(workflowIdFor(conversationId));
    try {
      await handle.signal(goodwillOfferedSignal, offer);
    } catch (err) {
      throw await this.explain(conversationId, err);
    }
  }

  async read(conversationId: string): Promise<ConversationView> {
    const handle = this.options.client.workflow.getHandle(workflowIdFor(conversationId));
    try {
      return await handle.query(stateQuery);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw notFound(`conversation ${conversationId}`);
      throw err;
    }
  }

  private async explain(conversationId: string, err: unknown): Promise<unknown> {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      if (err.cause.type === 'InvalidMessage') return new HttpError(400, 'invalid_message', err.cause.message);
      if (err.cause.type === 'ConversationClosed') return closed(conversationId);
    }
    if (err instanceof WorkflowNotFoundError) {
      // Temporal says "not found" both for unknown ids and for runs that already completed.
      const exists = await this.options.client.workflow
        .getHandle(workflowIdFor(conversationId))
        .describe()
        .then(() => true, () => false);
      return exists ? closed(conversationId) : notFound(`conversation ${conversationId}`);
    }
    return err;
  }
}

const closed = (conversationId: string) =>
  new HttpError(409, 'conversation_closed', `conversation ${conversationId} is closed; start a new one`);
