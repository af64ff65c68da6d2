import type { CarriedState } from '../../../domain/conversation';
import { describeOrderStatus } from '../../../domain/order-status-text';
import { describeRefunds } from '../../../domain/refund-status-text';
import type { FlowReply } from './replies';
import { orderStatus, refundStatus } from '../../activity-proxies';

/** Where the chosen order is, from the store: status, items and tracking numbers. */
export async function reportOrder(state: CarriedState, orderId: string, preface: string): Promise<FlowReply> {
  const status = await orderStatus({ customerId: state.identity?.customerId ?? '', orderId });
  const text = status ? describeOrderStatus(status) : `I could not find order ${orderId} on your account.`;
  return { replies: [{ text: `${preface}${text}` }], intent: 'track_order' };
}

/** Where the customer's refunds are, from the ledger and their orders. */
export async function reportRefunds(state: CarriedState, preface: string): Promise<FlowReply> {
  const facts = await refundStatus({ customerId: state.identity?.customerId ?? '' });
  return { replies: [{ text: `${preface}${describeRefunds(facts)}` }], intent: 'track_refund' };
}
