import type { Reading } from '../../../domain/understanding/reading';
import type { CarriedState, GoodwillCreditFlow, GoodwillOffer } from '../../../domain/conversation';
import { formatCents } from '../../../domain/policy';
import { answerProposal, doneReply, proposeAction, type ActionSpec } from './steps/proposal';
import { offeredFlow } from './dialogue-flow';
import type { FlowReply } from './replies';
import { creditThroughSaga, delayedRefundNote } from '../refund-credit';

const goodwillSpec = (flow: GoodwillCreditFlow): ActionSpec => ({
  request: { kind: 'goodwill_credit', orderId: flow.orderId, amountCents: flow.amountCents, paymentMethodId: flow.paymentMethodId, reason: flow.reason },
  yesNo: [
    { id: 'yes', label: 'Yes, please' },
    { id: 'no', label: 'No, thank you' },
  ],
  cannot: 'I cannot apply that credit: {reason}',
});

/**
 * A person offered the customer a goodwill credit: the policy builds the concrete proposal, a
 * supervisor's offer carries their approval, and the customer is asked to accept it.
 */
export async function offerGoodwill(state: CarriedState, offer: GoodwillOffer): Promise<FlowReply> {
  const flow: GoodwillCreditFlow = {
    kind: 'goodwill_credit',
    step: 'confirmation',
    orderId: offer.orderId,
    amountCents: offer.amountCents,
    paymentMethodId: offer.paymentMethodId,
    reason: offer.reason,
    approvals: [],
  };
  state.flow = flow;
  const reply = await proposeAction(state, flow, goodwillSpec(flow), (proposalId) => {
    if (offer.role === 'supervisor') flow.approvals = [{ proposalId, role: 'supervisor', by: offer.by }];
  });
  const first = reply.replies[0];
  if (first && reply.awaiting === 'confirmation') first.text = `Our team would like to make it up to you. ${first.text}`;
  return reply;
}

async function continueGoodwill(state: CarriedState, flow: GoodwillCreditFlow, reading: Reading): Promise<FlowReply> {
  const declined = 'All right, no credit will be applied. Anything else I can do?';
  return answerProposal(state, flow, reading, { ...goodwillSpec(flow), declined }, async (result, proposalId) => {
    const orderId = flow.orderId;
    const news = await creditThroughSaga(state, { orderId, proposalId, action: 'goodwill_credit', refunds: result.refunds, purpose: 'goodwill' });
    const money = result.refunds.map((r) => formatCents(r.amountCents)).join(' and ');
    const text = news === 'delayed' ? `Done: a credit of ${money} is yours. ${delayedRefundNote(result.refunds)}` : `Done: a credit of ${money} is on its way to you.`;
    return doneReply(state, flow, 'goodwill_credit', `goodwill credit of ${money} on order ${orderId}`, text, news === 'delayed' ? 'delayed' : 'executed');
  });
}

/** A credit a person offered: the customer accepts or declines the policy's proposal, and a refund saga pays it. */
export const goodwillCredit = offeredFlow<GoodwillCreditFlow>({
  kind: 'goodwill_credit',
  continue: continueGoodwill,
});
