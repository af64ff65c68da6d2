import { settleApproval } from './approvals';
import type { ConversationContext } from './context';
import { beginHandoff } from './handoff';
import { continueFlow } from './flows';
import { say } from './replying';
import { say as inLanguage } from './speaking';
import { readMessage } from '../../domain/understanding/reading';

/** A supervisor decided (or nobody did in time) on a parked proposal: run it, or hand over to a person. */
export async function actOnApprovalOutcome(ctx: ConversationContext): Promise<void> {
  const { state } = ctx;
  const timedOut = !state.pendingApproval?.decision;
  const outcome = await settleApproval(ctx, timedOut);
  if (!outcome) return;
  if (outcome.kind === 'approved') {
    state.flow = outcome.flow;
    // The supervisor's approval stands for the customer's yes, which they already gave.
    const reply = await continueFlow(state, readMessage('yes', { plainWords: false }));
    await say(ctx, [inLanguage(state, 'A supervisor approved your request.'), ...reply.replies.map((r) => r.text)]);
    return;
  }
  const seq = state.nextSeq - 1;
  const { detail } = outcome;
  await say(ctx, [
    outcome.kind === 'denied'
      ? inLanguage(state, 'About your request ({detail}): A supervisor did not approve it: {reason}. Nothing has changed.', { detail, reason: outcome.reason })
      : inLanguage(state, 'About your request ({detail}): A supervisor could not decide in time. Nothing has changed.', { detail }),
  ]);
  if (state.status === 'open' || state.status === 'resolved') {
    const code = outcome.kind === 'denied' ? 'approval_denied' : 'approval_timed_out';
    ctx.record('bot', await beginHandoff(ctx, seq, [{ code, detail: `the approval was ${outcome.kind === 'denied' ? 'denied' : 'not given in time'}: ${outcome.detail}` }]));
  }
}
