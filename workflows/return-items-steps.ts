import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { CarriedState, OrderFlow, ReplyOption } from '../domain/conversation';
import { chooseOption } from '../domain/dialogue/choose-option';
import { chooseOptions } from '../domain/dialogue/choose-options';
import { extractYesNo } from '../domain/entities';
import { describeProposal, formatCents } from '../domain/policy';
import { ask, finish, type FlowReply } from './flow-replies';

const { orderItemOptions, refundMethodOptions, performAction, rememberReturnConversation } = proxyActivities<
  ReturnType<typeof createActivities>
>({
  startToCloseTimeout: '20 seconds',
  retry: { maximumAttempts: 5, initialInterval: '500 milliseconds' },
});

const YES_NO: ReplyOption[] = [
  { id: 'yes', label: 'Yes, return them' },
  { id: 'no', label: 'No, keep them' },
];

/** The delivered order is chosen: which of its items go back? */
export async function askItemsToReturn(state: CarriedState, flow: OrderFlow, preface = ''): Promise<FlowReply> {
  flow.step = 'items';
  const options = await orderItemOptions({ customerId: state.identity?.customerId ?? '', orderId: flow.orderId ?? '' });
  return ask(flow, `${preface}Which items of order ${flow.orderId ?? ''} would you like to return? You can name several, or say "all".`, 'items', options);
}

/** Items → where the money goes → yes/no → the return is requested and its refund promised. */
export async function continueReturn(state: CarriedState, flow: OrderFlow, text: string): Promise<FlowReply> {
  const customerId = state.identity?.customerId ?? '';
  if (flow.step === 'items') {
    const items = chooseOptions(text, flow.options ?? []);
    if (!items) return ask(flow, 'Which of these items? Name them, give their numbers, or say "all".', 'items', flow.options);
    flow.itemIds = items.map((item) => item.id);
    flow.step = 'payment_method';
    const methods = await refundMethodOptions({ customerId, orderId: flow.orderId ?? '' });
    return ask(flow, 'Where should the refund go? To the way you paid, or to a gift card:', 'payment_method', methods);
  }
  if (flow.step === 'payment_method') {
    const method = chooseOption(text, flow.options ?? []);
    if (!method) return ask(flow, 'Please choose one of these for the refund:', 'payment_method', flow.options);
    flow.paymentMethodId = method.id;
    return propose(state, flow);
  }
  const answer = chooseOption(text, YES_NO)?.id ?? extractYesNo(text);
  if (answer === 'no') return finish(state, { replies: [{ text: 'All right, nothing will be returned. Anything else I can do?' }], intent: 'return_items' });
  if (answer !== 'yes') return ask(flow, 'Shall I request the return? Please answer yes or no.', 'confirmation', YES_NO);
  return carryOut(state, flow);
}

const kwargsOf = (flow: OrderFlow) => ({ order_id: flow.orderId ?? '', item_ids: flow.itemIds ?? [], payment_method_id: flow.paymentMethodId ?? '' });

const factsOf = (state: CarriedState, proposalId: string | null) => ({
  customerId: state.identity?.customerId ?? null,
  confirmation: proposalId ? { proposalId } : null,
  approvals: [],
  completedProposalIds: state.completedProposalIds ?? [],
});

async function propose(state: CarriedState, flow: OrderFlow): Promise<FlowReply> {
  const result = await performAction({ toolName: 'return_delivered_order_items', kwargs: kwargsOf(flow), facts: factsOf(state, null) });
  if (result.status === 'refused' && result.outcome === 'needs_confirmation' && result.proposal) {
    flow.step = 'confirmation';
    flow.proposalId = result.proposal.proposalId;
    const lines = describeProposal(result.proposal);
    return {
      ...ask(flow, `${lines.join(' ')} Shall I go ahead?`, 'confirmation', YES_NO),
      actions: [{ name: 'return_delivered_order_items', status: 'proposed', detail: lines.join(' ') }],
    };
  }
  return refused(state, 'reason' in result ? result.reason : 'output' in result ? result.output : 'it cannot be done');
}

async function carryOut(state: CarriedState, flow: OrderFlow): Promise<FlowReply> {
  const proposalId = flow.proposalId ?? '';
  const result = await performAction({ toolName: 'return_delivered_order_items', kwargs: kwargsOf(flow), facts: factsOf(state, proposalId) });
  if (result.status !== 'executed') return refused(state, 'reason' in result ? result.reason : result.output);
  (state.completedProposalIds ??= []).push(proposalId);
  const orderId = flow.orderId ?? '';
  (state.pendingReturns ??= []).push({ orderId, proposalId, itemIds: flow.itemIds ?? [], refunds: result.refunds, received: false });
  await rememberReturnConversation({ orderId, workflowId: workflowInfo().workflowId });
  const money = result.refunds.map((r) => formatCents(r.amountCents)).join(' and ');
  const report = { name: 'return_delivered_order_items', status: 'executed' as const, detail: `return of order ${orderId} requested` };
  (state.actions ??= []).push(report);
  return finish(state, {
    replies: [{ text: `Done: the return for order ${orderId} is requested. You will get an e-mail on how to send the items back; as soon as they reach us, your refund of ${money} is on its way, and I will let you know here.` }],
    intent: 'return_items',
    actions: [report],
  });
}

function refused(state: CarriedState, reason: string): FlowReply {
  const report = { name: 'return_delivered_order_items', status: 'denied' as const, detail: reason };
  (state.actions ??= []).push(report);
  return finish(state, { replies: [{ text: `I cannot request that return: ${reason}` }], intent: 'return_items', actions: [report] });
}
