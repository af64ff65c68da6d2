import { isDeny } from '../decision';
import { draftProposal } from '../proposal';
import { pairedItems, priceDifferenceCents } from '../rules/items';
import { checkReturnableOrExchangeable } from '../rules/order-status';
import { checkGiftCardCovers, differenceMovements, requireOwnedPaymentMethod } from '../rules/payment';
import type { Deny, ExchangeDeliveredOrderItems, PolicyContext, ProposalContent } from '../types';
import { basisOf, customerRecord, ownedOrder } from './owned-order';

export const EXCHANGE_NOTICE =
  'An exchange can be requested only once per order: make sure every item to exchange is listed. An email will explain how to send the items back; no new order is needed.';

export function planExchangeDeliveredOrderItems(request: ExchangeDeliveredOrderItems, context: PolicyContext): ProposalContent | Deny {
  const owned = ownedOrder(request.orderId, context);
  if (isDeny(owned)) return owned;
  const { customerId, order } = owned;
  const notExchangeable = checkReturnableOrExchangeable(order, context.history ?? {}, 'exchanged');
  if (notExchangeable) return notExchangeable;
  const customer = customerRecord(owned, context);
  if (isDeny(customer)) return customer;
  const items = pairedItems(order, request.itemIds, request.newItemIds, context.records.products);
  if (isDeny(items)) return items;
  const method = requireOwnedPaymentMethod(customer, request.paymentMethodId);
  if (isDeny(method)) return method;
  const difference = priceDifferenceCents(items);
  const uncovered = checkGiftCardCovers(method, difference, 'the price difference');
  if (uncovered) return uncovered;
  return draftProposal('exchange_delivered_order_items', {
    customerId,
    orderId: order.order_id,
    basis: basisOf(order),
    items,
    paymentMethodId: method.id,
    ...differenceMovements(method.id, difference),
    priceDifferenceCents: difference,
    refundTowardLimitCents: Math.max(0, -difference),
    notices: [EXCHANGE_NOTICE],
  });
}
