import { checkItemsModifiable } from '../rules/order-status';
import type { ModifyPendingOrderItems, Deny, PolicyContext, ProposalContent } from '../types';
import { planItemSwap } from './item-swap';

export const MODIFY_ITEMS_NOTICE =
  'Items can be modified only once per order, and afterwards the order can no longer be cancelled or changed further: make sure every item to change is listed.';

export function planModifyPendingOrderItems(request: ModifyPendingOrderItems, context: PolicyContext): ProposalContent | Deny {
  return planItemSwap(request, context, {
    checkStatus: (order) => checkItemsModifiable(order, context.history ?? {}),
    payingFor: 'the new items',
    notice: MODIFY_ITEMS_NOTICE,
  });
}
