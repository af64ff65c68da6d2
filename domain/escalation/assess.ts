import { checkShouting } from './caps';
import { checkNegativeTrend, checkRepeatedComplaint } from './complaints';
import { checkHumanRequest } from './human-request';
import { checkBotRepeating, checkIntentLoop, checkRepeatedMessage } from './loops';
import { checkProfanity } from './profanity';
import { checkThreat } from './threats';
import { ESCALATION_REASON_CODES, type EscalationInput, type EscalationReason, type EscalationVerdict, type Finding } from './types';

/** The bot could not tell what the customer wants this many times in a row: ask once, then hand over. */
export const UNSURE_STREAK_MIN = 2;

function checkUnsure(input: EscalationInput): Finding {
  if (input.unsureStreak < UNSURE_STREAK_MIN) return { reasons: [], signals: [] };
  return { reasons: [{ code: 'unsure_twice', detail: `${input.unsureStreak} unclear messages in a row` }], signals: [] };
}

const CHECKS: ((input: EscalationInput) => Finding)[] = [
  checkThreat,
  checkHumanRequest,
  checkShouting,
  checkProfanity,
  checkRepeatedComplaint,
  checkNegativeTrend,
  checkIntentLoop,
  checkRepeatedMessage,
  checkBotRepeating,
  checkUnsure,
];

/** Should a person take this conversation over now, and why; plus weaker signs worth showing whoever reads it. */
export function assessEscalation(input: EscalationInput): EscalationVerdict {
  const findings = CHECKS.filter((check) => !(input.withoutThreatCheck && check === checkThreat)).map((check) => check(input));
  const order = (r: EscalationReason) => ESCALATION_REASON_CODES.indexOf(r.code);
  const reasons = findings.flatMap((f) => f.reasons).sort((a, b) => order(a) - order(b));
  const signals = findings.flatMap((f) => f.signals);
  return { escalate: reasons.length > 0, reasons, signals };
}
