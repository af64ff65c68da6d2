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
}

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
  | 'compensating'
  | 'compensated';

export interface RefundSagaResult {
  outcome: 'completed' | 'denied' | 'approval_timed_out';
  providerRefundId?: string;
  decidedBy?: string;
  reason?: string;
}

export interface ApprovalDecision {
  by: string;
  reason?: string;
}
