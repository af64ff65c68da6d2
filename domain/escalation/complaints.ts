import { type Turn } from '../conversation';
import { findSwears } from './profanity';
import { type EscalationInput, type Finding } from './types';

export const COMPLAINT_INTENT = 'complaint';
/** Customer turns that complain, this one included, before a person should step in: one complaint the bot may handle. */
export const REPEATED_COMPLAINT_MIN = 2;
/** Customer turns (this one the last) whose negative score must rise strictly for a trend. */
export const NEGATIVE_TREND_TURNS = 3;
/** The trend counts only when the latest score reaches this: 0 → 1 → 2 is a few mild words, not anger building. */
export const NEGATIVE_TREND_MIN_SCORE = 3;

/** Phrases that say "this is not the first time" or "I am fed up": a complaint, whatever the intent. */
const COMPLAINT_PHRASES: RegExp[] = [
  /\bstill\s+(not|no|nothing|haven'?t|hasn'?t|isn'?t|doesn'?t|don'?t|didn'?t|won'?t|can'?t|waiting)\b/i,
  /\b(yet|once|over and over)\s+again\b/i,
  /\b(happen\w*|wrong|late|broke\w*|same|ask\w*|tell\w*|told|explain\w*|repeat\w*|wait\w*|charg\w*)\b[^.?!]{0,30}\bagain\b/i,
  /\b(nobody|no one|no-one|noone)\b[^.?!]{0,20}\b(help|answer|respond|repl|care|listen|call|fix)\w*/i,
  /\b(ridiculous|absurd|outrageous|unacceptable|unbelievable|disgraceful)\b/i,
  /\b(third|fourth|fifth|sixth|tenth)\s+time\b/i,
  /\b(for the|this is the|that'?s the|it'?s the)\s+second\s+time\b/i,
  /\bhow many times\b/i,
  /\b(fed up|sick (and tired )?of|tired of|had enough|waste of (my )?time|wasting my time|never again)\b/i,
];

/** Negative words and their weight, for the trend over turns; "no problem" and "not bad" are removed first. */
const NEGATIVE_LEXICON: [RegExp, number][] = [
  [/\b(late|delayed|wrong|broken|damaged|missing|lost|problem|issue|still|unhappy|bad|poor|slow|waiting|disappointed|annoyed|annoying|upset)\b/gi, 1],
  [/\b(terrible|awful|horrible|ridiculous|unacceptable|outrageous|worst|angry|furious|frustrated|frustrating|disgusting|fed up|sick of|had enough|never again|waste of (my )?time)\b/gi, 2],
];
const NOT_NEGATIVE = /\b(no|not a|without any)\s+(problem|problems|issue|issues)\b|\bnot\s+bad\b/gi;
/** Several exclamation marks add to the score; alone they are a signal (caps.ts). */
const EXCLAMATIONS_ADD_AT = 2;

export function isComplaintText(text: string): boolean {
  return COMPLAINT_PHRASES.some((phrase) => phrase.test(text));
}

/** How negative one message reads: weighted lexicon hits, plus swearing and a pile of exclamation marks. */
export function negativeScore(text: string): number {
  const cleaned = text.replace(NOT_NEGATIVE, ' ');
  let score = 0;
  for (const [pattern, weight] of NEGATIVE_LEXICON) score += (cleaned.match(pattern) ?? []).length * weight;
  score += findSwears(text).length * 2;
  if ((text.match(/!/g) ?? []).length >= EXCLAMATIONS_ADD_AT) score += 1;
  return score;
}

function complaintIntentSeqs(input: EscalationInput): Set<number> {
  const complaint = (d: EscalationInput['decisions'][number]) =>
    (d.kind === 'reply' && d.intent === COMPLAINT_INTENT) || (d.kind === 'dialogue' && d.heard === COMPLAINT_INTENT);
  return new Set(input.decisions.filter(complaint).map((d) => d.seq));
}

function customerTurns(transcript: Turn[]): Turn[] {
  return transcript.filter((t) => t.from === 'customer');
}

/** The same complaint twice (by intent or in words), the second time now: a person should take it. */
export function checkRepeatedComplaint(input: EscalationInput): Finding {
  const finding: Finding = { reasons: [], signals: [] };
  const byIntent = complaintIntentSeqs(input);
  const earlier = customerTurns(input.transcript).filter((t) => byIntent.has(t.seq) || isComplaintText(t.text));
  const now = input.intent === COMPLAINT_INTENT || isComplaintText(input.text);
  if (now && earlier.length + 1 >= REPEATED_COMPLAINT_MIN) {
    finding.reasons.push({
      code: 'repeated_complaint',
      detail: `complaint number ${earlier.length + 1} in this conversation (earlier: turns ${earlier.map((t) => t.seq).join(', ')})`,
    });
    return finding;
  }
  if (now) finding.signals.push({ code: 'complaint', detail: 'the customer complains' });
  for (const turn of earlier) finding.signals.push({ code: 'complaint', seq: turn.seq, detail: 'the customer complained' });
  return finding;
}

/** The customer's last few messages read more and more negative. */
export function checkNegativeTrend(input: EscalationInput): Finding {
  const finding: Finding = { reasons: [], signals: [] };
  const recent = customerTurns(input.transcript).slice(-(NEGATIVE_TREND_TURNS - 1));
  const scores = [...recent.map((t) => negativeScore(t.text)), negativeScore(input.text)];
  const latest = scores[scores.length - 1] ?? 0;
  const rising = scores.length === NEGATIVE_TREND_TURNS && scores.every((s, i) => i === 0 || s > (scores[i - 1] ?? 0));
  if (rising && latest >= NEGATIVE_TREND_MIN_SCORE) {
    finding.reasons.push({ code: 'negative_trend', detail: `negative score rising over the last ${NEGATIVE_TREND_TURNS} messages: ${scores.join(' → ')}` });
  } else if (latest >= NEGATIVE_TREND_MIN_SCORE) {
    finding.signals.push({ code: 'negative_tone', detail: `negative score ${latest}` });
  }
  return finding;
}
