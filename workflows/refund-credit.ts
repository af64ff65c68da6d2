import { executeChild, workflowInfo } from '@temporalio/workflow';
import type { RefundToMove } from '../activities/perform-action';
import type { CarriedState } from '../domain/conversation';
import { formatCents } from '../domain/policy';
import type { RefundPurpose } from '../domain/refunds';
import { RefundSagaWorkflow } from './refund-saga-workflow';

/**
 * Money the store has not written yet (a received return, a goodwill credit): one refund saga per
 * refund, as a child of the conversation. It records the refund on the order; cards and PayPal go
 * through the provider, gift cards are credited by the store.
 */
export async function creditThroughSaga(
  state: CarriedState,
  orderId: string,
  proposalId: string,
  refunds: RefundToMove[],
  purpose: RefundPurpose,
  restockItemIds: string[] = [],
): Promise<void> {
  for (const [index, refund] of refunds.entries()) {
    await executeChild(RefundSagaWorkflow, {
      workflowId: `${workflowInfo().workflowId}-${purpose}-${proposalId}-${index}`,
      args: [
        {
          orderId,
          customerId: state.identity?.customerId ?? '',
          paymentMethodId: refund.paymentMethodId,
          amountCents: refund.amountCents,
          purpose,
          viaProvider: refund.source !== 'gift_card',
          recordOnOrder: true,
          restockItemIds: index === 0 ? restockItemIds : [],
          notification: `${formatCents(refund.amountCents)} for order ${orderId} is on its way back to you.`,
        },
      ],
    });
  }
}
