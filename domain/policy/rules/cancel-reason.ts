import { deny } from '../decision';
import { CANCEL_REASONS, type CancelReason, type Deny } from '../types';
import { words, type Words } from '../wording';

/** Exactly one of the two reasons the policy accepts; the dialogue maps the customer's words onto one of them. */
export function requireCancelReason(reason: string): CancelReason | Deny {
  const known = CANCEL_REASONS.find((allowed) => allowed === reason);
  return known ?? deny('cancel-reason', words("The reason for cancelling must be '{first}' or '{second}'.", { first: cancelReasonWords(CANCEL_REASONS[0]), second: cancelReasonWords(CANCEL_REASONS[1]) }));
}

/** A cancel reason as the customer reads it: one of the two the policy knows, or their own words as they are. */
export function cancelReasonWords(reason: string): Words {
  if (reason === CANCEL_REASONS[0]) return words('no longer needed');
  if (reason === CANCEL_REASONS[1]) return words('ordered by mistake');
  return reason;
}
