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
  AgentCommand,
  CarriedState,
  ConversationEnd,
  ConversationInput,
  ConversationView,
  Decision,
  MessageResult,
  PendingReturn,
  Speaker,
} from '../domain/conversation';
import { chooseOption } from '../domain/dialogue/choose-option';
import { switchesTopic, wantsToStop } from '../domain/dialogue/leaving-a-flow';
import { extractRating, RATING_OPTIONS } from '../domain/dialogue/rating';
import { assessEscalation } from '../domain/escalation';
import { firstReplyFor } from '../domain/first-replies';
import { whyAgentCommandIsRefused } from '../domain/handoff';
import { intentDefinition } from '../domain/intents';
import { whyMessageIsInvalid } from '../domain/message-validation';
import type { Classification } from '../nlu/cascade';
import { compactForNextRun, intentsOf } from '../domain/transcript-compaction';
import { registerApproval, settleApproval } from './approval-steps';
import { DEFAULT_RETURN_FOLLOW_UP_MS, type ConversationContext } from './conversation-context';
import {
  agentCommandUpdate,
  approvalDecidedSignal,
  goodwillOfferedSignal,
  messageUpdate,
  returnReceivedSignal,
  stateQuery,
} from './definitions';
import { offerGoodwill } from './goodwill-steps';
import { applyAgentCommand, beginHandoff, onLeaseExpired, onSlaBreach, RATING_QUESTION } from './handoff-steps';
import { answerQuestion } from './knowledge-steps';
import { continueOrderFlow, isOrderFlowKind, startOrderFlow } from './order-flows';
import { phraseReplies } from './phrasing';
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

/** After this many follow-ups about a parcel that never came, a person takes over. */
const RETURN_FOLLOW_UPS = 2;
/** Frustration signals kept for the handoff packet; older ones are dropped. */
const KEPT_SIGNALS = 20;

const STILL_WAITING_TEXT = 'Thank you, I have added this to your conversation. A colleague will see it as soon as they pick it up.';

