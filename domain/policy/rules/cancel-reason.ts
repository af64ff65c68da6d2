import { deny } from '../decision';
import { CANCEL_REASONS, type CancelReason, type Deny } from '../types';

/** Exactly one of the two reasons the policy accepts; the dialogue maps the customer's words onto one of them. */
export function requireCancelReason(reason: string): CancelReason | Deny {
  const known = CANCEL_REASONS.find((allowed) => allowed === reason);
  return known ?? deny('cancel-reason', `The reason for cancelling must be '${CANCEL_REASONS[0]}' or '${CANCEL_REASONS[1]}'.`);
}
