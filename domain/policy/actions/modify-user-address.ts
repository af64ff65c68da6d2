import { isDeny } from '../decision';
import { draftProposal } from '../proposal';
import { copyAddress } from '../rules/address';
import { requireOwnAccount } from '../rules/identity';
import type { Deny, ModifyUserAddress, PolicyContext, ProposalContent } from '../types';

export function planModifyUserAddress(request: ModifyUserAddress, context: PolicyContext): ProposalContent | Deny {
  const own = requireOwnAccount(request.userId, context);
  if (isDeny(own)) return own;
  const { customerId, customer } = own;
  return draftProposal('modify_user_address', {
    customerId,
    address: { from: copyAddress(customer.address), to: copyAddress(request.address) },
  });
}
