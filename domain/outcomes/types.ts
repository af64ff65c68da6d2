import type { ClassifierTier } from '../conversation';

/** How a conversation ended, as operators count it (design.md: `outcome`). */
export const OUTCOMES = ['verified', 'contained', 'escalated', 'abandoned'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * What one conversation adds to the operators' figures: counts and codes only, never the customer's
 * words, so the projection can be read by anyone who may see metrics.
 */
export interface ConversationFigures {
  /** Customer turns classified by each tier (the turns inside a flow are answers, not classified). */
  tiers: Record<ClassifierTier, number>;
  /** Every intent the customer raised, in order, each once. */
  intents: string[];
  /** Handoff reason codes (`explicit_request`, `profanity`, ...), each once. */
  escalationCodes: string[];
  /** The request being worked on when a person was brought in. */
  handoffIntent?: string;
  /** Actions by their last reported status. */
  actions: { executed: number; denied: number; compensated: number; failed: number };
  refundedCents: number;
  /** Customer turns the prompt-injection detector flagged (absent in rows written before the detector). */
  injectionFlags?: number;
  /** From the first customer message until the issue was resolved, when it was. */
  secondsToResolution?: number;
}

/** The outcome as the conversation itself can tell it now: the store projection adds the window's end. */
export interface OutcomeAssessment {
  /** Known for good (escalated, contained, abandoned, or verified when the window is 0). */
  outcome?: Outcome;
  /** A resolution that becomes `verified` when the window passes without the customer coming back. */
  candidate?: 'verified';
  reason: string;
  /** The intents resolved: coming back on one of them inside the window takes the verified status away. */
  issues: string[];
  resolvedAt?: string;
}

/** One check of a closed conversation's quality scorecard. */
export interface ScorecardCheck {
  id: string;
  passed: boolean;
  detail: string;
}
