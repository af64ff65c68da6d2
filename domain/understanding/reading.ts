import { extractEntities, type Entities } from '../entities';

/** How the intent of a message was told (the cascade's tiers, as the workflow records them). */
export interface ReadIntent {
  label: string;
  tier: 'keyword' | 'model' | 'llm' | 'none';
  confidence: number;
  rule?: string;
  candidate?: string;
}

/**
 * One customer message, read once per turn: its intent and its entities. Flows and their steps take
 * what they need from here and never parse the raw text again.
 */
export interface Reading {
  /** The customer's words, as sent (kept for the transcript, for free-text slots and for the older matchers). */
  text: string;
  intent?: ReadIntent;
  entities: Entities;
  /**
   * Descriptions in plain words resolve against what the bot offered ("the blue one", "my Mastercard").
   * False only while replaying a conversation recorded before plain-words reading existed, which must
   * take exactly the decisions it took then.
   */
  plainWords: boolean;
}

export function readMessage(text: string, options: { intent?: ReadIntent; plainWords: boolean }): Reading {
  return { text, entities: extractEntities(text), plainWords: options.plainWords, ...(options.intent ? { intent: options.intent } : {}) };
}
