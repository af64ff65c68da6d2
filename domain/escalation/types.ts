import type { Decision, Turn } from '../conversation';
import type { EscalationReasonCode, FrustrationSignalCode } from './codes';

/** What the escalation check reads: one customer message and what came before it. */
export interface EscalationInput {
  /** This customer message; it is not yet in `transcript`. */
  text: string;
  /** Earlier turns of this conversation (customer, bot, agent, system), oldest first. */
  transcript: Turn[];
  /** Earlier decisions: `reply` carries the intent, `dialogue` (rule `kind:step`) shows a flow step advanced. */
  decisions: Decision[];
  /** The intent of this message, if the classifier could tell. */
  intent?: string;
  /** Unclear turns in a row, this one included. */
  unsureStreak: number;
  /** Words that are legitimately upper case: product names, order ids. */
  knownTerms?: string[];
  /** The flow step this message answers (`kind:step`), when the bot is waiting for an answer inside a flow. */
  answering?: string;
  /** True only while replaying a conversation recorded before a detail the flow took and moved on from stopped counting as a repeat. */
  answersCountAsRepeats?: boolean;
  /** True only while replaying a conversation recorded before threats of legal action or a chargeback were checked. */
  withoutThreatCheck?: boolean;
}

export { ESCALATION_REASON_CODES, type EscalationReasonCode, type FrustrationSignalCode, type HandoffReasonCode } from './codes';

export interface EscalationReason {
  code: EscalationReasonCode;
  detail: string;
}

/** A weaker sign of frustration worth showing an agent even when nobody is called; `seq` points at an earlier turn. */
export interface FrustrationSignal {
  code: FrustrationSignalCode;
  seq?: number;
  detail: string;
}

export interface EscalationVerdict {
  escalate: boolean;
  reasons: EscalationReason[];
  signals: FrustrationSignal[];
}

/** What one check found: reasons to call a person, and weaker signals. */
export interface Finding {
  reasons: EscalationReason[];
  signals: FrustrationSignal[];
}
