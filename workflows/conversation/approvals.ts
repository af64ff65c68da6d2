import { workflowInfo } from '@temporalio/workflow';
import type { CarriedState, ProposingFlow } from '../../domain/conversation';
import { DEFAULT_APPROVAL_TIMEOUT_MS, later, type ConversationContext } from './context';
import type { FlowReply } from './flows/replies';
import { notifyStaff, recordApprovalRequest, settleApprovalRequest } from '../activity-proxies';
import { say } from './speaking';

/**
 * The customer said yes to a proposal over the automatic limit: it waits for a supervisor. The
 * flow is parked (the customer may ask other things meanwhile) and resumes once approved.
 */
/** `reason` stays English for the supervisor and the audit; `saidReason` is the same reason in the customer's language. */
export function parkForApproval(state: CarriedState, flow: ProposingFlow, detail: string, reason: string, saidReason = reason): FlowReply {
  state.pendingApproval = {
    proposalId: flow.proposalId ?? '',
    role: 'supervisor',
    reason,
    detail,
    requestedAt: '',
    flow: { ...flow, options: undefined },
  };
  state.flow = undefined;
  return {
    replies: [{ text: say(state, "This needs a supervisor's approval ({reason}). I have asked for it, and I will tell you here as soon as they decide. Nothing has changed yet.", { reason: saidReason }) }],
    intent: flow.kind,
    actions: [{ name: flow.kind, status: 'proposed', detail: `waiting for supervisor approval: ${detail}` }],
  };
}

/** Registers a freshly parked approval with the supervisors and starts its clock. */
export async function registerApproval(ctx: ConversationContext): Promise<void> {
  const pending = ctx.state.pendingApproval;
  if (!pending || pending.dueAt) return;
  const at = ctx.now();
  pending.requestedAt = at;
  pending.dueAt = later(at, ctx.input.approvalTimeoutMs ?? DEFAULT_APPROVAL_TIMEOUT_MS);
  ctx.decide({ seq: ctx.state.nextSeq - 1, kind: 'approval', reason: `asked a ${pending.role} to approve ${pending.proposalId}: ${pending.reason}` });
  await recordApprovalRequest({
    proposalId: pending.proposalId,
    conversationId: ctx.input.conversationId,
    workflowId: workflowInfo().workflowId,
    role: pending.role,
    action: pending.flow.kind,
    detail: pending.detail,
    reason: pending.reason,
    requestedAt: at,
  });
  await notifyStaff({
    eventKey: `${workflowInfo().workflowId}:approval:${pending.proposalId}`,
    audience: 'supervisor',
    kind: 'approval_requested',
    conversationId: ctx.input.conversationId,
    text: `Approval needed for conversation ${ctx.input.conversationId}: ${pending.detail} (${pending.reason}).`,
    at,
  });
}

export type ApprovalOutcome = { kind: 'approved'; flow: ProposingFlow } | { kind: 'denied' | 'timed_out'; detail: string; reason: string };

/** Closes the approval request: approved resumes the flow with the approval; otherwise a person takes over. */
export async function settleApproval(ctx: ConversationContext, timedOut: boolean): Promise<ApprovalOutcome | undefined> {
  const pending = ctx.state.pendingApproval;
  if (!pending) return undefined;
  const decision = pending.decision;
  if (!decision && !timedOut) return undefined;
  ctx.state.pendingApproval = undefined;
  const at = ctx.now();
  if (decision?.approved) {
    await settleApprovalRequest({ conversationId: ctx.input.conversationId, proposalId: pending.proposalId, status: 'approved', decidedBy: decision.by, at });
    (ctx.state.agentActions ??= []).push({ at, by: decision.by, ...(decision.name ? { name: decision.name } : {}), role: decision.role, action: 'approve', detail: pending.detail });
    ctx.decide({ seq: ctx.state.nextSeq - 1, kind: 'approval', reason: `approved by ${decision.role} ${decision.by}` });
    const approvals = [...(pending.flow.approvals ?? []), { proposalId: pending.proposalId, role: decision.role, by: decision.by }];
    return { kind: 'approved', flow: { ...pending.flow, step: 'confirmation', approvals } };
  }
  if (decision) {
    await settleApprovalRequest({ conversationId: ctx.input.conversationId, proposalId: pending.proposalId, status: 'denied', decidedBy: decision.by, at });
    (ctx.state.agentActions ??= []).push({ at, by: decision.by, ...(decision.name ? { name: decision.name } : {}), role: decision.role, action: 'deny', ...(decision.reason ? { detail: decision.reason } : {}) });
    ctx.decide({ seq: ctx.state.nextSeq - 1, kind: 'approval', reason: `denied by ${decision.role} ${decision.by}${decision.reason ? `: ${decision.reason}` : ''}` });
    return { kind: 'denied', detail: pending.detail, reason: decision.reason ?? 'no reason given' };
  }
  await settleApprovalRequest({ conversationId: ctx.input.conversationId, proposalId: pending.proposalId, status: 'timed_out', at });
  ctx.decide({ seq: ctx.state.nextSeq - 1, kind: 'approval', reason: `no ${pending.role} decided by ${pending.dueAt}` });
  return { kind: 'timed_out', detail: pending.detail, reason: 'nobody decided in time' };
}
