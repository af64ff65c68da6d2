import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { HttpPaymentProvider } from '../../payments/http-payment-provider';
import { ProviderRejectedError, ProviderUnavailableError } from '../../payments/payment-provider';
import { startTestPayments, type TestPayments } from '../support/payments';

let payments: TestPayments;

const post = (path: string, body: unknown, key?: string) =>
  fetch(`${payments.sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('the sandbox payment provider', () => {
  before(async () => {
    payments = await startTestPayments({ clientTimeoutMs: 300, hangMs: 1000 });
  });
  after(() => payments?.sandbox.close());

  it('when the same key is sent twice, then one refund exists and the replay says so', async () => {
    const body = { payment_method_id: 'paypal_1', amount_cents: 1250, reference: '#W0000001' };
    const first = await post('/v1/refunds', body, 'k-1');
    const second = await post('/v1/refunds', body, 'k-1');
    assert.equal(first.status, 201);
    assert.equal(second.status, 200);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await second.json(), await first.json());
    assert.equal(payments.sandbox.book.refundsFor('#W0000001').length, 1);
  });

  it('when a key is reused for a different refund, then 409 and nothing moves', async () => {
    await post('/v1/refunds', { payment_method_id: 'paypal_1', amount_cents: 100, reference: '#W0000002' }, 'k-2');
    const reused = await post('/v1/refunds', { payment_method_id: 'paypal_1', amount_cents: 999, reference: '#W0000002' }, 'k-2');
    assert.equal(reused.status, 409);
    assert.equal(((await reused.json()) as { error: { code: string } }).error.code, 'idempotency_key_reused');
    assert.deepEqual(payments.sandbox.book.refundsFor('#W0000002').map((r) => r.amount_cents), [100]);
  });

  const bad: [string, unknown, string | undefined, number, string][] = [
    ['no idempotency key', { payment_method_id: 'p', amount_cents: 1, reference: 'r' }, undefined, 400, 'idempotency_key_required'],
    ['a negative amount', { payment_method_id: 'p', amount_cents: -5, reference: 'r' }, 'k-bad-1', 400, 'invalid_request'],
    ['a fractional amount', { payment_method_id: 'p', amount_cents: 1.5, reference: 'r' }, 'k-bad-2', 400, 'invalid_request'],
    ['malformed JSON', '{"amount_cents":', 'k-bad-3', 400, 'malformed_json'],
  ];
  for (const [label, body, key, status, code] of bad) {
    it(`when a refund request has ${label}, then ${status} ${code}`, async () => {
      const res = await post('/v1/refunds', body, key);
      assert.equal(res.status, status);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, code);
    });
  }

  it('when a refund is reversed, then a second reversal with another key is refused', async () => {
    const provider = payments.provider;
    const refund = await provider.refund({ idempotencyKey: 'k-rev', paymentMethodId: 'card_1', amountCents: 700, reference: '#W0000003' });
    const reversal = await provider.reverseRefund({ idempotencyKey: 'k-rev:undo', refundId: refund.refundId });
    assert.equal(reversal.amountCents, 700);
    assert.deepEqual(await provider.reverseRefund({ idempotencyKey: 'k-rev:undo', refundId: refund.refundId }), reversal);
    await assert.rejects(provider.reverseRefund({ idempotencyKey: 'k-rev:other', refundId: refund.refundId }), (err: unknown) => err instanceof ProviderRejectedError && err.code === 'already_reversed');
  });

  it('when the provider is down or slow, then the client reports it as retryable', async () => {
    await payments.inject({ route: 'refunds', mode: 'fail_before' });
    await assert.rejects(payments.provider.refund({ idempotencyKey: 'k-down', paymentMethodId: 'p', amountCents: 1, reference: '#W0000004' }), ProviderUnavailableError);
    await payments.inject({ route: 'refunds', mode: 'hang_after' });
    await assert.rejects(payments.provider.refund({ idempotencyKey: 'k-slow', paymentMethodId: 'p', amountCents: 1, reference: '#W0000004' }), ProviderUnavailableError);
    const nobody = new HttpPaymentProvider('http://127.0.0.1:9', 300);
    await assert.rejects(nobody.refund({ idempotencyKey: 'k-x', paymentMethodId: 'p', amountCents: 1, reference: 'r' }), ProviderUnavailableError);
    // The slow call did go through: a retry with its key returns that refund instead of a second one.
    const retried = await payments.provider.refund({ idempotencyKey: 'k-slow', paymentMethodId: 'p', amountCents: 1, reference: '#W0000004' });
    assert.deepEqual(payments.sandbox.book.refundsFor('#W0000004').map((r) => r.id), [retried.refundId]);
  });
  it('when a refund is looked up by its key or id, then it says whether it was paid and whether it was reversed', async () => {
    const { provider } = payments;
    assert.equal(await provider.lookupRefund({ idempotencyKey: 'k-look:provider-refund' }), null);
    assert.equal(await provider.lookupRefund({ refundId: 're_00ff' }), null);
    const refund = await provider.refund({ idempotencyKey: 'k-look:provider-refund', paymentMethodId: 'paypal_9', amountCents: 700, reference: '#W0000005' });
    const paid = await provider.lookupRefund({ idempotencyKey: 'k-look:provider-refund' });
    assert.deepEqual(
      paid && { ...paid, createdAt: typeof paid.createdAt },
      { refundId: refund.refundId, idempotencyKey: 'k-look:provider-refund', paymentMethodId: 'paypal_9', amountCents: 700, reference: '#W0000005', status: 'succeeded', reversalId: null, createdAt: 'string' },
    );
    const reversal = await provider.reverseRefund({ idempotencyKey: 'k-look:provider-reversal', refundId: refund.refundId });
    const undone = await provider.lookupRefund({ refundId: refund.refundId });
    assert.equal(undone?.status, 'reversed');
    assert.equal(undone?.reversalId, reversal.reversalId);
  });

  it('when a lookup is malformed, then the sandbox answers 400 with a reason', async () => {
    const get = async (path: string) => {
      const res = await fetch(`${payments.sandbox.url}${path}`);
      return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
    };
    assert.equal((await get('/v1/refunds?idempotency_key=')).body.error?.code, 'invalid_idempotency_key');
    assert.equal((await get('/v1/refunds?idempotency_key=a%20b')).status, 400);
    assert.equal((await get('/v1/refunds?idempotency_key=a&idempotency_key=b')).status, 400);
    assert.equal((await get('/v1/refunds?idempotency_key=a&reference=b')).body.error?.code, 'invalid_query');
    assert.equal((await get('/v1/refunds/not-an-id')).body.error?.code, 'invalid_refund_id');
    assert.equal((await get('/v1/refunds')).body.error?.code, 'reference_required');
  });
});
