// What intent classification answers: plain types, no I/O, so workflows can import them.

export type Tier = 'keyword' | 'model' | 'llm' | 'none';

export interface Classification {
  label: string;
  /** Calibrated probability for `model`, 1 for `keyword`, the LLM's own for `llm`; for `none` the best guess's. */
  confidence: number;
  tier: Tier;
  /** Wall time of the whole classification. */
  micros: number;
  /** The keyword rule that fired (tier `keyword`). */
  rule?: string;
  /** The model's best in-scope guess when it was not trusted (tier `none` or `llm`). */
  candidate?: string;
}

/** The LLM tier, plugged in by the caller: a label from `labels`, or undefined when it cannot tell. */
export type LlmClassifier = (text: string, labels: readonly string[]) => Promise<{ label: string; confidence: number } | undefined>;
