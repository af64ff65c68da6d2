import { ParentClosePolicy, condition, executeChild, patched, startChild, workflowInfo } from '@temporalio/workflow';
import type { RefundToMove } from '../../activities/perform-action';
import type { CarriedState, TrackedRefund } from '../../domain/conversation';
import { formatList, formatMoney, money, type MessageParam } from '../../domain/messages';
import type { RefundPurpose, RefundSagaInput } from '../../domain/refunds';
import { RefundSagaWorkflow } from '../refund-saga/workflow';
import { languageOf, say } from './speaking';
import { SAGAS_REPORT_BACK_PATCH } from './patches';

/** Who a customer-facing sentence is said to: the conversation's language, and where its English is kept. */
export type Listener = Pick<CarriedState, 'language' | 'spoken'>;

/** How long a turn waits for a saga to finish or hit trouble before it tells the customer the refund is delayed. */
const FIRST_NEWS_WAIT_MS = 15_000;

/**
 * What a turn can honestly say about the money: paid once every refund has moved; otherwise
 * delayed, and the conversation tells the customer how it ends when the saga reports back.
 */
export type MoneyNews = 'paid' | 'delayed';

interface SagaRun {
  orderId: string;
  proposalId: string;
  /** The action whose money this is, as its action report names it. */
  action: string;
  refunds: RefundToMove[];
  purpose: RefundPurpose;
  /** False when the action already wrote the refund into the order. */
  recordOnOrder: boolean;
  restockItemIds?: string[];
  /** Part of each child's workflow id, so a replayed or retried turn starts the same sagas. */
  idPart: string;
}

/**
 * One refund saga per refund, as children of this conversation, one after the other. A saga
 * outlives the turn (and this run: continue-as-new does not stop it) and reports back by signal;
 * the turn waits for each saga to finish, or to report a delay.
 */
async function runRefundSagas(state: CarriedState, run: SagaRun): Promise<MoneyNews> {
  const conversationWorkflowId = workflowInfo().workflowId;
  const inputFor = (refund: RefundToMove, index: number): RefundSagaInput => ({
    orderId: run.orderId,
    customerId: state.identity?.customerId ?? '',
    paymentMethodId: refund.paymentMethodId,
    amountCents: refund.amountCents,
    purpose: run.purpose,
    viaProvider: refund.source !== 'gift_card',
    recordOnOrder: run.recordOnOrder,
    restockItemIds: index === 0 ? (run.restockItemIds ?? []) : [],
    notification: say(state, 'Your refund for order {orderId} has been issued.', { orderId: run.orderId }),
  });
  const sagaIdOf = (index: number) => `${conversationWorkflowId}-${run.idPart}-${run.proposalId}-${index}`;

  if (!patched(SAGAS_REPORT_BACK_PATCH)) {
    for (const [index, refund] of run.refunds.entries()) {
      await executeChild(RefundSagaWorkflow, { workflowId: sagaIdOf(index), args: [inputFor(refund, index)] });
    }
    return 'paid';
  }

  let news: MoneyNews = 'paid';
  for (const [index, refund] of run.refunds.entries()) {
    const tracked: TrackedRefund = {
      sagaId: sagaIdOf(index),
      orderId: run.orderId,
      action: run.action,
      amountCents: refund.amountCents,
      paymentMethodId: refund.paymentMethodId,
      status: 'started',
    };
    (state.refunds ??= []).push(tracked);
    await startChild(RefundSagaWorkflow, {
      workflowId: tracked.sagaId,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [{ ...inputFor(refund, index), reportTo: conversationWorkflowId }],
    });
    // Until it completes (the receipt goes out before the reply) or first hits trouble.
    await condition(() => tracked.status !== 'started' && tracked.status !== 'paid', FIRST_NEWS_WAIT_MS);
    if (tracked.status !== 'paid' && tracked.status !== 'completed') news = 'delayed';
  }
  return news;
}

/**
 * Money the store has not written yet (a received return, a goodwill credit): the saga records it
 * on the order; cards and PayPal go through the provider, gift cards are credited by the store.
 */
export function creditThroughSaga(
  state: CarriedState,
  credit: { orderId: string; proposalId: string; action: string; refunds: RefundToMove[]; purpose: RefundPurpose; restockItemIds?: string[] },
): Promise<MoneyNews> {
  return runRefundSagas(state, { ...credit, recordOnOrder: true, idPart: credit.purpose });
}

/**
 * Money the store already wrote back (a cancellation, a cheaper item) still has to leave the
 * provider for cards and PayPal; gift cards were credited by the store itself.
 */
export function refundThroughProvider(
  state: CarriedState,
  refund: { orderId: string; proposalId: string; action: string; refunds: RefundToMove[]; purpose: RefundPurpose },
): Promise<MoneyNews> {
  const external = refund.refunds.filter((r) => r.source !== 'gift_card');
  return runRefundSagas(state, { ...refund, refunds: external, recordOnOrder: false, idPart: 'refund' });
}

/**
 * The amounts of some refunds for a template's `{amount}`: one is formatted for the locale where it is
 * said (so its English stays exact beside it), several are listed with the language's "and".
 */
export function amountsOf(listener: Listener, refunds: readonly { amountCents: number }[]): MessageParam {
  if (refunds.length === 1) return money(refunds[0]!.amountCents);
  const language = languageOf(listener);
  return formatList(refunds.map((r) => formatMoney(r.amountCents, language)), language);
}

/**
 * The customer's line about a refund that has not moved yet: honest, and promising news here. Said in
 * English when no listener is given, for callers that do not speak the conversation's language yet.
 */
export function delayedRefundNote(refunds: RefundToMove[], listener: Listener = {}): string {
  return say(listener, 'The refund of {amount} is delayed: our payment provider has not taken it yet. I will keep trying and tell you here as soon as it is sent.', {
    amount: amountsOf(listener, refunds),
  });
}
