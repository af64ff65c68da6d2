import { workflowInfo } from '@temporalio/workflow';
import type { AgentCommand, EscalationReasonRecord, HandoffState } from '../../domain/conversation';
import { priorityFor, raisePriority, summarizeForAgent } from '../../domain/handoff';
import { intentsOf } from '../../domain/transcript-compaction';
import { DEFAULT_AGENT_LEASE_MS, DEFAULT_HANDOFF_SLA_MS, later, type ConversationContext } from './context';
import type { AgentCommandResult } from './definitions';
import type { MessageKey } from '../../domain/messages';
import { phraseReplies } from './phrasing';
import { say } from './speaking';
import { customerProfile, notifyStaff, syncHandoffQueue } from '../activity-proxies';

const slaMs = (ctx: ConversationContext) => ctx.input.handoffSlaMs ?? DEFAULT_HANDOFF_SLA_MS;
const leaseMs = (ctx: ConversationContext) => ctx.input.agentLeaseMs ?? DEFAULT_AGENT_LEASE_MS;

export const WAITING_FOR_AGENT_TEXT: MessageKey =
  'A colleague will pick up this conversation shortly and will see everything you have told me, so you will not need to repeat yourself. You can keep writing here in the meantime.';

/**
 * Hands the conversation to a person: assembles the packet, puts it in the queue and returns
 * what to tell the customer. The bot stops answering until the conversation is returned.
 */
export async function beginHandoff(
  ctx: ConversationContext,
  seq: number,
  reasons: EscalationReasonRecord[],
  owed?: Pick<HandoffState, 'refundsOwed'>,
): Promise<string> {
  const { state } = ctx;
  if (state.status === 'awaiting_agent' || state.status === 'with_agent') return say(state, WAITING_FOR_AGENT_TEXT);
  const flow = state.flow;
  const pendingRequest = flow
    ? { kind: flow.kind, step: flow.step, ...(flow.orderId ? { orderId: flow.orderId } : {}), ...(flow.proposalId ? { proposalId: flow.proposalId } : {}) }
    : undefined;
  state.flow = undefined;
  const profile = state.identity ? (await customerProfile({ customerId: state.identity.customerId })) ?? undefined : undefined;
  const summary = summarizeForAgent({
    firstName: state.identity?.firstName,
    customerId: state.identity?.customerId,
    reasons,
    intents: intentsOf(state.decisions).map((i) => i.intent),
    actions: state.actions ?? [],
    pendingRequest,
    transcript: state.transcript,
  });
  // With Claude configured it rewrites the summary; the fact check keeps it to what the template says.
  const worded = ctx.input.llmEnabled
    ? await phraseReplies([{ text: summary }], { llmEnabled: true, channel: 'handoff_summary', facts: [summary] })
    : undefined;
  const llmSummary = worded && worded.rejected.length === 0 ? worded.replies[0]?.text : undefined;
  if (state.handoff) (state.pastHandoffs ??= []).push(state.handoff);
  const at = ctx.now();
  state.handoff = {
    reasons,
    signals: state.frustrationSignals ?? [],
    requestedAt: at,
    requestedAtSeq: seq,
    priority: priorityFor(reasons),
    summary: llmSummary ?? summary,
    summarySource: llmSummary ? 'llm' : 'template',
    ...(profile ? { profile } : {}),
    ...(pendingRequest ? { pendingRequest } : {}),
    ...owed,
    slaBreaches: 0,
    slaDueAt: later(at, slaMs(ctx)),
    // It goes to a person who speaks the customer's language.
    ...(state.language ? { language: state.language.language } : {}),
  };
  state.status = 'awaiting_agent';
  ctx.decide({ seq, kind: 'handoff', reason: reasons.map((r) => `${r.code}: ${r.detail}`).join('; ') });
  await syncQueue(ctx);
  return say(state, WAITING_FOR_AGENT_TEXT);
}

/** Nobody claimed it in time: one step up in priority, and the supervisors hear about it. */
export async function onSlaBreach(ctx: ConversationContext): Promise<void> {
  const handoff = ctx.state.handoff;
  if (!handoff || ctx.state.status !== 'awaiting_agent') return;
  handoff.slaBreaches++;
  handoff.priority = raisePriority(handoff.priority);
  handoff.slaDueAt = later(ctx.now(), slaMs(ctx));
  ctx.decide({ seq: ctx.state.nextSeq - 1, kind: 'sla', reason: `unclaimed past the SLA (${handoff.slaBreaches}×): priority ${handoff.priority}` });
  await notifyStaff({
    eventKey: `${workflowInfo().workflowId}:sla:${handoff.requestedAt}:${handoff.slaBreaches}`,
    audience: 'supervisor',
    kind: 'sla_breach',
    conversationId: ctx.input.conversationId,
    text: `Conversation ${ctx.input.conversationId} has waited past its SLA ${handoff.slaBreaches} time(s); priority is now ${handoff.priority}.`,
    at: ctx.now(),
  });
  await syncQueue(ctx);
}

/**
 * A caller was promised a call back and nobody has taken the conversation by then: one step up in
 * priority, and the supervisors hear that a promise to a customer is about to be broken.
 */
export async function onCallbackOverdue(ctx: ConversationContext): Promise<void> {
  const handoff = ctx.state.handoff;
  const callback = handoff?.callback;
  if (!handoff || !callback || callback.overdue || ctx.state.status !== 'awaiting_agent') return;
  callback.overdue = true;
  handoff.priority = raisePriority(handoff.priority);
  ctx.decide({ seq: ctx.state.nextSeq - 1, kind: 'sla', reason: `the call back promised by ${callback.dueAt} is overdue: priority ${handoff.priority}` });
  await notifyStaff({
    eventKey: `${workflowInfo().workflowId}:callback:${callback.promisedAt}`,
    audience: 'supervisor',
    kind: 'callback_overdue',
    conversationId: ctx.input.conversationId,
    text: `Conversation ${ctx.input.conversationId}: the caller was promised a call back by ${callback.dueAt} and nobody has taken it yet; priority is now ${handoff.priority}.`,
    at: ctx.now(),
  });
  await syncQueue(ctx);
}

