// Scores a model (with or without the keyword tier) on labelled examples.
import { classifyLocal, type Tier } from './cascade';
import type { Example } from './csv';
import type { IntentModel } from './model';

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
  const confusion = new Map<string, number>();
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let correct = 0;
  let inScope = 0;
  let inScopeCorrect = 0;
  let oos = 0;
  let oosCaught = 0;
  // Warm up so that the first messages do not pay for JIT compilation.
  for (const e of known.slice(0, 200)) classifyLocal(e.text, { model, rules: options.rules });
  known.forEach((e, i) => {
    const c = classifyLocal(e.text, { model, rules: options.rules });
    latencies[i] = c.micros;
    const predicted = c.tier === 'none' ? model.predict(e.text).label : c.label;
    tiers[c.tier].count++;
    if (c.label === e.label) tiers[c.tier].correct++;
    if (predicted === e.label) {
      correct++;
      inc(tp, e.label);
    } else {
      inc(fp, predicted);
      inc(fn, e.label);
      inc(confusion, `${e.label}\u0000${predicted}`);
    }
    if (model.oosLabel !== undefined) {
      if (e.label === model.oosLabel) {
        oos++;
        if (predicted === e.label) oosCaught++;
      } else {
        inScope++;
        if (predicted === e.label) inScopeCorrect++;
      }
    }
    onProgress?.(i + 1, known.length);
  });
  const goldLabels = [...new Set(known.map((e) => e.label))];
  const f1s = goldLabels.map((label) => {
    const t = tp.get(label) ?? 0;
    const precision = t / Math.max(1, t + (fp.get(label) ?? 0));
    const recall = t / Math.max(1, t + (fn.get(label) ?? 0));
    return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  });
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  const pct = (q: number) => (sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number));
  const decided = tiers.keyword.count + tiers.model.count;
  const n = Math.max(1, known.length);
  return {
    examples: known.length,
    skipped: examples.length - known.length,
    skippedLabels,
    accuracy: correct / n,
    macroF1: f1s.reduce((a, b) => a + b, 0) / Math.max(1, f1s.length),
    ...(oos > 0 ? { inScopeAccuracy: inScopeCorrect / Math.max(1, inScope), oosRecall: oosCaught / oos } : {}),
    decided: decided / n,
    decidedPrecision: (tiers.keyword.correct + tiers.model.correct) / Math.max(1, decided),
    tiers,
    confusions: [...confusion.entries()]
      .map(([key, count]) => {
        const [gold, predicted] = key.split('\u0000') as [string, string];
        return { gold, predicted, count };
      })
      .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted))
      .slice(0, 10),
    latencyMicros: { p50: pct(0.5), p99: pct(0.99), max: sorted[sorted.length - 1] ?? 0 },
  };
}
