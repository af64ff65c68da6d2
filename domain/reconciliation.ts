/**
 * Reconciliation's judgement, with no I/O: one refund ledger entry against what the payment provider
 * says of the refund made with its saga's key. A fix is applied only where it is certain (the
 * provider paid, the ledger does not show it paid); everything else goes to a person.
 */
import { formatCents } from './policy/money';

/** The ledger's statuses (db/repositories/refund-ledger.ts), restated so domain/ stays free of db/. */
export type LedgerStatus = 'reserved' | 'refunded' | 'recorded' | 'released' | 'reversed' | 'owed';

export interface LedgerSide {
  sagaId: string;
  orderId: string;
  status: LedgerStatus;
  amountCents: number;
  paymentMethodId: string;
  providerRefundId: string | null;
  /** Where the order's refund row is, when the order shows this refund. */
  recordedPosition: number | null;
  /** The order really has a refund row at `recordedPosition` (false when there is none to look at). */
  orderShowsRefund: boolean;
  failureReason: string | null;
  /** How long since the entry last moved. */
  ageMs: number;
  /** Whether the saga's workflow still runs (it may be waiting out a provider outage); undefined when unknown. */
  sagaRunning?: boolean;
}

/** What the provider knows of the refund made with the saga's key; null when it made none. */
export interface ProviderSide {
  refundId: string;
  amountCents: number;
  paymentMethodId: string;
  status: 'succeeded' | 'reversed';
}

export interface ReconcileThresholds {
  /** A reservation younger than this may be a saga between its provider call and its ledger write. */
  inFlightMs: number;
  /** A reservation older than this with nothing at the provider: its saga may have died. */
  staleReservationMs: number;
}

/** What a reconciliation run is asked to look at; every field has a default. */
export interface ReconcileRequest {
  /** A reservation younger than this is left to its saga. */
  inFlightMinutes?: number;
  /** A reservation older than this with nothing at the provider is reported. */
  staleMinutes?: number;
  /** Settled entries (paid, released, reversed) are checked again when they moved this recently. */
  recentHours?: number;
  /** At most this many entries a run: the unsettled ones first. */
  limit?: number;
}

export const DEFAULT_RECONCILE_THRESHOLDS: ReconcileThresholds = { inFlightMs: 2 * 60_000, staleReservationMs: 60 * 60_000 };

/** The certain fix: the ledger records the provider's refund, and the order gets its refund row when it has none. */
export interface Repair {
  from: LedgerStatus;
  to: 'recorded' | 'refunded';
  providerRefundId: string;
  addOrderRow: boolean;
}

export type ReportCode =
  | 'owed_unpaid'
  | 'stale_reservation'
  | 'paid_not_at_provider'
  | 'paid_but_reversed_at_provider'
  | 'reversed_not_at_provider'
  | 'reversed_but_paid_at_provider'
  | 'reserved_but_reversed_at_provider'
  | 'paid_twice'
  | 'provider_disagrees'
  | 'order_missing_refund';

export type Verdict =
  | { kind: 'consistent' }
  | { kind: 'repair'; repair: Repair; reason: string }
  | { kind: 'report'; code: ReportCode; reason: string };

const consistent: Verdict = { kind: 'consistent' };
const report = (code: ReportCode, reason: string): Verdict => ({ kind: 'report', code, reason });

export function judgeRefund(ledger: LedgerSide, provider: ProviderSide | null, thresholds: ReconcileThresholds = DEFAULT_RECONCILE_THRESHOLDS): Verdict {
  // A running saga finishes its own reservation: its provider retries get the refund back by its key.
  const inFlight = ledger.sagaRunning === true || (ledger.sagaRunning === undefined && ledger.ageMs < thresholds.inFlightMs);
  if (!provider) return withoutProviderRefund(ledger, thresholds);

  if (provider.amountCents !== ledger.amountCents || provider.paymentMethodId !== ledger.paymentMethodId) {
    return report(
      'provider_disagrees',
      `the provider's refund ${provider.refundId} under this saga's key is ${formatCents(provider.amountCents)} to ${provider.paymentMethodId}, the ledger says ${formatCents(ledger.amountCents)} to ${ledger.paymentMethodId}`,
    );
  }
  if (ledger.providerRefundId !== null && ledger.providerRefundId !== provider.refundId) {
    return report('provider_disagrees', `the ledger names provider refund ${ledger.providerRefundId}, the provider made ${provider.refundId} under this saga's key`);
  }

  if (provider.status === 'reversed') {
    switch (ledger.status) {
      case 'reversed':
      case 'released':
        return consistent;
      case 'reserved':
        return inFlight ? consistent : report('reserved_but_reversed_at_provider', `the provider refunded and reversed ${provider.refundId}, but the ledger still holds a reservation`);
      case 'owed':
        return report('owed_unpaid', `still owed to the customer: the provider's refund ${provider.refundId} was reversed${because(ledger)}`);
      case 'refunded':
      case 'recorded':
        return report('paid_but_reversed_at_provider', `the ledger shows the refund paid, but the provider reversed ${provider.refundId}`);
    }
  }

  switch (ledger.status) {
    case 'reserved':
      if (inFlight) return consistent;
      return repairOf(ledger, provider, 'the provider paid it, but the saga never wrote that down');
    case 'owed':
      return repairOf(ledger, provider, 'the provider paid it after all, though the ledger had it as owed');
    case 'released':
      return repairOf(ledger, provider, 'the provider paid it, but the reservation was released without a reversal');
    case 'reversed':
      return report('reversed_but_paid_at_provider', `the ledger shows the refund reversed, but the provider's refund ${provider.refundId} was never reversed`);
    case 'refunded':
    case 'recorded':
      if (ledger.providerRefundId === null) {
        return report('paid_twice', `the ledger shows it paid in the store, yet the provider also paid ${provider.refundId} under this saga's key`);
      }
      return orderCheck(ledger);
  }
}

