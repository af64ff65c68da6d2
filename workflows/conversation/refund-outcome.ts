import type { TrackedRefund } from '../../domain/conversation';
import { formatCents } from '../../domain/policy';
import type { ConversationContext } from './context';
import { beginHandoff } from './handoff';
import { say } from './replying';
import { money as amount } from '../../domain/messages';
import { say as phrase } from './speaking';

/**
 * A refund saga ended: the conversation records the action's final status, and when the money did
 * not reach the customer, tells them once in plain words and hands over to a person with what is owed.
 * A refund that went through needs no message here: its receipt is the saga's notice.
 */
export async function settleEndedRefund(ctx: ConversationContext, tracked: TrackedRefund): Promise<void> {
  const { state } = ctx;
  state.refunds = state.refunds?.filter((r) => r !== tracked);
  const money = `${formatCents(tracked.amountCents)} to ${tracked.paymentMethodId}`;
  const seq = state.nextSeq - 1;
  if (tracked.status === 'completed') {
    const wasDelayed = state.actions?.some((a) => a.name === tracked.action && a.status === 'delayed');
    if (wasDelayed) (state.actions ??= []).push({ name: tracked.action, status: 'executed', detail: `refund of ${money} for order ${tracked.orderId} paid after a delay` });
    return;
  }
  const owed = tracked.status === 'owed';
  const why = tracked.reason ?? 'no reason given';
  (state.actions ??= []).push({
    name: tracked.action,
    status: owed ? 'failed' : 'compensated',
    detail: owed ? `refund of ${money} for order ${tracked.orderId} is owed: ${why}` : `refund of ${money} for order ${tracked.orderId} was undone: ${why}`,
  });
  ctx.decide({ seq, kind: 'refund', reason: `${tracked.sagaId} ${owed ? 'owed' : 'compensated'}: ${why}` });
  const attempts = tracked.attempts !== undefined ? ` after ${tracked.attempts} attempt(s)` : '';
  const detail = `${owed ? 'owed' : 'undone'}: refund of ${money} for order ${tracked.orderId}${attempts}; provider: ${why}`;
  // Said when the saga ends, in the language the conversation has then.
  const params = { amount: amount(tracked.amountCents), orderId: tracked.orderId };
  await say(ctx, [
    owed
      ? phrase(state, 'I am sorry: I could not complete the refund of {amount} for order {orderId}. The money is still owed to you and nothing is lost. A colleague is taking this over to make sure it reaches you.', params)
      : phrase(state, 'I am sorry: the refund of {amount} for order {orderId} could not be completed, so it was undone. A colleague is taking this over to sort it out with you.', params),
  ]);
  if (state.handoff && (state.status === 'awaiting_agent' || state.status === 'with_agent')) {
    // A person already has the conversation: the refund joins what they see.
    (state.handoff.refundsOwed ??= []).push(tracked);
    ctx.record('system', `Refund ${detail}.`);
    return;
  }
  ctx.record('bot', await beginHandoff(ctx, seq, [{ code: 'refund_failed', detail }], { refundsOwed: [tracked] }));
}
