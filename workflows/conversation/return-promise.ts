import type { CarriedState, PendingReturn } from '../../domain/conversation';
import { formatCents } from '../../domain/policy';
import { creditThroughSaga, delayedRefundNote, type MoneyNews } from './refund-credit';

/**
 * The returned parcel has arrived: each refund of the return runs as a refund saga (card and
 * PayPal through the provider, gift cards credited by the store), the items go back into stock,
 * and the customer is told. Returns the bot's message for the transcript.
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
    return `We received your return for order ${pending.orderId}, but the refund could not be completed. A colleague will look into it and get back to you.`;
  }
  const money = pending.refunds.map((r) => formatCents(r.amountCents)).join(' and ');
  if (!money) {
    (state.actions ??= []).push({ name: 'return_received', status: 'executed', detail: `items of order ${pending.orderId} received` });
    return `Good news: we received the items you sent back for order ${pending.orderId}.`;
  }
  if (news === 'delayed') {
    (state.actions ??= []).push({ name: 'return_refund', status: 'delayed', detail: `refund of ${money} for order ${pending.orderId}` });
    return `We received your return for order ${pending.orderId}. ${delayedRefundNote(pending.refunds)}`;
  }
  (state.actions ??= []).push({ name: 'return_refund', status: 'executed', detail: `refund of ${money} for order ${pending.orderId}` });
  return `Good news: we received your return for order ${pending.orderId}. Your refund of ${money} is on its way.`;
}
