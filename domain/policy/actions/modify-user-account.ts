import { deny, isDeny } from '../decision';
import { draftProposal } from '../proposal';
import { requireEmailFree, sameEmail, whyEmailIsInvalid, whyNameIsInvalid } from '../rules/account';
import { requireOwnAccount } from '../rules/identity';
import { inEnglish, words } from '../wording';
import type { AccountDetails, Deny, ModifyUserAccount, PolicyContext, ProposalContent } from '../types';

/** Only the verified customer's own account; a new e-mail must be valid and nobody else's. */
export function planModifyUserAccount(request: ModifyUserAccount, context: PolicyContext): ProposalContent | Deny {
  const own = requireOwnAccount(request.userId, context);
  if (isDeny(own)) return own;
  const { customerId, customer } = own;
  if (request.name) {
    const badName = whyNameIsInvalid(request.name);
    if (badName) return deny('request-shape', words('The new name is not usable: {problem}.', { problem: badName }));
  }
  if (request.email !== undefined) {
    const badEmail = whyEmailIsInvalid(request.email);
    if (badEmail) return deny('email', words('The new e-mail address is not usable: {problem}.', { problem: badEmail }));
    const taken = requireEmailFree(context.records.emailHolderId, customerId);
    if (taken) return taken;
  }
  const from: AccountDetails = { firstName: customer.firstName, lastName: customer.lastName, email: customer.email };
  const to: AccountDetails = {
    firstName: request.name?.firstName.trim() ?? from.firstName,
    lastName: request.name?.lastName.trim() ?? from.lastName,
    email: request.email?.trim().toLowerCase() ?? from.email,
  };
  if (to.firstName === from.firstName && to.lastName === from.lastName && sameEmail(to.email, from.email)) {
    return deny('account-unchanged', words('The account already has that name and e-mail address.'));
  }
  return draftProposal('modify_user_account', {
    customerId,
    account: { from, to },
    ...(sameEmail(to.email, from.email) ? {} : { notices: [inEnglish(words('A notice of the change goes to {email}.', { email: from.email }))] }),
  });
}
