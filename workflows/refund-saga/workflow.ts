import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  log,
  patched,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { ApprovalDecision, RefundProgress, RefundSagaInput, RefundSagaPhase, RefundSagaResult } from '../../domain/refunds';
import { askProviderToRefund, sagaCompensations as compensations, sagaSteps as steps } from '../activity-proxies';
import { approveRefundSignal, denyRefundSignal, refundPhaseQuery, refundProgressSignal } from './definitions';
import { refundSagaThatThrows } from './legacy';

/** Sagas started before this patch rethrow their failures; they replay the code they ran. */
export const RESULT_AS_VALUE_PATCH = 'refund-saga-result-as-value';

/** Between asks of a provider that is down: from a few seconds, doubling, to at most this. */
const FIRST_WAIT_MS = 2_000;
const LONGEST_WAIT_MS = 5 * 60_000;

/** The provider said no (not "not now"): asking again cannot help, the refund is owed at once. */
const PROVIDER_REFUSED = 'ProviderRejected';

/**
 * Moves money back to a customer: reserve in the ledger → refund at the provider → record on the
 * order → restock → notify. A provider that is down is waited out on durable timers for the
 * deployment's retry budget; past it (or refused) the refund settles as owed and a person takes
 * over. When another step fails for good, the finished steps are undone in reverse. Whatever
 * happens, the saga ends with a result value and tells its conversation: it never fails its caller.
 */
export async function RefundSagaWorkflow(input: RefundSagaInput): Promise<RefundSagaResult> {
  if (!patched(RESULT_AS_VALUE_PATCH)) return refundSagaThatThrows(input);
  const sagaId = workflowInfo().workflowId;
  let phase: RefundSagaPhase = input.approval ? 'awaiting_approval' : 'reserving';
  let decision: { approved: boolean; by: string; reason?: string } | undefined;
  setHandler(refundPhaseQuery, () => phase);
  setHandler(approveRefundSignal, (d: ApprovalDecision) => {
    decision ??= { approved: true, by: d.by, reason: d.reason };
  });
  setHandler(denyRefundSignal, (d: ApprovalDecision) => {
    decision ??= { approved: false, by: d.by, reason: d.reason };
  });
  const report = (progress: Omit<RefundProgress, 'sagaId'>) => tellConversation(input.reportTo, { sagaId, ...progress });

  if (input.approval) {
    const decided = await condition(() => decision !== undefined, input.approval.timeoutMs);
    if (!decided || !decision) {
      phase = 'approval_timed_out';
      return { outcome: 'approval_timed_out', reason: `no ${input.approval.role} decided in time` };
    }
    if (!decision.approved) {
      phase = 'denied';
      return { outcome: 'denied', decidedBy: decision.by, reason: decision.reason };
    }
  }

  const undo: (() => Promise<void>)[] = [];
  try {
    phase = 'reserving';
    const viaProvider = input.viaProvider !== false;
    const { retryBudgetMs } = await steps.reserveRefund({
      sagaId,
      orderId: input.orderId,
      customerId: input.customerId,
      paymentMethodId: input.paymentMethodId,
      amountCents: input.amountCents,
      purpose: input.purpose,
      ...(input.reportTo ? { conversationWorkflowId: input.reportTo } : {}),
      claimsOrderRefund: viaProvider && input.recordOnOrder === false,
    });
    undo.push(() => compensations.releaseRefund(sagaId));

    let providerRefundId: string | undefined;
    if (viaProvider) {
      phase = 'refunding';
      const asked = await askUntilPaid(sagaId, input.retryBudgetMs ?? retryBudgetMs, () => {
        phase = 'waiting_for_provider';
        return report({ kind: 'delayed', reason: 'the payment provider is not answering' });
      });
      if (asked.paid) providerRefundId = asked.providerRefundId;
      else {
        phase = 'settling_owed';
        const settled = await compensations.settleRefundAsOwed({ sagaId, reason: asked.reason });
        if (settled.status === 'owed') {
          phase = 'owed';
          await report({ kind: 'owed', reason: asked.reason, attempts: settled.attempts });
          return { outcome: 'owed', reason: asked.reason, attempts: settled.attempts };
        }
        // The provider had taken it after all; its answer was lost on the way.
        providerRefundId = settled.providerRefundId;
      }
      undo.push(() => compensations.reverseProviderRefund(sagaId));
    } else {
      await steps.markRefundedInStore(sagaId);
    }
    await report({ kind: 'paid' });

    if (input.recordOnOrder !== false) {
      phase = 'recording';
      await steps.recordRefundOnOrder({ sagaId, orderStatusAfter: input.orderStatusAfter });
      undo.push(() => compensations.revertRefundOnOrder(sagaId));
    }

    if (input.restockItemIds.length > 0) {
      phase = 'restocking';
      await steps.restockItems({ sagaId, itemIds: input.restockItemIds });
      undo.push(() => compensations.unrestockItems(sagaId));
    }

    phase = 'notifying';
    await steps.notifyCustomer({ sagaId, text: input.notification, conversationWorkflowId: input.reportTo ?? workflowInfo().parent?.workflowId });
    phase = 'completed';
    await report({ kind: 'completed' });
    return { outcome: 'completed', providerRefundId, decidedBy: decision?.by };
  } catch (err) {
    const failedAt = phase;
    phase = 'compensating';
    await CancellationScope.nonCancellable(async () => {
      for (const compensate of undo.reverse()) {
        try {
          await compensate();
        } catch (compensationError) {
          log.error('refund compensation failed; continuing with the rest', { sagaId, error: String(compensationError) });
        }
      }
    });
    phase = 'compensated';
    const reason = `the refund failed while ${failedAt}: ${rootMessage(err)}; ${undo.length} completed step(s) were undone`;
    await report({ kind: 'compensated', reason });
    return { outcome: 'compensated', reason };
  }
}

