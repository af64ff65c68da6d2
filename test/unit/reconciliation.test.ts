import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { findingLine, judgeRefund, type LedgerSide, type ProviderSide, type Verdict } from '../../domain/reconciliation';

const MINUTE = 60_000;
const thresholds = { inFlightMs: 2 * MINUTE, staleReservationMs: 60 * MINUTE };

const ledger = (overrides: Partial<LedgerSide>): LedgerSide => ({
  sagaId: 'refund-1',
  orderId: '#W1000001',
  status: 'reserved',
  amountCents: 2500,
  paymentMethodId: 'credit_card_1',
  providerRefundId: null,
  recordedPosition: null,
  orderShowsRefund: false,
  failureReason: null,
  ageMs: 10 * MINUTE,
  ...overrides,
});

const paid: ProviderSide = { refundId: 're_abc', amountCents: 2500, paymentMethodId: 'credit_card_1', status: 'succeeded' };
const undone: ProviderSide = { ...paid, status: 'reversed' };

type Expected = 'consistent' | { repair: { to: 'recorded' | 'refunded'; addOrderRow: boolean } } | { report: string };

const summary = (verdict: Verdict): Expected => {
  if (verdict.kind === 'consistent') return 'consistent';
  if (verdict.kind === 'repair') return { repair: { to: verdict.repair.to, addOrderRow: verdict.repair.addOrderRow } };
  return { report: verdict.code };
};

