import {
  ProviderRejectedError,
  ProviderUnavailableError,
  type PaymentProvider,
  type ProviderRefundView,
  type RefundLookup,
  type RefundReceipt,
  type RefundRequest,
  type ReversalReceipt,
} from './payment-provider';

interface WireRefund {
  id: string;
  payment_method_id: string;
  amount_cents: number;
  reference: string;
}

interface WireRefundRecord extends WireRefund {
  idempotency_key: string;
  status: 'succeeded' | 'reversed';
  reversal_id: string | null;
  created_at: string;
}

interface WireReversal {
  id: string;
  refund_id: string;
  amount_cents: number;
}

/** Talks to a payment provider with the sandbox's HTTP API. */
export class HttpPaymentProvider implements PaymentProvider {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 5000,
  ) {}

  async refund(request: RefundRequest): Promise<RefundReceipt> {
    const body = await this.post<WireRefund>('/v1/refunds', request.idempotencyKey, {
      payment_method_id: request.paymentMethodId,
      amount_cents: request.amountCents,
      reference: request.reference,
    });
    return { refundId: body.id, paymentMethodId: body.payment_method_id, amountCents: body.amount_cents, reference: body.reference };
  }

  async reverseRefund(request: { idempotencyKey: string; refundId: string }): Promise<ReversalReceipt> {
    const body = await this.post<WireReversal>(`/v1/refunds/${encodeURIComponent(request.refundId)}/reversal`, request.idempotencyKey, {});
    return { reversalId: body.id, refundId: body.refund_id, amountCents: body.amount_cents };
  }

  async lookupRefund(lookup: RefundLookup): Promise<ProviderRefundView | null> {
    if ('idempotencyKey' in lookup) {
      const body = await this.get<{ data?: WireRefundRecord[] }>(`/v1/refunds?idempotency_key=${encodeURIComponent(lookup.idempotencyKey)}`);
      const found = body?.data?.[0];
      return found ? viewOf(found) : null;
    }
    const found = await this.get<WireRefundRecord>(`/v1/refunds/${encodeURIComponent(lookup.refundId)}`);
    return found ? viewOf(found) : null;
  }

  private post<T>(path: string, idempotencyKey: string, payload: object): Promise<T> {
    return this.send<T>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(payload),
    });
  }

  /** A read: 404 means the provider has no such thing. */
  private async get<T>(path: string): Promise<T | null> {
    try {
      return await this.send<T>(path, { method: 'GET' });
    } catch (err) {
      if (err instanceof ProviderRejectedError && err.code === 'not_found') return null;
      throw err;
    }
  }

  private async send<T>(path: string, init: RequestInit): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      throw new ProviderUnavailableError(`payment provider unreachable: ${(err as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    if (response.status >= 500 || response.status === 429) {
      throw new ProviderUnavailableError(`payment provider answered ${response.status}`);
    }
    const body = safeJson(text) as { error?: { code?: string; message?: string } } | undefined;
    if (!response.ok) {
      throw new ProviderRejectedError(body?.error?.code ?? `http_${response.status}`, body?.error?.message ?? `payment provider answered ${response.status}`);
    }
    if (!body) throw new ProviderUnavailableError('payment provider answered with a body that is not JSON');
    return body as T;
  }
}

const viewOf = (wire: WireRefundRecord): ProviderRefundView => ({
  refundId: wire.id,
  idempotencyKey: wire.idempotency_key,
  paymentMethodId: wire.payment_method_id,
  amountCents: wire.amount_cents,
  reference: wire.reference,
  status: wire.status,
  reversalId: wire.reversal_id,
  createdAt: wire.created_at,
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
