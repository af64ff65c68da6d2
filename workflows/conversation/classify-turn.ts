import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../../activities';
import type { ConversationInput } from '../../domain/conversation';
import type { Classification } from '../../nlu/classification';

type Activities = ReturnType<typeof createActivities>;
export type TurnClassification = Classification & { llmFailure?: string };

export const { classifyIntent } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 5, initialInterval: '200 milliseconds' },
});

// The LLM tier is slow and can fail; a few tries, then the turn goes on without it.
const { classifyWithLlm } = proxyActivities<Activities>({
  startToCloseTimeout: '15 seconds',
  retry: { maximumAttempts: 3, initialInterval: '1 second', nonRetryableErrorTypes: ['LlmMalformedOutput', 'LlmNotConfigured'] },
});

/** Tiers 1–2 first; the LLM only when they are unsure and it is configured; its failure never fails the turn. */
export async function classifyTurn(input: ConversationInput, text: string): Promise<TurnClassification> {
  const local = await classifyIntent({ text });
  if (local.tier !== 'none' || !input.llmEnabled) return local;
  try {
    return await classifyWithLlm({ text });
  } catch (err) {
    return { ...local, llmFailure: err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err) };
  }
}