describe('judgeRefund', () => {
  const table: [string, LedgerSide, ProviderSide | null, Expected][] = [
    // The provider paid; the ledger does not show it paid: a certain fix.
    ['a reservation the provider paid, its saga gone quiet', ledger({}), paid, { repair: { to: 'recorded', addOrderRow: true } }],
    ['an owed refund the provider paid after all', ledger({ status: 'owed', failureReason: 'provider 503' }), paid, { repair: { to: 'recorded', addOrderRow: true } }],
    ['a released reservation the provider paid', ledger({ status: 'released' }), paid, { repair: { to: 'recorded', addOrderRow: true } }],
    ['a reservation the provider paid whose order already shows the refund', ledger({ recordedPosition: 2, orderShowsRefund: true }), paid, { repair: { to: 'refunded', addOrderRow: false } }],
    ['a reservation naming an order row that is gone', ledger({ recordedPosition: 2, orderShowsRefund: false }), paid, { repair: { to: 'recorded', addOrderRow: true } }],
    // Calm counter-cases.
    ['a reservation the provider paid a moment ago (saga in flight)', ledger({ ageMs: 30_000 }), paid, 'consistent'],
    ['a fresh reservation with nothing at the provider yet', ledger({ ageMs: 5 * MINUTE }), null, 'consistent'],
    ['an old reservation whose saga still runs (waiting out an outage)', ledger({ ageMs: 3 * 60 * MINUTE, sagaRunning: true }), null, 'consistent'],
    ['an old reservation the provider paid whose saga still runs', ledger({ ageMs: 3 * 60 * MINUTE, sagaRunning: true }), paid, 'consistent'],
    ['a fresh reservation the provider paid whose saga is gone', ledger({ ageMs: 30_000, sagaRunning: false }), paid, { repair: { to: 'recorded', addOrderRow: true } }],
    ['a paid and recorded refund the provider paid', ledger({ status: 'recorded', providerRefundId: 're_abc', recordedPosition: 1, orderShowsRefund: true }), paid, 'consistent'],
    ['a refund the store action recorded, paid by the provider', ledger({ status: 'refunded', providerRefundId: 're_abc', recordedPosition: 3, orderShowsRefund: true }), paid, 'consistent'],
    ['an old refunded entry from before positions were kept', ledger({ status: 'refunded', providerRefundId: 're_abc' }), paid, 'consistent'],
    ['a gift-card refund paid in the store', ledger({ status: 'recorded', recordedPosition: 1, orderShowsRefund: true }), null, 'consistent'],
    ['a reversal the provider made too', ledger({ status: 'reversed', providerRefundId: 're_abc' }), undone, 'consistent'],
    ['a released reservation the provider never paid', ledger({ status: 'released' }), null, 'consistent'],
    ['a released reservation the provider paid and reversed', ledger({ status: 'released' }), undone, 'consistent'],
    // Uncertain: a person decides.
    ['an owed refund the provider never paid', ledger({ status: 'owed', failureReason: 'provider 503 for 3 hours' }), null, { report: 'owed_unpaid' }],
    ['an owed refund the provider paid and reversed', ledger({ status: 'owed' }), undone, { report: 'owed_unpaid' }],
    ['a paid entry the provider never saw', ledger({ status: 'recorded', providerRefundId: 're_ghost', recordedPosition: 1, orderShowsRefund: true }), null, { report: 'paid_not_at_provider' }],
    ['a paid entry the provider reversed', ledger({ status: 'recorded', providerRefundId: 're_abc', recordedPosition: 1, orderShowsRefund: true }), undone, { report: 'paid_but_reversed_at_provider' }],
    ['a reversed entry whose provider refund stands', ledger({ status: 'reversed', providerRefundId: 're_abc' }), paid, { report: 'reversed_but_paid_at_provider' }],
    ['a reversed entry the provider never saw', ledger({ status: 'reversed', providerRefundId: 're_abc' }), null, { report: 'reversed_not_at_provider' }],
    ['an old reservation with nothing at the provider', ledger({ ageMs: 61 * MINUTE }), null, { report: 'stale_reservation' }],
    ['an old reservation with nothing at the provider whose saga is gone', ledger({ ageMs: 61 * MINUTE, sagaRunning: false }), null, { report: 'stale_reservation' }],
    ['an old reservation the provider refunded and reversed', ledger({}), undone, { report: 'reserved_but_reversed_at_provider' }],
    ['a store-paid entry the provider paid too', ledger({ status: 'recorded', recordedPosition: 1, orderShowsRefund: true }), paid, { report: 'paid_twice' }],
    ['a provider refund of another amount under the key', ledger({}), { ...paid, amountCents: 2400 }, { report: 'provider_disagrees' }],
    ['a provider refund to another method under the key', ledger({ status: 'owed' }), { ...paid, paymentMethodId: 'paypal_2' }, { report: 'provider_disagrees' }],
    ['a ledger naming another provider refund', ledger({ status: 'recorded', providerRefundId: 're_other', recordedPosition: 1, orderShowsRefund: true }), paid, { report: 'provider_disagrees' }],
    ['a recorded entry whose order row is gone', ledger({ status: 'recorded', providerRefundId: 're_abc', recordedPosition: 4, orderShowsRefund: false }), paid, { report: 'order_missing_refund' }],
    ['a recorded entry that names no order row', ledger({ status: 'recorded', providerRefundId: 're_abc' }), paid, { report: 'order_missing_refund' }],
  ];
  for (const [label, entry, provider, expected] of table) {
    it(`when ${label}, then it is ${typeof expected === 'string' ? expected : Object.keys(expected)[0]}`, () => {
      assert.deepEqual(summary(judgeRefund(entry, provider, thresholds)), expected);
    });
  }

  it('when a repair is decided, then it names the provider refund and the status it moves from', () => {
    const verdict = judgeRefund(ledger({ status: 'owed' }), paid, thresholds);
    assert.equal(verdict.kind, 'repair');
    assert.deepEqual(verdict.kind === 'repair' && verdict.repair, { from: 'owed', to: 'recorded', providerRefundId: 're_abc', addOrderRow: true });
  });

  it('when an owed refund is reported, then the reason carries why the provider did not pay', () => {
    const verdict = judgeRefund(ledger({ status: 'owed', failureReason: 'provider answered 503' }), null, thresholds);
    assert.match(verdict.kind === 'report' ? verdict.reason : '', /still owed .*provider answered 503/);
  });

  it('when a finding is printed, then it is one line with the outcome, order, amount and saga', () => {
    assert.equal(
      findingLine({ sagaId: 'refund-1', orderId: '#W1000001', amountCents: 2500, outcome: 'reported', code: 'owed_unpaid', reason: 'still owed' }),
      'reported owed_unpaid #W1000001 $25.00 refund-1: still owed',
    );
    assert.equal(
      findingLine({ sagaId: 'refund-2', orderId: '#W1000002', amountCents: 100, outcome: 'repaired', code: 'repaired', reason: 'recorded re_1' }),
      'repaired #W1000002 $1.00 refund-2: recorded re_1',
    );
  });
});
