import type { ClassifierTier } from '../conversation';
import { OUTCOMES, type ConversationFigures, type Outcome } from './types';

/** What the summary reads of one conversation's stored outcome (the repository's rows have more). */
export interface OutcomeFacts {
  /** Null while not known yet: counted as pending. */
  outcome: Outcome | null;
  startedAt: string;
  csat: number | null;
  figures: ConversationFigures;
}

/** An outcome as the dashboard counts it: a conversation whose outcome is not known yet is pending. */
export type CountedOutcome = Outcome | 'pending';

export interface OutcomeCounts {
  conversations: number;
  verified: number;
  contained: number;
  escalated: number;
  abandoned: number;
  pending: number;
  /** verified ÷ conversations (pending ones included); null with no conversations. */
  automationRate: number | null;
}

export interface DaySummary extends OutcomeCounts {
  /** The UTC day the conversations started on, `YYYY-MM-DD`. */
  day: string;
}

/** `GET /v1/operations/summary`: the operators' figures over the last `days` days, from recorded conversations. */
export interface OperationsSummary {
  /** One entry per UTC day, oldest first, days without conversations included. */
  days: DaySummary[];
  /** Contained is shown beside the automation rate, never added into it. */
  totals: OutcomeCounts & { containedRate: number | null };
  /** Customer turns by the tier that classified them. */
  tierMix: Record<ClassifierTier, number>;
  /** Conversations per handoff reason code, most first, at most five. */
  topEscalationReasons: { code: string; count: number }[];
  /** Escalated conversations per the request being worked on when a person came in, most first, at most five. */
  topHandoffIntents: { intent: string; count: number }[];
  /** Every outcome (and pending), with how many rated the conversation and their average score. */
  csatByOutcome: { outcome: CountedOutcome; ratings: number; average: number | null }[];
}

const TOP = 5;
const DAY_MS = 24 * 60 * 60 * 1000;
const TIERS: readonly ClassifierTier[] = ['keyword', 'model', 'llm', 'none'];
export const COUNTED_OUTCOMES: readonly CountedOutcome[] = [...OUTCOMES, 'pending'];

/** The first instant of the window of `days` UTC days that ends with the day `now` is in. */
export function summaryWindowStart(now: Date, days: number): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - 1) * DAY_MS);
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function countsOf(rows: readonly OutcomeFacts[]): OutcomeCounts {
  const counts = { conversations: rows.length, verified: 0, contained: 0, escalated: 0, abandoned: 0, pending: 0 };
  for (const row of rows) counts[row.outcome ?? 'pending'] += 1;
  return { ...counts, automationRate: rate(counts.verified, counts.conversations) };
}

/** Most first; ties by name, so the same rows always give the same list. */
function top(counts: Map<string, number>): [string, number][] {
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).slice(0, TOP);
}

/**
 * The operators' figures for the conversations started in the `days` UTC days up to `now`'s; rows
 * that started outside them are left out, so the caller may pass a wider list.
 */
export function summarizeOutcomes(rows: readonly OutcomeFacts[], options: { now: Date; days: number }): OperationsSummary {
  const start = summaryWindowStart(options.now, options.days);
  const end = start.getTime() + options.days * DAY_MS;
  const inWindow = rows.filter((row) => {
    const at = Date.parse(row.startedAt);
    return at >= start.getTime() && at < end;
  });

  const byDay = new Map<string, OutcomeFacts[]>();
  for (let i = 0; i < options.days; i += 1) byDay.set(new Date(start.getTime() + i * DAY_MS).toISOString().slice(0, 10), []);
  for (const row of inWindow) byDay.get(new Date(Date.parse(row.startedAt)).toISOString().slice(0, 10))?.push(row);

  const tierMix: Record<ClassifierTier, number> = { keyword: 0, model: 0, llm: 0, none: 0 };
  const reasons = new Map<string, number>();
  const intents = new Map<string, number>();
  const ratings = new Map<CountedOutcome, number[]>(COUNTED_OUTCOMES.map((o) => [o, []]));
  for (const row of inWindow) {
    for (const tier of TIERS) tierMix[tier] += row.figures.tiers[tier] ?? 0;
    for (const code of new Set(row.figures.escalationCodes)) reasons.set(code, (reasons.get(code) ?? 0) + 1);
    if (row.outcome === 'escalated' && row.figures.handoffIntent) intents.set(row.figures.handoffIntent, (intents.get(row.figures.handoffIntent) ?? 0) + 1);
    if (row.csat !== null) ratings.get(row.outcome ?? 'pending')?.push(row.csat);
  }

  const totals = countsOf(inWindow);
  return {
    days: [...byDay].map(([day, dayRows]) => ({ day, ...countsOf(dayRows) })),
    totals: { ...totals, containedRate: rate(totals.contained, totals.conversations) },
    tierMix,
    topEscalationReasons: top(reasons).map(([code, count]) => ({ code, count })),
    topHandoffIntents: top(intents).map(([intent, count]) => ({ intent, count })),
    csatByOutcome: COUNTED_OUTCOMES.map((outcome) => {
      const scores = ratings.get(outcome) ?? [];
      return { outcome, ratings: scores.length, average: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length };
    }),
  };
}
