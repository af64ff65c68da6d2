// One-vs-rest linear SVM (L2-regularised, squared hinge loss) trained by dual coordinate descent
// (Hsieh et al., ICML 2008, the LIBLINEAR solver), and the seeded random numbers it shuffles with.
import type { SparseVector } from './features';

export interface SvmOptions {
  /** Inverse regularisation strength. */
  C: number;
  /** Stop when the projected gradient's spread falls below this. */
  epsilon: number;
  maxIterations: number;
  seed: number;
}

export const DEFAULT_SVM: SvmOptions = { C: 1, epsilon: 0.1, maxIterations: 200, seed: 7 };

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[] | Int32Array, random: () => number, end = items.length): void {
  for (let i = end - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp as T & number;
  }
}

/**
 * Weights of a linear multi-class scorer: `weights[f * classes + k]` for feature f and class k,
 * `bias[k]`; the score of class k is Σ x_f · weights[f·K + k] + bias[k].
 */
export interface LinearWeights {
  classes: number;
  dim: number;
  weights: Float32Array;
  bias: Float32Array;
}

/** Trains one binary SVM per class (that class against the rest); `onClass` reports progress. */
export function trainOneVsRest(
  xs: readonly SparseVector[],
  ys: Int32Array,
  classes: number,
  dim: number,
  options: SvmOptions = DEFAULT_SVM,
  onClass?: (done: number) => void,
  /** Per example: how much its errors cost (C × weight); 1 for all when absent. */
  exampleWeights?: Float64Array,
): LinearWeights {
  const n = xs.length;
  const weights = new Float32Array(dim * classes);
  const bias = new Float32Array(classes);
  const diags = new Float64Array(n);
  const qd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const { values } = xs[i] as SparseVector;
    let sq = 1; // the bias feature
    for (let j = 0; j < values.length; j++) sq += (values[j] as number) ** 2;
    diags[i] = 0.5 / (options.C * (exampleWeights ? (exampleWeights[i] as number) : 1));
    qd[i] = sq + (diags[i] as number);
  }
  const w = new Float64Array(dim);
  const alpha = new Float64Array(n);
  const y = new Int8Array(n);
  const order = new Int32Array(n);
  for (let k = 0; k < classes; k++) {
    const random = seededRandom(options.seed + k);
    w.fill(0);
    alpha.fill(0);
    let b = 0;
    for (let i = 0; i < n; i++) {
      y[i] = ys[i] === k ? 1 : -1;
      order[i] = i;
    }
    let active = n;
    let pgMaxOld = Infinity;
    for (let iter = 0; iter < options.maxIterations; iter++) {
      let pgMax = -Infinity;
      let pgMin = Infinity;
      shuffleInPlace(order, random, active);
      for (let s = 0; s < active; s++) {
        const i = order[s] as number;
        const { indices, values } = xs[i] as SparseVector;
        const yi = y[i] as number;
        let dot = b;
        for (let j = 0; j < indices.length; j++) dot += (w[indices[j] as number] as number) * (values[j] as number);
        const ai = alpha[i] as number;
        const g = yi * dot - 1 + ai * (diags[i] as number);
        let pg = 0;
        if (ai === 0) {
          if (g > pgMaxOld) {
            active--;
            order[s] = order[active] as number;
            order[active] = i;
            s--;
            continue;
          }
          if (g < 0) pg = g;
        } else {
          pg = g;
        }
        if (pg > pgMax) pgMax = pg;
        if (pg < pgMin) pgMin = pg;
        if (Math.abs(pg) > 1e-12) {
          const next = Math.max(ai - g / (qd[i] as number), 0);
          alpha[i] = next;
          const d = (next - ai) * yi;
          for (let j = 0; j < indices.length; j++) {
            const f = indices[j] as number;
            w[f] = (w[f] as number) + d * (values[j] as number);
          }
          b += d;
        }
      }
      if (pgMax - pgMin <= options.epsilon) {
        if (active === n) break;
        active = n;
        pgMaxOld = Infinity;
        continue;
      }
      pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
    }
    for (let f = 0; f < dim; f++) weights[f * classes + k] = w[f] as number;
    bias[k] = b;
    onClass?.(k + 1);
  }
  return { classes, dim, weights, bias };
}

/** Class scores of one vector. */
export function scores(model: LinearWeights, x: SparseVector, out: Float64Array = new Float64Array(model.classes)): Float64Array {
  const K = model.classes;
  for (let k = 0; k < K; k++) out[k] = model.bias[k] as number;
  const { indices, values } = x;
  for (let j = 0; j < indices.length; j++) {
    const v = values[j] as number;
    const base = (indices[j] as number) * K;
    for (let k = 0; k < K; k++) out[k] = (out[k] as number) + v * (model.weights[base + k] as number);
  }
  return out;
}

/** Softmax of scores divided by a temperature (in place). */
export function softmax(values: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    const e = Math.exp(((values[k] as number) - max) / temperature);
    values[k] = e;
    sum += e;
  }
  for (let k = 0; k < values.length; k++) values[k] = (values[k] as number) / sum;
  return values;
}
