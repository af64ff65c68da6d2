import { ApplicationFailure } from '@temporalio/activity';
import { FAILURE } from '../domain/failures';
import { INTENT_NAMES } from '../domain/intents';
import { LlmMalformedOutputError } from '../llm/anthropic-intent-classifier';
import { classifyLocal, loadModel } from '../nlu/cascade';
import type { Classification, LlmClassifier } from '../nlu/classification';
import { detectInjection, loadInjectionModel, SHIPPED_INJECTION_MODEL_PATH, type InjectionVerdict } from '../nlu/injection';
import type { LanguageGuess } from '../domain/language/conversation-language';
import { loadLanguageDetector, type LanguageDetector } from '../nlu/language/detect';

/** Everything the workflow needs to know about a customer's text before it decides anything, read at once. */
export interface TurnReading {
  injection: InjectionVerdict;
  /** Tiers 1–2; the LLM tier stays an activity of its own. */
  local: Classification;
  language: LanguageGuess;
}

let detector: Promise<LanguageDetector> | undefined;
/** One detector per worker process: its n-gram tables are loaded on the first turn and kept. */
const languageDetector = (): Promise<LanguageDetector> => {
  detector ??= loadLanguageDetector().catch((err: unknown) => {
    detector = undefined;
    throw err;
  });
  return detector;
};

export interface IntentActivityDeps {
  intentModelPath: string;
  /** Defaults to the prompt-injection detector the product ships. */
  injectionModelPath?: string;
  /** The Claude tier; absent when ANTHROPIC_API_KEY is unset. */
  llm?: LlmClassifier;
}

/** The classification cascade as activities: tiers 1–2 in-process, the LLM tier on its own with its own retries. */
export function createIntentActivities(deps: IntentActivityDeps) {
  return {
    async classifyIntent(request: { text: string }): Promise<Classification> {
      return classifyLocal(request.text, { model: loadModel(deps.intentModelPath) });
    },

    /** In-process like the local tiers: the customer's text is checked before anything else reads it. */
    async detectInjection(request: { text: string }): Promise<InjectionVerdict> {
      return detectInjection(request.text, loadInjectionModel(deps.injectionModelPath ?? SHIPPED_INJECTION_MODEL_PATH));
    },

    /**
     * The turn's text read once, in process, as a local activity: the injection check, tiers 1–2 and the
     * language guess cost a fraction of a millisecond each, far less than three round trips of their own.
     */
    async readTurn(request: { text: string }): Promise<TurnReading> {
      const language = (await languageDetector()).detect(request.text);
      return {
        injection: detectInjection(request.text, loadInjectionModel(deps.injectionModelPath ?? SHIPPED_INJECTION_MODEL_PATH)),
        local: classifyLocal(request.text, { model: loadModel(deps.intentModelPath) }),
        language,
      };
    },

    async classifyWithLlm(request: { text: string }): Promise<Classification> {
      if (!deps.llm) {
        throw ApplicationFailure.create({ type: FAILURE.llmNotConfigured, message: 'no LLM is configured', nonRetryable: true });
      }
      const started = process.hrtime.bigint();
      try {
        const answer = await deps.llm(request.text, INTENT_NAMES);
        if (!answer) throw new LlmMalformedOutputError('the LLM gave no intent');
        return { label: answer.label, confidence: answer.confidence, tier: 'llm', micros: Number(process.hrtime.bigint() - started) / 1000 };
      } catch (err) {
        // A wrong answer stays wrong on retry; timeouts and 5xx are worth another attempt.
        if (err instanceof LlmMalformedOutputError) {
          throw ApplicationFailure.create({ type: FAILURE.llmMalformedOutput, message: err.message, nonRetryable: true });
        }
        throw err;
      }
    },
  };
}
