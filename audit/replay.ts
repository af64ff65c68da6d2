/**
 * Replaying recorded histories against workflow code: the same bundle the worker runs (or other code an
 * auditor names, to ask whether a change would still replay what is recorded).
 */
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { RecordedRun } from './histories';

export type WorkflowCode = { workflowBundle: WorkflowBundleWithSourceMap } | { workflowsPath: string };

export interface ReplayOutcome {
  workflowId: string;
  runId: string;
  workflowType: string;
  deterministic: boolean;
  /** Why replay failed: the SDK's nondeterminism detail when there is one, else the error's message. */
  reason?: string;
  /** The first history event that disagrees with the code, when the SDK names it. */
  eventId?: number;
}

/** The useful part of an SDK replay failure: "[TMPRL1100] Nondeterminism error: ..." and the event id it names. */
export function describeReplayFailure(error: Error): { reason: string; eventId?: number } {
  const detail = /(\[TMPRL\d+\][^"]*)/.exec(error.message)?.[1] ?? error.message;
  const eventId = /HistoryEvent\(id: (\d+)/.exec(detail)?.[1] ?? /event(?: id)?[ :#]+(\d+)/i.exec(detail)?.[1];
  return { reason: `${error.name}: ${detail}`, ...(eventId ? { eventId: Number(eventId) } : {}) };
}

/** The marker event of a patch the SDK names without an event id ("patch marker encountered for change NAME"). */
function patchMarkerEvent(run: RecordedRun, detail: string): number | undefined {
  const change = /for change ([\w.-]+)/.exec(detail)?.[1];
  if (!change) return undefined;
  for (const event of run.history.events ?? []) {
    const payloads = event.markerRecordedEventAttributes?.details?.['patch-data']?.payloads ?? [];
    const named = payloads.some((p) => Buffer.from(p.data ?? new Uint8Array()).toString('utf8').includes(`"${change}"`));
    if (named) return Number(event.eventId);
  }
  return undefined;
}

/** Replays each run on one replay worker; every run gets its verdict, a failing one does not stop the rest. */
export async function replayRuns(runs: readonly RecordedRun[], code: WorkflowCode): Promise<ReplayOutcome[]> {
  const outcomes: ReplayOutcome[] = [];
  if (runs.length === 0) return outcomes;
  const histories = runs.map((run) => ({ workflowId: run.workflowId, history: run.history }));
  // Results come one per history, in the order given.
  for await (const result of Worker.runReplayHistories(code, histories)) {
    const run = runs[outcomes.length]!;
    const base = { workflowId: run.workflowId, runId: run.runId, workflowType: run.workflowType };
    if (!result.error) {
      outcomes.push({ ...base, deterministic: true });
      continue;
    }
    const failure = describeReplayFailure(result.error);
    const eventId = failure.eventId ?? patchMarkerEvent(run, failure.reason);
    outcomes.push({ ...base, deterministic: false, reason: failure.reason, ...(eventId !== undefined ? { eventId } : {}) });
  }
  return outcomes;
}
