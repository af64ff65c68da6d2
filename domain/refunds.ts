/** The refund saga's vocabulary, shared by the saga, its parent conversation, the API and tests. */
export type RefundPurpose = 'cancellation' | 'return' | 'price_difference' | 'goodwill' | 'payment_change';

export interface RefundSagaInput {
  orderId: string;
  customerId: string;
  paymentMethodId: string;
  amountCents: number;
  purpose: RefundPurpose;
  /** Status the order takes once the refund is recorded, e.g. `cancelled`; unchanged when absent. */
  orderStatusAfter?: string;
  /** False for gift cards: the store credits them itself, no payment provider is involved. */
  viaProvider?: boolean;
  /** False when the action already wrote the refund into the order (the retail tools do for cancellations). */
  recordOnOrder?: boolean;
  /** Items that come back into stock (returns, cancellations). */
  restockItemIds: string[];
  /** What the customer is told once the money is on its way. */
  notification: string;
  /** Set when the policy says a person must approve first (over the automatic limit). */
  approval?: { role: 'supervisor'; timeoutMs: number; reason: string };
  /** How long a provider that is down is waited out before the refund is owed (default DEFAULT_REFUND_RETRY_MS). */
  retryBudgetMs?: number;
  /** The conversation to tell how the refund goes (by workflow id, so it reaches the run that is current). */
  reportTo?: string;
}

export const DEFAULT_REFUND_RETRY_MS = 6 * 3_600_000;

export type RefundSagaPhase =
  | 'awaiting_approval'
  | 'reserving'
  | 'refunding'
  | 'recording'
  | 'restocking'
  | 'notifying'
  | 'completed'
  | 'denied'
  | 'approval_timed_out'
  | 'waiting_for_provider'
  | 'settling_owed'
  | 'owed'
  | 'compensating'
  | 'compensated';

/**
 * How a refund saga ended, as a value its caller records (a saga never fails its caller):
 * completed, the money moved and is recorded; owed, the provider did not take it in time (or
 * refused it) and it is still due; compensated, a later step failed for good and the done steps
 * were undone; denied and approval_timed_out, a person did not approve it.
 */
export type RefundSagaOutcome = 'completed' | 'owed' | 'compensated' | 'denied' | 'approval_timed_out';

export interface RefundSagaResult {
  outcome: RefundSagaOutcome;
  providerRefundId?: string;
  decidedBy?: string;
  reason?: string;
  /** Times the provider was asked. */
  attempts?: number;
}

/**
 * What a saga tells its conversation as it goes: paid once the money has moved, delayed once when
 * the provider first does not answer, then how it ended.
 */
export type RefundProgressKind = 'paid' | 'delayed' | 'completed' | 'owed' | 'compensated';

export interface RefundProgress {
  sagaId: string;
  kind: RefundProgressKind;
  reason?: string;
  attempts?: number;
}

/** The news that ends a saga; nothing a saga says afterwards changes it. */
export const isFinalRefundProgress = (kind: RefundProgressKind | 'started'): boolean =>
  kind === 'completed' || kind === 'owed' || kind === 'compensated';

export interface ApprovalDecision {
  by: string;
  reason?: string;
}
