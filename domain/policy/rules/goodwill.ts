import { deny } from '../decision';
import { formatCents } from '../money';
import type { Deny, Order } from '../types';

/** A credit is positive and, with earlier goodwill on the order, never more than the customer paid for it. */
export function checkGoodwillAmount(order: Order, amountCents: number, netPaidCents: number, earlierCents: number): Deny | undefined {
  if (amountCents <= 0) return deny('goodwill-amount', 'A goodwill credit must be more than $0.00.');
  const room = netPaidCents - earlierCents;
  if (amountCents > room) {
    return deny(
      'goodwill-amount',
      `A goodwill credit of ${formatCents(amountCents)} is more than remains of what was paid for order ${order.id} (${formatCents(Math.max(0, room))}).`,
    );
  }
  return undefined;
}
