// Training: features, SVM and (optionally) a small network fitted on all examples; how to weigh the two,
// the temperature, the threshold and the out-of-scope gate fitted on out-of-fold predictions of k
// models each trained without one fold, so nothing is tuned on evaluation data.
import type { Example } from './csv';
import { DEFAULT_FEATURES, Featurizer, type FeatureOptions } from './features';
import { DEFAULT_SVM, scores, seededRandom, shuffleInPlace, softmax, trainOneVsRest, type SvmOptions } from './linear';
import { DEFAULT_MLP, type MlpOptions, mlpScores, trainMlp } from './mlp';
import { IntentModel, type SourceScores } from './model';
import type { SourceUse } from './public-data';

export interface TrainOptions {
  features: FeatureOptions;
  svm: SvmOptions;
  /** The network joined to the SVM, or false for the SVM alone. */
  mlp: MlpOptions | false;
  /** Folds for the out-of-fold predictions that calibrate confidence and pick the threshold. */
  folds: number;
  /** The label of out-of-scope examples; when the data has it, the threshold also rejects to it. */
  oosLabel: string;
  /** The confidence threshold: the lowest at which accepted out-of-fold predictions reach this precision. */
  targetPrecision: number;
  /** With out-of-scope examples: the share of them the out-of-scope gate must reject, out-of-fold. */
  targetOosRecall: number;
  seed: number;
  /** Where the examples come from: recorded in the report, with out-of-fold scores per source. */
  sources?: { uses: readonly SourceUse[]; origin: Int32Array };
  /** Sees the out-of-fold scores (for analysis). */
  onOutOfFold?: (scores: readonly Float64Array[], ys: Int32Array, labels: readonly string[]) => void;
}

export const DEFAULT_TRAIN: TrainOptions = {
  features: DEFAULT_FEATURES,
  svm: DEFAULT_SVM,
  mlp: DEFAULT_MLP,
  folds: 4,
  oosLabel: 'oos',
  targetPrecision: 0.98,
  targetOosRecall: 0.85,
  seed: 13,
};

/** `done` of `total` steps (one-vs-rest classifiers and network epochs) over the fold models and the final one. */
export type TrainProgress = (done: number, total: number) => void;

