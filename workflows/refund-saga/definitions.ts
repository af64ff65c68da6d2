import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { ApprovalDecision, RefundSagaPhase } from '../../domain/refunds';

export const approveRefundSignal = defineSignal<[ApprovalDecision]>('approveRefund');
export const denyRefundSignal = defineSignal<[ApprovalDecision]>('denyRefund');
export const refundPhaseQuery = defineQuery<RefundSagaPhase>('refundPhase');
