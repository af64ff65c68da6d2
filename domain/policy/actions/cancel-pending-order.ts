import { isDeny } from '../decision';
import { draftProposal } from '../proposal';
import { netPaidByMethod, sumCents } from '../records';
import { requireCancelReason } from '../rules/cancel-reason';
import { checkCancellable } from '../rules/order-status';
import type { CancelPendingOrder, Deny, PolicyContext, ProposalContent } from '../types';
import { basisOf, ownedOrder } from './owned-order';

/**
 * Cancel a pending order for one of the two accepted reasons. Everything paid is refunded to the method
 * that paid it (net of earlier refunds, so a changed payment method is not refunded twice).
 */
export function planCancelPendingOrder(request: CancelPendingOrder, context: PolicyContext): ProposalContent | Deny {
  const owned = ownedOrder(request.orderId, context);
  if (isDeny(owned)) return owned;
  const { customerId, order } = owned;
  const notCancellable = checkCancellable(order, context.history ?? {});
  if (notCancellable) return notCancellable;
  const reason = requireCancelReason(request.reason);
  if (isDeny(reason)) return reason;
  const refunds = netPaidByMethod(order);
  return draftProposal('cancel_pending_order', {
    customerId,
    orderId: order.id,
    basis: basisOf(order),
    reason,
    refunds,
    refundTowardLimitCents: sumCents(refunds),
    notices: ['The refund goes to the original payment method: at once for a gift card, otherwise within 5 to 7 business days.'],
  });
}