function withoutProviderRefund(ledger: LedgerSide, thresholds: ReconcileThresholds): Verdict {
  switch (ledger.status) {
    case 'reserved':
      return ledger.ageMs >= thresholds.staleReservationMs && ledger.sagaRunning !== true
        ? report('stale_reservation', `reserved ${Math.round(ledger.ageMs / 60_000)} minutes ago and never paid: its saga may have stopped`)
        : consistent;
    case 'owed':
      return report('owed_unpaid', `still owed to the customer: the provider never paid it${because(ledger)}`);
    case 'released':
      return consistent;
    case 'reversed':
      return report('reversed_not_at_provider', 'the ledger shows a provider refund that was reversed, but the provider has no refund under this saga\'s key');
    case 'refunded':
    case 'recorded':
      // Paid in the store (a gift card) never involves the provider.
      if (ledger.providerRefundId === null) return orderCheck(ledger);
      return report('paid_not_at_provider', `the ledger shows it paid as ${ledger.providerRefundId}, but the provider has no refund under this saga's key`);
  }
}

/** A paid entry whose order lost (or never got) its refund row. */
function orderCheck(ledger: LedgerSide): Verdict {
  if (ledger.recordedPosition !== null && !ledger.orderShowsRefund) {
    return report('order_missing_refund', `the ledger says order ${ledger.orderId} shows the refund at position ${ledger.recordedPosition}, but the order has no such refund row`);
  }
  if (ledger.status === 'recorded' && ledger.recordedPosition === null) {
    return report('order_missing_refund', `the ledger shows the refund recorded, but names no refund row on order ${ledger.orderId}`);
  }
  return consistent;
}

function repairOf(ledger: LedgerSide, provider: ProviderSide, why: string): Verdict {
  const shown = ledger.recordedPosition !== null && ledger.orderShowsRefund;
  return {
    kind: 'repair',
    reason: `${why}: recorded provider refund ${provider.refundId}${shown ? '' : ` and its refund row on order ${ledger.orderId}`}`,
    repair: { from: ledger.status, to: shown ? 'refunded' : 'recorded', providerRefundId: provider.refundId, addOrderRow: !shown },
  };
}

const because = (ledger: LedgerSide) => (ledger.failureReason ? ` (${ledger.failureReason})` : '');

/** One line of what a reconciliation run found. */
export interface Finding {
  sagaId: string;
  orderId: string;
  amountCents: number;
  outcome: 'repaired' | 'reported';
  code: ReportCode | 'repaired';
  reason: string;
}

export interface ReconciliationSummary {
  checked: number;
  repaired: number;
  reported: number;
  /** Entries the provider could not be asked about this run (it was down); the next run asks again. */
  unreachable: number;
  findings: Finding[];
}

/** A finding as a person reads it, one line: `reported owed_unpaid #W1 $5.00 saga-1: ...`. */
export function findingLine(finding: Finding): string {
  const code = finding.outcome === 'repaired' ? '' : ` ${finding.code}`;
  return `${finding.outcome}${code} ${finding.orderId} ${formatCents(finding.amountCents)} ${finding.sagaId}: ${finding.reason}`;
}

/** `GET /v1/refunds`' groups, as supervisors and auditors name them. */
export const REFUND_GROUPS = {
  pending: ['reserved'],
  owed: ['owed'],
  failed: ['released', 'reversed'],
  paid: ['refunded', 'recorded'],
} as const satisfies Record<string, readonly LedgerStatus[]>;

export type RefundGroup = keyof typeof REFUND_GROUPS;

export const groupOf = (status: LedgerStatus): RefundGroup =>
  (Object.keys(REFUND_GROUPS) as RefundGroup[]).find((group) => (REFUND_GROUPS[group] as readonly LedgerStatus[]).includes(status)) ?? 'pending';
