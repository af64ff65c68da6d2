import type { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const LOCAL_ACTIVITY_MARKER = 'core_local_activity';
const WORKFLOW_TASK_SCHEDULED = 5;

const isScheduledTask = (e: HistoryEvent | undefined) => Number(e?.eventType) === WORKFLOW_TASK_SCHEDULED || Boolean(e?.workflowTaskScheduledEventAttributes);

/**
 * Local activities whose result reached the workflow one workflow task after the task that recorded
 * it: the marker ends its task and a new one follows with nothing that caused it. That is how the
 * SDK's core completes a task to answer a query while a local activity runs (see PATCHES_UP_FRONT);
 * a history with such a marker is the case the workflow must still replay.
 */
export function localActivityResultsTakenLater(events: readonly HistoryEvent[]): number {
  let count = 0;
  for (const [i, e] of events.entries()) {
    if (e.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER && isScheduledTask(events[i + 1])) count++;
  }
  return count;
}
