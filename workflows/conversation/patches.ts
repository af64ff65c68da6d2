import { patched } from '@temporalio/workflow';

// Every version point of the conversation workflow. Each says what a conversation recorded before it
// does instead when it replays.

/** Conversations report their outcome to the operators' projection (and read back the store after each action); histories from before replay without those activities. */
export const OUTCOMES_PATCH = 'conversation-outcomes';
/** Messages are read once per turn into a `Reading`, and descriptions in plain words resolve against what the bot offered; before, the older matching. */
export const PLAIN_WORDS_PATCH = 'plain-words-reading';
/** Invoices, the newsletter, reviews, placing an order and setting up a shipping address have their own handling; before, the first replies they had then. */
export const COMMERCE_INTENTS_PATCH = 'tier1-commerce-intents';
/**
 * Threats of legal action or a chargeback hand over at once; while the bot waits for an e-mail or an
 * address, only the detail itself may be in capitals; a complaint inside a flow counts towards a repeated one.
 */
export const THREATS_AND_FLOW_FRUSTRATION_PATCH = 'threats-and-flow-frustration';
/** A detail the flow took as an answer and moved on from (an address given again for the next request) is not the customer repeating themselves. */
export const ANSWERED_REPEATS_PATCH = 'answered-repeats';
/** A request to do something starts its flow, even worded as a question, and an article about another topic never replaces an intent's own answer; before, the older order. */
export const ACTIONS_BEFORE_ARTICLES_PATCH = 'actions-before-articles';
/** A goodbye to a conversation that is already resolved says goodbye and keeps it resolved, without asking for a rating again. */
export const GOODBYE_AFTER_END_PATCH = 'goodbye-after-end';
/** The account requests start flows of their own; before, they got a first reply and the next message was read afresh. */
export const ACCOUNT_FLOWS_PATCH = 'account-flows';
/** Every customer turn goes past the prompt-injection detector first; a flagged turn is recorded as a decision and never reaches the LLM tier. */
export const INJECTION_FLAGS_PATCH = 'injection-flags';
/** Every later message goes through the outbox to the customer's channel; runs from before it replay without. */
export const OUTBOX_PATCH = 'channels-outbox';
/** Conversations before this patch waited for each refund saga to finish, and a failed saga failed the turn. */
export const SAGAS_REPORT_BACK_PATCH = 'refund-sagas-report-back';
/** A proposal the policy would now make differently is described again; before, the flow ended in a refusal. */
export const REPROPOSE_PATCH = 'repropose-changed-proposal';
/** A customer the channel vouched for (their address or number is on file) is known from the start, for reads. */
export const VOUCHED_IDENTITY_PATCH = 'channels-vouched-identity';
/** A call-back promised on a handed-over call gets a timer of its own. */
export const VOICE_CALLBACK_PATCH = 'voice-callback';
/** Work already waiting when the main loop sleeps wakes it at once (see the loop). */
export const WAKE_FOR_WAITING_WORK_PATCH = 'wake-for-waiting-work';
/**
 * The customer's text is read once per turn by one local activity (injection check, tiers 1–2 and its
 * language together), and the conversation keeps a language. Only runs that decide their patches up
 * front take it (see below); the others keep the separate activities, in English.
 */
export const LANGUAGE_TURN_PATCH = 'language-turn-reading';
/** A keyword rule of one language counts as evidence of it; before, the detector alone. */
export const LANGUAGE_RULE_EVIDENCE_PATCH = 'language-rule-evidence';
/** The main loop keeps its timer across wakes (see wake-timer.ts); before, every wake cancelled it and started another. */
export const WAKE_TIMER_KEPT_PATCH = 'wake-timer-kept';

/**
 * Why patches are decided up front. When a query comes with a workflow task while a local activity is
 * running, the SDK's core answers it by completing that task, the activity's result marker included,
 * and hands the result to the workflow in the next task; on replay the result is there in the first
 * one. So the code after a local activity can run one task earlier on replay than it did, and a
 * `patched()` first asked there finds no marker (a marker is known only in the task that recorded it):
 * the replay takes the old branch and fails. Deciding every patch when the run starts, and as each
 * message, command or event arrives (never after a local activity), keeps each marker in a task both
 * agree on. Runs recorded before this decide each patch where its code meets it, and never read by
 * local activity.
 */
export const PATCHES_UP_FRONT = 'patches-up-front';

/** Every patch above, in the order a run decides them. New patches go at the end. */
export const CONVERSATION_PATCHES: readonly string[] = [
  OUTCOMES_PATCH,
  PLAIN_WORDS_PATCH,
  COMMERCE_INTENTS_PATCH,
  THREATS_AND_FLOW_FRUSTRATION_PATCH,
  ANSWERED_REPEATS_PATCH,
  ACTIONS_BEFORE_ARTICLES_PATCH,
  GOODBYE_AFTER_END_PATCH,
  ACCOUNT_FLOWS_PATCH,
  INJECTION_FLAGS_PATCH,
  OUTBOX_PATCH,
  SAGAS_REPORT_BACK_PATCH,
  REPROPOSE_PATCH,
  VOUCHED_IDENTITY_PATCH,
  VOICE_CALLBACK_PATCH,
  WAKE_FOR_WAITING_WORK_PATCH,
  LANGUAGE_TURN_PATCH,
  LANGUAGE_RULE_EVIDENCE_PATCH,
  WAKE_TIMER_KEPT_PATCH,
];

/**
 * Called first thing in a run: whether it decides its patches up front, having decided them. Later
 * calls of `patched()` for these ids return the decision without recording anything.
 */
export function decidePatchesUpFront(): boolean {
  if (!patched(PATCHES_UP_FRONT)) return false;
  decideEveryPatch();
  return true;
}

/** At each message, command or event: patches a newer worker knows and this run has not decided yet. */
export function decideEveryPatch(): void {
  for (const id of CONVERSATION_PATCHES) patched(id);
}
