import type { Knex } from 'knex';
import { entriesToReconcile, orderShowsRefund, recordProviderRefund } from '../db/repositories/refund-audit';
import type { LedgerEntry } from '../db/repositories/refund-ledger';
import { formatCents } from '../domain/policy';
import {
  DEFAULT_RECONCILE_THRESHOLDS,
  judgeRefund,
  type Finding,
  type ReconcileRequest,
  type ReconciliationSummary,
  type Verdict,
} from '../domain/reconciliation';
import { conversationIdOfWorkflow } from '../observability/conversation-ids';
import { ProviderUnavailableError, type PaymentProvider } from '../payments/payment-provider';

/** Whether the workflow with this id still runs (the worker asks Temporal); a refund saga's id is its saga id. */
export type WorkflowIsRunning = (workflowId: string) => Promise<boolean>;

export const RECONCILE_DEFAULTS = { recentHours: 24, limit: 500 } as const;

/** Unanswered lookups in a row after which the provider counts as down for the rest of the run. */
const PROVIDER_DOWN_AFTER = 3;

/** The provider's key for a saga's refund (activities/refund-steps.ts makes it the same way). */
const providerRefundKey = (sagaId: string) => `${sagaId}:provider-refund`;

/**
 * Reconciliation: every unsettled ledger entry and the recently settled ones, against what the
 * provider says of the saga's refund key. Certain fixes are written at once (idempotent: a second run
 * finds them consistent); the rest are reported to supervisors, once per entry and kind of problem.
 */
export function createReconcileActivities(deps: { db: Knex; payments: PaymentProvider; workflowIsRunning?: WorkflowIsRunning }) {
  /** Only a reservation's saga matters (the others have settled); unknown when Temporal cannot say. */
  async function sagaRunning(entry: LedgerEntry): Promise<boolean | undefined> {
    if (entry.status !== 'reserved' || !deps.workflowIsRunning) return undefined;
    return deps.workflowIsRunning(entry.sagaId).catch(() => undefined);
  }

  return {
    async reconcileRefunds(request: ReconcileRequest = {}): Promise<ReconciliationSummary> {
      const now = Date.now();
      const thresholds = {
        inFlightMs: (request.inFlightMinutes ?? DEFAULT_RECONCILE_THRESHOLDS.inFlightMs / 60_000) * 60_000,
        staleReservationMs: (request.staleMinutes ?? DEFAULT_RECONCILE_THRESHOLDS.staleReservationMs / 60_000) * 60_000,
      };
      const entries = await entriesToReconcile(deps.db, {
        changedSince: new Date(now - (request.recentHours ?? RECONCILE_DEFAULTS.recentHours) * 3_600_000),
        limit: request.limit ?? RECONCILE_DEFAULTS.limit,
      });
      const summary: ReconciliationSummary = { checked: 0, repaired: 0, reported: 0, unreachable: 0, findings: [] };

      let unansweredInARow = 0;
      for (const entry of entries) {
        // A provider that is down would cost every entry its client timeout: after a few, the rest wait for the next run.
        if (unansweredInARow >= PROVIDER_DOWN_AFTER) {
          summary.unreachable++;
          continue;
        }
        let provider;
        try {
          provider = await deps.payments.lookupRefund({ idempotencyKey: providerRefundKey(entry.sagaId) });
          unansweredInARow = 0;
        } catch (err) {
          // The next run asks again; one provider hiccup does not stop the rest of the walk.
          if (err instanceof ProviderUnavailableError) {
            summary.unreachable++;
            unansweredInARow++;
            continue;
          }
          throw err;
        }
        summary.checked++;
        const verdict = judgeRefund(
          {
            ...entry,
            orderShowsRefund: await orderShowsRefund(deps.db, entry),
            ageMs: Math.max(0, now - Date.parse(entry.updatedAt)),
            sagaRunning: await sagaRunning(entry),
          },
          provider && { refundId: provider.refundId, amountCents: provider.amountCents, paymentMethodId: provider.paymentMethodId, status: provider.status },
          thresholds,
        );
        const finding = await act(entry, verdict);
        if (!finding) continue;
        summary.findings.push(finding);
        if (finding.outcome === 'repaired') summary.repaired++;
        else summary.reported++;
      }
      return summary;
    },
  };

  async function act(entry: LedgerEntry, verdict: Verdict): Promise<Finding | undefined> {
    const base = { sagaId: entry.sagaId, orderId: entry.orderId, amountCents: entry.amountCents };
    if (verdict.kind === 'consistent') return undefined;
    if (verdict.kind === 'repair') {
      const outcome = await recordProviderRefund(deps.db, { sagaId: entry.sagaId, ...verdict.repair });
      if (outcome === 'repaired') return { ...base, outcome: 'repaired', code: 'repaired', reason: verdict.reason };
      if (outcome === 'moved_on') return undefined;
      verdict = { kind: 'report', code: 'order_missing_refund', reason: `the provider paid ${verdict.repair.providerRefundId}, but order ${entry.orderId} no longer exists to record it on` };
    }
    // Like notifyStaff (activities/handoff.ts), keyed so that a problem seen every run is told once.
    await deps.db('staff_notifications')
      .insert({
        event_key: `reconcile:${entry.sagaId}:${verdict.code}`,
        audience: 'supervisor',
        kind: verdict.code === 'owed_unpaid' ? 'refund_owed' : 'refund_mismatch',
        conversation_id: conversationIdOfWorkflow(entry.conversationWorkflowId ?? entry.sagaId) ?? null,
        text: `Refund ${entry.sagaId} of ${formatCents(entry.amountCents)} on order ${entry.orderId} needs a person: ${verdict.reason}.`,
        created_at: new Date().toISOString(),
      })
      .onConflict('event_key')
      .ignore();
    return { ...base, outcome: 'reported', code: verdict.code, reason: verdict.reason };
  }
}