export function trainModel(examples: readonly Example[], options: Partial<TrainOptions> = {}, onProgress?: TrainProgress): IntentModel {
  const opts: TrainOptions = { ...DEFAULT_TRAIN, ...options };
  if (examples.length === 0) throw new Error('no training examples');
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  if (labels.length < 2) throw new Error(`training needs at least two labels, found only "${labels[0] ?? ''}"`);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const ys = Int32Array.from(examples.map((e) => labelIndex.get(e.label) as number));
  const K = labels.length;
  const folds = Math.max(2, Math.min(opts.folds, smallestClass(ys, K)));
  const total = (folds + 1) * (K + (opts.mlp ? opts.mlp.epochs : 0));
  let done = 0;
  const tick = () => onProgress?.(++done, total);

  // Stratified folds: within each label, a seeded shuffle dealt round-robin.
  const fold = new Int32Array(examples.length);
  const random = seededRandom(opts.seed);
  for (let k = 0; k < K; k++) {
    const members: number[] = [];
    ys.forEach((y, i) => {
      if (y === k) members.push(i);
    });
    shuffleInPlace(members, random);
    members.forEach((i, j) => {
      fold[i] = j % folds;
    });
  }

  // A source's weight multiplies the SVM's cost of its errors (the product's few examples against public volume).
  const exampleWeight = (i: number) => opts.sources?.uses[opts.sources.origin[i] as number]?.weight ?? 1;
  const fit = (texts: readonly string[], yIdx: Int32Array, idx: readonly number[]) => {
    const featurizer = Featurizer.fit(texts, opts.features);
    const xs = texts.map((t) => featurizer.transform(t));
    const weights = opts.sources ? Float64Array.from(idx, exampleWeight) : undefined;
    const linear = trainOneVsRest(xs, yIdx, K, featurizer.size, opts.svm, tick, weights);
    const mlp = opts.mlp ? trainMlp(xs, yIdx, K, featurizer.size, opts.mlp, tick) : undefined;
    return { featurizer, linear, mlp };
  };

  const oofSvm: Float64Array[] = new Array<Float64Array>(examples.length);
  const oofMlp: Float64Array[] = new Array<Float64Array>(examples.length);
  for (let f = 0; f < folds; f++) {
    const trainIdx: number[] = [];
    const testIdx: number[] = [];
    fold.forEach((g, i) => (g === f ? testIdx : trainIdx).push(i));
    const m = fit(
      trainIdx.map((i) => (examples[i] as Example).text),
      Int32Array.from(trainIdx.map((i) => ys[i] as number)),
      trainIdx,
    );
    for (const i of testIdx) {
      const x = m.featurizer.transform((examples[i] as Example).text);
      oofSvm[i] = scores(m.linear, x);
      if (m.mlp) oofMlp[i] = mlpScores(m.mlp, x, new Float64Array(K));
    }
  }
  // Each part is calibrated on its own, then their logits add (a product of experts), then calibrated together.
  const svmWeight = opts.mlp ? round(1 / fitTemperature(oofSvm, ys), 6) : 1;
  const mlpWeight = opts.mlp ? round(1 / fitTemperature(oofMlp, ys), 6) : 0;
  const oofScores = oofSvm.map((s, i) => {
    const out = new Float64Array(K);
    const m = oofMlp[i];
    for (let k = 0; k < K; k++) out[k] = svmWeight * (s[k] as number) + (m ? mlpWeight * (m[k] as number) : 0);
    return out;
  });
  opts.onOutOfFold?.(oofScores, ys, labels);

  const temperature = fitTemperature(oofScores, ys);
  const hasOos = labelIndex.has(opts.oosLabel);
  const oosIndex = hasOos ? (labelIndex.get(opts.oosLabel) as number) : -1;
  const oosMargin = hasOos ? marginForOosRecall(oofScores, ys, oosIndex, opts.targetOosRecall) : undefined;
  const accepted: { conf: number; correct: boolean }[] = [];
  const oof: { label: number; conf: number; outOfScope: boolean }[] = [];
  let correct = 0;
  oofScores.forEach((s, i) => {
    const candidate = argmaxExcept(s, oosIndex);
    const outOfScope = oosMargin !== undefined && (s[candidate] as number) - (s[oosIndex] as number) < oosMargin;
    const label = outOfScope ? oosIndex : candidate;
    if (label === ys[i]) correct++;
    const p = softmax(Float64Array.from(s), temperature);
    oof.push({ label: candidate, conf: p[candidate] as number, outOfScope });
    if (!outOfScope) accepted.push({ conf: p[candidate] as number, correct: candidate === ys[i] });
  });
  // With several sources, the target holds for each source that has in-scope examples, not only for all
  // of them together: otherwise the public data's easy volume would set a threshold at which the
  // product's own phrasings are decided far less precisely.
  const perSource =
    opts.sources?.uses.map((_, s) => {
      const rows = oof.flatMap((o, i) => (opts.sources?.origin[i] === s && !o.outOfScope ? [{ conf: o.conf, correct: o.label === ys[i] }] : []));
      const inScope = ys.some((y, i) => opts.sources?.origin[i] === s && y !== oosIndex);
      return inScope && rows.length > 0 ? precisionThreshold(rows, opts.targetPrecision) : 0;
    }) ?? [];
  const threshold = Math.max(precisionThreshold(accepted, opts.targetPrecision), ...perSource);
  // Per source, as tiers 1-2 would answer out-of-fold (the model tier alone): decided means an in-scope label above the threshold.
  const bySource: SourceScores[] | undefined = opts.sources?.uses.map((use, s) => {
    let n = 0;
    let right = 0;
    let decided = 0;
    let decidedRight = 0;
    oof.forEach((o, i) => {
      if (opts.sources?.origin[i] !== s) return;
      n++;
      const gold = ys[i] as number;
      const isDecided = !o.outOfScope && o.conf >= threshold;
      const answer = isDecided ? o.label : oosIndex;
      if ((o.outOfScope ? oosIndex : o.label) === gold) right++;
      if (isDecided) {
        decided++;
        if (answer === gold) decidedRight++;
      }
    });
    return {
      name: use.name,
      examples: n,
      accuracy: round(right / Math.max(1, n), 4),
      decided: round(decided / Math.max(1, n), 4),
      decidedPrecision: round(decidedRight / Math.max(1, decided), 4),
    };
  });

  const { featurizer, linear, mlp } = fit(
    examples.map((e) => e.text),
    ys,
    examples.map((_, i) => i),
  );
  return new IntentModel({
    labels,
    oosLabel: hasOos ? opts.oosLabel : undefined,
    oosMargin,
    featurizer,
    linear,
    ...(mlp ? { mlp } : {}),
    weights: { svm: svmWeight, mlp: mlpWeight },
    temperature,
    threshold,
    report: {
      examples: examples.length,
      labels: K,
      folds,
      crossValidatedAccuracy: round(correct / examples.length, 4),
      thresholdRule:
        `confidence: lowest with out-of-fold precision >= ${opts.targetPrecision}${opts.sources ? ' on every source with in-scope examples' : ''}` +
        (hasOos ? `; out-of-scope margin: out-of-fold out-of-scope recall >= ${opts.targetOosRecall}` : ''),
      features: featurizer.size,
      ...(opts.sources ? { sources: opts.sources.uses.map((u) => ({ ...u })) } : {}),
      ...(bySource ? { crossValidatedBySource: bySource } : {}),
    },
  });
}

