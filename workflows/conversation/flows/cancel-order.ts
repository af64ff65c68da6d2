import type { CancelOrderFlow, CarriedState, ReplyOption } from '../../../domain/conversation';
import type { Reading } from '../../../domain/understanding/reading';
import { CANCEL_REASONS } from '../../../domain/policy';
import { formatList, money } from '../../../domain/messages';
import { answerProposal, doneReply, proposeAction, type ActionSpec } from './steps/proposal';
import { delayedRefundNote, refundThroughProvider } from '../refund-credit';
import { customerFlow, statusesFor } from './dialogue-flow';
import { ask, withPreface, type FlowReply } from './replies';
import { languageOf, say } from '../speaking';

const reasonOptions = (state: CarriedState): ReplyOption[] => [
  { id: CANCEL_REASONS[0], label: say(state, 'I no longer need it') },
  { id: CANCEL_REASONS[1], label: say(state, 'I ordered it by mistake') },
];

const cancelSpec = (state: CarriedState, flow: CancelOrderFlow): ActionSpec => ({
  request: { kind: 'cancel_pending_order', orderId: flow.orderId ?? '', reason: flow.reason ?? '' },
  yesNo: [
    { id: 'yes', label: say(state, 'Yes, cancel it') },
    { id: 'no', label: say(state, 'No, keep it') },
  ],
  cannot: 'I cannot cancel that order: {reason}',
});

/** The order is chosen: ask why. */
function askReason(state: CarriedState, flow: CancelOrderFlow, preface = ''): FlowReply {
  flow.step = 'reason';
  return ask(flow, `${preface}${say(state, 'Why would you like to cancel order {orderId}?', { orderId: flow.orderId ?? '' })}`, 'reason', reasonOptions(state));
}

/** The reason among the options, or in the customer's own words ("I don't need it anymore"). */
function reasonIn(reading: Reading): string | undefined {
  return reading.choice?.kind === 'one' ? reading.choice.option.id : reading.cancelReason;
}

/** The cancel-specific answers: the reason, then yes or no to the proposal. */
async function continueCancel(state: CarriedState, flow: CancelOrderFlow, reading: Reading): Promise<FlowReply> {
  if (flow.step === 'reason') {
    const reason = reasonIn(reading);
    if (!reason) return ask(flow, say(state, 'Please choose one of these reasons:'), 'reason', reasonOptions(state));
    flow.reason = reason;
    return proposeAction(state, flow, cancelSpec(state, flow));
  }
  // "Actually, I ordered it by mistake": a corrected reason gets a new proposal, not a yes/no question.
  const corrected = reading.entities.yesNo === undefined ? (reading.alternative?.id ?? reading.cancelReason) : undefined;
  if (corrected && corrected !== flow.reason) {
    flow.reason = corrected;
    return proposeAction(state, flow, cancelSpec(state, flow));
  }
  const orderId = flow.orderId ?? '';
  const declined = say(state, 'All right, order {orderId} stays as it is. Anything else I can do?', { orderId });
  return answerProposal(state, flow, reading, { ...cancelSpec(state, flow), declined }, async (result, proposalId) => {
    const news = await refundThroughProvider(state, { orderId, proposalId, action: 'cancel_pending_order', refunds: result.refunds, purpose: 'cancellation' });
    const refunds = result.refunds.map((r) => say(state, '{amount} to {method}', { amount: money(r.amountCents), method: r.paymentMethodId }));
    const refundNote =
      news === 'delayed' ? ` ${delayedRefundNote(result.refunds.filter((r) => r.source !== 'gift_card'), state)}`
      : refunds.length > 0 ? ` ${say(state, 'Your refund of {refunds} is on its way; card and PayPal refunds usually arrive within 5-7 business days, gift card credit at once.', { refunds: formatList(refunds, languageOf(state)) })}`
      : '';
    const done = say(state, 'Done: order {orderId} is cancelled.', { orderId });
    return doneReply(state, flow, 'cancel_pending_order', `order ${orderId} cancelled`, `${done}${refundNote}`, news === 'delayed' ? 'delayed' : 'executed');
  });
}

/** Cancelling a pending order: the reason, the proposal with its refund, yes/no; card and PayPal refunds leave through a saga. */
export const cancelOrder = customerFlow<CancelOrderFlow>({
  kind: 'cancel_order',
  opening: 'I can help you cancel an order.',
  orders: {
    statuses: statusesFor('cancel'),
    which: 'Which order would you like to cancel?',
    noneLeft: 'You have no orders that can still be cancelled: only orders that have not been processed yet can be.',
  },
  // "Please cancel it, I ordered it by mistake": a reason given up front is not asked for again.
  prefill: (flow, reading) => {
    if (reading.cancelReason) flow.reason = reading.cancelReason;
  },
  // At the confirmation the customer may give another reason instead of yes or no.
  alternatives: (flow, state) => (flow.step === 'confirmation' ? { options: reasonOptions(state) } : undefined),
  askNext: async (state, flow, preface) => (flow.reason ? withPreface(await proposeAction(state, flow, cancelSpec(state, flow)), preface) : askReason(state, flow, preface)),
  continue: continueCancel,
});
