/**
 * What the refund saga needs from a payment provider. The sandbox provider implements it over HTTP;
 * a production adapter (e.g. Stripe's refunds API) implements the same calls.
 * Every money-moving call carries an idempotency key: a retry with the same key never moves money twice.
 */
export interface RefundRequest {
  idempotencyKey: string;
  paymentMethodId: string;
  amountCents: number;
  /** What the refund is for, e.g. the order id. */
  reference: string;
}

export interface RefundReceipt {
  refundId: string;
  paymentMethodId: string;
  amountCents: number;
  reference: string;
}

export interface ReversalReceipt {
  reversalId: string;
  refundId: string;
  amountCents: number;
}

/** What the provider knows of one refund: whether it was paid, and whether it was undone since. */
export interface ProviderRefundView {
  refundId: string;
  idempotencyKey: string;
  paymentMethodId: string;
  amountCents: number;
  reference: string;
  status: 'succeeded' | 'reversed';
  /** Set when the refund was reversed. */
  reversalId: string | null;
  createdAt: string;
}

/** Find a refund by the idempotency key it was made with, or by the provider's id for it. */
export type RefundLookup = { idempotencyKey: string } | { refundId: string };

export interface PaymentProvider {
  refund(request: RefundRequest): Promise<RefundReceipt>;
  /** Undoes a refund (the saga's compensation); idempotent by key like refund. */
  reverseRefund(request: { idempotencyKey: string; refundId: string }): Promise<ReversalReceipt>;
  /** What happened to a refund (reconciliation asks); null when the provider never made one. Moves no money. */
  lookupRefund(lookup: RefundLookup): Promise<ProviderRefundView | null>;
}

/** The provider could not be reached or failed on its side: safe to retry with the same key. */
export class ProviderUnavailableError extends Error {
  override name = 'ProviderUnavailableError';
}

/** The provider refused the request (bad method, reused key): retrying cannot help. */
export class ProviderRejectedError extends Error {
  override name = 'ProviderRejectedError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
