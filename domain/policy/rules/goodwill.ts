import { deny } from '../decision';
import type { Deny, Order } from '../types';
import { money } from '../../messages';
import { words } from '../wording';

/** A credit is positive and, with earlier goodwill on the order, never more than the customer paid for it. */
export function checkGoodwillAmount(order: Order, amountCents: number, netPaidCents: number, earlierCents: number): Deny | undefined {
  if (amountCents <= 0) return deny('goodwill-amount', words('A goodwill credit must be more than {amount}.', { amount: money(0) }));
  const room = netPaidCents - earlierCents;
  if (amountCents > room) {
    return deny(
      'goodwill-amount',
      words('A goodwill credit of {amount} is more than remains of what was paid for order {orderId} ({remaining}).', {
        amount: money(amountCents),
        orderId: order.id,
        remaining: money(Math.max(0, room)),
      }),
    );
  }
  return undefined;
}
