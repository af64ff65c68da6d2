import { isDeny } from '../decision';
import { draftProposal } from '../proposal';
import { pairedItems, priceDifferenceCents } from '../rules/items';
import { checkItemsModifiable } from '../rules/order-status';
import { checkGiftCardCovers, differenceMovements, requireOwnedPaymentMethod } from '../rules/payment';
import type { Deny, ModifyPendingOrderItems, PolicyContext, ProposalContent } from '../types';
import { basisOf, customerRecord, ownedOrder } from './owned-order';

export const MODIFY_ITEMS_NOTICE =
  'Items can be modified only once per order, and afterwards the order can no longer be cancelled or changed further: make sure every item to change is listed.';

export function planModifyPendingOrderItems(request: ModifyPendingOrderItems, context: PolicyContext): ProposalContent | Deny {
  const owned = ownedOrder(request.orderId, context);
  if (isDeny(owned)) return owned;
  const { customerId, order } = owned;
  const notModifiable = checkItemsModifiable(order, context.history ?? {});
  if (notModifiable) return notModifiable;
  const customer = customerRecord(owned, context);
  if (isDeny(customer)) return customer;
  const items = pairedItems(order, request.itemIds, request.newItemIds, context.records.products);
  if (isDeny(items)) return items;
  const method = requireOwnedPaymentMethod(customer, request.paymentMethodId);
  if (isDeny(method)) return method;
  const difference = priceDifferenceCents(items);
  const uncovered = checkGiftCardCovers(method, difference, 'the new items');
  if (uncovered) return uncovered;
  return draftProposal('modify_pending_order_items', {
    customerId,
    orderId: order.order_id,
    basis: basisOf(order),
    items,
    paymentMethodId: method.id,
    ...differenceMovements(method.id, difference),
    priceDifferenceCents: difference,
    refundTowardLimitCents: Math.max(0, -difference),
    notices: [MODIFY_ITEMS_NOTICE],
  });
}
