import { checkReturnableOrExchangeable } from '../rules/order-status';
import type { ExchangeDeliveredOrderItems, Deny, PolicyContext, ProposalContent } from '../types';
import { planItemSwap } from './item-swap';

export const EXCHANGE_NOTICE =
  'An exchange can be requested only once per order: make sure every item to exchange is listed. An email will explain how to send the items back; no new order is needed.';

export function planExchangeDeliveredOrderItems(request: ExchangeDeliveredOrderItems, context: PolicyContext): ProposalContent | Deny {
  return planItemSwap(request, context, {
    checkStatus: (order) => checkReturnableOrExchangeable(order, context.history ?? {}, 'exchanged'),
    payingFor: 'the price difference',
    notice: EXCHANGE_NOTICE,
  });
}