function smallestClass(ys: Int32Array, K: number): number {
  const counts = new Array<number>(K).fill(0);
  for (const y of ys) counts[y] = (counts[y] as number) + 1;
  return Math.min(...counts);
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if ((values[k] as number) > (values[best] as number)) best = k;
  return best;
}

/** The temperature that minimises the negative log-likelihood of out-of-fold scores (golden-section search on log T). */
export function fitTemperature(scoreRows: readonly Float64Array[], ys: Int32Array): number {
  const nll = (logT: number) => {
    const t = Math.exp(logT);
    let sum = 0;
    scoreRows.forEach((s, i) => {
      let max = -Infinity;
      for (const v of s) if (v > max) max = v;
      let z = 0;
      for (const v of s) z += Math.exp((v - max) / t);
      sum -= ((s[ys[i] as number] as number) - max) / t - Math.log(z);
    });
    return sum;
  };
  let lo = Math.log(1e-3);
  let hi = Math.log(10);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = nll(a);
  let fb = nll(b);
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = nll(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = nll(b);
    }
  }
  return round(Math.exp((lo + hi) / 2), 6);
}

export function argmaxExcept(values: ArrayLike<number>, except: number): number {
  let best = -1;
  for (let k = 0; k < values.length; k++) {
    if (k !== except && (best < 0 || (values[k] as number) > (values[best] as number))) best = k;
  }
  return best;
}

/**
 * The out-of-scope gate: a message is out of scope when the best in-scope score beats the out-of-scope
 * class's score by less than this margin. Chosen as the smallest margin that rejects the target share of
 * the out-of-scope training examples, out-of-fold (the raw score gap separates far better than softmax
 * confidence, which hides that every class scored low).
 */
function marginForOosRecall(scoreRows: readonly Float64Array[], ys: Int32Array, oosIndex: number, target: number): number {
  const gaps: number[] = [];
  scoreRows.forEach((s, i) => {
    if (ys[i] === oosIndex) gaps.push((s[argmaxExcept(s, oosIndex)] as number) - (s[oosIndex] as number));
  });
  gaps.sort((a, b) => a - b);
  const needed = Math.min(gaps.length, Math.max(1, Math.ceil(target * gaps.length)));
  return round((gaps[needed - 1] as number) + 1e-6, 6);
}

/** The lowest confidence at which the accepted out-of-fold predictions reach the target precision. */
function precisionThreshold(rows: { conf: number; correct: boolean }[], target: number): number {
  rows.sort((a, b) => b.conf - a.conf);
  let correct = 0;
  let threshold = 1;
  rows.forEach((r, i) => {
    if (r.correct) correct++;
    const next = rows[i + 1];
    if (correct / (i + 1) >= target && (next === undefined || next.conf < r.conf)) threshold = r.conf;
  });
  return Math.floor(Math.min(threshold, 0.99) * 1e4) / 1e4;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
