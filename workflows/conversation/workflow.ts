import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { AgentCommand, CarriedState, Channel, ConversationEnd, ConversationInput, MessageResult, NewDecision, Speaker } from '../../domain/conversation';
import { knownEnoughFor, vouchedIdentity } from '../../domain/identity-assurance';
import { FAILURE } from '../../domain/failures';
import { whyAgentCommandIsRefused } from '../../domain/handoff';
import { whyMessageIsInvalid } from '../../domain/message-validation';
import { compactForNextRun } from '../../domain/transcript-compaction';
import { actOnApprovalOutcome } from './approval-outcome';
import { registerApproval } from './approvals';
import type { ConversationContext } from './context';
import { deadlines, followUpOverdueReturns } from './timers';
import { stateViewOf } from './view';
import { wakeTimer } from './wake-timer';
import { handleCustomerMessage } from './customer-turn';
import {
  agentCommandUpdate,
  approvalDecidedSignal,
  callbackPromisedSignal,
  customerMessageSignal,
  customerNoticeSignal,
  type CustomerMessageMeta,
  goodwillOfferedSignal,
  messageUpdate,
  returnReceivedSignal,
  stateQuery,
} from './definitions';
import { offerGoodwill } from './flows/goodwill-credit';
import { applyAgentCommand, onCallbackOverdue, onLeaseExpired, onSlaBreach } from './handoff';
import { keepLateReply } from './late-reply';
import { SLA_APOLOGY_TEXT, outboxOf } from './outbox';
import { outcomeReporter } from './outcome';
import { say } from './replying';
import { englishOf, languageOf, say as inLanguage } from './speaking';
import { keepReturnPromise } from './return-promise';
import { settleEndedRefund } from './refund-outcome';
import { noteRefundProgress, refundThatEnded } from '../../domain/refund-tracking';
import { refundProgressSignal } from '../refund-saga/definitions';
import { OUTCOMES_PATCH, VOICE_CALLBACK_PATCH, VOUCHED_IDENTITY_PATCH, WAKE_FOR_WAITING_WORK_PATCH, WAKE_TIMER_KEPT_PATCH, decideEveryPatch, decidePatchesUpFront } from './patches';

// A retried delivery comes within minutes of the first; the last keys are enough to recognise it.
const MAX_NOTICE_KEYS = 50;
// Update and Signal of one message arrive within minutes of each other; the newest ids are enough.
const MAX_MESSAGE_IDS = 100;

/**
 * One conversation with one customer, from the first message until it closes: customer messages and
 * people's commands (Updates, one at a time), back-office events (Signals), and the timers of
 * handoffs, approvals and promises.
 */
