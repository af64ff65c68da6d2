import { isDeny } from '../decision';
import { draftProposal } from '../proposal';
import { pairedItems, priceDifferenceCents } from '../rules/items';
import { checkGiftCardCovers, differenceMovements, requireOwnedPaymentMethod, type GiftCardPurpose } from '../rules/payment';
import type { Deny, ExchangeDeliveredOrderItems, ModifyPendingOrderItems, Order, PolicyContext, ProposalContent } from '../types';
import { basisOf, customerRecord, ownedOrder } from './owned-order';

/** What differs between swapping items of a pending order and exchanging delivered ones. */
export interface ItemSwapRules {
  /** The order's status (and history) allow this kind of swap, or why not. */
  checkStatus(order: Order, context: PolicyContext): Deny | undefined;
  /** What a gift card would pay for, in the refusal when it cannot. */
  payingFor: GiftCardPurpose;
  notice: string;
}

/**
 * Both swaps pair each item with another variant of the same product; the customer pays or
 * gets back the price difference with a payment method of their own.
 */
export function planItemSwap(
  request: ModifyPendingOrderItems | ExchangeDeliveredOrderItems,
  context: PolicyContext,
  rules: ItemSwapRules,
): ProposalContent | Deny {
  const owned = ownedOrder(request.orderId, context);
  if (isDeny(owned)) return owned;
  const { customerId, order } = owned;
  const notAllowed = rules.checkStatus(order, context);
  if (notAllowed) return notAllowed;
  const customer = customerRecord(owned, context);
  if (isDeny(customer)) return customer;
  const items = pairedItems(order, request.itemIds, request.newItemIds, context.records.products);
  if (isDeny(items)) return items;
  const method = requireOwnedPaymentMethod(customer, request.paymentMethodId);
  if (isDeny(method)) return method;
  const difference = priceDifferenceCents(items);
  const uncovered = checkGiftCardCovers(method, difference, rules.payingFor);
  if (uncovered) return uncovered;
  return draftProposal(request.kind, {
    customerId,
    orderId: order.id,
    basis: basisOf(order),
    items,
    paymentMethodId: method.id,
    ...differenceMovements(method.id, difference),
    priceDifferenceCents: difference,
    refundTowardLimitCents: Math.max(0, -difference),
    notices: [rules.notice],
  });
}
