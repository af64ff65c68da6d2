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
import { formatList, money } from '../../../domain/messages';
import { languageOf, say, labelLanguage } from '../speaking';

const asOptions = (methods: PaymentChoice[]): ReplyOption[] => methods.map(({ id, label }) => ({ id, label }));

/**
 * How the bot names a method in a sentence: a gift card's label carries its balance, which may be
 * stale by then, and its id only matters when the customer has more than one.
 */
function nameOf(state: CarriedState, method: PaymentChoice | undefined, fallbackId: string, all: readonly PaymentChoice[] = []): string {
  if (!method) return fallbackId;
  if (method.source !== 'gift_card') return method.label;
  return all.filter((m) => m.source === 'gift_card').length > 1 ? say(state, 'your gift card {id}', { id: method.id }) : say(state, 'your gift card');
}

/** "a, and b" as the English has always joined them; the language's own list elsewhere. */
const joined = (state: CarriedState, parts: string[]) => (languageOf(state) === 'en' ? parts.join(', and ') : formatList(parts, languageOf(state)));

const covers = (method: PaymentChoice, totalCents: number) => method.source !== 'gift_card' || (method.balanceCents ?? 0) >= totalCents;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const methodsOf = (facts: PaymentChangeFacts) => [...(facts.current ? [facts.current] : []), ...facts.others];

const paymentSpec = (state: CarriedState, flow: PaymentChangeFlow, facts?: PaymentChangeFacts): ActionSpec => ({
  request: { kind: 'modify_pending_order_payment', orderId: flow.orderId ?? '', paymentMethodId: flow.paymentMethodId ?? '' },
  yesNo: [
    { id: 'yes', label: say(state, 'Yes, change it') },
    { id: 'no', label: say(state, 'No, keep it as it is') },
  ],
  cannot: 'I cannot change how that order is paid: {reason}',
  ...(facts ? { describe: (proposal: Proposal) => describeChange(state, proposal, facts) } : {}),
});

/** The policy's proposal in the customer's words: which order, from which method to which, how much. */
function describeChange(state: CarriedState, proposal: Proposal, facts: PaymentChangeFacts): string {
  const methods = methodsOf(facts);
  const name = (id: string) => nameOf(state, methods.find((m) => m.id === id), id, methods);
  const charges = proposal.charges.map((c) => say(state, '{method} is charged {amount}', { method: name(c.paymentMethodId), amount: money(c.amountCents) }));
  const refunds = proposal.refunds.map((r) => {
    const params = { method: name(r.paymentMethodId), amount: money(r.amountCents) };
    return methods.find((m) => m.id === r.paymentMethodId)?.source === 'gift_card'
      ? say(state, '{method} is refunded {amount} at once', params)
      : say(state, '{method} is refunded {amount} within 5 to 7 business days', params);
  });
  const from = proposal.refunds[0]?.paymentMethodId ?? facts.current?.id ?? '';
  return say(state, 'Order {orderId} will be paid with {to} instead of {from}: {changes}.', {
    orderId: proposal.orderId ?? '',
    to: name(proposal.paymentMethodId ?? ''),
    from: name(from),
    changes: joined(state, [...charges, ...refunds]),
  });
}

