// Scores a model (with or without the keyword tier) on labelled examples.
import { classifyLocal } from './cascade';
import type { Tier } from './classification';
import type { Example } from './csv';
import type { IntentModel } from './model';
import { ScoreTally, percentile } from './score-tally';

export interface EvalReport {
  examples: number;
  /** Rows left out because the model does not know their label. */
  skipped: number;
  skippedLabels: string[];
  /** Top-1 accuracy: the keyword rule's label, else the model's (its out-of-scope gate applied, its confidence threshold not). */
  accuracy: number;
  macroF1: number;
  inScopeAccuracy?: number;
  oosRecall?: number;
  /** Share of messages tiers 1–2 decide (the rest go to the LLM or a human), and how often those are right. */
  decided: number;
  decidedPrecision: number;
  tiers: Record<Tier, { count: number; correct: number }>;
  confusions: { gold: string; predicted: string; count: number }[];
  latencyMicros: { p50: number; p99: number; max: number };
}

export function evaluate(
  examples: readonly Example[],
  model: IntentModel,
  options: { rules?: boolean } = {},
  onProgress?: (done: number, total: number) => void,
): EvalReport {
  const known = examples.filter((e) => model.has(e.label));
  const skippedLabels = [...new Set(examples.filter((e) => !model.has(e.label)).map((e) => e.label))].sort();
  const tiers: EvalReport['tiers'] = {
    keyword: { count: 0, correct: 0 },
    model: { count: 0, correct: 0 },
    llm: { count: 0, correct: 0 },
    none: { count: 0, correct: 0 },
  };
  const latencies = new Float64Array(known.length);
  const tally = new ScoreTally(model.oosLabel);
  // Warm up so that the first messages do not pay for JIT compilation.
  for (const e of known.slice(0, 200)) classifyLocal(e.text, { model, rules: options.rules });
  known.forEach((e, i) => {
    const c = classifyLocal(e.text, { model, rules: options.rules });
    latencies[i] = c.micros;
    const predicted = c.tier === 'none' ? model.predict(e.text).label : c.label;
    tiers[c.tier].count++;
    if (c.label === e.label) tiers[c.tier].correct++;
    tally.add(e.label, predicted);
    onProgress?.(i + 1, known.length);
  });
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  const scores = tally.scores();
  const decided = tiers.keyword.count + tiers.model.count;
  const n = Math.max(1, known.length);
  return {
    examples: known.length,
    skipped: examples.length - known.length,
    skippedLabels,
    accuracy: scores.accuracy,
    macroF1: scores.macroF1,
    ...(scores.oosRecall !== undefined ? { inScopeAccuracy: scores.inScopeAccuracy, oosRecall: scores.oosRecall } : {}),
    decided: decided / n,
    decidedPrecision: (tiers.keyword.correct + tiers.model.correct) / Math.max(1, decided),
    tiers,
    confusions: tally.worstConfusions(10),
    latencyMicros: { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? 0 },
  };
}
