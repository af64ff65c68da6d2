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
import { switchesTopic, wantsToStop } from '../domain/dialogue/leaving-a-flow';
import { firstReplyFor } from '../domain/first-replies';
import { continueOrderFlow, isOrderFlowKind, startOrderFlow } from './order-flows';
import { whyMessageIsInvalid } from '../domain/message-validation';
import type { Classification } from '../nlu/cascade';
import { compactForNextRun, intentsOf } from '../domain/transcript-compaction';
import { goodwillOfferedSignal, messageUpdate, returnReceivedSignal, stateQuery } from './definitions';
import { offerGoodwill } from './goodwill-steps';
import { keepReturnPromise } from './return-promise';

type Activities = ReturnType<typeof createActivities>;
type TurnClassification = Classification & { llmFailure?: string };

const { classifyIntent } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 5, initialInterval: '200 milliseconds' },
});

// The LLM tier is slow and can fail; a few tries, then the turn goes on without it.
const { classifyWithLlm } = proxyActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  retry: { maximumAttempts: 3, initialInterval: '1 second', nonRetryableErrorTypes: ['LlmMalformedOutput', 'LlmNotConfigured'] },
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
        if (state.flow && wantsToStop(text)) {
          decide({ seq, kind: 'dialogue', intent: state.flow.kind, rule: `${state.flow.kind}:dropped` });
          state.flow = undefined;
          return answer({ replies: [{ text: 'All right, I have left that. What else can I do for you?' }] });
        }
        // Inside a flow most answers are e-mails, ids or "yes": only the local tiers look for a change of topic.
        const intent: TurnClassification = state.flow ? await classifyIntent({ text }) : await classifyTurn(text);
        if (state.flow && !switchesTopic(state.flow.kind, intent)) {
          const step = state.flow.step;
          const kind = state.flow.kind;
          const reply = await continueOrderFlow(state, text);
          decide({ seq, kind: 'dialogue', intent: kind, rule: `${kind}:${step}` });
          return answer(reply);
        }
        // A new request: whatever was being collected is dropped.
        state.flow = undefined;
        state.unsureStreak = intent.tier === 'none' ? (state.unsureStreak ?? 0) + 1 : 0;
        decide({
          seq,
          kind: 'reply',
          intent: intent.label,
          tier: intent.tier,
          confidence: intent.confidence,
          rule: intent.rule,
          latencyMicros: Math.round(intent.micros),
          ...(intent.llmFailure ? { reason: `LLM tier failed: ${intent.llmFailure}` } : {}),
        });
        if (intent.tier !== 'none' && isOrderFlowKind(intent.label)) return answer(await startOrderFlow(intent.label, state, text));
        const reply = firstReplyFor(intent.tier === 'none' ? undefined : intent.label, state.unsureStreak);
        if (reply.handoff) decide({ seq, kind: 'handoff_requested', reason: reply.handoff.reason });
        return answer({
          replies: [{ text: reply.text }],
          ...(intent.tier === 'none' ? {} : { intent: intent.label }),
          ...(reply.awaiting ? { awaiting: reply.awaiting } : {}),
        });
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
  setHandler(returnReceivedSignal, ({ orderId }) => {
    const pending = state.pendingReturns?.find((r) => r.orderId === orderId);
    if (pending) pending.received = true;
  });
  const receivedReturn = () => state.pendingReturns?.find((r) => r.received);
  setHandler(goodwillOfferedSignal, (offer) => {
    (state.goodwillOffers ??= []).push(offer);
  });
  // An offer waits until whatever the customer is in the middle of is done.
  const offerToPresent = () => (state.flow ? undefined : state.goodwillOffers?.[0]);

  /** Records the bot's words and completes the turn. */
  function answer(reply: Omit<MessageResult, 'status'>): MessageResult {
    for (const r of reply.replies) record('bot', r.text);
    turnsHandled++;
    return { ...reply, status: state.status };
  }

  /** Tiers 1–2 first; the LLM only when they are unsure and it is configured; its failure never fails the turn. */
  async function classifyTurn(text: string): Promise<TurnClassification> {
    const local = await classifyIntent({ text });
    if (local.tier !== 'none' || !input.llmEnabled) return local;
    try {
      return await classifyWithLlm({ text });
    } catch (err) {
      return { ...local, llmFailure: err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err) };
    }
  }

  const continueAsNewDue = () =>
    workflowInfo().continueAsNewSuggested ||
    (input.continueAsNewAfterTurns !== undefined && messagesThisRun >= input.continueAsNewAfterTurns);

  for (;;) {
    const seenTurns = turnsHandled;
    const seenMessages = messagesThisRun;
    const stirred = await condition(
      () => turnsHandled !== seenTurns || messagesThisRun !== seenMessages || continueAsNewDue() || receivedReturn() !== undefined || offerToPresent() !== undefined,
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
    const received = receivedReturn();
    if (received) {
      await oneAtATime(async () => {
        const text = await keepReturnPromise(state, received);
        state.pendingReturns = state.pendingReturns?.filter((r) => r !== received);
        record('bot', text);
      });
      continue;
    }
    const offer = offerToPresent();
    if (offer) {
      await oneAtATime(async () => {
        state.goodwillOffers = state.goodwillOffers?.slice(1);
        if (!state.identity) {
          decide({ seq: state.nextSeq - 1, kind: 'dialogue', intent: 'goodwill_credit', reason: `offer by ${offer.by} dropped: the customer is not verified` });
          return;
        }
        const reply = await offerGoodwill(state, offer);
        decide({ seq: state.nextSeq - 1, kind: 'dialogue', intent: 'goodwill_credit', rule: 'goodwill_credit:offered', reason: `offered by ${offer.role} ${offer.by}` });
        // A refused offer is the team's business, not something to tell the customer.
        const speaker = reply.awaiting === 'confirmation' ? 'bot' : 'system';
        for (const r of reply.replies) record(speaker, r.text);
      });
      continue;
    }
    // A conversation with a promise still to keep stays open however quiet it is.
    if (!stirred && allHandlersFinished() && !(state.pendingReturns?.length)) break;
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
    actions: state.actions ?? [],
    handoff: null,
    runs: state.runs,
    startedAt: state.startedAt,
  };
}
