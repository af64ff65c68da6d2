import type { CarriedState, TrackedRefund } from './conversation';
import { isFinalRefundProgress, type RefundProgress } from './refunds';

/**
 * A saga's news lands on the refund it belongs to. News for a refund the conversation does not
 * know is dropped, and a refund that has ended takes no more: a late or repeated signal changes nothing.
 */
export function noteRefundProgress(state: CarriedState, progress: RefundProgress): boolean {
  const tracked = state.refunds?.find((r) => r.sagaId === progress.sagaId);
  if (!tracked || isFinalRefundProgress(tracked.status)) return false;
  tracked.status = progress.kind;
  if (progress.reason) tracked.reason = progress.reason;
  if (progress.attempts !== undefined) tracked.attempts = progress.attempts;
  return true;
}

/** The first refund that has ended and that the conversation has not yet acted on. */
export const refundThatEnded = (state: CarriedState): TrackedRefund | undefined => state.refunds?.find((r) => isFinalRefundProgress(r.status));

/** Refunds still moving keep the conversation open: someone has to hear how they end. */
export const refundsInFlight = (state: CarriedState): boolean => (state.refunds ?? []).some((r) => !isFinalRefundProgress(r.status));
