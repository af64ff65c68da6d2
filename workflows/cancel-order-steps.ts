import { executeChild, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { CarriedState, OrderFlow, ReplyOption } from '../domain/conversation';
import { chooseOption } from '../domain/dialogue/choose-option';
import { extractYesNo } from '../domain/entities';
import { CANCEL_REASONS, describeProposal, formatCents } from '../domain/policy';
import { ask, finish, type FlowReply } from './flow-replies';
import { RefundSagaWorkflow } from './refund-saga-workflow';

type Activities = ReturnType<typeof createActivities>;

const { performAction } = proxyActivities<Activities>({
  startToCloseTimeout: '20 seconds',
  retry: { maximumAttempts: 5, initialInterval: '500 milliseconds' },
});

const REASON_OPTIONS: ReplyOption[] = [
  { id: CANCEL_REASONS[0], label: 'I no longer need it' },
  { id: CANCEL_REASONS[1], label: 'I ordered it by mistake' },
];
const YES_NO: ReplyOption[] = [
  { id: 'yes', label: 'Yes, cancel it' },
  { id: 'no', label: 'No, keep it' },
];

/** The order is chosen: ask why. */
export function askReason(flow: OrderFlow, preface = ''): FlowReply {
  flow.step = 'reason';
  return ask(flow, `${preface}Why would you like to cancel order ${flow.orderId ?? ''}?`, 'reason', REASON_OPTIONS);
}

/** The cancel-specific answers: the reason, then yes or no to the proposal. */
export async function continueCancel(state: CarriedState, flow: OrderFlow, text: string): Promise<FlowReply> {
  if (flow.step === 'reason') {
    const reason = chooseOption(text, REASON_OPTIONS);
    if (!reason) return ask(flow, 'Please choose one of these reasons:', 'reason', REASON_OPTIONS);
    flow.reason = reason.id;
    return propose(state, flow);
  }
  const answer = chooseOption(text, YES_NO)?.id ?? extractYesNo(text);
  if (answer === 'no') {
    return finish(state, { replies: [{ text: `All right, order ${flow.orderId ?? ''} stays as it is. Anything else I can do?` }], intent: 'cancel_order' });
  }
  if (answer !== 'yes') return ask(flow, 'Shall I cancel it? Please answer yes or no.', 'confirmation', YES_NO);
  return carryOut(state, flow);
}

async function propose(state: CarriedState, flow: OrderFlow): Promise<FlowReply> {
  const result = await performAction({ toolName: 'cancel_pending_order', kwargs: kwargsOf(flow), facts: factsOf(state, null) });
  if (result.status === 'refused' && result.outcome === 'needs_confirmation' && result.proposal) {
    flow.step = 'confirmation';
    flow.proposalId = result.proposal.proposalId;
    const lines = describeProposal(result.proposal);
    return {
      ...ask(flow, `${lines.join(' ')} Shall I go ahead?`, 'confirmation', YES_NO),
      actions: [{ name: 'cancel_pending_order', status: 'proposed', detail: lines.join(' ') }],
    };
  }
  return refused(state, result.status === 'executed' ? 'it was already done' : 'reason' in result ? result.reason : result.output);
}

async function carryOut(state: CarriedState, flow: OrderFlow): Promise<FlowReply> {
  const proposalId = flow.proposalId ?? '';
  const result = await performAction({ toolName: 'cancel_pending_order', kwargs: kwargsOf(flow), facts: factsOf(state, proposalId) });
  if (result.status !== 'executed') return refused(state, 'reason' in result ? result.reason : result.output);
  (state.completedProposalIds ??= []).push(proposalId);
  // Card and PayPal money goes back through the payment provider as a saga; gift cards were credited by the store.
  const external = result.refunds.filter((r) => r.source !== 'gift_card');
  for (const [index, refund] of external.entries()) {
    await executeChild(RefundSagaWorkflow, {
      workflowId: `${workflowInfo().workflowId}-refund-${proposalId}-${index}`,
      args: [
        {
          orderId: flow.orderId ?? '',
          customerId: state.identity?.customerId ?? '',
          paymentMethodId: refund.paymentMethodId,
          amountCents: refund.amountCents,
          purpose: 'cancellation',
          recordOnOrder: false,
          restockItemIds: [],
          notification: `Your refund of ${formatCents(refund.amountCents)} for order ${flow.orderId ?? ''} is on its way.`,
        },
      ],
    });
  }
  const money = result.refunds.map((r) => `${formatCents(r.amountCents)} to ${r.paymentMethodId}`).join(' and ');
  const report = { name: 'cancel_pending_order', status: 'executed' as const, detail: `order ${flow.orderId ?? ''} cancelled` };
  (state.actions ??= []).push(report);
  return finish(state, {
    replies: [{ text: `Done: order ${flow.orderId ?? ''} is cancelled.${money ? ` Your refund of ${money} is on its way; card and PayPal refunds usually arrive within 5-7 business days, gift card credit at once.` : ''}` }],
    intent: 'cancel_order',
    actions: [report],
  });
}

function refused(state: CarriedState, reason: string): FlowReply {
  const report = { name: 'cancel_pending_order', status: 'denied' as const, detail: reason };
  (state.actions ??= []).push(report);
  return finish(state, { replies: [{ text: `I cannot cancel that order: ${reason}` }], intent: 'cancel_order', actions: [report] });
}

const kwargsOf = (flow: OrderFlow) => ({ order_id: flow.orderId ?? '', reason: flow.reason ?? '' });

const factsOf = (state: CarriedState, proposalId: string | null) => ({
  customerId: state.identity?.customerId ?? null,
  confirmation: proposalId ? { proposalId } : null,
  approvals: [],
  completedProposalIds: state.completedProposalIds ?? [],
});
