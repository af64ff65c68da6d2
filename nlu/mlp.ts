// A one-hidden-layer network over the same sparse TF-IDF vector (ReLU, dropout, softmax cross-entropy,
// Adam with lazy updates of the rows of the features present). It errs differently from the SVM, so the
// two together beat either alone (cross-validated on the BANKING77 train split).
import type { SparseVector } from './features';
import { seededRandom, shuffleInPlace, softmax } from './linear';

export interface MlpOptions {
  hidden: number;
  epochs: number;
  dropout: number;
  learningRate: number;
  seed: number;
}

export const DEFAULT_MLP: MlpOptions = { hidden: 128, epochs: 5, dropout: 0.5, learningRate: 1e-3, seed: 5 };

export interface MlpWeights {
  hidden: number;
  classes: number;
  dim: number;
  /** `w1[f * hidden + u]`: feature f → hidden unit u. */
  w1: Float32Array;
  b1: Float32Array;
  /** `w2[u * classes + k]`: hidden unit u → class k. */
  w2: Float32Array;
  b2: Float32Array;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

export function trainMlp(
  xs: readonly SparseVector[],
  ys: Int32Array,
  classes: number,
  dim: number,
  options: MlpOptions = DEFAULT_MLP,
  onEpoch?: (done: number) => void,
): MlpWeights {
  const H = options.hidden;
  const K = classes;
  const random = seededRandom(options.seed);
  const uniform = (limit: number) => (random() * 2 - 1) * limit;
  const w1 = new Float32Array(dim * H);
  const l1 = Math.sqrt(6 / (H + 300));
  for (let i = 0; i < w1.length; i++) w1[i] = uniform(l1);
  const w2 = new Float32Array(H * K);
  const l2 = Math.sqrt(6 / (H + K));
  for (let i = 0; i < w2.length; i++) w2[i] = uniform(l2);
  const b1 = new Float32Array(H);
  const b2 = new Float32Array(K);
  const m1 = new Float32Array(dim * H);
  const v1 = new Float32Array(dim * H);
  const m2 = new Float32Array(H * K);
  const v2 = new Float32Array(H * K);
  const mb1 = new Float32Array(H);
  const vb1 = new Float32Array(H);
  const mb2 = new Float32Array(K);
  const vb2 = new Float32Array(K);
  const h = new Float32Array(H);
  const keep = new Float32Array(H);
  const gh = new Float32Array(H);
  const o = new Float64Array(K);
  const order = Int32Array.from({ length: xs.length }, (_, i) => i);
  const lr = options.learningRate;
  const scaleKept = 1 / (1 - options.dropout);
  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const { indices, values } = xs[i] as SparseVector;
      t++;
      const step = (lr * Math.sqrt(1 - BETA2 ** t)) / (1 - BETA1 ** t);
      h.set(b1);
      for (let j = 0; j < indices.length; j++) {
        const base = (indices[j] as number) * H;
        const v = values[j] as number;
        for (let u = 0; u < H; u++) h[u] = (h[u] as number) + v * (w1[base + u] as number);
      }
      for (let u = 0; u < H; u++) {
        keep[u] = random() < options.dropout ? 0 : scaleKept;
        h[u] = (h[u] as number) > 0 ? (h[u] as number) * (keep[u] as number) : 0;
      }
      for (let k = 0; k < K; k++) o[k] = b2[k] as number;
      for (let u = 0; u < H; u++) {
        const hu = h[u] as number;
        if (hu === 0) continue;
        const base = u * K;
        for (let k = 0; k < K; k++) o[k] = (o[k] as number) + hu * (w2[base + k] as number);
      }
      softmax(o, 1);
      o[ys[i] as number] = (o[ys[i] as number] as number) - 1; // dLoss/dlogits
      gh.fill(0);
      for (let u = 0; u < H; u++) {
        const hu = h[u] as number;
        if (hu === 0) continue;
        const base = u * K;
        let g = 0;
        for (let k = 0; k < K; k++) {
          const q = base + k;
          const ok = o[k] as number;
          g += ok * (w2[q] as number);
          const grad = ok * hu;
          m2[q] = BETA1 * (m2[q] as number) + (1 - BETA1) * grad;
          v2[q] = BETA2 * (v2[q] as number) + (1 - BETA2) * grad * grad;
          w2[q] = (w2[q] as number) - (step * (m2[q] as number)) / (Math.sqrt(v2[q] as number) + EPS);
        }
        gh[u] = g * (keep[u] as number);
      }
      for (let k = 0; k < K; k++) {
        const grad = o[k] as number;
        mb2[k] = BETA1 * (mb2[k] as number) + (1 - BETA1) * grad;
        vb2[k] = BETA2 * (vb2[k] as number) + (1 - BETA2) * grad * grad;
        b2[k] = (b2[k] as number) - (step * (mb2[k] as number)) / (Math.sqrt(vb2[k] as number) + EPS);
      }
      for (let u = 0; u < H; u++) {
        const grad = gh[u] as number;
        if (grad === 0) continue;
        mb1[u] = BETA1 * (mb1[u] as number) + (1 - BETA1) * grad;
        vb1[u] = BETA2 * (vb1[u] as number) + (1 - BETA2) * grad * grad;
        b1[u] = (b1[u] as number) - (step * (mb1[u] as number)) / (Math.sqrt(vb1[u] as number) + EPS);
      }
      for (let j = 0; j < indices.length; j++) {
        const base = (indices[j] as number) * H;
        const v = values[j] as number;
        for (let u = 0; u < H; u++) {
          const g = gh[u] as number;
          if (g === 0) continue;
          const q = base + u;
          const grad = g * v;
          m1[q] = BETA1 * (m1[q] as number) + (1 - BETA1) * grad;
          v1[q] = BETA2 * (v1[q] as number) + (1 - BETA2) * grad * grad;
          w1[q] = (w1[q] as number) - (step * (m1[q] as number)) / (Math.sqrt(v1[q] as number) + EPS);
        }
      }
    }
    onEpoch?.(epoch + 1);
  }
  return { hidden: H, classes: K, dim, w1, b1, w2, b2 };
}

/** Class logits of one vector (no dropout at inference). `hidden` is scratch space of the hidden size. */
export function mlpScores(model: MlpWeights, x: SparseVector, out: Float64Array, hidden: Float32Array = new Float32Array(model.hidden)): Float64Array {
  const H = model.hidden;
  const K = model.classes;
  hidden.set(model.b1);
  const { indices, values } = x;
  for (let j = 0; j < indices.length; j++) {
    const base = (indices[j] as number) * H;
    const v = values[j] as number;
    for (let u = 0; u < H; u++) hidden[u] = (hidden[u] as number) + v * (model.w1[base + u] as number);
  }
  for (let k = 0; k < K; k++) out[k] = model.b2[k] as number;
  for (let u = 0; u < H; u++) {
    const hu = hidden[u] as number;
    if (hu <= 0) continue;
    const base = u * K;
    for (let k = 0; k < K; k++) out[k] = (out[k] as number) + hu * (model.w2[base + k] as number);
  }
  return out;
}
