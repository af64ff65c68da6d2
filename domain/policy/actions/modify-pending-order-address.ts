import { isDeny } from '../decision';
import { draftProposal } from '../proposal';
import { copyAddress } from '../rules/address';
import { checkAddressModifiable } from '../rules/order-status';
import type { Deny, ModifyPendingOrderAddress, PolicyContext, ProposalContent } from '../types';
import { basisOf, ownedOrder } from './owned-order';

export function planModifyPendingOrderAddress(request: ModifyPendingOrderAddress, context: PolicyContext): ProposalContent | Deny {
  const owned = ownedOrder(request.orderId, context);
  if (isDeny(owned)) return owned;
  const { customerId, order } = owned;
  const notModifiable = checkAddressModifiable(order, context.settings);
  if (notModifiable) return notModifiable;
  return draftProposal('modify_pending_order_address', {
    customerId,
    orderId: order.id,
    basis: basisOf(order),
    address: { from: copyAddress(order.address), to: copyAddress(request.address) },
  });
}
