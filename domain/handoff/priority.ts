import type { EscalationReasonRecord, Priority } from '../conversation';
import type { HandoffReasonCode } from '../escalation/codes';

/** Reasons that mean an upset customer or money at stake: they go to the front of the queue. */
const HIGH_PRIORITY_CODES = new Set<HandoffReasonCode>([
  'legal_threat',
  'chargeback_threat',
  'shouting',
  'profanity',
  'insult',
  'repeated_complaint',
  'negative_trend',
  'approval_denied',
  'approval_timed_out',
  'return_overdue',
]);

export const PRIORITY_RANK: Record<Priority, number> = { normal: 1, high: 2, urgent: 3 };

export function priorityFor(reasons: readonly EscalationReasonRecord[]): Priority {
  return reasons.some((r) => HIGH_PRIORITY_CODES.has(r.code)) ? 'high' : 'normal';
}

/** One step up, as each SLA period passes unclaimed; urgent is the ceiling. */
export function raisePriority(priority: Priority): Priority {
  return priority === 'normal' ? 'high' : 'urgent';
}
