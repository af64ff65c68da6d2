/**
 * Reading a conversation's recorded histories back from Temporal: every run of it (a long conversation
 * continues as new, each run with its own history) and the refund sagas it started as children.
 */
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { decodeHistoryPayloads } from '../privacy/decode-history';
import { workflowIdFor } from '../domain/conversation';

export type History = temporal.api.history.v1.IHistory;
export type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface RecordedRun {
  workflowId: string;
  runId: string;
  workflowType: string;
  history: History;
}

/** The conversation (or workflow) is not on this Temporal namespace: an auditor's input mistake, not a failure of replay. */
export class UnknownConversation extends Error {
  override name = 'UnknownConversation';
}

const startOf = (history: History) => history.events?.[0]?.workflowExecutionStartedEventAttributes;

/** One run's history by ids; the workflow's latest run when `runId` is left out. */
async function fetchRun(client: Client, workflowId: string, runId?: string): Promise<RecordedRun> {
  const handle = client.workflow.getHandle(workflowId, runId);
  let resolvedRunId = runId;
  try {
    resolvedRunId ??= (await handle.describe()).runId;
    // The server holds the product's ciphertext: decoded with the client's codecs, it reads and replays as recorded.
    const history = await decodeHistoryPayloads(await client.workflow.getHandle(workflowId, resolvedRunId).fetchHistory(), client.options.loadedDataConverter.payloadCodecs);
    return { workflowId, runId: resolvedRunId, workflowType: startOf(history)?.workflowType?.name ?? '', history };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new UnknownConversation(`no workflow ${workflowId}${runId ? ` run ${runId}` : ''} in this namespace`);
    throw err;
  }
}

/**
 * Every run of one workflow, oldest first: from the latest run back along each run's
 * `continuedExecutionRunId` (the run it continued), which the server records in the run's first event.
 */
export async function fetchAllRuns(client: Client, workflowId: string): Promise<RecordedRun[]> {
  const runs = [await fetchRun(client, workflowId)];
  for (;;) {
    const previous = startOf(runs[0]!.history)?.continuedExecutionRunId;
    if (!previous || runs.some((run) => run.runId === previous)) break;
    runs.unshift(await fetchRun(client, workflowId, previous));
  }
  return runs;
}

/** The child workflows (refund sagas, erasures) these runs started, as their histories name them. */
export function childrenOf(runs: readonly RecordedRun[]): { workflowId: string; runId: string }[] {
  const children: { workflowId: string; runId: string }[] = [];
  for (const run of runs) {
    for (const event of run.history.events ?? []) {
      const started = event.childWorkflowExecutionStartedEventAttributes?.workflowExecution;
      if (started?.workflowId && started.runId) children.push({ workflowId: started.workflowId, runId: started.runId });
    }
  }
  return children;
}

/** A conversation's runs, oldest first, then the runs of the children it started (each child's own runs too). */
export async function fetchConversationRuns(client: Client, conversationId: string, options: { children?: boolean } = {}): Promise<RecordedRun[]> {
  const runs = await fetchAllRuns(client, workflowIdFor(conversationId));
  if (options.children === false) return runs;
  const children: RecordedRun[] = [];
  for (const child of childrenOf(runs)) {
    if (children.some((run) => run.workflowId === child.workflowId)) continue;
    children.push(...(await fetchAllRuns(client, child.workflowId)));
  }
  return [...runs, ...children];
}
