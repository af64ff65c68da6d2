import crypto from 'node:crypto';
import {
  isGrpcDeadlineError,
  isGrpcServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  WithStartWorkflowOperation,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AgentCommand, Channel, ConversationInput, ConversationView, CustomerHint, GoodwillOffer, MessageResult } from '../domain/conversation';
import { workflowIdFor } from '../domain/conversation';
import { FAILURE } from '../domain/failures';
import { agentCommandUpdate, approvalDecidedSignal, callbackPromisedSignal, customerMessageSignal, goodwillOfferedSignal, messageUpdate, stateQuery, type AgentCommandResult, type ApprovalDecisionEvent } from '../workflows/conversation/definitions';
import { ConversationWorkflow } from '../workflows';
import { HttpError, notFound, WORKER_RETRY_AFTER_SECONDS, workerUnavailable } from './http-error';

export interface GatewayOptions {
  client: Client;
  taskQueue: string;
  idleTimeoutMs: number;
  /** Test hook passed to new conversations (see ConversationInput). */
  continueAsNewAfterTurns?: number;
  llmEnabled?: boolean;
  /** Timers of handoffs, approvals and promises (ConversationInput); the workflow has defaults. */
  timings?: Pick<ConversationInput, 'handoffSlaMs' | 'agentLeaseMs' | 'returnFollowUpMs' | 'approvalTimeoutMs' | 'resolutionWindowMs'>;
  /** How long a customer's turn may take before the answer is 202 and the reply comes later (TURN_TIMEOUT_SECONDS). */
  turnTimeoutMs?: number;
  /** How long a read (a workflow Query, which needs a worker) may take before the answer is 503. */
  readTimeoutMs?: number;
}

export const DEFAULT_TURN_TIMEOUT_MS = 20_000;
export const DEFAULT_READ_TIMEOUT_MS = 3_000;
/** Signalling needs only the Temporal server, not a worker: it answers at once or not at all. */
const SIGNAL_TIMEOUT_MS = 5_000;

/** A message's answer: the turn's reply, or (the turn could not finish in time) a receipt; the reply then comes through the conversation. */
export type Delivery = { kind: 'replied'; result: MessageResult } | { kind: 'accepted'; messageId: string };

/** The API's only door into Temporal: starts conversations, delivers messages, reads state. */
export class ConversationGateway {
  constructor(private readonly options: GatewayOptions) {}

  async start(request: { channel: Channel; customer?: CustomerHint }): Promise<string> {
    const conversationId = crypto.randomUUID();
    await this.options.client.workflow.start(ConversationWorkflow, {
      workflowId: workflowIdFor(conversationId),
      taskQueue: this.options.taskQueue,
      args: [this.inputFor(conversationId, request.channel, request.customer)],
    });
    return conversationId;
  }

  /**
   * A new conversation and its first message in one round trip to Temporal (update-with-start): the
   * customer who opens the chat by typing waits for one trip instead of two. A turn not finished in
   * time is signalled like any other, once the start has gone through.
   */
  async startWithMessage(request: { channel: Channel; customer?: CustomerHint }, text: string): Promise<{ conversationId: string; delivery: Delivery }> {
    const conversationId = crypto.randomUUID();
    const messageId = crypto.randomUUID();
    const { client } = this.options;
    const startWorkflowOperation = new WithStartWorkflowOperation(ConversationWorkflow, {
      workflowId: workflowIdFor(conversationId),
      taskQueue: this.options.taskQueue,
      args: [this.inputFor(conversationId, request.channel, request.customer)],
      workflowIdConflictPolicy: 'FAIL',
    });
    try {
      const result = await client.withDeadline(Date.now() + (this.options.turnTimeoutMs ?? DEFAULT_TURN_TIMEOUT_MS), () =>
        client.workflow.executeUpdateWithStart(messageUpdate, { args: [text, { messageId }], updateId: `message-${messageId}`, startWorkflowOperation }),
      );
      return { conversationId, delivery: { kind: 'replied', result } };
    } catch (err) {
      // Update-with-start reports a turn out of time as the deadline of its one call.
      if (!(err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) && !isGrpcDeadlineError(err)) throw await this.explain(conversationId, err);
    }
    // No worker took the turn in time; whether or not the start went through, this starts the conversation
    // if it must and hands it the message durably (the conversation takes a message id once).
    try {
      await client.withDeadline(Date.now() + SIGNAL_TIMEOUT_MS, () =>
        client.workflow.signalWithStart(ConversationWorkflow, {
          workflowId: workflowIdFor(conversationId),
          taskQueue: this.options.taskQueue,
          args: [this.inputFor(conversationId, request.channel, request.customer)],
          signal: customerMessageSignal,
          signalArgs: [{ messageId, text }],
        }),
      );
    } catch (err) {
      throw await this.explain(conversationId, err);
    }
    return { conversationId, delivery: { kind: 'accepted', messageId } };
  }

  /** A conversation's input as this deployment configures it. */
  private inputFor(conversationId: string, channel: Channel, customer: CustomerHint | undefined): ConversationInput {
    return {
      conversationId,
      channel,
      customer,
      idleTimeoutMs: this.options.idleTimeoutMs,
      continueAsNewAfterTurns: this.options.continueAsNewAfterTurns,
      llmEnabled: this.options.llmEnabled ?? false,
      ...this.options.timings,
    };
  }

