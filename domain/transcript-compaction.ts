import type { CarriedState, Decision, Turn } from './conversation';

export const CARRIED_TURNS = 100;
export const CARRIED_DECISIONS = 100;

/**
 * Shrinks what a conversation carries into its next run: the newest turns verbatim,
 * the older ones folded into one summary line, so history and payloads stay small.
 */
export function compactForNextRun(state: CarriedState): CarriedState {
  const dropped = state.transcript.length - CARRIED_TURNS;
  const transcript = dropped > 0 ? state.transcript.slice(dropped) : state.transcript;
  const decisions = state.decisions.slice(-CARRIED_DECISIONS);
  return {
    ...state,
    transcript,
    decisions,
    earlierSummary: dropped > 0 ? summarise(state.earlierSummary, state.transcript.slice(0, dropped)) : state.earlierSummary,
  };
}

function summarise(previous: string | undefined, dropped: Turn[]): string {
  const first = dropped[0];
  const last = dropped[dropped.length - 1];
  const customerTurns = dropped.filter((t) => t.from === 'customer').length;
  const line = first && last
    ? `Turns ${first.seq}-${last.seq} (${first.at} to ${last.at}): ${customerTurns} customer messages, ${dropped.length - customerTurns} replies.`
    : '';
  return [previous, line].filter(Boolean).join(' ');
}

export function intentsOf(decisions: Decision[]): { seq: number; intent: string; tier: string; confidence: number }[] {
  return decisions
    .filter((d) => d.kind === 'reply' && d.intent !== undefined)
    .map((d) => ({ seq: d.seq, intent: d.intent ?? '', tier: d.tier ?? 'none', confidence: d.confidence ?? 0 }));
}
