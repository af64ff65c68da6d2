import type { Reading } from '../../../domain/understanding/reading';
import type { CarriedState, GoodwillCreditFlow, GoodwillOffer } from '../../../domain/conversation';
import { formatCents } from '../../../domain/policy';
import { formatList, money as moneyParam } from '../../../domain/messages';
import { languageOf, say } from '../speaking';
import { answerProposal, doneReply, proposeAction, type ActionSpec } from './steps/proposal';
import { offeredFlow } from './dialogue-flow';
import type { FlowReply } from './replies';
import { creditThroughSaga, delayedRefundNote } from '../refund-credit';

const goodwillSpec = (state: CarriedState, flow: GoodwillCreditFlow): ActionSpec => ({
  request: { kind: 'goodwill_credit', orderId: flow.orderId, amountCents: flow.amountCents, paymentMethodId: flow.paymentMethodId, reason: flow.reason },
  yesNo: [
    { id: 'yes', label: say(state, 'Yes, please') },
    { id: 'no', label: say(state, 'No, thank you') },
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
  const reply = await proposeAction(state, flow, goodwillSpec(state, flow), (proposalId) => {
    if (offer.role === 'supervisor') flow.approvals = [{ proposalId, role: 'supervisor', by: offer.by }];
  });
  const first = reply.replies[0];
  if (first && reply.awaiting === 'confirmation') first.text = `${say(state, 'Our team would like to make it up to you.')} ${first.text}`;
  return reply;
}

async function continueGoodwill(state: CarriedState, flow: GoodwillCreditFlow, reading: Reading): Promise<FlowReply> {
  const declined = say(state, 'All right, no credit will be applied. Anything else I can do?');
  return answerProposal(state, flow, reading, { ...goodwillSpec(state, flow), declined }, async (result, proposalId) => {
    const orderId = flow.orderId;
    const news = await creditThroughSaga(state, { orderId, proposalId, action: 'goodwill_credit', refunds: result.refunds, purpose: 'goodwill' });
    const money = result.refunds.map((r) => formatCents(r.amountCents)).join(' and ');
    // Each amount through a template, so the English kept beside the reply has it in English too.
    const amount = formatList(result.refunds.map((r) => say(state, '{amount}', { amount: moneyParam(r.amountCents) })), languageOf(state));
    const text =
      news === 'delayed'
        ? `${say(state, 'Done: a credit of {amount} is yours.', { amount })} ${delayedRefundNote(result.refunds)}`
        : say(state, 'Done: a credit of {amount} is on its way to you.', { amount });
    return doneReply(state, flow, 'goodwill_credit', `goodwill credit of ${money} on order ${orderId}`, text, news === 'delayed' ? 'delayed' : 'executed');
  });
}

/** A credit a person offered: the customer accepts or declines the policy's proposal, and a refund saga pays it. */
export const goodwillCredit = offeredFlow<GoodwillCreditFlow>({
  kind: 'goodwill_credit',
  continue: continueGoodwill,
});
