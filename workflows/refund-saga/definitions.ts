import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { ApprovalDecision, RefundProgress, RefundSagaPhase } from '../../domain/refunds';

export const approveRefundSignal = defineSignal<[ApprovalDecision]>('approveRefund');
export const denyRefundSignal = defineSignal<[ApprovalDecision]>('denyRefund');
export const refundPhaseQuery = defineQuery<RefundSagaPhase>('refundPhase');
/** The saga's news for the conversation it belongs to (paid, delayed, and how it ended). */
export const refundProgressSignal = defineSignal<[RefundProgress]>('refundProgress');
