import { workflowIdFor } from '../../domain/conversation';
import { assessOutcome, customerKeyOf, figuresOf, raisedIssues } from '../../domain/outcomes/assess';
import { confirmChangesHeld, reportConversationOutcome } from '../activity-proxies';
import type { ConversationContext } from './context';

/**
 * Conversations report their outcome to the operators' projection (and read back the store after each
 * action). Histories recorded before this replay without those activities.
 */
export const OUTCOMES_PATCH = 'conversation-outcomes';

/** RESOLUTION_WINDOW_HOURS when the deployment sets none: a come-back within three days is the same issue. */
export const DEFAULT_RESOLUTION_WINDOW_MS = 72 * 3_600_000;

// A long conversation keeps the newest executions; their store checks are what the outcome needs.
const KEPT_EXECUTIONS = 20;

type ExecutedRequest = NonNullable<ConversationContext['state']['executed']>[number]['request'];

/** Remembers an executed request so its change can be read back from the store. */
export function rememberExecution(ctx: Pick<ConversationContext, 'state'>, request: ExecutedRequest): void {
  ctx.state.executed = [...(ctx.state.executed ?? []), { request }].slice(-KEPT_EXECUTIONS);
}

export interface OutcomeReporter {
  /** Something changed what the projection should say (or an executed change is still to be read back). */
  stale(): boolean;
  /** Reads back new changes, then reports the outcome if it differs from what was last tried. */
  report(closed: boolean): Promise<void>;
}

/**
 * The conversation's link to the operators' projection. A report that cannot be written is not tried
 * again until the outcome changes once more (or the conversation closes): the projection is for
 * operators, and the conversation goes on without it.
 */
export function outcomeReporter(ctx: ConversationContext): OutcomeReporter {
  const { state, input } = ctx;
  const windowMs = input.resolutionWindowMs ?? DEFAULT_RESOLUTION_WINDOW_MS;
  let attempted = state.outcomeReported;
  // After a failed read-back, the next try waits for something new in the conversation.
  let checksFailedAt: number | undefined;
  const spoken = () => state.transcript.some((t) => t.from === 'customer');
  const unchecked = () => (state.executed ?? []).filter((e) => !e.check);
  const fingerprintOf = (closed: boolean, at: string) => {
    const assessment = assessOutcome({ state, closed, windowMs, now: at });
    return { assessment, fingerprint: JSON.stringify([assessment.outcome, assessment.candidate, assessment.reason, closed, state.csat?.score, customerKeyOf(state, input.customer)]) };
  };

  return {
    stale: () => spoken() && ((unchecked().length > 0 && checksFailedAt !== state.nextSeq) || fingerprintOf(false, ctx.now()).fingerprint !== attempted),

    async report(closed) {
      if (!closed && !spoken()) return;
      try {
        const toCheck = unchecked();
        if (toCheck.length > 0) {
          const checks = await confirmChangesHeld({ requests: toCheck.map((e) => e.request) });
          toCheck.forEach((e, i) => {
            const check = checks[i];
            if (check) e.check = { held: check.held, detail: check.detail, at: ctx.now() };
          });
        }
        const at = ctx.now();
        const { assessment, fingerprint } = fingerprintOf(closed, at);
        if (fingerprint === attempted) return;
        attempted = fingerprint;
        await reportConversationOutcome({
          conversationId: input.conversationId,
          workflowId: workflowIdFor(input.conversationId),
          channel: input.channel,
          customerKey: customerKeyOf(state, input.customer),
          assessment,
          windowMs,
          raised: raisedIssues(state),
          startedAt: state.startedAt,
          ...(closed ? { closedAt: at } : {}),
          customerTurns: state.transcript.filter((t) => t.from === 'customer').length,
          ...(state.csat ? { csat: state.csat.score } : {}),
          figures: figuresOf(state, assessment.resolvedAt),
          at,
        });
        state.outcomeReported = fingerprint;
      } catch (err) {
        checksFailedAt = state.nextSeq;
        ctx.decide({ seq: state.nextSeq - 1, kind: 'dialogue', rule: 'outcome:not_reported', reason: err instanceof Error ? err.message : String(err) });
      }
    },
  };
}
