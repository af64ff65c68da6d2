import type { CarriedState, TrackOrderFlow } from '../../../domain/conversation';
import { describeOrderStatus } from '../../../domain/order-status-text';
import { ORDER_STATUS } from '../../../domain/policy';
import { orderStatus } from '../../activity-proxies';
import { customerFlow } from './dialogue-flow';
import { finish, type FlowReply } from './replies';
import { say } from '../speaking';

/** Where an order is, from the store: status, items and tracking numbers. Any order can be looked up. */
export const trackOrder = customerFlow<TrackOrderFlow>({
  kind: 'track_order',
  opening: 'I can look that order up for you.',
  orders: {
    statuses: Object.values(ORDER_STATUS),
    which: 'Which order would you like to know about?',
    noneLeft: 'I cannot find any orders on your account.',
    takeTheOnlyOne: true,
  },
  askNext: async (state, flow, preface) => finish(state, await reportOrder(state, flow.orderId ?? '', preface)),
});

async function reportOrder(state: CarriedState, orderId: string, preface: string): Promise<FlowReply> {
  const status = await orderStatus({ customerId: state.identity?.customerId ?? '', orderId });
  const text = status ? describeOrderStatus(status, (key, params) => say(state, key, params)) : say(state, 'I could not find order {orderId} on your account.', { orderId });
  return { replies: [{ text: `${preface}${text}` }], intent: 'track_order' };
}