/** One conversation with one customer, from the first message until it closes. */
export async function ConversationWorkflow(input: ConversationInput): Promise<ConversationEnd> {
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
  // Bumped by every message, command and signal: the main loop wakes on it and re-plans its timers.
  let changes = 0;
  let lastActivityAt = Date.now();

  const record = (from: Speaker, text: string): number => {
    const seq = state.nextSeq++;
    state.transcript.push({ seq, from, text, at: now() });
    return seq;
  };
  const decide = (decision: Omit<Decision, 'at'>) => state.decisions.push({ ...decision, at: now() });
  const ctx: ConversationContext = { state, input, now, record, decide };
  const touched = () => {
    changes++;
    lastActivityAt = Date.now();
  };

  if (input.reopened && state.status === 'closed') {
    state.status = 'open';
    state.awaitingRating = false;
    decide({ seq: state.nextSeq - 1, kind: 'reopened', reason: 'the customer wrote again after the conversation closed' });
  }

  // Messages and commands are handled one at a time, in arrival order: a promise chain is deterministic and FIFO.
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  const closedFailure = () => ApplicationFailure.create({ type: 'ConversationClosed', message: 'the conversation is closed', nonRetryable: true });

  setHandler(
    messageUpdate,
    (text) =>
      oneAtATime(async (): Promise<MessageResult> => {
        if (state.status === 'closed') throw closedFailure();
        messagesThisRun++;
        touched();
        const seq = record('customer', text);
        // While a person owns the conversation the bot never answers; the person sees the message.
        if (state.status === 'with_agent') return answer({ replies: [] });
        if (state.status === 'awaiting_agent') return answer({ replies: [{ text: STILL_WAITING_TEXT }] });
        const rating = state.awaitingRating ? extractRating(text) : undefined;
        if (rating !== undefined) {
          state.awaitingRating = false;
          state.csat = { score: rating, at: now() };
          decide({ seq, kind: 'csat', reason: `rated ${rating} of 5` });
          return answer({ replies: [{ text: 'Thank you for your feedback!' }] });
        }
        state.awaitingRating = false;
        if (state.status === 'resolved') {
          state.status = 'open';
          decide({ seq, kind: 'reopened', reason: 'the customer wrote again after the conversation was resolved' });
        }
        // The answer to a menu of requests ("change my order": which change?) starts that request.
        const menu = state.menu;
        state.menu = undefined;
        const picked = menu && !state.flow ? chooseOption(text, menu) : undefined;
        if (picked && isOrderFlowKind(picked.id)) {
          decide({ seq, kind: 'dialogue', intent: picked.id, rule: 'menu:chosen' });
          return answer(await startOrderFlow(picked.id, state, text));
        }
        if (state.flow && wantsToStop(text)) {
          decide({ seq, kind: 'dialogue', intent: state.flow.kind, rule: `${state.flow.kind}:dropped` });
          state.flow = undefined;
          return answer({ replies: [{ text: 'All right, I have left that. What else can I do for you?' }] });
        }
        // Inside a flow most answers are e-mails, ids or "yes": only the local tiers look for a change of topic.
        const intent: TurnClassification = state.flow ? await classifyIntent({ text }) : await classifyTurn(text);
        const label = intent.tier === 'none' ? undefined : intent.label;
        const inFlow = state.flow !== undefined && !switchesTopic(state.flow.kind, intent);
        // Questions, and anything the classifier could not place, go to the help centre first:
        // a confident article is an answer, not an unclear turn.
        const helpAnswer = !inFlow && (label === undefined || intentDefinition(label)?.kind === 'information') ? await answerQuestion(text) : undefined;
        const unsureStreak = inFlow || helpAnswer ? 0 : label === undefined ? (state.unsureStreak ?? 0) + 1 : 0;

        // Frustration and loops are checked on every turn, whatever is being collected.
        const verdict = assessEscalation({
          text,
          transcript: state.transcript.slice(0, -1),
          decisions: state.decisions,
          intent: label,
          unsureStreak,
          knownTerms: knownTermsOf(state, text),
        });
        if (verdict.signals.length) {
          state.frustrationSignals = [...(state.frustrationSignals ?? []), ...verdict.signals.map((s) => ({ ...s, seq }))].slice(-KEPT_SIGNALS);
        }
        if (!inFlow) {
          state.unsureStreak = unsureStreak;
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
        }
        if (verdict.escalate) {
          decide({ seq, kind: 'handoff_requested', intent: label, reason: verdict.reasons.map((r) => `${r.code}: ${r.detail}`).join('; ') });
          const waiting = await beginHandoff(ctx, seq, verdict.reasons, state.frustrationSignals ?? []);
          return answer({ replies: [{ text: `${handoffOpening(verdict.reasons[0]?.code)} ${waiting}` }], ...(label ? { intent: label } : {}) });
        }

        if (state.flow && inFlow) {
          const step = state.flow.step;
          const kind = state.flow.kind;
          const reply = await continueOrderFlow(state, text);
          decide({ seq, kind: 'dialogue', intent: kind, rule: `${kind}:${step}` });
          // A yes that needs a supervisor is on their list before the customer hears so.
          await registerApproval(ctx);
          return answer(reply);
        }
        // A new request: whatever was being collected is dropped.
        state.flow = undefined;
        if (label !== undefined && isOrderFlowKind(label)) return answer(await startOrderFlow(label, state, text));
        if (helpAnswer) {
          decide({ seq, kind: 'dialogue', intent: label ?? 'question', rule: 'help_centre:answered' });
          return answer({ replies: helpAnswer.replies, ...(label ? { intent: label } : {}) });
        }

        const reply = firstReplyFor(label, unsureStreak);
        if (reply.handoff) {
          decide({ seq, kind: 'handoff_requested', reason: reply.handoff.reason });
          const code = label === 'complaint' ? 'complaint' : label === 'contact_human_agent' ? 'explicit_request' : 'unsure_twice';
          const waiting = await beginHandoff(ctx, seq, [{ code, detail: reply.handoff.reason }], state.frustrationSignals ?? []);
          return answer({ replies: [{ text: `${reply.text} ${waiting}` }], ...(label ? { intent: label } : {}) });
        }
        if (reply.menu) {
          state.menu = reply.menu;
          return answer({ replies: [{ text: reply.text }], ...(label ? { intent: label } : {}), options: reply.menu });
        }
        if (label === 'goodbye') {
          state.status = 'resolved';
          state.awaitingRating = true;
          decide({ seq, kind: 'resolved', reason: 'the customer said goodbye' });
          return answer({ replies: [{ text: `${reply.text} ${RATING_QUESTION}` }], intent: label, awaiting: 'rating', options: RATING_OPTIONS });
        }
        return answer({
          replies: [{ text: reply.text }],
          ...(label ? { intent: label } : {}),
          ...(reply.awaiting ? { awaiting: reply.awaiting } : {}),
        });
      }),
    {
      validator: (text) => {
        const problem = whyMessageIsInvalid(text);
        if (problem) throw ApplicationFailure.create({ type: 'InvalidMessage', message: problem, nonRetryable: true });
        if (state.status === 'closed') throw closedFailure();
      },
    },
  );

  const refuseUnfit = (command: AgentCommand) => {
    if (state.status === 'closed') throw closedFailure();
    if (command.action === 'reply') {
      const problem = whyMessageIsInvalid(command.text);
      if (problem) throw ApplicationFailure.create({ type: 'InvalidMessage', message: problem, nonRetryable: true });
    }
    const refusal = whyAgentCommandIsRefused(state.status, state.handoff, command);
    if (refusal) throw ApplicationFailure.create({ type: 'AgentCommandRefused', message: `${refusal.code}: ${refusal.message}`, nonRetryable: true });
  };
  setHandler(
    agentCommandUpdate,
    (command) =>
      oneAtATime(async () => {
        // Checked again in turn: two agents may both have been accepted while the conversation waited.
        refuseUnfit(command);
        touched();
        return applyAgentCommand(ctx, command);
      }),
    { validator: refuseUnfit },
  );

  setHandler(stateQuery, () => stateViewOf(input, state));
  setHandler(returnReceivedSignal, ({ orderId }) => {
    const pending = state.pendingReturns?.find((r) => r.orderId === orderId);
    if (pending) pending.received = true;
    changes++;
  });
  const receivedReturn = () => state.pendingReturns?.find((r) => r.received);
  setHandler(goodwillOfferedSignal, (offer) => {
    (state.goodwillOffers ??= []).push(offer);
    changes++;
  });
  setHandler(approvalDecidedSignal, (event) => {
    const pending = state.pendingApproval;
    if (pending && pending.proposalId === event.proposalId && !pending.decision) {
      pending.decision = { approved: event.approved, by: event.by, role: event.role, ...(event.reason ? { reason: event.reason } : {}) };
    }
    changes++;
  });
  // Offers and approvals wait until whatever the customer is in the middle of is done, and until no person owns the conversation.
  const botIsFree = () => !state.flow && (state.status === 'open' || state.status === 'resolved');
  const offerToPresent = () => (botIsFree() ? state.goodwillOffers?.[0] : undefined);
  const approvalDecided = () => (botIsFree() && state.pendingApproval?.decision ? state.pendingApproval : undefined);
  const approvalTimedOut = () => {
    const pending = state.pendingApproval;
    return pending?.dueAt !== undefined && !pending.decision && Date.now() >= Date.parse(pending.dueAt);
  };

  /** Records the bot's words (rephrased by Claude when configured) and completes the turn. */
  async function answer(reply: Omit<MessageResult, 'status'>): Promise<MessageResult> {
    const replies = await phrased(reply.replies);
    for (const r of replies) record('bot', r.text);
    return { ...reply, replies, status: state.status };
  }

  async function phrased(replies: { text: string }[], customerText?: string): Promise<{ text: string }[]> {
    if (!input.llmEnabled || replies.length === 0) return replies;
    const lastCustomer = customerText ?? [...state.transcript].reverse().find((t) => t.from === 'customer')?.text;
    const result = await phraseReplies(replies, { llmEnabled: true, channel: input.channel, ...(lastCustomer ? { customerText: lastCustomer } : {}) });
    for (const why of result.rejected) decide({ seq: state.nextSeq - 1, kind: 'dialogue', rule: 'phrasing:rejected', reason: why });
    return result.replies;
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

  /** The bot speaks on its own (a kept promise, an approval's outcome): recorded for the customer's channel. */
  async function say(texts: string[]): Promise<void> {
    for (const r of await phrased(texts.map((text) => ({ text })))) record('bot', r.text);
  }

  const continueAsNewDue = () =>
    workflowInfo().continueAsNewSuggested ||
    (input.continueAsNewAfterTurns !== undefined && messagesThisRun >= input.continueAsNewAfterTurns);

  /** When each timer of the conversation is due (epoch ms), given its state now. */
  function deadlines(): { at: number; kind: 'sla' | 'lease' | 'approval' | 'follow_up' | 'idle' }[] {
    const due: ReturnType<typeof deadlines> = [];
    const handoff = state.handoff;
    if (state.status === 'awaiting_agent' && handoff?.slaDueAt) due.push({ at: Date.parse(handoff.slaDueAt), kind: 'sla' });
    if (state.status === 'with_agent' && handoff?.owner) due.push({ at: Date.parse(handoff.owner.leaseUntil), kind: 'lease' });
    if (state.pendingApproval?.dueAt && !state.pendingApproval.decision) due.push({ at: Date.parse(state.pendingApproval.dueAt), kind: 'approval' });
    for (const pending of state.pendingReturns ?? []) {
      const at = followUpDue(pending);
      if (at !== undefined) due.push({ at, kind: 'follow_up' });
    }
    if (closable()) due.push({ at: lastActivityAt + input.idleTimeoutMs, kind: 'idle' });
    return due.sort((a, b) => a.at - b.at);
  }
  const followUpDue = (pending: PendingReturn): number | undefined =>
    pending.received || !pending.promisedAt || (pending.followUps ?? 0) >= RETURN_FOLLOW_UPS
      ? undefined
      : Date.parse(pending.promisedAt) + ((pending.followUps ?? 0) + 1) * (input.returnFollowUpMs ?? DEFAULT_RETURN_FOLLOW_UP_MS);
  // A conversation with a promise still to keep, or a person involved, stays open however quiet it is.
  const closable = () =>
    (state.status === 'open' || state.status === 'resolved') &&
    !state.pendingReturns?.length &&
    !state.pendingApproval &&
    !state.goodwillOffers?.length;

  /** New promises and approval requests get their clocks (and the supervisors hear of approvals). */
  async function registerNewObligations(): Promise<void> {
    for (const pending of state.pendingReturns ?? []) pending.promisedAt ??= now();
    await registerApproval(ctx);
  }

  for (;;) {
    await oneAtATime(registerNewObligations);
    const next = deadlines()[0];
    const seen = changes;
    const woken = () => changes !== seen || continueAsNewDue();
    if (next) await condition(woken, Math.max(1, next.at - Date.now()));
    else await condition(woken);

    if (continueAsNewDue()) {
      await condition(allHandlersFinished);
      decide({ seq: state.nextSeq - 1, kind: 'continued_as_new', reason: 'history size' });
      return continueAsNew<typeof ConversationWorkflow>({
        ...input,
        reopened: false,
        carried: compactForNextRun({ ...state, runs: state.runs + 1 }),
      });
    }
    const received = receivedReturn();
    if (received) {
      await oneAtATime(async () => {
        const text = await keepReturnPromise(state, received);
        state.pendingReturns = state.pendingReturns?.filter((r) => r !== received);
        await say([text]);
      });
      continue;
    }
    if (approvalDecided() || approvalTimedOut()) {
      await oneAtATime(settleParkedApproval);
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
    const due = deadlines()[0];
    if (!due || due.at > Date.now()) continue;
    if (due.kind === 'sla') await oneAtATime(() => onSlaBreach(ctx));
    else if (due.kind === 'lease') await oneAtATime(() => onLeaseExpired(ctx));
    else if (due.kind === 'follow_up') await oneAtATime(followUpOverdueReturns);
    else if (due.kind === 'idle' && allHandlersFinished()) break;
  }

  state.status = 'closed';
  decide({ seq: state.nextSeq - 1, kind: 'closed', reason: 'idle timeout' });
  record('system', 'The conversation was closed after a period of inactivity. Write again any time to continue it.');
  await condition(allHandlersFinished);
  return { ...stateViewOf(input, state), customer: input.customer, carried: compactForNextRun(state) };

  /** A supervisor decided (or nobody did in time) on a parked proposal. */
  async function settleParkedApproval(): Promise<void> {
    const timedOut = !state.pendingApproval?.decision;
    const outcome = await settleApproval(ctx, timedOut);
    if (!outcome) return;
    if (outcome.kind === 'approved') {
      state.flow = outcome.flow;
      const reply = await continueOrderFlow(state, 'yes');
      await say(['A supervisor approved your request.', ...reply.replies.map((r) => r.text)]);
      return;
    }
    const seq = state.nextSeq - 1;
    const why = outcome.kind === 'denied' ? `A supervisor did not approve it: ${outcome.reason}.` : 'A supervisor could not decide in time.';
    await say([`About your request (${outcome.detail}): ${why} Nothing has changed.`]);
    if (state.status === 'open' || state.status === 'resolved') {
      const code = outcome.kind === 'denied' ? 'approval_denied' : 'approval_timed_out';
      record('bot', await beginHandoff(ctx, seq, [{ code, detail: `the approval was ${outcome.kind === 'denied' ? 'denied' : 'not given in time'}: ${outcome.detail}` }], state.frustrationSignals ?? []));
    }
  }

  /** A promised parcel has not arrived: remind once, then bring in a person. */
  async function followUpOverdueReturns(): Promise<void> {
    for (const pending of state.pendingReturns ?? []) {
      const at = followUpDue(pending);
      if (at === undefined || at > Date.now()) continue;
      pending.followUps = (pending.followUps ?? 0) + 1;
      decide({ seq: state.nextSeq - 1, kind: 'follow_up', reason: `no parcel for the return of order ${pending.orderId} yet (follow-up ${pending.followUps})` });
      if (pending.followUps < RETURN_FOLLOW_UPS) {
        await say([
          `We have not received the parcel for your return of order ${pending.orderId} yet. Your refund is sent as soon as it arrives. If you have already sent it, reply here with its tracking number.`,
        ]);
      } else if (state.status === 'open' || state.status === 'resolved') {
        const waiting = await beginHandoff(ctx, state.nextSeq - 1, [{ code: 'return_overdue', detail: `the parcel for the return of order ${pending.orderId} has still not arrived` }], state.frustrationSignals ?? []);
        record('bot', `We still have not received the parcel for your return of order ${pending.orderId}, so a colleague will look into it. ${waiting}`);
      }
    }
  }
}

/** What the customer hears first when the bot hands over, by the strongest reason. */
function handoffOpening(code: string | undefined): string {
  if (code === 'explicit_request') return 'Of course, I will bring in a colleague.';
  if (code === 'profanity' || code === 'insult' || code === 'shouting' || code === 'repeated_complaint' || code === 'negative_trend') {
    return 'I am sorry this has been frustrating. I am bringing in a colleague who can help.';
  }
  return 'I do not seem to be getting this right, so I am bringing in a colleague.';
}

/**
 * Words a customer may legitimately write in capitals: the names of what they are being offered,
 * and the details being asked for (an address or a name is often typed in capitals).
 */
function knownTermsOf(state: CarriedState, text: string): string[] {
  const offered = (state.flow?.options ?? []).flatMap((o) => o.label.split(/[^A-Za-z0-9]+/)).filter((w) => w.length > 2);
  const givingDetails = state.flow?.step === 'email' || state.flow?.step === 'address';
  return givingDetails ? [...offered, text] : offered;
}

function stateViewOf(input: ConversationInput, state: CarriedState): ConversationView {
  const intents = intentsOf(state.decisions);
  const pending = state.pendingApproval;
  return {
    conversationId: input.conversationId,
    channel: input.channel,
    status: state.status,
    transcript: state.transcript,
    earlierSummary: state.earlierSummary,
    decisions: state.decisions,
    intents,
    actions: state.actions ?? [],
    handoff: state.handoff
      ? {
          ...state.handoff,
          status: state.status,
          customer: {
            verified: state.identity !== undefined,
            ...(state.identity ? { customerId: state.identity.customerId, firstName: state.identity.firstName } : {}),
            ...(input.customer ? { hint: input.customer } : {}),
          },
          intents,
          attemptedActions: state.actions ?? [],
          transcript: state.transcript,
        }
      : null,
    agentActions: state.agentActions ?? [],
    ...(pending ? { pendingApproval: { proposalId: pending.proposalId, reason: pending.reason, detail: pending.detail, requestedAt: pending.requestedAt, ...(pending.dueAt ? { dueAt: pending.dueAt } : {}) } } : {}),
    ...(state.csat ? { csat: state.csat } : {}),
    runs: state.runs,
    startedAt: state.startedAt,
  };
}
