import type { ConversationInput } from '../../domain/conversation';
import type { Classification } from '../../nlu/classification';
import { classifyIntent, classifyWithLlm } from '../activity-proxies';

export type TurnClassification = Classification & { llmFailure?: string };

export interface TurnClassifyOptions {
  injectionFlagged?: boolean;
  /** Tiers 1–2 already read with the turn (readTurn); asked for here when absent. */
  local?: Classification;
  /** The conversation is in a language the local tiers were not built for: the LLM reads it first. */
  llmFirst?: boolean;
}

/**
 * Tiers 1–2 first; the LLM only when they are unsure (or the language is one only it reads) and it is
 * configured, and never for a turn the injection detector flagged; its failure never fails the turn.
 */
export async function classifyTurn(input: ConversationInput, text: string, options: TurnClassifyOptions = {}): Promise<TurnClassification> {
  const local = options.local ?? (await classifyIntent({ text }));
  if ((local.tier !== 'none' && !options.llmFirst) || !input.llmEnabled || options.injectionFlagged) return local;
  try {
    return await classifyWithLlm({ text });
  } catch (err) {
    return { ...local, llmFailure: err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err) };
  }
}
