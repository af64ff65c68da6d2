import type { Reading } from '../../../domain/understanding/reading';
import { workflowInfo } from '@temporalio/workflow';
import type { CarriedState, ReplyOption, ReturnItemsFlow } from '../../../domain/conversation';
import { itemsNamedAtOpening, pickOne, pickSeveral } from './steps/choosing';
import { answerProposal, doneReply, proposeAction, type ActionSpec } from './steps/proposal';
import { customerFlow, statusesFor } from './dialogue-flow';
import { ask, withPreface, type FlowReply } from './replies';
import { orderItemOptions, refundMethodOptions, rememberReturnConversation } from '../../activity-proxies';
import { amountsOf, type Listener } from '../refund-credit';
import { say, labelLanguage } from '../speaking';

const returnSpec = (state: CarriedState, flow: ReturnItemsFlow): ActionSpec => ({
  request: { kind: 'return_delivered_order_items', orderId: flow.orderId ?? '', itemIds: flow.itemIds ?? [], paymentMethodId: flow.paymentMethodId ?? '' },
  yesNo: [
    { id: 'yes', label: say(state, 'Yes, return them') },
    { id: 'no', label: say(state, 'No, keep them') },
  ],
  cannot: 'I cannot request that return: {reason}',
});

/** The delivered order is chosen: which of its items go back? */
async function askItemsToReturn(state: CarriedState, flow: ReturnItemsFlow, preface = ''): Promise<FlowReply> {
  flow.step = 'items';
  const options = await orderItemOptions({ customerId: state.identity?.customerId ?? '', orderId: flow.orderId ?? '' });
  const named = itemsNamedAtOpening(flow, options);
  if (named) return withPreface(await itemsToReturnChosen(state, flow, named), preface);
  return ask(flow, `${preface}${say(state, 'Which items of order {orderId} would you like to return? You can name several, or say "all".', { orderId: flow.orderId ?? '' })}`, 'items', options);
}

/** The items are chosen: where should the money go? */
async function itemsToReturnChosen(state: CarriedState, flow: ReturnItemsFlow, items: readonly ReplyOption[]): Promise<FlowReply> {
  flow.itemIds = items.map((item) => item.id);
  flow.step = 'payment_method';
  const methods = await refundMethodOptions({ customerId: state.identity?.customerId ?? '', orderId: flow.orderId ?? '', ...labelLanguage(state) });
  return ask(flow, say(state, 'Where should the refund go? To the way you paid, or to a gift card:'), 'payment_method', methods);
}

/** Items → where the money goes → yes/no → the return is requested and its refund promised. */
async function continueReturn(state: CarriedState, flow: ReturnItemsFlow, reading: Reading): Promise<FlowReply> {
  if (flow.step === 'items') {
    const items = pickSeveral(flow, reading, flow.options ?? [], { awaiting: 'items', again: say(state, 'Which of these items? Name them, give their numbers, or say "all".'), what: 'items', state });
    return items.reply ?? itemsToReturnChosen(state, flow, items.picked);
  }
  if (flow.step === 'payment_method') {
    const method = pickOne(flow, reading, flow.options ?? [], { awaiting: 'payment_method', again: say(state, 'Please choose one of these for the refund:'), what: 'payment methods', state });
    if (method.reply) return method.reply;
    flow.paymentMethodId = method.picked.id;
    return proposeAction(state, flow, returnSpec(state, flow));
  }
  const declined = say(state, 'All right, nothing will be returned. Anything else I can do?');
  return answerProposal(state, flow, reading, { ...returnSpec(state, flow), declined }, async (result, proposalId) => {
    const orderId = flow.orderId ?? '';
    (state.pendingReturns ??= []).push({ orderId, proposalId, itemIds: flow.itemIds ?? [], refunds: result.refunds, received: false });
    await rememberReturnConversation({ orderId, workflowId: workflowInfo().workflowId });
    return doneReply(
      state,
      flow,
      'return_delivered_order_items',
      `return of order ${orderId} requested`,
      returnRequested(state, orderId, result.refunds),
    );
  });
}

/** The return's confirmation: how the parcel goes back, and the refund that follows it. */
export function returnRequested(state: Listener, orderId: string, refunds: readonly { amountCents: number }[]): string {
  return say(state, 'Done: the return for order {orderId} is requested. You will get an e-mail on how to send the items back; as soon as they reach us, your refund of {amount} is on its way, and I will let you know here.', {
    orderId,
    amount: amountsOf(state, refunds),
  });
}

/** Returning delivered items: which items, where the refund goes, yes/no; the refund waits for the parcel. */
export const returnItems = customerFlow<ReturnItemsFlow>({
  kind: 'return_items',
  opening: 'I can help you return items.',
  orders: {
    statuses: statusesFor('return'),
    which: 'Which order would you like to return items from?',
    noneLeft: 'You have no delivered orders that can still be returned.',
  },
  askNext: askItemsToReturn,
  continue: continueReturn,
});
