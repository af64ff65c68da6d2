import { isDeny } from '../decision';
import { draftProposal } from '../proposal';
import { itemsAsOrdered } from '../rules/items';
import { checkReturnableOrExchangeable } from '../rules/order-status';
import { checkRefundDestination, requireOwnedPaymentMethod } from '../rules/payment';
import type { Deny, PolicyContext, ProposalContent, ReturnDeliveredOrderItems } from '../types';
import { basisOf, customerRecord, ownedOrder } from './owned-order';

export const RETURN_NOTICE =
  'A return can be requested only once per order: make sure every item to return is listed. An email will explain how to send the items back.';

export function planReturnDeliveredOrderItems(request: ReturnDeliveredOrderItems, context: PolicyContext): ProposalContent | Deny {
  const owned = ownedOrder(request.orderId, context);
  if (isDeny(owned)) return owned;
  const { customerId, order } = owned;
  const notReturnable = checkReturnableOrExchangeable(order, context.history ?? {}, 'returned');
  if (notReturnable) return notReturnable;
  const customer = customerRecord(owned, context);
  if (isDeny(customer)) return customer;
  const method = requireOwnedPaymentMethod(customer, request.paymentMethodId);
  if (isDeny(method)) return method;
  const wrongDestination = checkRefundDestination(order, method);
  if (wrongDestination) return wrongDestination;
  const items = itemsAsOrdered(order, request.itemIds);
  if (isDeny(items)) return items;
  const refund = items.reduce((total, item) => total + item.priceCents, 0);
  return draftProposal('return_delivered_order_items', {
    customerId,
    orderId: order.id,
    basis: basisOf(order),
    items,
    paymentMethodId: method.id,
    refunds: [{ paymentMethodId: method.id, amountCents: refund }],
    refundTowardLimitCents: refund,
    notices: [RETURN_NOTICE],
  });
}
