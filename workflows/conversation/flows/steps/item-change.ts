import type { Expecting, Reading } from '../../../../domain/understanding/reading';
import { workflowInfo } from '@temporalio/workflow';
import type { RefundToMove } from '../../../../activities/perform-action';
import type { CarriedState, ExchangeItemsFlow, ModifyItemsFlow, ReplyOption } from '../../../../domain/conversation';
import { itemsNamedAtOpening, pickOne, pickSeveral } from './choosing';
import { money } from '../../../../domain/messages';
import { answerProposal, doneReply, proposeAction, type ActionSpec } from './proposal';
import { amountsOf, delayedRefundNote, refundThroughProvider, type Listener } from '../../refund-credit';
import { say, labelLanguage } from '../../speaking';
import { ask, finish, withPreface, type FlowReply } from '../replies';
import { orderItemOptions, refundMethodOptions, rememberReturnConversation, variantOptions } from '../../../activity-proxies';

type ItemChangeFlow = ModifyItemsFlow | ExchangeItemsFlow;

/** A pending order's item is changed at once; a delivered one is exchanged once it comes back. */
const kindFor = (flow: ItemChangeFlow) => (flow.kind === 'exchange_items' ? 'exchange_delivered_order_items' : 'modify_pending_order_items');

const modifySpec = (state: CarriedState, flow: ItemChangeFlow): ActionSpec => ({
  request: {
    kind: kindFor(flow),
    orderId: flow.orderId ?? '',
    itemIds: flow.itemIds ?? [],
    newItemIds: flow.newItemIds ?? [],
    paymentMethodId: flow.paymentMethodId ?? '',
  },
  yesNo: [
    { id: 'yes', label: say(state, 'Yes, change it') },
    { id: 'no', label: say(state, 'No, keep it as it is') },
  ],
  cannot: 'I cannot change that item: {reason}',
  // A gift card that cannot cover the difference: the customer picks another way to pay it.
  askAgain: {
    rules: ['gift-card-balance'],
    reply: (reason, state) => {
      const others = (flow.options ?? []).filter((o) => o.id !== flow.paymentMethodId);
      if (others.length === 0) return finish(state, { replies: [{ text: say(state, 'I cannot change that item: {reason}', { reason }) }], intent: flow.kind });
      flow.step = 'payment_method';
      return ask(flow, say(state, '{reason} Which other payment method should pay the difference?', { reason }), 'payment_method', others);
    },
  },
});

/** The order is chosen: which items should change? */
export async function askItemToModify(state: CarriedState, flow: ItemChangeFlow, preface = ''): Promise<FlowReply> {
  flow.step = 'items';
  const options = await orderItemOptions({ customerId: state.identity?.customerId ?? '', orderId: flow.orderId ?? '' });
  const named = itemsNamedAtOpening(flow, options);
  if (named) {
    flow.itemIds = [...new Set(named.map((item) => item.id))];
    flow.newItemIds = [];
    return withPreface(await askNewItem(state, flow, named), preface);
  }
  return ask(flow, `${preface}${say(state, 'Which items of order {orderId} would you like to change? You can name several.', { orderId: flow.orderId ?? '' })}`, 'items', options);
}

/**
 * Items → a new variant for each, one at a time → who pays or receives the difference → yes/no; a
 * refund leaves through the provider. All items go in one request: an order's items change only once.
 */
export async function continueModify(state: CarriedState, flow: ItemChangeFlow, reading: Reading): Promise<FlowReply> {
  const customerId = state.identity?.customerId ?? '';
  const orderId = flow.orderId ?? '';
  if (flow.step === 'items') {
    // A list of items, or one item named in a longer sentence.
    const items = pickSeveral(flow, reading, flow.options ?? [], { awaiting: 'items', again: say(state, 'Which of these items? Name them or give their numbers.'), what: 'items', state });
    if (items.reply) return items.reply;
    flow.itemIds = [...new Set(items.picked.map((item) => item.id))];
    flow.newItemIds = [];
    return askNewItem(state, flow, items.picked);
  }
  if (flow.step === 'new_items') {
    const variant = pickOne(flow, reading, flow.options ?? [], { awaiting: 'new_items', again: say(state, 'Please choose one of these options:'), what: 'options', state });
    if (variant.reply) return variant.reply;
    flow.newItemIds = [...(flow.newItemIds ?? []), variant.picked.id];
    if (flow.newItemIds.length < (flow.itemIds ?? []).length) {
      return askNewItem(state, flow, await orderItemOptions({ customerId, orderId }));
    }
    flow.step = 'payment_method';
    const methods = await refundMethodOptions({ customerId, orderId, anyMethod: true, ...labelLanguage(state) });
    return ask(flow, say(state, 'Which payment method should pay, or receive, the price difference?'), 'payment_method', methods);
  }
  if (flow.step === 'payment_method') {
    const method = pickOne(flow, reading, flow.options ?? [], { awaiting: 'payment_method', again: say(state, 'Please choose one of these payment methods:'), what: 'payment methods', state });
    if (method.reply) return method.reply;
    flow.paymentMethodId = method.picked.id;
    return proposeAction(state, flow, modifySpec(state, flow));
  }
  // "No, the blue one": the last item's new option is corrected and a new proposal made.
  const corrected = correctedVariant(flow, reading);
  if (corrected) {
    flow.newItemIds = [...(flow.newItemIds ?? []).slice(0, -1), corrected.id];
    return proposeAction(state, flow, modifySpec(state, flow));
  }
  const declined = say(state, 'All right, order {orderId} stays as it is. Anything else I can do?', { orderId });
  return answerProposal(state, flow, reading, { ...modifySpec(state, flow), declined }, async (result, proposalId) => {
    if (flow.kind === 'exchange_items') return exchangeRequested(state, flow, result.refunds, proposalId);
    const news = await refundThroughProvider(state, { orderId, proposalId, action: 'modify_pending_order_items', refunds: result.refunds, purpose: 'price_difference' });
    const difference = result.proposal.priceDifferenceCents ?? 0;
    const method = result.proposal.paymentMethodId ?? '';
    const moneyNote =
      difference < 0 && news === 'delayed' ? ` ${say(state, 'The price difference is to be refunded to {method}.', { method })} ${delayedRefundNote(result.refunds, state)}`
      : difference < 0 ? ` ${say(state, 'The price difference of {amount} is refunded to {method}.', { amount: money(-difference), method })}`
      : difference > 0 ? ` ${say(state, 'The price difference of {amount} is charged to {method}.', { amount: money(difference), method })}`
      : '';
    const several = (flow.itemIds ?? []).length > 1;
    const what = several ? 'items' : 'item';
    const done = several ? say(state, 'Done: the items on order {orderId} are changed.', { orderId }) : say(state, 'Done: the item on order {orderId} is changed.', { orderId });
    return doneReply(state, flow, 'modify_pending_order_items', `${what} changed on order ${orderId}`, `${done}${moneyNote}`, news === 'delayed' ? 'delayed' : 'executed');
  });
}

