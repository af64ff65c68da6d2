/** Every code a handoff reason or a frustration signal can carry; a leaf module, so any part of the domain can name them. */

/** What the escalation check finds in a customer turn and calls a person for. */
export const ESCALATION_REASON_CODES = [
  'legal_threat',
  'chargeback_threat',
  'explicit_request',
  'shouting',
  'profanity',
  'insult',
  'repeated_complaint',
  'negative_trend',
  'intent_loop',
  'bot_repeating',
  'unsure_twice',
] as const;
export type EscalationReasonCode = (typeof ESCALATION_REASON_CODES)[number];

/**
 * Why else a person takes over: the turn's intent was a complaint or a payment problem only records can
 * settle, a policy outcome needs one, or the customer writes a language the bot cannot answer in.
 */
export const OUTCOME_HANDOFF_CODES = ['complaint', 'payment_check', 'approval_denied', 'approval_timed_out', 'return_overdue', 'refund_failed', 'language'] as const;
export type OutcomeHandoffCode = (typeof OUTCOME_HANDOFF_CODES)[number];

export type HandoffReasonCode = EscalationReasonCode | OutcomeHandoffCode;

/** Weaker signs of frustration, kept for the person who may take over; they call nobody by themselves. */
export const FRUSTRATION_SIGNAL_CODES = [
  'capitals',
  'exclamations',
  'profanity',
  'insult',
  'complaint',
  'negative_tone',
  'intent_repeated',
  'repeated_message',
  'bot_repeated',
] as const;
export type FrustrationSignalCode = (typeof FRUSTRATION_SIGNAL_CODES)[number];