export async function ConversationWorkflow(input: ConversationInput): Promise<ConversationEnd> {
  // Before anything else can record a command: see PATCHES_UP_FRONT.
  const patchesUpFront = decidePatchesUpFront();
  /** A message, command or event arriving decides what a newer worker knows, before any local activity. */
  const arriving = <A extends unknown[], R>(handler: (...args: A) => R) => (...args: A): R => {
    if (patchesUpFront) decideEveryPatch();
    return handler(...args);
  };
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
    const english = from === 'bot' ? englishBeside(text) : undefined;
    // A customer's message starts a new turn: templates said for the last one (option labels, say) are done with.
    if (from === 'customer') state.spoken = undefined;
    state.transcript.push({ seq, from, text, at: now(), channel: state.currentChannel ?? input.channel, ...(english ? { english } : {}) });
    return seq;
  };
  /** A bot turn in another language gets its English; the pieces it used are done with, the rest wait for the turn's other replies. */
  const englishBeside = (text: string): string | undefined => {
    const spoken = state.spoken;
    if (!spoken?.length) return undefined;
    const english = englishOf(text, spoken);
    const left = spoken.filter((piece) => !text.includes(piece.text));
    state.spoken = left.length ? left : undefined;
    return english !== text ? english : undefined;
  };
  const decide = (decision: NewDecision) => state.decisions.push({ ...decision, at: now() });
  const ctx: ConversationContext = { state, input, now, record, decide, patchesUpFront };
  const outbox = outboxOf(ctx);
  if (!input.carried) {
    const vouched = vouchedIdentity(input.customer);
    if (vouched && patched(VOUCHED_IDENTITY_PATCH)) state.identity = vouched;
  }
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

  const closedFailure = () => ApplicationFailure.create({ type: FAILURE.conversationClosed, message: 'the conversation is closed', nonRetryable: true });

  // A message comes by Update, and by Signal too when the Update was not answered in time: its id
  // is claimed by whichever arrives first, and the turn is taken once.
  const claimed = (messageId: string) => state.handledMessageIds?.includes(messageId) ?? false;
  const claim = (messageId: string) => {
    state.handledMessageIds = [...(state.handledMessageIds ?? []), messageId].slice(-MAX_MESSAGE_IDS);
  };
  /** Turns of this run by message id: their outcome, for an Update that arrives after its Signal. */
  const turns = new Map<string, { result?: MessageResult; failure?: unknown; replySeq?: number }>();
  /** Messages whose caller stopped waiting (their Signal came): the reply is also kept for later. */
  const late = new Set<string>();
  /** Of those, the ones whose turn had already finished when the Signal came. */
  let lateAfterTurn: string[] = [];

  const takeTurn = async (text: string, messageId: string | undefined, channel?: Channel): Promise<MessageResult> => {
    if (state.status === 'closed') throw closedFailure();
    messagesThisRun++;
    touched();
    // The customer's channel now: their turn, its answer and every later message are on it.
    if (channel) state.currentChannel = channel;
    if (!messageId) return withTier(await handleCustomerMessage(ctx, text));
    turns.set(messageId, {});
    try {
      // The customer's words take this turn; the reply follows them.
      const replySeq = state.nextSeq + 1;
      const result = withTier(await handleCustomerMessage(ctx, text));
      turns.set(messageId, { result, replySeq });
      if (late.has(messageId)) await keepLateReply(ctx, messageId, result, replySeq, outbox);
      return result;
    } catch (failure) {
      turns.set(messageId, { failure });
      throw failure;
    }
  };
  /** The reply says which tier read the message (for the API's latency metrics). */
  const withTier = (result: MessageResult): MessageResult => ({
    ...(state.lastTurnTier ? { ...result, tier: state.lastTurnTier } : result),
    // Every reply says which language it is in; a turn that answered in another one (a passing-on message in English) says so itself.
    language: result.language ?? languageOf(state),
  });
  const takeQueuedTurn = (messageId: string): Promise<MessageResult> | undefined => {
    const queued = state.queuedMessages?.find((m) => m.messageId === messageId);
    if (!queued) return undefined;
    state.queuedMessages = state.queuedMessages?.filter((m) => m !== queued);
    return takeTurn(queued.text, messageId, queued.channel);
  };

  setHandler(
    messageUpdate,
    arriving(async (text: string, meta?: CustomerMessageMeta): Promise<MessageResult> => {
      const messageId = meta?.messageId;
      if (messageId === undefined || !claimed(messageId)) {
        if (messageId !== undefined) claim(messageId);
        return oneAtATime(() => takeTurn(text, messageId, meta?.channel));
      }
      // Its Signal came first: the Update takes the queued turn, or waits for the one under way.
      if (state.queuedMessages?.some((m) => m.messageId === messageId)) {
        return oneAtATime(async () => (await takeQueuedTurn(messageId)) ?? outcomeOf(messageId));
      }
      return outcomeOf(messageId);
    }),
    {
      validator: (text: string, _meta?: { messageId: string; channel?: Channel }) => {
        const problem = whyMessageIsInvalid(text);
        if (problem) throw ApplicationFailure.create({ type: FAILURE.invalidMessage, message: problem, nonRetryable: true });
        if (state.status === 'closed') throw closedFailure();
      },
    },
  );

  async function outcomeOf(messageId: string): Promise<MessageResult> {
    if (!turns.has(messageId)) {
      throw ApplicationFailure.create({ type: FAILURE.messageAlreadyHandled, message: `message ${messageId} was handled earlier; its reply is in the conversation`, nonRetryable: true });
    }
    await condition(() => turns.get(messageId)?.result !== undefined || turns.get(messageId)?.failure !== undefined);
    const turn = turns.get(messageId);
    if (turn?.result) return turn.result;
    throw turn?.failure;
  }

  const refuseUnfit = (command: AgentCommand) => {
    if (state.status === 'closed') throw closedFailure();
    if (command.action === 'reply') {
      const problem = whyMessageIsInvalid(command.text);
      if (problem) throw ApplicationFailure.create({ type: FAILURE.invalidMessage, message: problem, nonRetryable: true });
    }
    const refusal = whyAgentCommandIsRefused(state.status, state.handoff, command);
    if (refusal) throw ApplicationFailure.create({ type: FAILURE.agentCommandRefused, message: refusal.message, details: [refusal.code], nonRetryable: true });
  };
  setHandler(
    agentCommandUpdate,
    arriving((command: AgentCommand) =>
      oneAtATime(async () => {
        // Checked again in turn: two agents may both have been accepted while the conversation waited.
        refuseUnfit(command);
        touched();
        const from = state.nextSeq;
        const result = await applyAgentCommand(ctx, command);
        // A person joining is news in the chat; elsewhere their first reply says it.
        if (command.action !== 'claim') outbox.deliverSince(from, command.action === 'reply' ? 'agent_reply' : 'bot_message');
        return result;
      }),
    ),
    { validator: refuseUnfit },
  );

  setHandler(stateQuery, () => stateViewOf(input, state));
  setHandler(returnReceivedSignal, arriving(({ orderId }) => {
    const pending = state.pendingReturns?.find((r) => r.orderId === orderId);
    if (pending) pending.received = true;
    changes++;
  }));
  setHandler(goodwillOfferedSignal, arriving((offer) => {
    (state.goodwillOffers ??= []).push(offer);
    changes++;
  }));
  setHandler(customerMessageSignal, arriving(({ messageId, text, channel }) => {
    late.add(messageId);
    // Its Update finished just as the caller gave up: the reply is kept all the same.
    if (turns.get(messageId)?.result) {
      lateAfterTurn.push(messageId);
      changes++;
    }
    if (claimed(messageId) || whyMessageIsInvalid(text)) return;
    claim(messageId);
    state.queuedMessages = [...(state.queuedMessages ?? []), { messageId, text, ...(channel ? { channel } : {}) }];
    changes++;
  }));
  setHandler(customerNoticeSignal, arriving(({ key, text }) => {
    if (state.noticeKeys?.includes(key)) return;
    state.noticeKeys = [...(state.noticeKeys ?? []), key].slice(-MAX_NOTICE_KEYS);
    record('system', text);
  }));
  setHandler(refundProgressSignal, arriving((progress) => {
    if (noteRefundProgress(state, progress)) changes++;
  }));
  setHandler(callbackPromisedSignal, arriving(({ phone, dueAt }) => {
    const handoff = state.handoff;
    if (!handoff || state.status !== 'awaiting_agent' || handoff.callback || Number.isNaN(Date.parse(dueAt))) return;
    if (!patched(VOICE_CALLBACK_PATCH)) return;
    handoff.callback = { phone, promisedAt: now(), dueAt };
    decide({ seq: state.nextSeq - 1, kind: 'handoff', reason: `a call back is promised by ${dueAt}` });
    changes++;
  }));
  setHandler(approvalDecidedSignal, arriving((event) => {
    const pending = state.pendingApproval;
    if (pending && pending.proposalId === event.proposalId && !pending.decision) {
      pending.decision = { approved: event.approved, by: event.by, ...(event.name ? { name: event.name } : {}), role: event.role, ...(event.reason ? { reason: event.reason } : {}) };
    }
    changes++;
  }));

  const receivedReturn = () => state.pendingReturns?.find((r) => r.received);
  // Offers and approvals wait until whatever the customer is in the middle of is done, and until no person owns the conversation.
  const botIsFree = () => !state.flow && (state.status === 'open' || state.status === 'resolved');
  const offerToPresent = () => (botIsFree() ? state.goodwillOffers?.[0] : undefined);
  const approvalDecided = () => botIsFree() && state.pendingApproval?.decision !== undefined;
  const approvalTimedOut = () => {
    const pending = state.pendingApproval;
    return pending?.dueAt !== undefined && !pending.decision && Date.now() >= Date.parse(pending.dueAt);
  };
  const continueAsNewDue = () =>
    workflowInfo().continueAsNewSuggested ||
    (input.continueAsNewAfterTurns !== undefined && messagesThisRun >= input.continueAsNewAfterTurns);

  /** New promises and approval requests get their clocks (and the supervisors hear of approvals). */
  async function registerNewObligations(): Promise<void> {
    for (const pending of state.pendingReturns ?? []) pending.promisedAt ??= now();
    await registerApproval(ctx);
  }

  const outcomes = outcomeReporter(ctx);
  const wake = wakeTimer();
  // Set where the loop meets the patch: histories from before it wake for nothing new.
  let reportsOutcome = false;
  for (;;) {
    await oneAtATime(registerNewObligations);
    // Not one at a time: the customer's next turn need not wait for the operators' projection.
    reportsOutcome = patched(OUTCOMES_PATCH);
    if (reportsOutcome) await outcomes.report(false);
    const next = deadlines(ctx, lastActivityAt)[0];
    const seen = changes;
    // A decision, a parcel or an offer that came while the loop was busy (registering the approval it
    // decides, say) is already here: without this it would wait for the next event, or the approval's
    // timeout. Runs from before the patch waited, and replay as they did.
    const waitingWork = receivedReturn() !== undefined || approvalDecided() || offerToPresent() !== undefined;
    const workIsHere = waitingWork && patched(WAKE_FOR_WAITING_WORK_PATCH);
    // Work that arrived while a turn held the conversation, before `seen` was taken, is work in itself:
    // a refund that ended, a message signalled while the loop was busy elsewhere.
    const woken = () =>
      workIsHere ||
      changes !== seen ||
      continueAsNewDue() ||
      refundThatEnded(state) !== undefined ||
      (state.queuedMessages?.length ?? 0) > 0 ||
      lateAfterTurn.length > 0 ||
      (reportsOutcome && outcomes.stale());
    if (patched(WAKE_TIMER_KEPT_PATCH)) {
      if (next) wake.ringBy(next.at);
      else wake.forget();
      await condition(() => woken() || wake.rang());
    } else if (next) await condition(woken, Math.max(1, next.at - Date.now()));
    else await condition(woken);

    // A message that came by Signal is a turn like any other, one at a time with the rest.
    const signalled = state.queuedMessages?.[0];
    if (signalled) {
      await oneAtATime(async () => {
        try {
          await takeQueuedTurn(signalled.messageId);
        } catch (err) {
          // Nobody waits on this turn: its failure must not end the conversation.
          decide({ seq: state.nextSeq - 1, kind: 'dialogue', rule: 'message:failed', reason: `message ${signalled.messageId}: ${err instanceof Error ? err.message : String(err)}` });
        }
      });
      continue;
    }
    if (lateAfterTurn.length > 0) {
      const ids = lateAfterTurn;
      lateAfterTurn = [];
      await oneAtATime(async () => {
        for (const id of ids) {
          const turn = turns.get(id);
          if (turn?.result) await keepLateReply(ctx, id, turn.result, turn.replySeq, outbox);
        }
      });
      continue;
    }
    if (continueAsNewDue()) {
      await condition(allHandlersFinished);
      await outbox.settled();
      decide({ seq: state.nextSeq - 1, kind: 'continued_as_new', reason: 'history size' });
      return continueAsNew<typeof ConversationWorkflow>({
        ...input,
        reopened: false,
        carried: compactForNextRun({ ...state, runs: state.runs + 1 }),
      });
    }
    const ended = refundThatEnded(state);
    if (ended) {
      await oneAtATime(async () => {
        const from = state.nextSeq;
        await settleEndedRefund(ctx, ended);
        // The bot's words to the customer; the system note beside them is the provider's detail, for the person taking over.
        outbox.deliverSince(from, 'refund', { speakers: ['bot'] });
      });
      continue;
    }
    const received = receivedReturn();
    if (received) {
      await oneAtATime(async () => {
        const text = await keepReturnPromise(state, received);
        state.pendingReturns = state.pendingReturns?.filter((r) => r !== received);
        const from = state.nextSeq;
        await say(ctx, [text]);
        outbox.deliverSince(from, 'follow_up');
      });
      continue;
    }
    if (approvalDecided() || approvalTimedOut()) {
      await oneAtATime(async () => {
        const from = state.nextSeq;
        await actOnApprovalOutcome(ctx);
        outbox.deliverSince(from, 'bot_message');
      });
      continue;
    }
    const offer = offerToPresent();
    if (offer) {
      await oneAtATime(async () => {
        state.goodwillOffers = state.goodwillOffers?.slice(1);
        if (!knownEnoughFor(state.identity, 'goodwill_credit')) {
          decide({ seq: state.nextSeq - 1, kind: 'dialogue', intent: 'goodwill_credit', reason: `offer by ${offer.by} dropped: the customer is not verified` });
          return;
        }
        const reply = await offerGoodwill(state, offer);
        decide({ seq: state.nextSeq - 1, kind: 'dialogue', intent: 'goodwill_credit', rule: 'goodwill_credit:offered', reason: `offered by ${offer.role} ${offer.by}` });
        // A refused offer is the team's business, not something to tell the customer.
        const speaker = reply.awaiting === 'confirmation' ? 'bot' : 'system';
        const from = state.nextSeq;
        for (const r of reply.replies) record(speaker, r.text);
        if (speaker === 'bot') outbox.deliverSince(from, 'goodwill_offer', reply.options ? { options: reply.options } : {});
      });
      continue;
    }
    const due = deadlines(ctx, lastActivityAt)[0];
    if (!due || due.at > Date.now()) continue;
    if (due.kind === 'sla') {
      await oneAtATime(async () => {
        const from = state.nextSeq;
        await onSlaBreach(ctx);
        // The customer waiting past the SLA hears that they are not forgotten (runs from before the outbox did not say so).
        if (state.status === 'awaiting_agent' && outbox.enabled()) {
          record('system', inLanguage(state, SLA_APOLOGY_TEXT));
          outbox.deliverSince(from, 'sla_apology');
        }
      });
    } else if (due.kind === 'lease') {
      await oneAtATime(async () => {
        const from = state.nextSeq;
        await onLeaseExpired(ctx);
        outbox.deliverSince(from, 'sla_apology');
      });
    } else if (due.kind === 'follow_up') {
      await oneAtATime(async () => {
        const from = state.nextSeq;
        await followUpOverdueReturns(ctx);
        outbox.deliverSince(from, 'follow_up');
      });
    } else if (due.kind === 'callback') await oneAtATime(() => onCallbackOverdue(ctx));
    else if (due.kind === 'idle' && allHandlersFinished()) break;
  }

  state.status = 'closed';
  decide({ seq: state.nextSeq - 1, kind: 'closed', reason: 'idle timeout' });
  record('system', inLanguage(state, 'The conversation was closed after a period of inactivity. Write again any time to continue it.'));
  if (patched(OUTCOMES_PATCH)) await outcomes.close();
  await condition(allHandlersFinished);
  await outbox.settled();
  return { ...stateViewOf(input, state), customer: input.customer, carried: compactForNextRun(state) };
}
