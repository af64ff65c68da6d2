import type { CarriedState, ConversationInput, NewDecision, Speaker } from '../../domain/conversation';

/** What the conversation's steps share: its state, its input, and how to write to its record. */
export interface ConversationContext {
  state: CarriedState;
  input: ConversationInput;
  /** Workflow time, ISO 8601. */
  now(): string;
  record(from: Speaker, text: string): number;
  decide(decision: NewDecision): void;
  /** The run decided its patches when it started (see PATCHES_UP_FRONT); only such runs read turns by local activity. */
  patchesUpFront: boolean;
}

export const DEFAULT_HANDOFF_SLA_MS = 10 * 60_000;
export const DEFAULT_AGENT_LEASE_MS = 30 * 60_000;
export const DEFAULT_RETURN_FOLLOW_UP_MS = 14 * 24 * 3_600_000;
export const DEFAULT_APPROVAL_TIMEOUT_MS = 4 * 3_600_000;

export const later = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();
