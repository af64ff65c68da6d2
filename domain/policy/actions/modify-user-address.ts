import { isDeny } from '../decision';
import { draftProposal } from '../proposal';
import { copyAddress } from '../rules/address';
import { requireAuthenticated, requireCustomerRecord, requireOwnProfile } from '../rules/identity';
import type { Deny, ModifyUserAddress, PolicyContext, ProposalContent } from '../types';

export function planModifyUserAddress(request: ModifyUserAddress, context: PolicyContext): ProposalContent | Deny {
  const customerId = requireAuthenticated(context.facts);
  if (isDeny(customerId)) return customerId;
  const notOwn = requireOwnProfile(request.userId, customerId);
  if (notOwn) return notOwn;
  const customer = requireCustomerRecord(context.records, customerId);
  if (isDeny(customer)) return customer;
  return draftProposal('modify_user_address', {
    customerId,
    address: { from: copyAddress(customer.address), to: copyAddress(request.address) },
  });
}