  /**
   * `messageKey` (the Idempotency-Key) makes a retried delivery of the same message a no-op that
   * returns the same reply. A turn not finished within the turn timeout is also signalled, durably,
   * with the same message id: the conversation takes it once, whichever arrives first.
   */
  async send(conversationId: string, text: string, messageKey?: string, channel?: Channel): Promise<Delivery> {
    const messageId = messageKey ?? crypto.randomUUID();
    const { client } = this.options;
    const handle = () => client.workflow.getHandle(workflowIdFor(conversationId));
    const deliver = async (): Promise<Delivery> => {
      try {
        const result = await client.withDeadline(Date.now() + (this.options.turnTimeoutMs ?? DEFAULT_TURN_TIMEOUT_MS), () =>
          handle().executeUpdate(messageUpdate, { args: [text, { messageId, ...(channel ? { channel } : {}) }], updateId: `message-${messageId}` }),
        );
        return { kind: 'replied', result };
      } catch (err) {
        // An earlier run took its turn (it came by Signal): the reply is in the conversation.
        if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === FAILURE.messageAlreadyHandled) {
          return { kind: 'accepted', messageId };
        }
        if (!(err instanceof WorkflowUpdateRPCTimeoutOrCancelledError)) throw err;
      }
      // No worker accepted the Update in time, and until one does it lives only in the server's memory.
      await client.withDeadline(Date.now() + SIGNAL_TIMEOUT_MS, () => handle().signal(customerMessageSignal, { messageId, text, ...(channel ? { channel } : {}) }));
      return { kind: 'accepted', messageId };
    };
    try {
      return await deliver();
    } catch (err) {
      const explained = await this.explain(conversationId, err);
      if (!(explained instanceof HttpError && explained.code === 'conversation_closed')) throw explained;
    }
    // A customer who comes back after the conversation closed continues the same conversation.
    await this.reopen(conversationId);
    try {
      return await deliver();
    } catch (err) {
      throw await this.explain(conversationId, err);
    }
  }

  /** Starts the conversation's next run from what the closed run left. */
  private async reopen(conversationId: string): Promise<void> {
    const workflowId = workflowIdFor(conversationId);
    const end = await this.options.client.workflow.getHandle(workflowId).result().catch(() => undefined);
    if (!end) throw closed(conversationId);
    try {
      await this.options.client.workflow.start(ConversationWorkflow, {
        workflowId,
        taskQueue: this.options.taskQueue,
        args: [{ ...this.inputFor(conversationId, end.channel, end.customer), carried: { ...end.carried, runs: end.carried.runs + 1 }, reopened: true }],
      });
    } catch (err) {
      // Two messages raced to reopen it: the other one did.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }

  /** A person's command; refused with 409 when it does not fit (not waiting, owned by someone else). */
  async agentCommand(conversationId: string, command: AgentCommand): Promise<AgentCommandResult> {
    const handle = this.options.client.workflow.getHandle(workflowIdFor(conversationId));
    try {
      return await handle.executeUpdate(agentCommandUpdate, { args: [command] });
    } catch (err) {
      throw await this.explain(conversationId, err);
    }
  }

  /** A supervisor's decision on a proposal over the limit, delivered to the conversation that waits for it. */
  async decideApproval(workflowId: string, event: ApprovalDecisionEvent): Promise<void> {
    await this.options.client.workflow.getHandle(workflowId).signal(approvalDecidedSignal, event);
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

  /** A handed-over caller was promised a call back: the conversation keeps a timer for it. */
  async promiseCallback(conversationId: string, promise: { phone: string; dueAt: string }): Promise<void> {
    const handle = this.options.client.workflow.getHandle(workflowIdFor(conversationId));
    try {
      await handle.signal(callbackPromisedSignal, promise);
    } catch (err) {
      throw await this.explain(conversationId, err);
    }
  }

  async read(conversationId: string): Promise<ConversationView> {
    const handle = this.options.client.workflow.getHandle(workflowIdFor(conversationId));
    try {
      return await this.options.client.withDeadline(Date.now() + (this.options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS), () => handle.query(stateQuery));
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw notFound(`conversation ${conversationId}`);
      throw unavailableOrAsIs(err, `conversation ${conversationId}`);
    }
  }

  private async explain(conversationId: string, err: unknown): Promise<unknown> {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      if (err.cause.type === FAILURE.invalidMessage) return new HttpError(400, 'invalid_message', err.cause.message);
      if (err.cause.type === FAILURE.conversationClosed) return closed(conversationId);
      if (err.cause.type === FAILURE.agentCommandRefused) return new HttpError(409, String(err.cause.details?.[0] ?? 'refused'), err.cause.message);
    }
    if (err instanceof WorkflowNotFoundError) {
      // Temporal says "not found" both for unknown ids and for runs that already completed.
      const exists = await this.options.client.workflow
        .getHandle(workflowIdFor(conversationId))
        .describe()
        .then(() => true, () => false);
      return exists ? closed(conversationId) : notFound(`conversation ${conversationId}`);
    }
    return unavailableOrAsIs(err, `conversation ${conversationId}`);
  }
}

const closed = (conversationId: string) => new HttpError(409, 'conversation_closed', `conversation ${conversationId} is closed`);

/** gRPC's status code for a server that cannot be reached. */
const GRPC_UNAVAILABLE = 14;

/** A read or a signal that ran out of time means no worker answered; an unreachable server means Temporal is down. Both pass. */
function unavailableOrAsIs(err: unknown, what: string): unknown {
  if (isGrpcDeadlineError(err)) return workerUnavailable(what);
  let cause: unknown = err;
  while (cause instanceof Error) {
    if (isGrpcServiceError(cause) && cause.code === GRPC_UNAVAILABLE) {
      return new HttpError(503, 'temporal_unavailable', `${what} cannot be reached right now: Temporal is not responding; try again shortly`, WORKER_RETRY_AFTER_SECONDS);
    }
    cause = cause.cause;
  }
  return err;
}
