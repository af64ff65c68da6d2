import type { Knex } from 'knex';
import type { Channel } from '../../domain/conversation';
import type { ConversationFigures, Outcome, OutcomeAssessment, ScorecardCheck } from '../../domain/outcomes/types';

/** What the conversation reports each time its outcome (or its figures) change. */
export interface OutcomeReport {
  conversationId: string;
  workflowId: string;
  channel: Channel;
  /** The verified customer's id, else `email:<hint>`; null when nobody is known. */
  customerKey: string | null;
  assessment: OutcomeAssessment;
  /** RESOLUTION_WINDOW_HOURS as the conversation started with it. */
  windowMs: number;
  /** Each intent the customer raised, with when it was first raised here: a come-back for earlier conversations. */
  raised: { intent: string; at: string }[];
  startedAt: string;
  closedAt?: string;
  customerTurns: number;
  csat?: number;
  figures: ConversationFigures;
  /** The conversation's clock when it reported. */
  at: string;
}

export interface StoredOutcome {
  conversationId: string;
  workflowId: string;
  channel: Channel;
  customerKey: string | null;
  /** Null while not known yet. */
  outcome: Outcome | null;
  candidate: 'verified' | null;
  reason: string;
  issues: string[];
  resolvedAt: string | null;
  windowEndsAt: string | null;
  cameBack: string | null;
  startedAt: string;
  closedAt: string | null;
  customerTurns: number;
  csat: number | null;
  figures: ConversationFigures;
}

interface OutcomeRow {
  conversation_id: string;
  workflow_id: string;
  channel: Channel;
  customer_key: string | null;
  outcome: Outcome | null;
  candidate: 'verified' | null;
  reason: string;
  issues: string;
  resolved_at: string | null;
  window_ends_at: string | null;
  came_back: string | null;
  started_at: string;
  closed_at: string | null;
  customer_turns: number | string;
  csat: number | string | null;
  figures: string;
}

const storedOf = (row: OutcomeRow): StoredOutcome => ({
  conversationId: row.conversation_id,
  workflowId: row.workflow_id,
  channel: row.channel,
  customerKey: row.customer_key,
  outcome: row.outcome,
  candidate: row.candidate,
  reason: row.reason,
  issues: JSON.parse(row.issues) as string[],
  resolvedAt: row.resolved_at,
  windowEndsAt: row.window_ends_at,
  cameBack: row.came_back,
  startedAt: row.started_at,
  closedAt: row.closed_at,
  customerTurns: Number(row.customer_turns),
  csat: row.csat === null ? null : Number(row.csat),
  figures: JSON.parse(row.figures) as ConversationFigures,
});

/**
 * Stores what the conversation says of its outcome now, and takes the verified status away from this
 * customer's earlier conversations whose window was still open when one of their issues was raised
 * here again. A verified outcome whose window has passed stays verified, and a come-back stays one:
 * a later report of the same conversation cannot undo either.
 */
export async function recordConversationOutcome(db: Knex, report: OutcomeReport): Promise<void> {
  await db.transaction(async (trx) => {
    const existing = (await trx('conversation_outcomes').where({ conversation_id: report.conversationId }).first()) as OutcomeRow | undefined;
    const { assessment } = report;
    const windowEndsAt = assessment.resolvedAt ? new Date(Date.parse(assessment.resolvedAt) + report.windowMs).toISOString() : null;
    let outcome: Outcome | null = assessment.outcome ?? null;
    let candidate: 'verified' | null = assessment.candidate ?? null;
    let reason = assessment.reason;
    if (existing?.came_back && (candidate || outcome === 'verified')) {
      outcome = 'contained';
      candidate = null;
      reason = existing.reason;
    } else if (existing?.outcome === 'verified' && outcome !== 'escalated') {
      outcome = 'verified';
      candidate = null;
      reason = existing.reason;
    } else if (candidate && windowEndsAt && windowEndsAt <= report.at) {
      outcome = 'verified';
      candidate = null;
    }
    const row = {
      conversation_id: report.conversationId,
      workflow_id: report.workflowId,
      channel: report.channel,
      customer_key: report.customerKey,
      outcome,
      candidate,
      reason,
      issues: JSON.stringify(assessment.issues),
      resolved_at: assessment.resolvedAt ?? null,
      window_ends_at: candidate || outcome === 'verified' ? windowEndsAt : null,
      started_at: report.startedAt,
      closed_at: report.closedAt ?? null,
      customer_turns: report.customerTurns,
      csat: report.csat ?? null,
      figures: JSON.stringify(report.figures),
      updated_at: new Date().toISOString(),
    };
    if (existing) await trx('conversation_outcomes').where({ conversation_id: report.conversationId }).update(row);
    else await trx('conversation_outcomes').insert(row);
    if (report.customerKey) await markComeBacks(trx, report);
  });
}

