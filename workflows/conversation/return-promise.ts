import type { CarriedState, PendingReturn } from '../../domain/conversation';
import { formatCents } from '../../domain/policy';
import { amountsOf, creditThroughSaga, delayedRefundNote, type MoneyNews } from './refund-credit';
import { say } from './speaking';

/**
 * The returned parcel has arrived: each refund of the return runs as a refund saga (card and
 * PayPal through the provider, gift cards credited by the store), the items go back into stock,
 * and the customer is told, in the language the conversation has now (the parcel may come days after
 * the promise). Returns the bot's message for the transcript.
 */
export async function keepReturnPromise(state: CarriedState, pending: PendingReturn): Promise<string> {
  let news: MoneyNews;
  try {
    news = await creditThroughSaga(state, {
      orderId: pending.orderId,
      proposalId: pending.proposalId,
      action: 'return_refund',
      refunds: pending.refunds,
      purpose: pending.purpose ?? 'return',
      restockItemIds: pending.itemIds,
    });
  } catch {
    // Only sagas started before they reported back by signal can fail here.
    (state.actions ??= []).push({ name: 'return_refund', status: 'compensated', detail: `the refund for order ${pending.orderId} could not be completed and was undone` });
    return say(state, 'We received your return for order {orderId}, but the refund could not be completed. A colleague will look into it and get back to you.', { orderId: pending.orderId });
  }
  const orderId = pending.orderId;
  const money = pending.refunds.map((r) => formatCents(r.amountCents)).join(' and ');
  if (!money) {
    (state.actions ??= []).push({ name: 'return_received', status: 'executed', detail: `items of order ${pending.orderId} received` });
    return say(state, 'Good news: we received the items you sent back for order {orderId}.', { orderId });
  }
  if (news === 'delayed') {
    (state.actions ??= []).push({ name: 'return_refund', status: 'delayed', detail: `refund of ${money} for order ${pending.orderId}` });
    return `${say(state, 'We received your return for order {orderId}.', { orderId })} ${delayedRefundNote(pending.refunds, state)}`;
  }
  (state.actions ??= []).push({ name: 'return_refund', status: 'executed', detail: `refund of ${money} for order ${pending.orderId}` });
  return say(state, 'Good news: we received your return for order {orderId}. Your refund of {amount} is on its way.', { orderId, amount: amountsOf(state, pending.refunds) });
}
