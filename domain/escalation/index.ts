/** Deterministic escalation triggers: when a person should take the conversation over, and why. */
export { assessEscalation, UNSURE_STREAK_MIN } from './assess';
export {
  ALLOWED_ACRONYMS,
  EXCLAMATIONS_SIGNAL_MIN,
  REAL_WORD_MIN_LETTERS,
  SHOUTING_MIN_RATIO,
  SHOUTING_MIN_WORDS,
  detailTerms,
  isShouting,
  readCaps,
  type CapsReading,
} from './caps';
export {
  COMPLAINT_INTENT,
  NEGATIVE_TREND_MIN_SCORE,
  NEGATIVE_TREND_TURNS,
  REPEATED_COMPLAINT_MIN,
  isComplaintText,
  negativeScore,
} from './complaints';
export { HUMAN_AGENT_INTENT, asksForAHuman } from './human-request';
export {
  BOT_REPEATING_MIN,
  INTENT_LOOP_MIN,
  LOOP_EXEMPT_INTENTS,
  NEARLY_SAME_OVERLAP,
  REPEATED_MESSAGE_MIN,
  REPEATED_MESSAGE_MIN_WORDS,
  REPEATED_MESSAGE_WINDOW,
  nearlySame,
  timesWithoutProgress,
} from './loops';
export { AIM_WORDS, AIM_WORDS_AFTER, AIM_WORDS_BEFORE, INSULT_WORDS, findSwears, type Swear } from './profanity';
export { findThreat } from './threats';
export * from './types';
