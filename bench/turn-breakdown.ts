import type { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/**
 * Where a turn's time goes inside Temporal, read from a conversation's history: each turn runs from
 * the workflow task that accepted its Update to the event that completed it. Within that span, each
 * workflow task (scheduled → started → completed) and each activity (scheduled → started: waiting
 * for a worker slot and the server's dispatch; started → completed: running) are summed by kind.
 */
export interface TurnParts {
  turns: number;
  /** Update accepted → Update completed, summed over the turns. */
  updateMs: number;
  /** Per part ("workflow task", "activity classifyMessage"…): total wait, total run, how many. */
  parts: Map<string, { waitMs: number; runMs: number; count: number }>;
}

export function emptyParts(): TurnParts {
  return { turns: 0, updateMs: 0, parts: new Map() };
}

/** An event's time in ms: a fetched history has Long seconds, one read from JSON plain numbers. */
function at(event: HistoryEvent): number {
  const seconds = event.eventTime?.seconds as { toNumber(): number } | number | string | null | undefined;
  const whole = typeof seconds === 'object' && seconds !== null ? seconds.toNumber() : Number(seconds ?? 0);
  return whole * 1000 + (event.eventTime?.nanos ?? 0) / 1e6;
}

export function addTurnParts(into: TurnParts, events: readonly HistoryEvent[]): void {
  const byId = new Map<number, HistoryEvent>();
  for (const event of events) byId.set(Number(event.eventId), event);
  let inTurn = false;
  let acceptedAt = 0;
  const add = (name: string, waitMs: number, runMs: number) => {
    const part = into.parts.get(name) ?? { waitMs: 0, runMs: 0, count: 0 };
    part.waitMs += waitMs;
    part.runMs += runMs;
    part.count++;
    into.parts.set(name, part);
  };
  // The workflow task that accepts an Update is written with it: it counts for the turn it starts.
  let lastTask: { scheduledAt: number; startedAt: number; completedAt: number } | undefined;
  let pendingTask: { scheduledAt: number; startedAt: number } | undefined;
  for (const event of events) {
    if (event.workflowTaskScheduledEventAttributes) pendingTask = { scheduledAt: at(event), startedAt: at(event) };
    else if (event.workflowTaskStartedEventAttributes && pendingTask) pendingTask.startedAt = at(event);
    else if (event.workflowTaskCompletedEventAttributes && pendingTask) {
      lastTask = { ...pendingTask, completedAt: at(event) };
      pendingTask = undefined;
      if (inTurn) add('workflow task', lastTask.startedAt - lastTask.scheduledAt, lastTask.completedAt - lastTask.startedAt);
    } else if (event.workflowExecutionUpdateAcceptedEventAttributes) {
      inTurn = true;
      acceptedAt = at(event);
      if (lastTask) {
        add('workflow task', lastTask.startedAt - lastTask.scheduledAt, lastTask.completedAt - lastTask.startedAt);
        acceptedAt = lastTask.scheduledAt;
      }
    } else if (event.workflowExecutionUpdateCompletedEventAttributes && inTurn) {
      inTurn = false;
      into.turns++;
      into.updateMs += at(event) - acceptedAt;
    } else if (event.activityTaskCompletedEventAttributes && inTurn) {
      const attrs = event.activityTaskCompletedEventAttributes;
      const scheduled = byId.get(Number(attrs.scheduledEventId));
      const started = byId.get(Number(attrs.startedEventId));
      const name = scheduled?.activityTaskScheduledEventAttributes?.activityType?.name ?? 'unknown';
      if (scheduled && started) add(`activity ${name}`, at(started) - at(scheduled), at(event) - at(started));
    }
  }
}
