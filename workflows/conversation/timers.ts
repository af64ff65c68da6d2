import type { CarriedState, ConversationInput, PendingReturn } from '../../domain/conversation';
import { DEFAULT_RETURN_FOLLOW_UP_MS, type ConversationContext } from './context';
import { beginHandoff } from './handoff';
import { say } from './replying';
import { say as inLanguage } from './speaking';
import { refundsInFlight } from '../../domain/refund-tracking';

/** After this many follow-ups about a parcel that never came, a person takes over. */
export const RETURN_FOLLOW_UPS = 2;

export type TimerKind = 'sla' | 'lease' | 'approval' | 'follow_up' | 'callback' | 'idle';

/** When each of the conversation's timers is due (epoch ms, soonest first), given its state now. */
export function deadlines(ctx: ConversationContext, lastActivityAt: number): { at: number; kind: TimerKind }[] {
  const { state, input } = ctx;
  const due: { at: number; kind: TimerKind }[] = [];
  const handoff = state.handoff;
  if (state.status === 'awaiting_agent' && handoff?.slaDueAt) due.push({ at: Date.parse(handoff.slaDueAt), kind: 'sla' });
  if (state.status === 'awaiting_agent' && handoff?.callback && !handoff.callback.overdue) due.push({ at: Date.parse(handoff.callback.dueAt), kind: 'callback' });
  if (state.status === 'with_agent' && handoff?.owner) due.push({ at: Date.parse(handoff.owner.leaseUntil), kind: 'lease' });
  if (state.pendingApproval?.dueAt && !state.pendingApproval.decision) due.push({ at: Date.parse(state.pendingApproval.dueAt), kind: 'approval' });
  for (const pending of state.pendingReturns ?? []) {
    const at = followUpDue(input, pending);
    if (at !== undefined) due.push({ at, kind: 'follow_up' });
  }
  if (closable(state)) due.push({ at: lastActivityAt + input.idleTimeoutMs, kind: 'idle' });
  return due.sort((a, b) => a.at - b.at);
}

function followUpDue(input: ConversationInput, pending: PendingReturn): number | undefined {
  if (pending.received || !pending.promisedAt || (pending.followUps ?? 0) >= RETURN_FOLLOW_UPS) return undefined;
  return Date.parse(pending.promisedAt) + ((pending.followUps ?? 0) + 1) * (input.returnFollowUpMs ?? DEFAULT_RETURN_FOLLOW_UP_MS);
}

/** A conversation with a promise still to keep, or a person involved, stays open however quiet it is. */
function closable(state: CarriedState): boolean {
  return (
    (state.status === 'open' || state.status === 'resolved') &&
    !state.pendingReturns?.length &&
    !state.pendingApproval &&
    !state.goodwillOffers?.length &&
    !refundsInFlight(state)
  );
}

/** A promised parcel has not arrived: remind once, then bring in a person. */
export async function followUpOverdueReturns(ctx: ConversationContext): Promise<void> {
  const { state, input } = ctx;
  for (const pending of state.pendingReturns ?? []) {
    const at = followUpDue(input, pending);
    if (at === undefined || at > Date.now()) continue;
    pending.followUps = (pending.followUps ?? 0) + 1;
    ctx.decide({ seq: state.nextSeq - 1, kind: 'follow_up', reason: `no parcel for the return of order ${pending.orderId} yet (follow-up ${pending.followUps})` });
    if (pending.followUps < RETURN_FOLLOW_UPS) {
      // Said in the language the conversation has now, days after the return was promised.
      await say(ctx, [
        inLanguage(state, 'We have not received the parcel for your return of order {orderId} yet. Your refund is sent as soon as it arrives. If you have already sent it, reply here with its tracking number.', { orderId: pending.orderId }),
      ]);
    } else if (state.status === 'open' || state.status === 'resolved') {
      const waiting = await beginHandoff(ctx, state.nextSeq - 1, [{ code: 'return_overdue', detail: `the parcel for the return of order ${pending.orderId} has still not arrived` }]);
      ctx.record('bot', `${inLanguage(state, 'We still have not received the parcel for your return of order {orderId}, so a colleague will look into it.', { orderId: pending.orderId })} ${waiting}`);
    }
  }
}
