import type { ConversationInput } from '../../domain/conversation';
import type { Classification } from '../../nlu/classification';
import { classifyIntent, classifyWithLlm } from '../activity-proxies';

export type TurnClassification = Classification & { llmFailure?: string };

/**
 * Tiers 1–2 first; the LLM only when they are unsure and it is configured, and never for a turn the
 * injection detector flagged; its failure never fails the turn.
 */
export async function classifyTurn(input: ConversationInput, text: string, options: { injectionFlagged?: boolean } = {}): Promise<TurnClassification> {
  const local = await classifyIntent({ text });
  if (local.tier !== 'none' || !input.llmEnabled || options.injectionFlagged) return local;
  try {
    return await classifyWithLlm({ text });
  } catch (err) {
    return { ...local, llmFailure: err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err) };
  }
}