type Asked = { paid: true; providerRefundId: string } | { paid: false; reason: string };

/**
 * Asks the provider until it pays, it refuses, or the budget is spent. Waiting is a durable timer:
 * a worker restart or a deploy in between loses nothing. `onFirstDelay` runs once.
 */
async function askUntilPaid(sagaId: string, budgetMs: number, onFirstDelay: () => Promise<void>): Promise<Asked> {
  const giveUpAt = Date.now() + budgetMs;
  let wait = FIRST_WAIT_MS;
  let delayed = false;
  for (;;) {
    try {
      return { paid: true, providerRefundId: await askProviderToRefund(sagaId) };
    } catch (err) {
      const cause = err instanceof ActivityFailure ? err.cause : err;
      const reason = rootMessage(err);
      if (cause instanceof ApplicationFailure && cause.type === PROVIDER_REFUSED) return { paid: false, reason: `the payment provider refused it: ${reason}` };
      if (cause instanceof ApplicationFailure && cause.nonRetryable) throw err;
      if (Date.now() + wait >= giveUpAt) return { paid: false, reason: `the payment provider kept failing for the whole retry budget: ${reason}` };
      if (!delayed) {
        delayed = true;
        await onFirstDelay();
      }
      await sleep(wait);
      wait = Math.min(wait * 2, LONGEST_WAIT_MS);
    }
  }
}

/** The conversation may have closed meanwhile; the ledger still has it all, so a lost note is only logged. */
async function tellConversation(workflowId: string | undefined, progress: RefundProgress): Promise<void> {
  if (!workflowId) return;
  try {
    await getExternalWorkflowHandle(workflowId).signal(refundProgressSignal, progress);
  } catch (err) {
    log.warn('the conversation could not be told how its refund went', { sagaId: progress.sagaId, kind: progress.kind, error: String(err) });
  }
}

/** The innermost reason: an activity failure wraps the activity's own ApplicationFailure. */
function rootMessage(err: unknown): string {
  let current: unknown = err;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
