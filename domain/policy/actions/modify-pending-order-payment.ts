import { isDeny } from '../decision';
import { draftProposal } from '../proposal';
import { checkPaymentModifiable } from '../rules/order-status';
import { checkGiftCardCovers, checkPaymentMethodChanges, requireOwnedPaymentMethod } from '../rules/payment';
import type { Deny, ModifyPendingOrderPayment, Payment, PolicyContext, ProposalContent } from '../types';
import { basisOf, customerRecord, ownedOrder } from './owned-order';

/** The new method pays the whole total and the old one is refunded: a swap, so nothing counts toward the refund limit. */
export function planModifyPendingOrderPayment(request: ModifyPendingOrderPayment, context: PolicyContext): ProposalContent | Deny {
  const owned = ownedOrder(request.orderId, context);
  if (isDeny(owned)) return owned;
  const { customerId, order } = owned;
  const notModifiable = checkPaymentModifiable(order, context.history ?? {});
  if (notModifiable) return notModifiable;
  const customer = customerRecord(owned, context);
  if (isDeny(customer)) return customer;
  const method = requireOwnedPaymentMethod(customer, request.paymentMethodId);
  if (isDeny(method)) return method;
  const unchanged = checkPaymentMethodChanges(order, method);
  if (unchanged) return unchanged;
  // checkPaymentModifiable made sure there is exactly one entry, a payment.
  const original = order.payments[0] as Payment;
  const total = original.amountCents;
  const uncovered = checkGiftCardCovers(method, total, 'the order');
  if (uncovered) return uncovered;
  return draftProposal('modify_pending_order_payment', {
    customerId,
    orderId: order.id,
    basis: basisOf(order),
    paymentMethodId: method.id,
    charges: [{ paymentMethodId: method.id, amountCents: total }],
    refunds: [{ paymentMethodId: original.paymentMethodId, amountCents: total }],
    notices: ['The original payment method is refunded at once if it is a gift card, otherwise within 5 to 7 business days.'],
  });
}
