/** The quality review of closed conversations: a deterministic scorecard from what each one recorded. */
export {
  BOT_FAILURE_CODES,
  ESCALATING_SIGNALS,
  FRUSTRATION_HANDOFF_GRACE_TURNS,
  MAX_CUSTOMER_TURNS,
  MAX_MINUTES_TO_RESOLUTION,
  SCORECARD_CHECK_IDS,
  scoreConversation,
  type ScorecardCheckId,
  type ScorecardInput,
} from './scorecard';
