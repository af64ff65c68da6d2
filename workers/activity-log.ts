import { ApplicationFailure, CancelledFailure, type Context } from '@temporalio/activity';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { conversationIdOfWorkflow } from '../observability/conversation-ids';
import type { Logger } from '../observability/logger';

/** What a failed attempt is called in the logs: the failure's own type when it has one (`RefundFailed`). */
export function failureTypeOf(err: unknown): string {
  if (err instanceof ApplicationFailure) return err.type ?? 'ApplicationFailure';
  if (err instanceof CancelledFailure) return 'Cancelled';
  if (err instanceof Error) return err.name;
  return typeof err;
}

/**
 * One line per activity execution (each attempt is one): type, workflow and conversation, attempt,
 * duration and outcome. Arguments and results are not logged: they carry customers' words and details.
 */
export function activityLog(logger: Logger): ActivityInterceptorsFactory {
  return (ctx: Context) => ({
    inbound: {
      async execute(input, next) {
        const info = ctx.info;
        const workflowId = info.workflowExecution?.workflowId;
        const conversationId = workflowId ? conversationIdOfWorkflow(workflowId) : undefined;
        const fields = {
          activityType: info.activityType,
          activityId: info.activityId,
          attempt: info.attempt,
          ...(info.workflowType ? { workflowType: info.workflowType } : {}),
          ...(workflowId ? { workflowId } : {}),
          ...(conversationId ? { conversationId } : {}),
        };
        const started = performance.now();
        const durationMs = () => Math.round((performance.now() - started) * 10) / 10;
        try {
          const result = await next(input);
          logger.info({ ...fields, durationMs: durationMs(), outcome: 'completed' }, 'activity');
          return result;
        } catch (err) {
          const nonRetryable = err instanceof ApplicationFailure && err.nonRetryable;
          logger.warn(
            { ...fields, durationMs: durationMs(), outcome: 'failed', failureType: failureTypeOf(err), nonRetryable, err },
            'activity',
          );
          throw err;
        }
      },
    },
  });
}
