import type { Knex } from 'knex';
import { OUTCOMES, type Outcome } from '../../domain/outcomes/types';
import type { ConversationFigures } from '../../domain/outcomes/types';
import { addUpFigures, type FigureTotals } from '../../domain/outcomes/figure-totals';
import type { LedgerStatus } from './refund-ledger';

/** A conversation's outcome as of a moment: known, a resolution whose window still runs, or not known yet. */
export type OutcomeState = Outcome | 'pending' | 'in_progress';

/** The operators' figures as the database holds them at one moment. */
export interface OperationsFigures {
  /** Conversations by known outcome (every outcome, zero included). */
  outcomes: Record<Outcome, number>;
  /** Resolutions waiting for their window to pass: verified unless the customer comes back. */
  pendingResolutions: number;
  /** Conversations whose outcome is not known and that have no resolution waiting. */
  inProgress: number;
  /** CSAT ratings by the conversation's outcome state and the rating. */
  csat: { outcome: OutcomeState; rating: number; count: number }[];
  figures: FigureTotals;
  /** The refund ledger by status: how many entries and how much money. */
  refunds: { status: LedgerStatus; entries: number; cents: number }[];
  /** Customer notices whose delivery failed (not sent since), by channel (`unknown` when none was chosen). */
  deliveryFailures: { channel: string; count: number }[];
}

/**
 * The outcome state as of `now`, in SQL: a verified candidate whose window has passed counts as
 * verified, as `settleConversationOutcomes` would make it, without a scrape writing anything.
 */
const STATE_SQL = `case
  when outcome is not null then outcome
  when candidate = 'verified' and window_ends_at <= ? then 'verified'
  when candidate = 'verified' then 'pending'
  else 'in_progress' end`;

/** Reads every figure the metrics show: a few grouped queries, and the figures column for the sums SQL cannot do alike on both engines. */
export async function readOperationsFigures(db: Knex, now: Date): Promise<OperationsFigures> {
  const at = now.toISOString();
  const [states, ratings, figureRows, refunds, failures] = await Promise.all([
    db('conversation_outcomes').select(db.raw(`${STATE_SQL} as state`, [at])).count({ n: '*' }).groupByRaw('1') as Promise<{ state: OutcomeState; n: number | string }[]>,
    db('conversation_outcomes')
      .select(db.raw(`${STATE_SQL} as state`, [at]), 'csat')
      .count({ n: '*' })
      .whereNotNull('csat')
      .groupByRaw('1, 2') as Promise<{ state: OutcomeState; csat: number | string; n: number | string }[]>,
    db('conversation_outcomes').select('figures') as Promise<{ figures: string }[]>,
    db('refund_ledger').select('status').count({ n: '*' }).sum({ cents: 'amount_cents' }).groupBy('status') as Promise<
      { status: LedgerStatus; n: number | string; cents: number | string | null }[]
    >,
    db('customer_notifications')
      .select(db.raw(`coalesce(channel, 'unknown') as channel`))
      .count({ n: '*' })
      .where({ status: 'failed' })
      .groupByRaw('1') as Promise<{ channel: string; n: number | string }[]>,
  ]);
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  let pendingResolutions = 0;
  let inProgress = 0;
  for (const row of states) {
    const n = Number(row.n);
    if (row.state === 'pending') pendingResolutions += n;
    else if (row.state === 'in_progress') inProgress += n;
    else if ((OUTCOMES as readonly string[]).includes(row.state)) outcomes[row.state] += n;
  }
  return {
    outcomes,
    pendingResolutions,
    inProgress,
    csat: ratings.map((r) => ({ outcome: r.state, rating: Number(r.csat), count: Number(r.n) })),
    figures: addUpFigures(figureRows.map((r) => parsedFigures(r.figures))),
    refunds: refunds.map((r) => ({ status: r.status, entries: Number(r.n), cents: Number(r.cents ?? 0) })),
    deliveryFailures: failures.map((r) => ({ channel: r.channel, count: Number(r.n) })),
  };
}

/** A row whose figures cannot be read still counts as a conversation, with nothing added. */
function parsedFigures(text: string): Partial<ConversationFigures> {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Partial<ConversationFigures>) : {};
  } catch {
    return {};
  }
}
