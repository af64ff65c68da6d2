import { deny, isDeny } from '../decision';
import { isWholeCents } from '../money';
import { draftProposal } from '../proposal';
import { netPaidByMethod, sumCents } from '../records';
import { checkGoodwillAmount } from '../rules/goodwill';
import { checkCreditable } from '../rules/order-status';
import { checkRefundDestination, requireOwnedPaymentMethod } from '../rules/payment';
import type { Deny, GoodwillCredit, PolicyContext, ProposalContent } from '../types';
import { words } from '../wording';
import { basisOf, customerRecord, ownedOrder } from './owned-order';

/**
 * A credit for a poor experience, refunded like a return. Earlier goodwill on the same order counts toward
 * the automatic limit, so splitting one large credit into small ones still reaches a human.
 */
export function planGoodwillCredit(request: GoodwillCredit, context: PolicyContext): ProposalContent | Deny {
  const owned = ownedOrder(request.orderId, context);
  if (isDeny(owned)) return owned;
  const { customerId, order } = owned;
  const notCreditable = checkCreditable(order);
  if (notCreditable) return notCreditable;
  const customer = customerRecord(owned, context);
  if (isDeny(customer)) return customer;
  const method = requireOwnedPaymentMethod(customer, request.paymentMethodId);
  if (isDeny(method)) return method;
  const wrongDestination = checkRefundDestination(order, method);
  if (wrongDestination) return wrongDestination;
  const earlier = context.history?.goodwillCreditedCents ?? 0;
  if (!isWholeCents(earlier) || earlier < 0) {
    return deny('goodwill-amount', words('The goodwill already credited on order {orderId} is not a readable amount.', { orderId: order.id }));
  }
  const tooMuch = checkGoodwillAmount(order, request.amountCents, sumCents(netPaidByMethod(order)), earlier);
  if (tooMuch) return tooMuch;
  return draftProposal('goodwill_credit', {
    customerId,
    orderId: order.id,
    basis: basisOf(order),
    reason: request.reason,
    paymentMethodId: method.id,
    refunds: [{ paymentMethodId: method.id, amountCents: request.amountCents }],
    refundTowardLimitCents: earlier + request.amountCents,
  });
}
