import { executeChild, workflowInfo } from '@temporalio/workflow';
import type { RefundToMove } from '../../activities/perform-action';
import type { CarriedState } from '../../domain/conversation';
import type { RefundPurpose } from '../../domain/refunds';
import { RefundSagaWorkflow } from '../refund-saga/workflow';

interface SagaRun {
  orderId: string;
  proposalId: string;
  refunds: RefundToMove[];
  purpose: RefundPurpose;
  /** False when the action already wrote the refund into the order. */
  recordOnOrder: boolean;
  restockItemIds?: string[];
  /** Part of each child's workflow id, so a replayed or retried turn starts the same sagas. */
  idPart: string;
}

/** One refund saga per refund, as children of this conversation, one after the other. */
async function runRefundSagas(state: CarriedState, run: SagaRun): Promise<void> {
  for (const [index, refund] of run.refunds.entries()) {
    await executeChild(RefundSagaWorkflow, {
      workflowId: `${workflowInfo().workflowId}-${run.idPart}-${run.proposalId}-${index}`,
      args: [
        {
          orderId: run.orderId,
          customerId: state.identity?.customerId ?? '',
          paymentMethodId: refund.paymentMethodId,
          amountCents: refund.amountCents,
          purpose: run.purpose,
          viaProvider: refund.source !== 'gift_card',
          recordOnOrder: run.recordOnOrder,
          restockItemIds: index === 0 ? (run.restockItemIds ?? []) : [],
          notification: `Your refund for order ${run.orderId} has been issued.`,
        },
      ],
    });
  }
}

/**
 * Money the store has not written yet (a received return, a goodwill credit): the saga records it
 * on the order; cards and PayPal go through the provider, gift cards are credited by the store.
 */
export function creditThroughSaga(
  state: CarriedState,
  orderId: string,
  proposalId: string,
  refunds: RefundToMove[],
  purpose: RefundPurpose,
  restockItemIds: string[] = [],
): Promise<void> {
  return runRefundSagas(state, { orderId, proposalId, refunds, purpose, recordOnOrder: true, restockItemIds, idPart: purpose });
}

/**
 * Money the store already wrote back (a cancellation, a cheaper item) still has to leave the
 * provider for cards and PayPal; gift cards were credited by the store itself.
 */
export function refundThroughProvider(state: CarriedState, orderId: string, proposalId: string, refunds: RefundToMove[], purpose: RefundPurpose): Promise<void> {
  const external = refunds.filter((r) => r.source !== 'gift_card');
  return runRefundSagas(state, { orderId, proposalId, refunds: external, purpose, recordOnOrder: false, idPart: 'refund' });
}
