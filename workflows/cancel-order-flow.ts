import { executeChild, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { CancelOrderFlow, CarriedState, MessageResult, ReplyOption } from '../domain/conversation';
import { chooseOption } from '../domain/dialogue/choose-option';
import { extractEmails, extractOrderIds, extractYesNo } from '../domain/entities';
import { CANCEL_REASONS, describeProposal, formatCents } from '../domain/policy';
import { RefundSagaWorkflow } from './refund-saga-workflow';

type Activities = ReturnType<typeof createActivities>;

const { identifyCustomerByEmail, orderOptions, performAction } = proxyActivities<Activities>({
  startToCloseTimeout: '20 seconds',
  retry: { maximumAttempts: 5, initialInterval: '500 milliseconds' },
});

type Reply = Omit<MessageResult, 'status'>;

const REASON_OPTIONS: ReplyOption[] = [
  { id: CANCEL_REASONS[0], label: 'I no longer need it' },
  { id: CANCEL_REASONS[1], label: 'I ordered it by mistake' },
];
const YES_NO: ReplyOption[] = [
  { id: 'yes', label: 'Yes, cancel it' },
  { id: 'no', label: 'No, keep it' },
];

const ask = (flow: CancelOrderFlow, text: string, awaiting: Reply['awaiting'], options?: ReplyOption[]): Reply => {
  flow.options = options;
  return { replies: [{ text }], intent: 'cancel_order', awaiting, ...(options ? { options } : {}) };
};

/** Starts the flow on a cancel request; the first message may already name the order. */
export async function startCancelOrder(state: CarriedState, text: string): Promise<Reply> {
  state.flow = { kind: 'cancel_order', step: 'email', orderId: extractOrderIds(text)[0] };
  if (!state.identity) return ask(state.flow, 'I can help you cancel an order. First, what is the e-mail address on your account?', 'email');
  return askForOrder(state, state.flow);
}

/** One customer answer inside the flow. */
export async function continueCancelOrder(state: CarriedState, text: string): Promise<Reply> {
  const flow = state.flow;
  if (!flow) throw new Error('no cancel flow is open');
  switch (flow.step) {
    case 'email': {
      const email = extractEmails(text)[0];
      if (!email) return ask(flow, 'Please give me the e-mail address you used to order (for example name@example.com).', 'email');
      const customer = await identifyCustomerByEmail({ email });
      if (!customer) return ask(flow, `I could not find an account for ${email}. Could you check the address and send it again?`, 'email');
      state.identity = customer;
      return askForOrder(state, flow);
    }
    case 'order_id': {
      const chosen = chooseOption(text, flow.options ?? []) ?? flow.options?.find((o) => o.id === extractOrderIds(text)[0]);
      if (!chosen) return ask(flow, 'That is not one of your orders that can still be cancelled. Which of these is it?', 'order_id', flow.options);
      flow.orderId = chosen.id;
      flow.step = 'reason';
      return ask(flow, `Why would you like to cancel order ${chosen.id}?`, 'reason', REASON_OPTIONS);
    }
    case 'reason': {
      const reason = chooseOption(text, REASON_OPTIONS);
      if (!reason) return ask(flow, 'Please choose one of these reasons:', 'reason', REASON_OPTIONS);
      flow.reason = reason.id;
      return propose(state, flow);
    }
    case 'confirmation': {
      const answer = chooseOption(text, YES_NO)?.id ?? extractYesNo(text);
      if (answer === 'no') {
        state.flow = undefined;
        return { replies: [{ text: `All right, order ${flow.orderId ?? ''} stays as it is. Anything else I can do?` }], intent: 'cancel_order' };
      }
      if (answer !== 'yes') return ask(flow, 'Shall I cancel it? Please answer yes or no.', 'confirmation', YES_NO);
      return carryOut(state, flow);
    }
  }
}

async function askForOrder(state: CarriedState, flow: CancelOrderFlow): Promise<Reply> {
  const identity = state.identity;
  if (!identity) return ask(flow, 'What is the e-mail address on your account?', 'email');
  const options = await orderOptions({ customerId: identity.customerId, statuses: ['pending'] });
  if (options.length === 0) {
    state.flow = undefined;
    return { replies: [{ text: `Thanks, ${identity.firstName}. You have no orders that can still be cancelled: only orders that have not been processed yet can be.` }], intent: 'cancel_order' };
  }
  flow.step = 'order_id';
  const named = options.find((o) => o.id === flow.orderId);
  if (named) {
    flow.step = 'reason';
    return ask(flow, `Thanks, ${identity.firstName}. Why would you like to cancel order ${named.id}?`, 'reason', REASON_OPTIONS);
  }
  return ask(flow, `Thanks, ${identity.firstName}. Which order would you like to cancel?`, 'order_id', options);
}

async function propose(state: CarriedState, flow: CancelOrderFlow): Promise<Reply> {
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

async function carryOut(state: CarriedState, flow: CancelOrderFlow): Promise<Reply> {
  const proposalId = flow.proposalId ?? '';
  const result = await performAction({ toolName: 'cancel_pending_order', kwargs: kwargsOf(flow), facts: factsOf(state, proposalId) });
  if (result.status !== 'executed') return refused(state, 'reason' in result ? result.reason : result.output);
  state.flow = undefined;
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
  return {
    replies: [{ text: `Done: order ${flow.orderId ?? ''} is cancelled.${money ? ` Your refund of ${money} is on its way; card and PayPal refunds usually arrive within 5-7 business days, gift card credit at once.` : ''}` }],
    intent: 'cancel_order',
    actions: [report],
  };
}

function refused(state: CarriedState, reason: string): Reply {
  state.flow = undefined;
  const report = { name: 'cancel_pending_order', status: 'denied' as const, detail: reason };
  (state.actions ??= []).push(report);
  return { replies: [{ text: `I cannot cancel that order: ${reason}` }], intent: 'cancel_order', actions: [report] };
}

const kwargsOf = (flow: CancelOrderFlow) => ({ order_id: flow.orderId ?? '', reason: flow.reason ?? '' });

const factsOf = (state: CarriedState, proposalId: string | null) => ({
  customerId: state.identity?.customerId ?? null,
  confirmation: proposalId ? { proposalId } : null,
  approvals: [],
  completedProposalIds: state.completedProposalIds ?? [],
});
