import type { PerformActionResult } from '../../../../activities/perform-action';
import type { CarriedState, ProposingFlow, ReplyOption } from '../../../../domain/conversation';
import { chooseOption } from '../../../../domain/dialogue/choose-option';
import { extractYesNo } from '../../../../domain/entities';
import { describeProposal, type ActionKind, type ActionRequest, type Proposal } from '../../../../domain/policy';
import { parkForApproval } from '../../approvals';
import { ask, finish, type FlowReply } from '../replies';
import { performAction } from '../../../activity-proxies';

/** One consequential action of a flow: the request, in the policy's own terms, and how to talk about it. */
export interface ActionSpec {
  /** Its kind also names the action in the reports the API returns. */
  request: ActionRequest;
  /** The yes/no buttons, worded for this action. */
  yesNo: ReplyOption[];
  /** "cancel that order", "request that return": what the bot cannot do when refused. */
  whatCannotBeDone: string;
  /** Refusals the customer can fix with another answer (a gift card short of the amount): ask again instead of ending. */
  askAgain?: { rules: readonly string[]; reply(reason: string, state: CarriedState): FlowReply };
  /** The proposal in the customer's words (labels instead of ids); describeProposal's lines when absent. */
  describe?: (proposal: Proposal) => string;
}

const factsOf = (state: CarriedState, flow: ProposingFlow, proposalId: string | null) => ({
  customerId: state.identity?.customerId ?? null,
  confirmation: proposalId ? { proposalId } : null,
  approvals: flow.approvals ?? [],
  completedProposalIds: state.completedProposalIds ?? [],
});

/** Asks the policy (through the action door) for the concrete proposal, and the customer for a yes. */
export async function proposeAction(
  state: CarriedState,
  flow: ProposingFlow,
  spec: ActionSpec,
  /** Called with the proposal before the customer is asked (an offer by a supervisor approves it here). */
  onProposal?: (proposalId: string) => void,
): Promise<FlowReply> {
  const result = await performAction({ request: spec.request, facts: factsOf(state, flow, null) });
  if (result.status === 'refused' && result.outcome === 'needs_confirmation' && result.proposal) {
    flow.step = 'confirmation';
    flow.proposalId = result.proposal.proposalId;
    onProposal?.(result.proposal.proposalId);
    const lines = describeProposal(result.proposal).join(' ');
    return {
      ...ask(flow, `${spec.describe?.(result.proposal) ?? lines} Shall I go ahead?`, 'confirmation', spec.yesNo),
      actions: [{ name: spec.request.kind, status: 'proposed', detail: lines }],
    };
  }
  if (result.status === 'refused' && result.rule && spec.askAgain?.rules.includes(result.rule)) return spec.askAgain.reply(result.reason, state);
  return refusedReply(state, flow, spec, whyNot(result));
}

/**
 * The customer's answer to the proposal: no leaves everything as it is, yes performs exactly the
 * confirmed proposal (the action door refuses any other), anything else asks again.
 */
export async function answerProposal(
  state: CarriedState,
  flow: ProposingFlow,
  text: string,
  spec: ActionSpec & { declined: string },
  onDone: (result: Extract<PerformActionResult, { status: 'executed' }>, proposalId: string) => Promise<FlowReply>,
): Promise<FlowReply> {
  const answer = chooseOption(text, spec.yesNo)?.id ?? extractYesNo(text);
  if (answer === 'no') return finish(state, { replies: [{ text: spec.declined }], intent: flow.kind });
  if (answer !== 'yes') return ask(flow, 'Shall I go ahead? Please answer yes or no.', 'confirmation', spec.yesNo);
  const proposalId = flow.proposalId ?? '';
  const result = await performAction({ request: spec.request, facts: factsOf(state, flow, proposalId) });
  if (result.status === 'refused' && result.outcome === 'needs_approval') {
    return parkForApproval(state, flow, result.proposal ? describeProposal(result.proposal).join(' ') : spec.request.kind, result.reason);
  }
  if (result.status !== 'executed') return refusedReply(state, flow, spec, whyNot(result));
  (state.completedProposalIds ??= []).push(proposalId);
  return onDone(result, proposalId);
}

export function refusedReply(state: CarriedState, flow: ProposingFlow, spec: ActionSpec, reason: string): FlowReply {
  const report = { name: spec.request.kind, status: 'denied' as const, detail: reason };
  (state.actions ??= []).push(report);
  return finish(state, { replies: [{ text: `I cannot ${spec.whatCannotBeDone}: ${reason}` }], intent: flow.kind, actions: [report] });
}

/** Records the executed action and closes the flow with the bot's account of it. */
/** The action is carried out; `delayed` when its refund has not moved yet (the saga reports back). */
export function doneReply(state: CarriedState, flow: ProposingFlow, action: ActionKind, detail: string, text: string, status: 'executed' | 'delayed' = 'executed'): FlowReply {
  const report = { name: action, status, detail };
  (state.actions ??= []).push(report);
  return finish(state, { replies: [{ text }], intent: flow.kind, actions: [report] });
}

function whyNot(result: PerformActionResult): string {
  if (result.status === 'executed') return 'it was already done';
  return result.status === 'refused' ? result.reason : result.output;
}
