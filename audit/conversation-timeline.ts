import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';
import { readConversationOutcome, type StoredOutcome } from '../db/repositories/conversation-outcomes';
import { workflowIdFor } from '../domain/conversation';
import { fetchConversationRuns } from './histories';
import { describeEntry, timelineOf, type TimelineEntry } from './timeline';

/** The stable shape of `audit timeline --json` and `GET /v1/audit/conversations/:id/timeline`. */
export interface ConversationTimeline {
  conversationId: string;
  workflowId: string;
  runs: { workflowId: string; runId: string; workflowType: string }[];
  /** The operators' projection of how it ended (null when it never reported). */
  outcome: StoredOutcome | null;
  /** Each with `summary`, the line a person reads (what `audit timeline` prints after the time and event). */
  entries: (TimelineEntry & { summary: string })[];
}

/** Throws UnknownConversation when Temporal has no such conversation. */
export async function conversationTimeline(client: Client, db: Knex, conversationId: string): Promise<ConversationTimeline> {
  const runs = await fetchConversationRuns(client, conversationId);
  return {
    conversationId,
    workflowId: workflowIdFor(conversationId),
    runs: runs.map((run) => ({ workflowId: run.workflowId, runId: run.runId, workflowType: run.workflowType })),
    outcome: (await readConversationOutcome(db, conversationId, new Date())) ?? null,
    entries: timelineOf(runs).map((entry) => ({ ...entry, summary: describeEntry(entry) })),
  };
}
