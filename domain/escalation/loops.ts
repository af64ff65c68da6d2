import { type Decision, type Turn } from '../conversation';
import { type EscalationInput, type Finding } from './types';
import { normalise } from './words';

/** The same intent this many times with no flow step in between: the bot is not getting anywhere. */
export const INTENT_LOOP_MIN = 3;
/** The customer sending nearly the same message this many times, this one included. */
export const REPEATED_MESSAGE_MIN = 3;
/** Only the customer's last few messages count: asking "where is my order" about three orders over a long chat is not a loop. */
export const REPEATED_MESSAGE_WINDOW = 6;
/** Shorter messages ("yes", "the first one") repeat by nature inside a flow. */
export const REPEATED_MESSAGE_MIN_WORDS = 3;
/** Word overlap (Jaccard) from which two messages count as nearly the same. */
export const NEARLY_SAME_OVERLAP = 0.8;
/** The bot giving the same reply this many times in a row. */
export const BOT_REPEATING_MIN = 3;

/** Intents that repeat without anything being wrong, or that other checks already cover. */
export const LOOP_EXEMPT_INTENTS: ReadonlySet<string> = new Set(['greeting', 'thanks', 'goodbye', 'oos', 'complaint', 'contact_human_agent']);

// Words that do not change what a message asks: "where is my order" = "hello? where is my order please".
const FILLER = new Set(['please', 'pls', 'plz', 'hello', 'hi', 'hey', 'again', 'still', 'now', 'ok', 'okay', 'so', 'just', 'the', 'a', 'an']);

function progresses(decision: Decision): boolean {
  return decision.kind === 'dialogue' && decision.rule !== undefined && !decision.rule.endsWith(':dropped');
}

/** How many times `intent` was recognised since the last flow step went forward (this message included). */
export function timesWithoutProgress(decisions: readonly Decision[], intent: string): number {
  let times = 1;
  for (let i = decisions.length - 1; i >= 0; i--) {
    const decision = decisions[i];
    if (!decision || progresses(decision)) break;
    if (decision.kind === 'reply' && decision.tier !== 'none' && decision.intent === intent) times++;
  }
  return times;
}

function contentWords(text: string): string[] {
  return normalise(text)
    .split(' ')
    .filter((w) => w && !FILLER.has(w));
}

/** Nearly the same message: equal once case, punctuation and filler words are gone, or ≥ 80 % of words shared. */
export function nearlySame(a: string, b: string): boolean {
  const wa = new Set(contentWords(a));
  const wb = new Set(contentWords(b));
  if (wa.size === 0 || wb.size === 0) return false;
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared / (wa.size + wb.size - shared) >= NEARLY_SAME_OVERLAP;
}

function turnsOf(transcript: readonly Turn[], from: Turn['from']): Turn[] {
  return transcript.filter((t) => t.from === from);
}

export function checkIntentLoop(input: EscalationInput): Finding {
  const finding: Finding = { reasons: [], signals: [] };
  const intent = input.intent;
  if (!intent || LOOP_EXEMPT_INTENTS.has(intent)) return finding;
  const times = timesWithoutProgress(input.decisions, intent);
  if (times >= INTENT_LOOP_MIN) finding.reasons.push({ code: 'intent_loop', detail: `${intent} ${times} times with no step forward` });
  else if (times > 1) finding.signals.push({ code: 'intent_repeated', detail: `${intent} again with no step forward` });
  return finding;
}

/** The flow step each customer turn answered (`kind:step`), by its seq; turns outside a flow have none. */
function answeredSteps(decisions: readonly Decision[]): Map<number, string> {
  const steps = new Map<number, string>();
  for (const d of decisions) {
    if (d.kind === 'dialogue' && d.intent && d.rule?.startsWith(`${d.intent}:`) && !d.rule.endsWith(':dropped')) steps.set(d.seq, d.rule);
  }
  return steps;
}

/**
 * Customer turns the flow took as an answer and moved on from: the next customer turn was answered at
 * another step. Giving the same address for an order and then for the account answers two questions.
 */
export function movedOnFrom(input: EscalationInput): Set<number> {
  const steps = answeredSteps(input.decisions);
  const turns = turnsOf(input.transcript, 'customer');
  const moved = new Set<number>();
  turns.forEach((turn, i) => {
    const at = steps.get(turn.seq);
    const next = turns[i + 1];
    const nextAt = next ? steps.get(next.seq) : input.answering;
    if (at !== undefined && nextAt !== at) moved.add(turn.seq);
  });
  return moved;
}

export function checkRepeatedMessage(input: EscalationInput): Finding {
  const finding: Finding = { reasons: [], signals: [] };
  if (contentWords(input.text).length < REPEATED_MESSAGE_MIN_WORDS) return finding;
  const answered = input.answersCountAsRepeats ? new Set<number>() : movedOnFrom(input);
  const recent = turnsOf(input.transcript, 'customer').slice(-REPEATED_MESSAGE_WINDOW);
  const same = recent.filter((t) => nearlySame(t.text, input.text) && !answered.has(t.seq));
  const times = same.length + 1;
  const detail = `the customer sent nearly the same message ${times} times (turns ${same.map((t) => t.seq).join(', ')} and now)`;
  // The customer repeating themselves is the same loop seen from their side: it has no code of its own.
  if (times >= REPEATED_MESSAGE_MIN) finding.reasons.push({ code: 'intent_loop', detail });
  else if (times > 1) finding.signals.push({ code: 'repeated_message', detail });
  return finding;
}

export function checkBotRepeating(input: EscalationInput): Finding {
  const finding: Finding = { reasons: [], signals: [] };
  const bot = turnsOf(input.transcript, 'bot');
  const last = bot[bot.length - 1];
  if (!last) return finding;
  let times = 0;
  for (let i = bot.length - 1; i >= 0 && normalise(bot[i]?.text ?? '') === normalise(last.text); i--) times++;
  const detail = `the bot gave the same reply ${times} times in a row`;
  if (times >= BOT_REPEATING_MIN) finding.reasons.push({ code: 'bot_repeating', detail });
  else if (times > 1) finding.signals.push({ code: 'bot_repeated', seq: last.seq, detail });
  return finding;
}
