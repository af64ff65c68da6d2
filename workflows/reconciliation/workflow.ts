import type { ReconcileRequest, ReconciliationSummary } from '../../domain/reconciliation';
import { reconcileRefunds } from '../activity-proxies';

/**
 * One reconciliation run of the refund ledger against the payment provider (the schedule starts one
 * every RECONCILE_EVERY_MINUTES; `refunds reconcile` starts one on demand). Its result is what it found.
 */
export async function ReconciliationWorkflow(request: ReconcileRequest = {}): Promise<ReconciliationSummary> {
  return reconcileRefunds(request);
}
