import type { Reading } from '../../../domain/understanding/reading';
import type { PaymentChangeFacts, PaymentChoice } from '../../../activities/payment-change';
import type { CarriedState, PaymentChangeFlow, ReplyOption } from '../../../domain/conversation';
import { formatCents, type Proposal } from '../../../domain/policy';
import { answerProposal, doneReply, proposeAction, type ActionSpec } from './steps/proposal';
import { customerFlow, statusesFor } from './dialogue-flow';
import { pickOne } from './steps/choosing';
import { ask, finish, type FlowReply } from './replies';
import { delayedRefundNote, refundThroughProvider } from '../refund-credit';
import { paymentChangeFacts } from '../../activity-proxies';

const CARD_REFUND_TIME = 'card and PayPal refunds usually arrive within 5 to 7 business days';

const asOptions = (methods: PaymentChoice[]): ReplyOption[] => methods.map(({ id, label }) => ({ id, label }));

/**
 * How the bot names a method in a sentence: a gift card's label carries its balance, which may be
 * stale by then, and its id only matters when the customer has more than one.
 */
function nameOf(method: PaymentChoice | undefined, fallbackId: string, all: readonly PaymentChoice[] = []): string {
  if (!method) return fallbackId;
  if (method.source !== 'gift_card') return method.label;
  return all.filter((m) => m.source === 'gift_card').length > 1 ? `your gift card ${method.id}` : 'your gift card';
}

const covers = (method: PaymentChoice, totalCents: number) => method.source !== 'gift_card' || (method.balanceCents ?? 0) >= totalCents;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const methodsOf = (facts: PaymentChangeFacts) => [...(facts.current ? [facts.current] : []), ...facts.others];

const paymentSpec = (flow: PaymentChangeFlow, facts?: PaymentChangeFacts): ActionSpec => ({
  request: { kind: 'modify_pending_order_payment', orderId: flow.orderId ?? '', paymentMethodId: flow.paymentMethodId ?? '' },
  yesNo: [
    { id: 'yes', label: 'Yes, change it' },
    { id: 'no', label: 'No, keep it as it is' },
  ],
  cannot: 'I cannot change how that order is paid: {reason}',
  ...(facts ? { describe: (proposal: Proposal) => describeChange(proposal, facts) } : {}),
});

/** The policy's proposal in the customer's words: which order, from which method to which, how much. */
function describeChange(proposal: Proposal, facts: PaymentChangeFacts): string {
  const methods = methodsOf(facts);
  const name = (id: string) => nameOf(methods.find((m) => m.id === id), id, methods);
  const charges = proposal.charges.map((c) => `${name(c.paymentMethodId)} is charged ${formatCents(c.amountCents)}`);
  const refunds = proposal.refunds.map((r) => {
    const when = methods.find((m) => m.id === r.paymentMethodId)?.source === 'gift_card' ? 'at once' : 'within 5 to 7 business days';
    return `${name(r.paymentMethodId)} is refunded ${formatCents(r.amountCents)} ${when}`;
  });
  const from = proposal.refunds[0]?.paymentMethodId ?? facts.current?.id ?? '';
  return `Order ${proposal.orderId ?? ''} will be paid with ${name(proposal.paymentMethodId ?? '')} instead of ${name(from)}: ${[...charges, ...refunds].join(', and ')}.`;
}

/** The pending order is chosen: which of the customer's other methods should pay for it? */
async function askPaymentMethod(state: CarriedState, flow: PaymentChangeFlow, preface = ''): Promise<FlowReply> {
  const orderId = flow.orderId ?? '';
  const facts = await paymentChangeFacts({ customerId: state.identity?.customerId ?? '', orderId });
  if (!facts) return finish(state, { replies: [{ text: `${preface}That is not one of your orders.` }], intent: flow.kind });
  if (facts.refusal) return finish(state, { replies: [{ text: `${preface}I cannot change how order ${orderId} is paid: ${facts.refusal}` }], intent: flow.kind });
  const current = nameOf(facts.current ?? undefined, 'its current payment method', methodsOf(facts));
  if (facts.others.length === 0) {
    return finish(state, {
      replies: [{ text: `${preface}Order ${orderId} is paid with ${current}, and your account has no other payment method to pay it with instead.` }],
      intent: flow.kind,
    });
  }
  flow.step = 'payment_method';
  flow.amountCents = facts.totalCents;
  if (facts.current) flow.currentMethod = asOptions([facts.current])[0];
  return ask(
    flow,
    `${preface}Order ${orderId} (${formatCents(facts.totalCents)}) is paid with ${current}. Which payment method would you like to pay with instead?`,
    'payment_method',
    asOptions(facts.others),
  );
}

