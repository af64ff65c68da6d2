/**
 * The policy engine's one entry point. The workflow calls it to decide what to say and do; the activity
 * that writes to the store calls it again, with records read just before the write, and writes only on
 * `allow`. Pure: same input, same decision.
 */
import { planCancelPendingOrder } from './actions/cancel-pending-order';
import { planEraseUserAccount } from './actions/erase-user-account';
import { planExchangeDeliveredOrderItems } from './actions/exchange-delivered-order-items';
import { planGoodwillCredit } from './actions/goodwill-credit';
import { planModifyPendingOrderAddress } from './actions/modify-pending-order-address';
import { planModifyPendingOrderItems } from './actions/modify-pending-order-items';
import { planModifyPendingOrderPayment } from './actions/modify-pending-order-payment';
import { planModifyUserAccount } from './actions/modify-user-account';
import { planModifyUserAddress } from './actions/modify-user-address';
import { planReturnDeliveredOrderItems } from './actions/return-delivered-order-items';
import { planTransferToHuman } from './actions/transfer-to-human';
import { deny, isDeny } from './decision';
import { sealProposal } from './proposal';
import { checkConfirmation, checkNotAlreadyDone } from './rules/confirmation';
import { approvalRequirement, checkApproval } from './rules/refund-limit';
import { checkRequestShape } from './rules/request-shape';
import { settingsProblem } from './settings';
import { words } from './wording';
import type { ActionRequest, Deny, PolicyContext, PolicyDecision, ProposalContent } from './types';

function plan(request: ActionRequest, context: PolicyContext): ProposalContent | Deny {
  switch (request.kind) {
    case 'cancel_pending_order':
      return planCancelPendingOrder(request, context);
    case 'modify_pending_order_address':
      return planModifyPendingOrderAddress(request, context);
    case 'modify_pending_order_items':
      return planModifyPendingOrderItems(request, context);
    case 'modify_pending_order_payment':
      return planModifyPendingOrderPayment(request, context);
    case 'modify_user_address':
      return planModifyUserAddress(request, context);
    case 'modify_user_account':
      return planModifyUserAccount(request, context);
    case 'erase_user_account':
      return planEraseUserAccount(request, context);
    case 'return_delivered_order_items':
      return planReturnDeliveredOrderItems(request, context);
    case 'exchange_delivered_order_items':
      return planExchangeDeliveredOrderItems(request, context);
    case 'goodwill_credit':
      return planGoodwillCredit(request, context);
    case 'transfer_to_human':
      return planTransferToHuman(request, context);
  }
}

/**
 * Order of the gates: settings and request shape; the action's own rules (identity, ownership, status,
 * items, payment), which build the proposal; not already done; the customer's confirmation of exactly
 * this proposal; a human's approval when the refund is over the automatic limit.
 */
export function evaluate(request: ActionRequest, context: PolicyContext): PolicyDecision {
  const badSettings = settingsProblem(context.settings);
  if (badSettings) return deny('settings', words('The policy settings are invalid: {problem}.', { problem: badSettings }));
  const malformed = checkRequestShape(request);
  if (malformed) return malformed;

  const planned = plan(request, context);
  if (isDeny(planned)) return planned;
  const proposal = sealProposal({ ...planned, approval: approvalRequirement(planned.refundTowardLimitCents, context.settings) });

  if (proposal.action === 'transfer_to_human') return { outcome: 'allow', proposal };
  return (
    checkNotAlreadyDone(proposal, context.facts) ??
    checkConfirmation(proposal, context.facts) ??
    checkApproval(proposal, context.facts, context.settings) ?? { outcome: 'allow', proposal }
  );
}
