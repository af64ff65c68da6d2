import {
  ApplicationFailure,
  CancellationScope,
  condition,
  log,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { FAILURE } from '../../domain/failures';
import type { ApprovalDecision, RefundSagaInput, RefundSagaPhase, RefundSagaResult } from '../../domain/refunds';
import { sagaCompensations as compensations, sagaSteps as steps } from '../activity-proxies';
import { approveRefundSignal, denyRefundSignal, refundPhaseQuery } from './definitions';

/**
 * The saga as sagas started before results became values run it (replayed only): the same steps,
 * but a failure rethrows, and the provider gets one activity's retries. Remove once no saga
 * started before the `refund-saga-result-as-value` patch can still be open.
 */
export async function refundSagaThatThrows(input: RefundSagaInput): Promise<RefundSagaResult> {
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
    await steps.reserveRefund({
      sagaId,
      orderId: input.orderId,
      customerId: input.customerId,
      paymentMethodId: input.paymentMethodId,
      amountCents: input.amountCents,
      purpose: input.purpose,
    });
    undo.push(() => compensations.releaseRefund(sagaId));

    let providerRefundId: string | undefined;
    if (input.viaProvider !== false) {
      phase = 'refunding';
      providerRefundId = await steps.refundThroughProvider(sagaId);
      undo.push(() => compensations.reverseProviderRefund(sagaId));
    } else {
      await steps.markRefundedInStore(sagaId);
    }

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
    // The conversation that started this saga is where the customer hears of it.
    await steps.notifyCustomer({ sagaId, text: input.notification, conversationWorkflowId: workflowInfo().parent?.workflowId });
    phase = 'completed';
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
    throw ApplicationFailure.create({
      type: FAILURE.refundFailed,
      message: `the refund failed while ${failedAt}: ${rootMessage(err)}; ${undo.length} completed step(s) were undone`,
      nonRetryable: true,
      cause: err instanceof Error ? err : undefined,
    });
  }
}

/** The innermost reason: an activity failure wraps the activity's own ApplicationFailure. */
function rootMessage(err: unknown): string {
  let current: unknown = err;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