/** The new method (a gift card must cover the total) → yes/no → the change; a card or PayPal refund leaves through the provider. */
async function continuePaymentChange(state: CarriedState, flow: PaymentChangeFlow, reading: Reading): Promise<FlowReply> {
  const customerId = state.identity?.customerId ?? '';
  const orderId = flow.orderId ?? '';
  if (flow.step === 'payment_method') {
    // Read again: a balance or the order may have changed since the question.
    const facts = await paymentChangeFacts({ customerId, orderId });
    if (!facts || facts.refusal) {
      return finish(state, { replies: [{ text: `I cannot change how order ${orderId} is paid: ${facts?.refusal ?? 'it is not one of your orders.'}` }], intent: flow.kind });
    }
    const offered = asOptions(facts.others);
    const again = 'Please choose one of these payment methods:';
    const chosen = pickOne(flow, reading, reading.plainWords ? offered : flow.options ?? [], { awaiting: 'payment_method', again, what: 'payment methods' });
    const method = facts.others.find((m) => m.id === chosen.picked?.id);
    if (!method) {
      const current = facts.current && reading.alternative?.id === facts.current.id ? reading.alternative : undefined;
      if (!current && chosen.reply && reading.plainWords) return chosen.reply;
      const why = current ? `Order ${orderId} is already paid with ${nameOf(facts.current ?? undefined, current.id, methodsOf(facts))}. ` : '';
      return ask(flow, `${why}${again}`, 'payment_method', offered);
    }
    if (!covers(method, facts.totalCents)) {
      const payable = facts.others.filter((m) => covers(m, facts.totalCents));
      const short = `${capitalised(nameOf(method, method.id, methodsOf(facts)))} has ${formatCents(method.balanceCents ?? 0)}, which is not enough to pay the order total of ${formatCents(facts.totalCents)}, so it cannot pay for order ${orderId}.`;
      if (payable.length === 0) {
        return finish(state, {
          replies: [{ text: `${short} None of your other payment methods can pay it either, so the order stays paid with ${nameOf(facts.current ?? undefined, 'its current method', methodsOf(facts))}.` }],
          intent: flow.kind,
        });
      }
      return ask(flow, `${short} You can pay with one of these instead:`, 'payment_method', asOptions(payable));
    }
    flow.paymentMethodId = method.id;
    return proposeAction(state, flow, paymentSpec(flow, facts));
  }
  const declined = `All right, order ${orderId} stays paid as it is. Anything else I can do?`;
  return answerProposal(state, flow, reading, { ...paymentSpec(flow), declined }, async (result, proposalId) => {
    const news = await refundThroughProvider(state, { orderId, proposalId, action: 'modify_pending_order_payment', refunds: result.refunds, purpose: 'payment_change' });
    const after = await paymentChangeFacts({ customerId, orderId });
    const methods = after ? methodsOf(after) : [];
    const newMethod = methods.find((m) => m.id === result.proposal.paymentMethodId);
    const charged = result.proposal.charges.map((c) => formatCents(c.amountCents)).join(' and ');
    const lines = [`Done: order ${orderId} is now paid with ${nameOf(newMethod, result.proposal.paymentMethodId ?? '', methods)}, which is charged ${charged}.`];
    if (newMethod?.source === 'gift_card') lines.push(`Its balance is now ${formatCents(newMethod.balanceCents ?? 0)}.`);
    for (const refund of result.refunds) {
      const old = methods.find((m) => m.id === refund.paymentMethodId);
      lines.push(
        refund.source !== 'gift_card' && news === 'delayed' ? delayedRefundNote([refund])
        : refund.source === 'gift_card'
          ? `${formatCents(refund.amountCents)} is back on ${nameOf(old, refund.paymentMethodId, methods)} already: its balance is now ${formatCents(old?.balanceCents ?? 0)}.`
          : `The ${formatCents(refund.amountCents)} paid with ${nameOf(old, refund.paymentMethodId, methods)} is refunded; ${CARD_REFUND_TIME}.`,
      );
    }
    const detail = `order ${orderId} paid with ${result.proposal.paymentMethodId ?? ''} instead of ${result.refunds.map((r) => r.paymentMethodId).join(', ')}`;
    return doneReply(state, flow, 'modify_pending_order_payment', detail, lines.join(' '), news === 'delayed' ? 'delayed' : 'executed');
  });
}

/** Paying a pending order another way: the customer's other methods (a gift card must cover the total), yes/no. */
export const paymentChange = customerFlow<PaymentChangeFlow>({
  kind: 'modify_payment_method',
  opening: 'I can change how an order is paid.',
  orders: {
    statuses: statusesFor('modify_payment'),
    which: 'Which order would you like to pay differently?',
    noneLeft: 'You have no orders whose payment method can still be changed: only orders that have not been processed yet can be.',
  },
  askNext: askPaymentMethod,
  // Naming the method that already pays is answered as such, not as an unknown choice.
  alternatives: (flow) => (flow.step === 'payment_method' && flow.currentMethod ? { options: [flow.currentMethod] } : undefined),
  continue: continuePaymentChange,
});