/** The pending order is chosen: which of the customer's other methods should pay for it? */
async function askPaymentMethod(state: CarriedState, flow: PaymentChangeFlow, preface = ''): Promise<FlowReply> {
  const orderId = flow.orderId ?? '';
  const facts = await paymentChangeFacts({ customerId: state.identity?.customerId ?? '', orderId, ...labelLanguage(state) });
  if (!facts) return finish(state, { replies: [{ text: `${preface}${say(state, 'That is not one of your orders.')}` }], intent: flow.kind });
  if (facts.refusal) {
    return finish(state, { replies: [{ text: `${preface}${say(state, 'I cannot change how order {orderId} is paid: {reason}', { orderId, reason: facts.refusal })}` }], intent: flow.kind });
  }
  const current = nameOf(state, facts.current ?? undefined, say(state, 'its current payment method'), methodsOf(facts));
  if (facts.others.length === 0) {
    const none = say(state, 'Order {orderId} is paid with {method}, and your account has no other payment method to pay it with instead.', { orderId, method: current });
    return finish(state, { replies: [{ text: `${preface}${none}` }], intent: flow.kind });
  }
  flow.step = 'payment_method';
  flow.amountCents = facts.totalCents;
  if (facts.current) flow.currentMethod = asOptions([facts.current])[0];
  return ask(
    flow,
    `${preface}${say(state, 'Order {orderId} ({total}) is paid with {method}. Which payment method would you like to pay with instead?', { orderId, total: money(facts.totalCents), method: current })}`,
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
    const facts = await paymentChangeFacts({ customerId, orderId, ...labelLanguage(state) });
    if (!facts || facts.refusal) {
      const reason = facts?.refusal ?? say(state, 'it is not one of your orders.');
      return finish(state, { replies: [{ text: say(state, 'I cannot change how order {orderId} is paid: {reason}', { orderId, reason }) }], intent: flow.kind });
    }
    const offered = asOptions(facts.others);
    const again = say(state, 'Please choose one of these payment methods:');
    const chosen = pickOne(flow, reading, reading.plainWords ? offered : flow.options ?? [], { awaiting: 'payment_method', again, what: 'payment methods' });
    const method = facts.others.find((m) => m.id === chosen.picked?.id);
    if (!method) {
      const current = facts.current && reading.alternative?.id === facts.current.id ? reading.alternative : undefined;
      if (!current && chosen.reply && reading.plainWords) return chosen.reply;
      const why = current ? `${say(state, 'Order {orderId} is already paid with {method}.', { orderId, method: nameOf(state, facts.current ?? undefined, current.id, methodsOf(facts)) })} ` : '';
      return ask(flow, `${why}${again}`, 'payment_method', offered);
    }
    if (!covers(method, facts.totalCents)) {
      const payable = facts.others.filter((m) => covers(m, facts.totalCents));
      const short = say(state, '{method} has {balance}, which is not enough to pay the order total of {total}, so it cannot pay for order {orderId}.', {
        method: capitalised(nameOf(state, method, method.id, methodsOf(facts))),
        balance: money(method.balanceCents ?? 0),
        total: money(facts.totalCents),
        orderId,
      });
      if (payable.length === 0) {
        const stays = say(state, 'None of your other payment methods can pay it either, so the order stays paid with {method}.', {
          method: nameOf(state, facts.current ?? undefined, say(state, 'its current method'), methodsOf(facts)),
        });
        return finish(state, { replies: [{ text: `${short} ${stays}` }], intent: flow.kind });
      }
      return ask(flow, `${short} ${say(state, 'You can pay with one of these instead:')}`, 'payment_method', asOptions(payable));
    }
    flow.paymentMethodId = method.id;
    return proposeAction(state, flow, paymentSpec(state, flow, facts));
  }
  const declined = say(state, 'All right, order {orderId} stays paid as it is. Anything else I can do?', { orderId });
  return answerProposal(state, flow, reading, { ...paymentSpec(state, flow), declined }, async (result, proposalId) => {
    const news = await refundThroughProvider(state, { orderId, proposalId, action: 'modify_pending_order_payment', refunds: result.refunds, purpose: 'payment_change' });
    const after = await paymentChangeFacts({ customerId, orderId, ...labelLanguage(state) });
    const methods = after ? methodsOf(after) : [];
    const newMethod = methods.find((m) => m.id === result.proposal.paymentMethodId);
    const language = languageOf(state);
    const charged =
      language === 'en' ? result.proposal.charges.map((c) => formatCents(c.amountCents)).join(' and ') : formatList(result.proposal.charges.map((c) => say(state, '{amount}', { amount: money(c.amountCents) })), language);
    const newName = nameOf(state, newMethod, result.proposal.paymentMethodId ?? '', methods);
    const lines = [say(state, 'Done: order {orderId} is now paid with {method}, which is charged {amounts}.', { orderId, method: newName, amounts: charged })];
    if (newMethod?.source === 'gift_card') lines.push(say(state, 'Its balance is now {balance}.', { balance: money(newMethod.balanceCents ?? 0) }));
    for (const refund of result.refunds) {
      const old = methods.find((m) => m.id === refund.paymentMethodId);
      const params = { amount: money(refund.amountCents), method: nameOf(state, old, refund.paymentMethodId, methods), balance: money(old?.balanceCents ?? 0) };
      lines.push(
        refund.source !== 'gift_card' && news === 'delayed' ? delayedRefundNote([refund])
        : refund.source === 'gift_card'
          ? say(state, '{amount} is back on {method} already: its balance is now {balance}.', params)
          : say(state, 'The {amount} paid with {method} is refunded; card and PayPal refunds usually arrive within 5 to 7 business days.', params),
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
