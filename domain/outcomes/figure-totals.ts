import type { ClassifierTier } from '../conversation';
import type { ConversationFigures } from './types';

const TIERS: readonly ClassifierTier[] = ['keyword', 'model', 'llm', 'none'];
const ACTION_STATUSES = ['executed', 'denied', 'compensated', 'failed'] as const;

/** What all the conversations' figures add up to: what the metrics (and a dashboard) show. */
export interface FigureTotals {
  conversations: number;
  /** Customer turns by the tier that classified them. */
  tiers: Record<ClassifierTier, number>;
  /** How many conversations raised each intent. */
  intents: Map<string, number>;
  /** How many conversations were handed over for each reason code. */
  escalations: Map<string, number>;
  /** How many handoffs came while each request was being worked on. */
  handoffIntents: Map<string, number>;
  actions: Record<(typeof ACTION_STATUSES)[number], number>;
  refundedCents: number;
  /** Customer turns the prompt-injection detector flagged. */
  injectionFlags: number;
  /** One value per resolved conversation. */
  secondsToResolution: number[];
}

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);

function bump(map: Map<string, number>, key: unknown): void {
  if (typeof key === 'string' && key !== '') map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Adds up conversations' figures. Rows are projections written by other code versions too, so a
 * field that is missing or not a count adds nothing rather than failing the whole sum.
 */
export function addUpFigures(all: Iterable<Partial<ConversationFigures>>): FigureTotals {
  const totals: FigureTotals = {
    conversations: 0,
    tiers: { keyword: 0, model: 0, llm: 0, none: 0 },
    intents: new Map(),
    escalations: new Map(),
    handoffIntents: new Map(),
    actions: { executed: 0, denied: 0, compensated: 0, failed: 0 },
    refundedCents: 0,
    injectionFlags: 0,
    secondsToResolution: [],
  };
  for (const figures of all) {
    totals.conversations++;
    for (const tier of TIERS) totals.tiers[tier] += count(figures.tiers?.[tier]);
    for (const intent of new Set(Array.isArray(figures.intents) ? figures.intents : [])) bump(totals.intents, intent);
    for (const code of new Set(Array.isArray(figures.escalationCodes) ? figures.escalationCodes : [])) bump(totals.escalations, code);
    bump(totals.handoffIntents, figures.handoffIntent);
    for (const status of ACTION_STATUSES) totals.actions[status] += count(figures.actions?.[status]);
    totals.refundedCents += count(figures.refundedCents);
    totals.injectionFlags += count(figures.injectionFlags);
    const seconds = figures.secondsToResolution;
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) totals.secondsToResolution.push(seconds);
  }
  return totals;
}
