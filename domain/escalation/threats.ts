import { type EscalationInput, type EscalationReasonCode, type Finding } from './types';
import { wordsOf } from './words';

const LAWYER = '(lawyers?|attorneys?|solicitors?|legal (team|department|counsel))';

/** Threats of legal action: a person must answer those, and the bot should not argue with them. */
const LEGAL_THREATS: RegExp[] = [
  /\b(i'?ll|i will|i'?m going to|i am going to|going to|gonna|i shall|we'?ll|we will|i might|i may|i'?d|i would|i could)\s+(have to\s+|just\s+)?sue\b/i,
  /\b(sue|suing)\s+(you|your|this|the (company|store|shop)|them)\b/i,
  /\b(legal action|legal proceedings|legal steps|lawsuit|law suit|class action|small claims)\b/i,
  /\b(take|taking|drag|dragging)\s+(you|this|it|your company|the company)\s+to\s+court\b/i,
  /\bsee you in court\b/i,
  new RegExp(`\\b(contact|contacting|call|calling|get|getting|hire|hiring|involve|involving|consult|consulting|speak(ing)? (to|with)|talk(ing)? (to|with)|hear from|tell|telling|forward(ing)? this to|send(ing)? this to)\\s+(my|a|an)\\s+${LAWYER}\\b`, 'i'),
  new RegExp(`\\bmy\\s+${LAWYER}\\s+(will|would|is|are|'s|'ll|has|have|says|said|can|shall|knows)\\b`, 'i'),
  /\breport(ing)?\s+(you|this|it|your (company|store|shop))\s+to\s+(the\s+)?(bbb|better business bureau|ftc|consumer protection|trading standards|ombudsman|authorities|police|attorney general)\b/i,
];

/** Threats to claw the money back through the bank or the payment provider. */
const CHARGEBACK_THREATS: RegExp[] = [
  /\bcharge[\s-]?backs?\b/i,
  /\bdispute\s+(the|this|that|my|a|your)?\s*(charge|payment|transaction|purchase|order)s?\b/i,
  /\bdispute\s+(it|this|that)\s+with\s+(my|the)\s+(bank|card|credit card|card company|card issuer|paypal|visa|mastercard|amex)\b/i,
  /\b(open|file|opening|filing|raise|raising|start|starting)\s+(a|an)\s+(dispute|claim)\s+(with|on|at|through)\s+(my\s+|the\s+)?(bank|card|credit card|card company|card issuer|paypal|visa|mastercard|amex)\b/i,
  /\b(ask|asking|get|getting|tell|telling|have)\s+(my|the)\s+bank\s+to\s+(reverse|cancel|stop|block|refund|claw back)\b/i,
  /\b(reverse|reversing|claw back|clawing back)\s+(the|this|that|my)\s+(charge|payment|transaction)\s+(with|through)\s+(my|the)\s+(bank|card|card company|paypal)\b/i,
];

// "I don't want to sue anyone": a negation earlier in the same clause takes the threat back.
const NEGATION = new Set(["don't", 'dont', 'not', 'never', 'no', "won't", 'wont', "wouldn't", "didn't", 'without']);

function isNegated(text: string, at: number): boolean {
  const words = wordsOf(text);
  const first = words.find((w) => w.end > at);
  if (!first) return false;
  return words.some((w) => w.start < at && w.clause === first.clause && NEGATION.has(w.lower));
}

function threatIn(text: string, patterns: readonly RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match && !isNegated(text, match.index)) return match[0];
  }
  return undefined;
}

/** What kind of threat the message makes, if any: legal action, or a chargeback through the bank. */
export function findThreat(text: string): { code: Extract<EscalationReasonCode, 'legal_threat' | 'chargeback_threat'>; words: string } | undefined {
  const legal = threatIn(text, LEGAL_THREATS);
  if (legal) return { code: 'legal_threat', words: legal };
  const chargeback = threatIn(text, CHARGEBACK_THREATS);
  if (chargeback) return { code: 'chargeback_threat', words: chargeback };
  return undefined;
}

/** A threat of legal action or a chargeback goes to a person at once, whatever the bot was collecting. */
export function checkThreat(input: EscalationInput): Finding {
  const threat = findThreat(input.text);
  if (!threat) return { reasons: [], signals: [] };
  const what = threat.code === 'legal_threat' ? 'legal action' : 'a chargeback or payment dispute';
  return { reasons: [{ code: threat.code, detail: `the customer threatens ${what} ("${threat.words}")` }], signals: [] };
}