/** The owner went quiet past the lease: the conversation goes back to the queue, ahead of the others. */
export async function onLeaseExpired(ctx: ConversationContext): Promise<void> {
  const { state } = ctx;
  const handoff = state.handoff;
  const owner = handoff?.owner;
  if (!handoff || !owner || state.status !== 'with_agent') return;
  (state.agentActions ??= []).push({ at: ctx.now(), by: owner.agent, role: owner.role, action: 'lease_expired' });
  handoff.owner = undefined;
  handoff.priority = raisePriority(handoff.priority);
  handoff.slaDueAt = later(ctx.now(), slaMs(ctx));
  state.status = 'awaiting_agent';
  ctx.decide({ seq: state.nextSeq - 1, kind: 'agent', reason: `${owner.agent}'s lease expired; back in the queue at priority ${handoff.priority}` });
  ctx.record('system', say(state, 'Your colleague had to step away; another colleague will continue with you shortly.'));
  await notifyStaff({
    eventKey: `${workflowInfo().workflowId}:lease:${owner.claimedAt}`,
    audience: 'supervisor',
    kind: 'lease_expired',
    conversationId: ctx.input.conversationId,
    text: `${owner.agent} did not act on conversation ${ctx.input.conversationId} in time; it is back in the queue.`,
    at: ctx.now(),
  });
  await syncQueue(ctx);
}

/** Carries out a person's command the validator accepted. */
export async function applyAgentCommand(ctx: ConversationContext, command: AgentCommand): Promise<AgentCommandResult> {
  const { state } = ctx;
  const handoff = state.handoff;
  if (!handoff) return { status: state.status };
  const at = ctx.now();
  const log = (action: Parameters<typeof logAction>[2], detail?: string) => logAction(ctx, command, action, detail);
  switch (command.action) {
    case 'claim': {
      const previous = handoff.owner;
      if (previous?.agent === command.by) {
        previous.leaseUntil = later(at, leaseMs(ctx));
        break;
      }
      handoff.owner = { agent: command.by, ...(command.name ? { name: command.name } : {}), role: command.role, claimedAt: at, leaseUntil: later(at, leaseMs(ctx)) };
      state.status = 'with_agent';
      log(previous ? 'take_over' : 'claim', previous ? `from ${previous.agent}` : undefined);
      ctx.record('system', say(state, '{name} from our team has joined the conversation.', { name: command.name ?? command.by }));
      break;
    }
    case 'reply': {
      if (handoff.owner) handoff.owner.leaseUntil = later(at, leaseMs(ctx));
      log('reply');
      ctx.record('agent', command.text);
      break;
    }
    case 'resolve': {
      handoff.outcome = { kind: 'resolved', by: command.by, at, note: command.outcome };
      handoff.owner = undefined;
      state.status = 'resolved';
      log('resolve', command.outcome);
      ctx.decide({ seq: state.nextSeq - 1, kind: 'resolved', reason: `resolved by ${command.by}: ${command.outcome}` });
      ctx.record('bot', say(state, RATING_QUESTION));
      state.awaitingRating = true;
      break;
    }
    case 'return_to_bot': {
      handoff.outcome = { kind: 'returned_to_bot', by: command.by, at, ...(command.note ? { note: command.note } : {}) };
      handoff.owner = undefined;
      state.status = 'open';
      state.unsureStreak = 0;
      log('return_to_bot', command.note);
      ctx.record('system', say(state, 'You are back with the assistant. What else can I do for you?'));
      break;
    }
  }
  await syncQueue(ctx);
  return { status: state.status, ...(handoff.owner ? { owner: handoff.owner.agent } : {}) };
}

export const RATING_QUESTION: MessageKey = 'Before you go: how would you rate this conversation, from 1 (poor) to 5 (excellent)?';

function logAction(ctx: ConversationContext, command: AgentCommand, action: 'claim' | 'take_over' | 'reply' | 'resolve' | 'return_to_bot', detail?: string) {
  (ctx.state.agentActions ??= []).push({ at: ctx.now(), by: command.by, ...(command.name ? { name: command.name } : {}), role: command.role, action, ...(detail ? { detail } : {}) });
  ctx.decide({ seq: ctx.state.nextSeq - 1, kind: 'agent', reason: `${command.role} ${command.by}: ${action}${detail ? ` (${detail})` : ''}` });
}

/** Mirrors the handoff into the queue table agents read. */
export async function syncQueue(ctx: ConversationContext): Promise<void> {
  const { state } = ctx;
  const handoff = state.handoff;
  if (!handoff) return;
  const waiting = state.status === 'awaiting_agent' || state.status === 'with_agent';
  await syncHandoffQueue({
    conversationId: ctx.input.conversationId,
    workflowId: workflowInfo().workflowId,
    status: waiting ? (state.status as 'awaiting_agent' | 'with_agent') : 'done',
    priority: handoff.priority,
    reasons: handoff.reasons.map((r) => r.detail).join('; '),
    summary: handoff.summary,
    customerName: handoff.profile?.name ?? state.identity?.firstName ?? ctx.input.customer?.name,
    claimedBy: handoff.owner?.agent,
    requestedAt: handoff.requestedAt,
    slaDueAt: state.status === 'awaiting_agent' ? handoff.slaDueAt : undefined,
    ...(handoff.language ? { language: handoff.language } : {}),
  });
}
