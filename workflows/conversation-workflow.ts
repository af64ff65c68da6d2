import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type {
  CarriedState,
  ConversationInput,
  ConversationView,
  Decision,
  MessageResult,
  Speaker,
} from '../domain/conversation';
import { whyMessageIsInvalid } from '../domain/message-validation';
import { compactForNextRun, intentsOf } from '../domain/transcript-compaction';
import { messageUpdate, stateQuery } from './definitions';

const { replyToCustomer } = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 5, initialInterval: '200 milliseconds' },
});

/** One conversation with one customer, from the first message until it closes. */
export async function ConversationWorkflow(input: ConversationInput): Promise<ConversationView> {
  const now = () => new Date().toISOString();
  const state: CarriedState = input.carried ?? {
    status: 'open',
    transcript: [],
    decisions: [],
    nextSeq: 1,
    runs: 1,
    startedAt: now(),
  };
  let messagesThisRun = 0;
  let turnsHandled = 0;

  const record = (from: Speaker, text: string): number => {
    const seq = state.nextSeq++;
    state.transcript.push({ seq, from, text, at: now() });
    return seq;
  };
  const decide = (decision: Omit<Decision, 'at'>) => state.decisions.push({ ...decision, at: now() });

  // Messages are handled one at a time, in arrival order: a promise chain is deterministic and FIFO.
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  setHandler(
    messageUpdate,
    (text) =>
      oneAtATime(async (): Promise<MessageResult> => {
        if (state.status === 'closed') {
          throw ApplicationFailure.create({ type: 'ConversationClosed', message: 'the conversation is closed', nonRetryable: true });
        }
        messagesThisRun++;
        const seq = record('customer', text);
        const draft = await replyToCustomer({ conversationId: input.conversationId, text, seq });
        decide({
          seq,
          kind: 'reply',
          intent: draft.intent,
          tier: draft.tier,
          confidence: draft.confidence,
          rule: draft.rule,
          latencyMicros: draft.latencyMicros,
        });
        record('bot', draft.text);
        turnsHandled++;
        return { replies: [{ text: draft.text }], status: state.status, intent: draft.intent };
      }),
    {
      validator: (text) => {
        const problem = whyMessageIsInvalid(text);
        if (problem) throw ApplicationFailure.create({ type: 'InvalidMessage', message: problem, nonRetryable: true });
        if (state.status === 'closed') {
          throw ApplicationFailure.create({ type: 'ConversationClosed', message: 'the conversation is closed', nonRetryable: true });
        }
      },
    },
  );

  setHandler(stateQuery, () => stateViewOf(input, state));

  const continueAsNewDue = () =>
    workflowInfo().continueAsNewSuggested ||
    (input.continueAsNewAfterTurns !== undefined && messagesThisRun >= input.continueAsNewAfterTurns);

  for (;;) {
    const seenTurns = turnsHandled;
    const seenMessages = messagesThisRun;
    const stirred = await condition(
      () => turnsHandled !== seenTurns || messagesThisRun !== seenMessages || continueAsNewDue(),
      input.idleTimeoutMs,
    );
    if (continueAsNewDue()) {
      await condition(allHandlersFinished);
      decide({ seq: state.nextSeq - 1, kind: 'continued_as_new', reason: 'history size' });
      return continueAsNew<typeof ConversationWorkflow>({
        ...input,
        carried: compactForNextRun({ ...state, runs: state.runs + 1 }),
      });
    }
    if (!stirred && allHandlersFinished()) break;
  }

  state.status = 'closed';
  decide({ seq: state.nextSeq - 1, kind: 'closed', reason: 'idle timeout' });
  record('system', 'The conversation was closed after a period of inactivity.');
  await condition(allHandlersFinished);
  return stateViewOf(input, state);
}

function stateViewOf(input: ConversationInput, state: CarriedState): ConversationView {
  return {
    conversationId: input.conversationId,
    channel: input.channel,
    status: state.status,
    transcript: state.transcript,
    earlierSummary: state.earlierSummary,
    decisions: state.decisions,
    intents: intentsOf(state.decisions),
    actions: [],
    handoff: null,
    runs: state.runs,
    startedAt: state.startedAt,
  };
}
