// The intent classification cascade: keyword rules → local model → LLM (optional) → none.
import fs from 'node:fs';
import path from 'node:path';
import { OOS_INTENT } from '../domain/intents';
import type { Classification, LlmClassifier } from './classification';
import { matchKeywordRule } from './keyword-rules';
import { requestParts } from './message-parts';
import { IntentModel, ModelFileError } from './model';

export interface CascadeOptions {
  model?: IntentModel;
  /** Tier 1 on or off (evaluation of the model alone turns it off). */
  rules?: boolean;
}

/** Tiers 1 and 2 only: synchronous, in-process, no I/O. */
export function classifyLocal(text: string, options: CascadeOptions): Classification {
  const started = process.hrtime.bigint();
  const micros = () => Number(process.hrtime.bigint() - started) / 1000;
  const { model } = options;
  if (options.rules !== false) {
    const hit = matchKeywordRule(text, model ? (label) => model.has(label) : undefined);
    if (hit) return { label: hit.label, confidence: 1, tier: 'keyword', rule: hit.rule, micros: micros() };
  }
  const oos = model?.oosLabel ?? OOS_INTENT;
  if (!model) return { label: oos, confidence: 0, tier: 'none', micros: micros() };
  const p = model.predict(text);
  if (!p.outOfScope && p.confidence >= model.threshold) return { label: p.label, confidence: round(p.confidence), tier: 'model', micros: micros() };
  const rules = options.rules !== false;
  const part = decidedPart(text, model, rules);
  if (part) return { ...part, micros: micros() };
  // Typos: the same steps once more on the text with the words the model does not know corrected.
  const corrected = model.spelling.correct(text);
  if (corrected !== text) {
    const whole = decide(corrected, model, rules);
    const answer = whole && !SMALL_TALK.has(whole.label) ? whole : decidedPart(corrected, model, rules);
    if (answer) return { ...answer, micros: micros() };
  }
  return { label: oos, confidence: round(p.confidence), tier: 'none', candidate: p.candidate, micros: micros() };
}

/** Tier 1, else tier 2 when it is sure; undefined when neither decides. */
function decide(text: string, model: IntentModel, rules: boolean): Omit<Classification, 'micros'> | undefined {
  const hit = rules ? matchKeywordRule(text, (label) => model.has(label)) : undefined;
  if (hit) return { label: hit.label, confidence: 1, tier: 'keyword', rule: hit.rule };
  const p = model.predict(text);
  if (!p.outOfScope && p.confidence >= model.threshold) return { label: p.label, confidence: round(p.confidence), tier: 'model' };
  return undefined;
}

const SMALL_TALK = new Set(['greeting', 'thanks', 'goodbye']);

/**
 * "hi there, so I ordered … and now I want to cancel it, thanks": when the whole message is not decided,
 * its request without the pleasantries, and each of its sentences, are read on their own. They decide
 * only when every part that is decided names the same request (small talk aside).
 */
function decidedPart(text: string, model: IntentModel, rules: boolean): Omit<Classification, 'micros'> | undefined {
  let found: Omit<Classification, 'micros'> | undefined;
  for (const part of requestParts(text)) {
    const answer = decide(part, model, rules);
    if (!answer || SMALL_TALK.has(answer.label)) continue;
    if (found && found.label !== answer.label) return undefined;
    if (!found || answer.confidence > found.confidence) found = answer;
  }
  return found;
}

/**
 * The whole cascade. The LLM is asked only when tiers 1–2 are unsure; its failures (a throw, an
 * unknown label, no answer) leave the answer at tier `none` and never fail the turn.
 */
export async function classify(text: string, options: CascadeOptions & { llm?: LlmClassifier }): Promise<Classification> {
  const started = process.hrtime.bigint();
  const local = classifyLocal(text, options);
  if (local.tier !== 'none' || !options.llm) return local;
  const labels = options.model?.labels ?? [];
  try {
    const answer = await options.llm(text, labels);
    if (answer && (labels.length === 0 || labels.includes(answer.label)) && Number.isFinite(answer.confidence)) {
      return {
        label: answer.label,
        confidence: round(Math.min(1, Math.max(0, answer.confidence))),
        tier: 'llm',
        ...(local.candidate ? { candidate: local.candidate } : {}),
        micros: Number(process.hrtime.bigint() - started) / 1000,
      };
    }
  } catch {
    // fall through to tier none: the conversation asks a clarifying question instead
  }
  return { ...local, micros: Number(process.hrtime.bigint() - started) / 1000 };
}

const cache = new Map<string, { mtimeMs: number; model: IntentModel }>();

/** Loads a model file once per path (reloaded when the file changes); clear errors for files that are not models. */
export function loadModel(file: string): IntentModel {
  const full = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    throw new ModelFileError(`model file ${file} does not exist: train one with "nlu train --data FILE.csv --out ${file}"`);
  }
  if (stat.isDirectory()) throw new ModelFileError(`${file} is a directory, not a model file`);
  const cached = cache.get(full);
  if (cached && cached.mtimeMs === stat.mtimeMs) return cached.model;
  const model = IntentModel.parse(fs.readFileSync(full, 'utf8'), file);
  cache.set(full, { mtimeMs: stat.mtimeMs, model });
  return model;
}

/** The model the product ships, trained from `nlu/training/intents.csv` by `npm run nlu:train`. */
export const SHIPPED_MODEL_PATH = path.join(__dirname, 'models', 'support-intents.json');

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
