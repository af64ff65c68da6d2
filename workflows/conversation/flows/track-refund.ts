import type { TrackRefundFlow } from '../../../domain/conversation';
import { describeRefunds } from '../../../domain/refund-status-text';
import { refundStatus } from '../../activity-proxies';
import { customerFlow } from './dialogue-flow';
import { finish } from './replies';
import { say } from '../speaking';

/** Where the customer's refunds are, from the ledger and their orders: answered as soon as they are known. */
export const trackRefund = customerFlow<TrackRefundFlow>({
  kind: 'track_refund',
  opening: 'I can check on your refunds.',
  askNext: async (state, _flow, preface) => {
    const facts = await refundStatus({ customerId: state.identity?.customerId ?? '' });
    return finish(state, { replies: [{ text: `${preface}${describeRefunds(facts, (key, params) => say(state, key, params))}` }], intent: 'track_refund' });
  },
});
