// The local intent model: features + linear scorer + calibration, and its versioned file format.
import { z } from 'zod';
import { DEFAULT_FEATURES, Featurizer, SpellingIndex, type FeatureOptions } from './features';
import { type LinearWeights, scores, softmax } from './linear';
import { type MlpWeights, mlpScores } from './mlp';
import type { SourceUse } from './public-data';

export const MODEL_FORMAT = 'open-support-nlu-model';
export const MODEL_VERSION = 1;

/** A model file that cannot be used; the message says why and what to do. */
export class ModelFileError extends Error {
  override name = 'ModelFileError';
}

export interface ModelPrediction {
  /** The best in-scope label, or the out-of-scope label when the out-of-scope gate rejects the message. */
  label: string;
  /** The calibrated probability of the best in-scope label. */
  confidence: number;
  /** The best in-scope label. */
  candidate: string;
  outOfScope: boolean;
}

/** What training learned about itself from out-of-fold predictions on its own training data. */
export interface TrainingReport {
  examples: number;
  labels: number;
  folds: number;
  /** Out-of-fold top-1 accuracy (before the threshold). */
  crossValidatedAccuracy: number;
  /** How the threshold was chosen. */
  thresholdRule: string;
  features: number;
  /** The training data's sources (files, digests, licences, rows, label mappings), when trained from several. */
  sources?: SourceUse[];
  /** Out-of-fold figures per source, as the model tier would answer (threshold and out-of-scope gate applied). */
  crossValidatedBySource?: SourceScores[];
}

export interface SourceScores {
  name: string;
  examples: number;
  /** Top-1 with the out-of-scope gate, before the threshold. */
  accuracy: number;
  /** Share answered with an in-scope label at or above the threshold, and how often that label was right. */
  decided: number;
  decidedPrecision: number;
}

export interface IntentModelParts {
  labels: readonly string[];
  oosLabel: string | undefined;
  oosMargin: number | undefined;
  featurizer: Featurizer;
  linear: LinearWeights;
  mlp?: MlpWeights;
  /** Score = svm · SVM scores + mlp · network logits (each part's own calibration). */
  weights: { svm: number; mlp: number };
  temperature: number;
  threshold: number;
  report: TrainingReport;
}

export class IntentModel {
  readonly labels: readonly string[];
  readonly oosLabel: string | undefined;
  /** Out of scope when the best in-scope score beats the out-of-scope class's by less than this. */
  readonly oosMargin: number | undefined;
  readonly featurizer: Featurizer;
  readonly linear: LinearWeights;
  readonly mlp: MlpWeights | undefined;
  readonly weights: { svm: number; mlp: number };
  readonly temperature: number;
  /** Below this calibrated confidence the model's answer is not trusted (tier `none`). */
  readonly threshold: number;
  readonly report: TrainingReport;
  /** Corrects typos against the model's own words (the cascade's fallback for messages it is unsure of). */
  readonly spelling: SpellingIndex;
  private readonly labelSet: ReadonlySet<string>;
  private readonly oosIndex: number;
  private readonly buffer: Float64Array;
  private readonly mlpBuffer: Float64Array;
  private readonly hidden: Float32Array;

  constructor(parts: IntentModelParts) {
    this.labels = parts.labels;
    this.oosLabel = parts.oosLabel;
    this.oosMargin = parts.oosMargin;
    this.featurizer = parts.featurizer;
    this.linear = parts.linear;
    this.mlp = parts.mlp;
    this.weights = parts.weights;
    this.temperature = parts.temperature;
    this.threshold = parts.threshold;
    this.report = parts.report;
    this.spelling = new SpellingIndex(parts.featurizer.vocabulary, parts.featurizer.idf);
    this.labelSet = new Set(parts.labels);
    this.oosIndex = parts.oosLabel === undefined ? -1 : parts.labels.indexOf(parts.oosLabel);
    this.buffer = new Float64Array(parts.labels.length);
    this.mlpBuffer = new Float64Array(parts.labels.length);
    this.hidden = new Float32Array(parts.mlp?.hidden ?? 0);
  }

  has(label: string): boolean {
    return this.labelSet.has(label);
  }

  /** Calibrated probabilities of every label, in `labels` order. */
  probabilities(text: string, out: Float64Array = new Float64Array(this.labels.length)): Float64Array {
    return softmax(this.scores(text, out), this.temperature);
  }

