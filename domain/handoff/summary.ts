import type { ActionReport, EscalationReasonRecord, HandoffState, Turn } from '../conversation';

export interface SummaryFacts {
  firstName?: string;
  customerId?: string;
  reasons: readonly EscalationReasonRecord[];
  intents: readonly string[];
  actions: readonly ActionReport[];
  pendingRequest?: HandoffState['pendingRequest'];
  transcript: readonly Turn[];
}

const QUOTE_LIMIT = 160;

/**
 * The one-paragraph account an agent reads first, built only from what the workflow recorded.
 * Offline it is the summary; with Claude configured it is also the facts Claude may rephrase.
 */
export function summarizeForAgent(facts: SummaryFacts): string {
  const who = facts.customerId
    ? `${facts.firstName ?? 'The customer'} (verified as ${facts.customerId})`
    : 'An unverified customer';
  const customerTurns = facts.transcript.filter((t) => t.from === 'customer');
  const topics = [...new Set(facts.intents.filter((i) => i !== 'oos'))];
  const parts = [
    `${who} wrote ${customerTurns.length} message${customerTurns.length === 1 ? '' : 's'}${topics.length ? ` about ${topics.join(', ')}` : ''}.`,
    `Handed over because ${facts.reasons.map((r) => r.detail).join('; ') || 'a person was asked for'}.`,
  ];
  const done = facts.actions.filter((a) => a.status === 'executed' || a.status === 'denied');
  if (done.length) parts.push(`So far: ${done.map((a) => `${a.name} ${a.status}${a.detail ? ` (${a.detail})` : ''}`).join('; ')}.`);
  if (facts.pendingRequest) {
    const p = facts.pendingRequest;
    parts.push(`Open request: ${p.kind} at step ${p.step}${p.orderId ? ` for order ${p.orderId}` : ''}${p.detail ? ` (${p.detail})` : ''}.`);
  }
  const last = customerTurns[customerTurns.length - 1];
  if (last) parts.push(`Last message: "${clip(last.text)}".`);
  return parts.join(' ');
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_LIMIT ? `${flat.slice(0, QUOTE_LIMIT - 1)}…` : flat;
}