async function markComeBacks(trx: Knex.Transaction, report: OutcomeReport): Promise<void> {
  const earlier = (await trx('conversation_outcomes')
    .where({ customer_key: report.customerKey, candidate: 'verified' })
    .whereNot({ conversation_id: report.conversationId })) as OutcomeRow[];
  for (const row of earlier) {
    const issues = JSON.parse(row.issues) as string[];
    const back = report.raised.find((r) => issues.includes(r.intent) && row.resolved_at !== null && r.at > row.resolved_at && row.window_ends_at !== null && r.at < row.window_ends_at);
    if (!back) continue;
    await trx('conversation_outcomes').where({ conversation_id: row.conversation_id }).update({
      outcome: 'contained',
      candidate: null,
      came_back: `${back.intent} in ${report.conversationId}`,
      reason: `the customer came back on ${back.intent} within the resolution window (conversation ${report.conversationId})`,
      updated_at: new Date().toISOString(),
    });
  }
}

/** Resolutions whose window has passed without a come-back become verified; returns how many did. */
export async function settleConversationOutcomes(db: Knex, now: Date): Promise<number> {
  return db('conversation_outcomes')
    .where({ candidate: 'verified' })
    .andWhere('window_ends_at', '<=', now.toISOString())
    .update({ outcome: 'verified', candidate: null, updated_at: now.toISOString() });
}

/** One conversation's outcome as known now (its window settled first), if it has reported one. */
export async function readConversationOutcome(db: Knex, conversationId: string, now: Date): Promise<StoredOutcome | undefined> {
  await settleConversationOutcomes(db, now);
  const row = (await db('conversation_outcomes').where({ conversation_id: conversationId }).first()) as OutcomeRow | undefined;
  return row ? storedOf(row) : undefined;
}

/** Outcomes of the conversations started in [since, until), oldest first, windows settled first. */
export async function listConversationOutcomes(db: Knex, range: { since?: Date; until?: Date }, now: Date): Promise<StoredOutcome[]> {
  await settleConversationOutcomes(db, now);
  let query = db('conversation_outcomes').orderBy('started_at', 'asc');
  if (range.since) query = query.where('started_at', '>=', range.since.toISOString());
  if (range.until) query = query.where('started_at', '<', range.until.toISOString());
  return ((await query) as OutcomeRow[]).map(storedOf);
}

export interface StoredScorecard {
  conversationId: string;
  workflowId: string;
  closedAt: string;
  passed: boolean;
  failing: string[];
  checks: ScorecardCheck[];
}

/** The scorecard of a closed conversation; a conversation that closes again (after reopening) replaces it. */
export async function recordScorecard(db: Knex, card: { conversationId: string; workflowId: string; closedAt: string; checks: ScorecardCheck[] }): Promise<void> {
  const failing = card.checks.filter((c) => !c.passed).map((c) => c.id);
  const row = {
    conversation_id: card.conversationId,
    workflow_id: card.workflowId,
    closed_at: card.closedAt,
    passed: failing.length === 0,
    failing: JSON.stringify(failing),
    checks: JSON.stringify(card.checks),
  };
  await db('conversation_scorecards').insert(row).onConflict('conversation_id').merge();
}

/** Scorecards, newest first: every one, or only those with a failing check. */
export async function listScorecards(db: Knex, options: { failingOnly?: boolean; limit?: number } = {}): Promise<StoredScorecard[]> {
  let query = db('conversation_scorecards').orderBy('closed_at', 'desc').limit(options.limit ?? 100);
  if (options.failingOnly) query = query.where({ passed: false });
  const rows = (await query) as { conversation_id: string; workflow_id: string; closed_at: string; passed: boolean | number; failing: string; checks: string }[];
  return rows.map((r) => ({
    conversationId: r.conversation_id,
    workflowId: r.workflow_id,
    closedAt: r.closed_at,
    passed: Boolean(r.passed),
    failing: JSON.parse(r.failing) as string[],
    checks: JSON.parse(r.checks) as ScorecardCheck[],
  }));
}