/** Another of the options offered for the last item, named at the confirmation instead of a plain yes or no. */
export function itemChangeAlternatives(flow: ItemChangeFlow): Expecting['alternatives'] {
  if (flow.step !== 'confirmation' || !flow.variantOptions) return undefined;
  const current = (flow.newItemIds ?? []).at(-1);
  return { options: flow.variantOptions, hints: { ...(flow.replacing ? { like: flow.replacing } : {}), ...(current ? { currentId: current } : {}) } };
}


function correctedVariant(flow: ItemChangeFlow, reading: Reading): ReplyOption | undefined {
  const chosen = reading.alternative;
  return chosen && chosen.id !== (flow.newItemIds ?? []).at(-1) ? chosen : undefined;
}

/** What the next chosen item without a new variant should become; `items` are the order's item options, for their labels. */
async function askNewItem(state: CarriedState, flow: ItemChangeFlow, items: readonly ReplyOption[]): Promise<FlowReply> {
  const itemId = (flow.itemIds ?? [])[(flow.newItemIds ?? []).length] ?? '';
  const label = items.find((item) => item.id === itemId)?.label ?? itemId;
  const variants = await variantOptions({ customerId: state.identity?.customerId ?? '', orderId: flow.orderId ?? '', itemId, ...labelLanguage(state) });
  if (variants.length === 0) {
    return finish(state, { replies: [{ text: say(state, '{item} has no other option in stock at the moment, so it cannot be changed.', { item: label }) }], intent: flow.kind });
  }
  flow.step = 'new_items';
  flow.variantOptions = variants;
  flow.replacing = label;
  return ask(flow, say(state, 'What would you like instead of {item}?', { item: label }), 'new_items', variants);
}

/** The exchange is requested: the new item ships once the old one is back, and so does any refund of the difference. */
async function exchangeRequested(state: CarriedState, flow: ItemChangeFlow, refunds: RefundToMove[], proposalId: string): Promise<FlowReply> {
  const orderId = flow.orderId ?? '';
  (state.pendingReturns ??= []).push({ orderId, proposalId, itemIds: flow.itemIds ?? [], refunds, received: false, purpose: 'price_difference' });
  await rememberReturnConversation({ orderId, workflowId: workflowInfo().workflowId });
  return doneReply(state, flow, 'exchange_delivered_order_items', `exchange on order ${orderId} requested`, exchangeDone(state, orderId, (flow.itemIds ?? []).length > 1, refunds));
}

/** The exchange's confirmation: one whole sentence for one item or several, with or without a difference refunded. */
export function exchangeDone(state: Listener, orderId: string, several: boolean, refunds: readonly { amountCents: number }[]): string {
  if (refunds.length === 0) {
    return several
      ? say(state, 'Done: the exchange for order {orderId} is requested. You will get an e-mail on how to send the items back; once they reach us, the new ones ship.', { orderId })
      : say(state, 'Done: the exchange for order {orderId} is requested. You will get an e-mail on how to send the item back; once it reaches us, the new one ships.', { orderId });
  }
  const amount = amountsOf(state, refunds);
  return several
    ? say(state, 'Done: the exchange for order {orderId} is requested. You will get an e-mail on how to send the items back; once they reach us, the new ones ship and the price difference of {amount} is refunded.', { orderId, amount })
    : say(state, 'Done: the exchange for order {orderId} is requested. You will get an e-mail on how to send the item back; once it reaches us, the new one ships and the price difference of {amount} is refunded.', { orderId, amount });
}