  /** Uncalibrated class scores (before the temperature). */
  scores(text: string, out: Float64Array = new Float64Array(this.labels.length)): Float64Array {
    const x = this.featurizer.transform(text);
    scores(this.linear, x, out);
    const { svm, mlp } = this.weights;
    if (this.mlp && mlp !== 0) {
      const m = mlpScores(this.mlp, x, this.mlpBuffer, this.hidden);
      for (let k = 0; k < out.length; k++) out[k] = svm * (out[k] as number) + mlp * (m[k] as number);
    } else if (svm !== 1) {
      for (let k = 0; k < out.length; k++) out[k] = svm * (out[k] as number);
    }
    return out;
  }

  predict(text: string): ModelPrediction {
    const s = this.scores(text, this.buffer);
    let best = -1;
    for (let k = 0; k < s.length; k++) {
      if (k !== this.oosIndex && (best < 0 || (s[k] as number) > (s[best] as number))) best = k;
    }
    const outOfScope =
      this.oosIndex >= 0 && this.oosMargin !== undefined && (s[best] as number) - (s[this.oosIndex] as number) < this.oosMargin;
    const p = softmax(s, this.temperature);
    const candidate = this.labels[best] as string;
    return {
      label: outOfScope ? (this.oosLabel as string) : candidate,
      confidence: p[best] as number,
      candidate,
      outOfScope,
    };
  }

  toJSON(): ModelFile {
    const { weights, bias, classes } = this.linear;
    const svm = quantize(weights, classes, 16);
    const mlp = this.mlp;
    return {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      labels: [...this.labels],
      oosLabel: this.oosLabel ?? null,
      oosMargin: this.oosMargin ?? null,
      temperature: this.temperature,
      threshold: this.threshold,
      report: this.report,
      features: { options: this.featurizer.options, vocabulary: [...this.featurizer.vocabulary], idf: toBase64(this.featurizer.idf) },
      weights: { encoding: 'int16-le-per-class-step', steps: svm.steps, data: toBase64(svm.data) },
      bias: Array.from(bias),
      mlp: mlp
        ? (() => {
            const w1 = quantize(mlp.w1, mlp.hidden, 8);
            const w2 = quantize(mlp.w2, mlp.classes, 16);
            return {
              hidden: mlp.hidden,
              w1: { encoding: 'int8-per-unit-step' as const, steps: w1.steps, data: toBase64(w1.data) },
              b1: Array.from(mlp.b1),
              w2: { encoding: 'int16-le-per-class-step' as const, steps: w2.steps, data: toBase64(w2.data) },
              b2: Array.from(mlp.b2),
            };
          })()
        : null,
      combine: { ...this.weights },
    };
  }

  serialize(): string {
    return JSON.stringify(this.toJSON());
  }

  static parse(json: string, name = 'the model'): IntentModel {
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      throw new ModelFileError(`${name} is not a model file (not JSON): pass a file written by "nlu train"`);
    }
    const header = z.object({ format: z.string(), version: z.number() }).safeParse(raw);
    if (!header.success || header.data.format !== MODEL_FORMAT) {
      throw new ModelFileError(`${name} is not a model file (no "format": "${MODEL_FORMAT}" header): pass a file written by "nlu train"`);
    }
    if (header.data.version !== MODEL_VERSION) {
      throw new ModelFileError(
        `${name} is model format version ${header.data.version}, but this build reads version ${MODEL_VERSION}: retrain it with "nlu train"`,
      );
    }
    const parsed = modelFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ModelFileError(`${name} is a damaged model file (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}): retrain it with "nlu train"`);
    }
    const file = parsed.data;
    const classes = file.labels.length;
    const dim = file.features.vocabulary.length;
    const idf = new Float32Array(fromBase64(file.features.idf, Float32Array.BYTES_PER_ELEMENT));
    const q = new Int16Array(fromBase64(file.weights.data, Int16Array.BYTES_PER_ELEMENT));
    if (idf.length !== dim || q.length !== dim * classes || file.weights.steps.length !== classes || file.bias.length !== classes) {
      throw new ModelFileError(`${name} is a damaged model file (array sizes do not match its labels and vocabulary): retrain it with "nlu train"`);
    }
    const weights = dequantize(q, file.weights.steps);
    let mlp: MlpWeights | undefined;
    if (file.mlp) {
      const H = file.mlp.hidden;
      const q1 = new Int8Array(fromBase64(file.mlp.w1.data, 1));
      const q2 = new Int16Array(fromBase64(file.mlp.w2.data, 2));
      if (q1.length !== dim * H || q2.length !== H * classes || file.mlp.w1.steps.length !== H || file.mlp.w2.steps.length !== classes || file.mlp.b1.length !== H || file.mlp.b2.length !== classes) {
        throw new ModelFileError(`${name} is a damaged model file (network sizes do not match): retrain it with "nlu train"`);
      }
      mlp = {
        hidden: H,
        classes,
        dim,
        w1: dequantize(q1, file.mlp.w1.steps),
        b1: Float32Array.from(file.mlp.b1),
        w2: dequantize(q2, file.mlp.w2.steps),
        b2: Float32Array.from(file.mlp.b2),
      };
    }
    return new IntentModel({
      labels: file.labels,
      oosLabel: file.oosLabel ?? undefined,
      oosMargin: file.oosMargin ?? undefined,
      featurizer: new Featurizer({ ...DEFAULT_FEATURES, ...file.features.options }, file.features.vocabulary, idf),
      linear: { classes, dim, weights, bias: Float32Array.from(file.bias) },
      ...(mlp ? { mlp } : {}),
      weights: file.combine,
      temperature: file.temperature,
      threshold: file.threshold,
      report: file.report,
    });
  }
}

const modelFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  labels: z.array(z.string()).min(1),
  oosLabel: z.string().nullable(),
  oosMargin: z.number().nullable(),
  temperature: z.number().positive(),
  threshold: z.number().min(0).max(1),
  report: z.object({
    examples: z.number(),
    labels: z.number(),
    folds: z.number(),
    crossValidatedAccuracy: z.number(),
    thresholdRule: z.string(),
    features: z.number(),
    sources: z
      .array(
        z.object({
          name: z.string(),
          file: z.string(),
          sha256: z.string(),
          licence: z.string(),
          origin: z.string(),
          rows: z.number(),
          used: z.number(),
          weight: z.number(),
          mapping: z.record(z.string(), z.string()),
        }),
      )
      .optional(),
    crossValidatedBySource: z
      .array(z.object({ name: z.string(), examples: z.number(), accuracy: z.number(), decided: z.number(), decidedPrecision: z.number() }))
      .optional(),
  }),
  features: z.object({
    options: z.object({
      maxWordNgram: z.number().int(),
      minCharNgram: z.number().int(),
      maxCharNgram: z.number().int(),
      minCharDf: z.number().int(),
      charWeight: z.number(),
    }) satisfies z.ZodType<FeatureOptions>,
    vocabulary: z.array(z.string()),
    idf: z.string(),
  }),
  weights: z.object({ encoding: z.literal('int16-le-per-class-step'), steps: z.array(z.number()), data: z.string() }),
  bias: z.array(z.number()),
  mlp: z
    .object({
      hidden: z.number().int().positive(),
      w1: z.object({ encoding: z.literal('int8-per-unit-step'), steps: z.array(z.number()), data: z.string() }),
      b1: z.array(z.number()),
      w2: z.object({ encoding: z.literal('int16-le-per-class-step'), steps: z.array(z.number()), data: z.string() }),
      b2: z.array(z.number()),
    })
    .nullable(),
  combine: z.object({ svm: z.number(), mlp: z.number() }),
});

export type ModelFile = z.infer<typeof modelFileSchema>;

/**
 * Weights laid out `[row * columns + column]`, stored as integers with one step per column: the largest
 * |w| of a column maps to the largest integer. The rounding error is far below what changes a ranking.
 */
function quantize(weights: Float32Array, columns: number, bits: 8 | 16): { steps: number[]; data: Int8Array | Int16Array } {
  const top = bits === 8 ? 127 : 32767;
  const rows = weights.length / columns;
  const maxAbs = new Array<number>(columns).fill(0);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) maxAbs[c] = Math.max(maxAbs[c] as number, Math.abs(weights[r * columns + c] as number));
  }
  const steps = maxAbs.map((m) => (m > 0 ? m / top : 1));
  const data = bits === 8 ? new Int8Array(weights.length) : new Int16Array(weights.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) data[r * columns + c] = Math.round((weights[r * columns + c] as number) / (steps[c] as number));
  }
  return { steps, data };
}

function dequantize(data: Int8Array | Int16Array, steps: readonly number[]): Float32Array {
  const columns = steps.length;
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = (data[i] as number) * (steps[i % columns] as number);
  return out;
}

function toBase64(array: Float32Array | Int16Array | Int8Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

function fromBase64(text: string, elementSize: number): ArrayBuffer {
  const bytes = Buffer.from(text, 'base64');
  const copy = new ArrayBuffer(bytes.length - (bytes.length % elementSize));
  new Uint8Array(copy).set(bytes.subarray(0, copy.byteLength));
  return copy;
}
