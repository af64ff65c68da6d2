// The prompt-injection detector: the intent model's features and linear scorer, trained on two
// labels (`benign`, `injection`) by `npm run nlu:train-injection`. Inference only; no I/O but the model file.
import path from 'node:path';
import { loadModel } from './cascade';
import type { IntentModel } from './model';

export const INJECTION_LABEL = 'injection';

/** The detector the product ships, trained from the shared public splits by `nlu/injection-train.ts`. */
export const SHIPPED_INJECTION_MODEL_PATH = path.join(__dirname, 'models', 'prompt-injection.json');

export interface InjectionVerdict {
  flagged: boolean;
  /** The calibrated probability that the text is an injection attempt. */
  probability: number;
  /** The cut-off it was compared with (the model's threshold). */
  threshold: number;
  micros: number;
}

/** Flags a text when the model's calibrated probability of `injection` reaches its threshold. */
export function detectInjection(text: string, model: IntentModel): InjectionVerdict {
  const started = process.hrtime.bigint();
  const index = model.labels.indexOf(INJECTION_LABEL);
  if (index < 0) throw new Error(`the model has no "${INJECTION_LABEL}" label: it is not an injection detector`);
  const probability = model.probabilities(text)[index] as number;
  return {
    flagged: probability >= model.threshold,
    probability: Math.round(probability * 10000) / 10000,
    threshold: model.threshold,
    micros: Number(process.hrtime.bigint() - started) / 1000,
  };
}

/** The shipped detector (or another model file), parsed once per path. */
export function loadInjectionModel(file: string = SHIPPED_INJECTION_MODEL_PATH): IntentModel {
  return loadModel(file);
}
