import type { Reading } from '../../../../domain/understanding/reading';
import { patched } from '@temporalio/workflow';
import type { PerformActionResult } from '../../../../activities/perform-action';
import type { CarriedState, ProposingFlow, ReplyOption } from '../../../../domain/conversation';
import { approvalWords, describeProposal, proposalChangeWords, proposalWords, sayWords, type ActionKind, type ActionRequest, type Proposal, type Words } from '../../../../domain/policy';
import { parkForApproval } from '../../approvals';
import { ask, finish, type FlowReply } from '../replies';
import { performAction } from '../../../activity-proxies';
import { rememberExecution } from '../../outcome';
import { labelLanguage, say } from '../../speaking';
import type { MessageKey } from '../../../../domain/messages';
import { REPROPOSE_PATCH } from '../../patches';

/** One consequential action of a flow: the request, in the policy's own terms, and how to talk about it. */
export interface ActionSpec {
  /** Its kind also names the action in the reports the API returns. */
  request: ActionRequest;
  /** The yes/no buttons, worded for this action. */
  yesNo: ReplyOption[];
  /** "I cannot cancel that order: {reason}": the refusal, a whole sentence so each language orders its own words. */
  cannot: MessageKey;
  /**
   * Refusals the customer can fix with another answer (a gift card short of the amount): ask again instead
   * of ending. The reason comes in the customer's language (the policy's English in an English conversation).
   */
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
    onProposal?.(result.proposal.proposalId);
    return askToConfirm(state, flow, spec, result.proposal);
  }
  if (result.status === 'refused' && result.rule && spec.askAgain?.rules.includes(result.rule)) return spec.askAgain.reply(whyNot(state, result).said, state);
  return refusedReply(state, flow, spec, whyNot(state, result));
}

/**
 * The customer's answer to the proposal: no leaves everything as it is, yes performs exactly the
 * confirmed proposal (the action door refuses any other), anything else asks again.
 */
export async function answerProposal(
  state: CarriedState,
  flow: ProposingFlow,
  reading: Reading,
  spec: ActionSpec & { declined: string },
  onDone: (result: Extract<PerformActionResult, { status: 'executed' }>, proposalId: string) => Promise<FlowReply>,
): Promise<FlowReply> {
  const picked = reading.choice?.kind === 'one' ? reading.choice.option.id : undefined;
  const answer = (spec.yesNo.some((o) => o.id === picked) ? picked : undefined) ?? reading.entities.yesNo;
  if (answer === 'no') return finish(state, { replies: [{ text: spec.declined }], intent: flow.kind });
  if (answer !== 'yes') return ask(flow, say(state, 'Shall I go ahead? Please answer yes or no.'), 'confirmation', spec.yesNo);
  const proposalId = flow.proposalId ?? '';
  const result = await performAction({ request: spec.request, facts: factsOf(state, flow, proposalId), ...labelLanguage(state) });
  // The policy would now propose something else than what the customer agreed to (the order changed, or
  // the settings did, e.g. across a restart): say what changed and ask again. Before this patch the flow
  // ended in a refusal, and the next message of such a history took another path.
  if (result.status === 'refused' && result.outcome === 'needs_confirmation' && result.proposal && patched(REPROPOSE_PATCH)) {
    const changes = flow.proposal ? proposalChangeWords(flow.proposal, result.proposal) : [];
    const what = changes.length > 0 ? sayLines(state, changes) : say(state, 'The details have changed since I described it.');
    const preface = say(state, 'I have not done that yet, because something changed since I proposed it. {changes} Here is what I can do now:', { changes: what });
    return askToConfirm(state, flow, spec, result.proposal, `${preface} `);
  }
  if (result.status === 'refused' && result.outcome === 'needs_approval') {
    const saidReason = result.proposal ? sayPolicy(state, approvalWords(result.proposal) ?? result.reason) : result.reason;
    return parkForApproval(state, flow, result.proposal ? describeProposal(result.proposal).join(' ') : spec.request.kind, result.reason, saidReason);
  }
  if (result.status !== 'executed') return refusedReply(state, flow, spec, whyNot(state, result));
  (state.completedProposalIds ??= []).push(proposalId);
  rememberExecution({ state }, spec.request);
  return onDone(result, proposalId);
}

/** The policy's worded text in the conversation's language, the English of each template kept beside it. */
export function sayPolicy(state: Pick<CarriedState, 'language' | 'spoken'>, text: Words): string {
  return sayWords(text, (key, params) => say(state, key, params));
}

const sayLines = (state: Pick<CarriedState, 'language' | 'spoken'>, lines: readonly Words[]): string => lines.map((line) => sayPolicy(state, line)).join(' ');

/** Shows the proposal (after a preface, when given) and waits for the customer's yes or no to exactly it. */
function askToConfirm(state: CarriedState, flow: ProposingFlow, spec: ActionSpec, proposal: Proposal, preface = ''): FlowReply {
  flow.step = 'confirmation';
  flow.proposalId = proposal.proposalId;
  flow.proposal = proposal;
  // The customer reads the proposal in their language; the action's detail stays English for agents and audits.
  const shown = spec.describe?.(proposal) ?? sayLines(state, proposalWords(proposal));
  return {
    ...ask(flow, `${preface}${shown} ${say(state, 'Shall I go ahead?')}`, 'confirmation', spec.yesNo),
    actions: [{ name: spec.request.kind, status: 'proposed', detail: describeProposal(proposal).join(' ') }],
  };
}

/** Why an action was not done: in English for the action's report, and as said to the customer. */
export interface WhyNot {
  english: string;
  said: string;
}

export function refusedReply(state: CarriedState, flow: ProposingFlow, spec: ActionSpec, why: WhyNot): FlowReply {
  const report = { name: spec.request.kind, status: 'denied' as const, detail: why.english };
  (state.actions ??= []).push(report);
  return finish(state, { replies: [{ text: say(state, spec.cannot, { reason: why.said }) }], intent: flow.kind, actions: [report] });
}

/** Records the executed action and closes the flow with the bot's account of it. */
/** The action is carried out; `delayed` when its refund has not moved yet (the saga reports back). */
export function doneReply(state: CarriedState, flow: ProposingFlow, action: ActionKind, detail: string, text: string, status: 'executed' | 'delayed' = 'executed'): FlowReply {
  const report = { name: action, status, detail };
  (state.actions ??= []).push(report);
  return finish(state, { replies: [{ text }], intent: flow.kind, actions: [report] });
}

/**
 * A denial the policy worded is said in the customer's language. A result recorded before the policy
 * worded its reasons, another refusal (confirmation, approval) or the store's own error stays in English.
 */
function whyNot(state: CarriedState, result: PerformActionResult): WhyNot {
  if (result.status === 'executed') return { english: 'it was already done', said: say(state, 'it was already done') };
  if (result.status === 'failed') return { english: result.output, said: result.output };
  return { english: result.reason, said: result.wording ? sayPolicy(state, result.wording) : result.reason };
}
