import { workflowIdFor } from '../../domain/conversation';
import { assessOutcome, customerKeyOf, figuresOf, raisedIssues } from '../../domain/outcomes/assess';
import type { OutcomeAssessment } from '../../domain/outcomes/types';
import { scoreConversation } from '../../domain/quality';
import { confirmChangesHeld, recordConversationScorecard, reportConversationOutcome } from '../activity-proxies';
import type { ConversationContext } from './context';

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
  /** At close: the final outcome, then the conversation's quality scorecard. */
  close(): Promise<void>;
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

  /** Reports the outcome, and returns it (as assessed even when it could not be written). */
  async function report(closed: boolean): Promise<OutcomeAssessment | undefined> {
    if (!closed && !spoken()) return undefined;
    try {
      const toCheck = unchecked();
      if (toCheck.length > 0) {
        const checks = await confirmChangesHeld({ requests: toCheck.map((e) => e.request) });
        toCheck.forEach((e, i) => {
          const check = checks[i];
          if (check) e.check = { held: check.held, detail: check.detail, at: ctx.now() };
        });
      }
    } catch (err) {
      checksFailedAt = state.nextSeq;
      notReported(err);
    }
    const at = ctx.now();
    const { assessment, fingerprint } = fingerprintOf(closed, at);
    if (fingerprint === attempted) return assessment;
    attempted = fingerprint;
    try {
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
      notReported(err);
    }
    return assessment;
  }

  const notReported = (err: unknown) =>
    ctx.decide({ seq: state.nextSeq - 1, kind: 'dialogue', rule: 'outcome:not_reported', reason: err instanceof Error ? err.message : String(err) });

  return {
    stale: () => spoken() && ((unchecked().length > 0 && checksFailedAt !== state.nextSeq) || fingerprintOf(false, ctx.now()).fingerprint !== attempted),
    report: async (closed) => {
      await report(closed);
    },
    async close() {
      const outcome = await report(true);
      if (!outcome) return;
      const closedAt = ctx.now();
      try {
        await recordConversationScorecard({ conversationId: input.conversationId, workflowId: workflowIdFor(input.conversationId), closedAt, checks: scoreConversation({ state, outcome, closedAt }) });
      } catch (err) {
        notReported(err);
      }
    },
  };
}
