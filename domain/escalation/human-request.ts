import { type EscalationInput, type Finding } from './types';
import { wordsOf } from './words';

export const HUMAN_AGENT_INTENT = 'contact_human_agent';

const PERSON = '(human|person|people|agent|representative|rep|operator|someone|somebody|manager|supervisor|employee)';
const QUALIFIER = '(a|an|some|the|your|one of your)?\\s*(real|live|actual|human)?\\s*';

const ASKS_FOR_A_PERSON: RegExp[] = [
  new RegExp(`\\b(talk|speak|chat|get through)\\s+(to|with)\\s+${QUALIFIER}${PERSON}\\b`, 'i'),
  new RegExp(`\\b(connect|transfer|put|pass|forward|escalate)\\s+(me|this|it|my case)\\s+(through\\s+|on\\s+)?(to|with)\\s+${QUALIFIER}${PERSON}\\b`, 'i'),
  /\b(want|need|get me|give me|can i (have|get)|i'?d like)\s+(a|an|to see a)\s+(real\s+|live\s+|actual\s+)?(human|person|agent|representative|operator|manager|supervisor)\b/i,
  /\b(real|actual|live)\s+(person|human|agent|people)\b/i,
  /\bhuman\s+(agent|being|support|please)\b/i,
  /\bescalate\s+(this|it|me|my (case|issue|complaint|ticket))\b/i,
  /^\s*(a\s+)?(human|agent|representative|operator|person)(\s+please)?[\s!.]*$/i,
];

// "I don't want to talk to a human" is the opposite of a request; a comma ends the negation's reach.
const NEGATION = new Set(["don't", 'dont', 'not', 'never', 'no', "doesn't", 'without']);

function isNegated(text: string, at: number): boolean {
  const words = wordsOf(text);
  const first = words.find((w) => w.end > at);
  if (!first) return false;
  return words.some((w) => w.start < at && w.clause === first.clause && NEGATION.has(w.lower));
}

/** The customer asks for a person, by intent or in words. */
export function asksForAHuman(text: string, intent?: string): boolean {
  if (intent === HUMAN_AGENT_INTENT) return true;
  return ASKS_FOR_A_PERSON.some((pattern) => {
    const match = pattern.exec(text);
    return match !== null && !isNegated(text, match.index);
  });
}

export function checkHumanRequest(input: EscalationInput): Finding {
  if (!asksForAHuman(input.text, input.intent)) return { reasons: [], signals: [] };
  const how = input.intent === HUMAN_AGENT_INTENT ? `intent ${HUMAN_AGENT_INTENT}` : 'in so many words';
  return { reasons: [{ code: 'explicit_request', detail: `the customer asked for a person (${how})` }], signals: [] };
}
