// Text → sparse TF-IDF vector over word 1–2-grams and within-word character n-grams.

export interface FeatureOptions {
  /** Longest word n-gram (1 = words only). */
  maxWordNgram: number;
  /** Character n-gram lengths, taken inside each word padded with a space on both sides. */
  minCharNgram: number;
  maxCharNgram: number;
  /** Minimum number of training texts a character n-gram must occur in to enter the vocabulary. */
  minCharDf: number;
  /** Weight of the character block against the word block (each block is L2-normalised first). */
  charWeight: number;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  maxWordNgram: 2,
  minCharNgram: 2,
  maxCharNgram: 4,
  minCharDf: 2,
  charWeight: 1,
};

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Lower-cases, folds compatibility characters, drops apostrophes inside words, and writes every digit as 0. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/(\p{L})'(\p{L})/gu, '$1$2')
    .replace(/\p{Nd}/gu, '0');
}

const WORD = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): string[] {
  return normalise(text).match(WORD) ?? [];
}

/** Every feature name of a text, with repetitions: word n-grams `w:…` (with `<s>`/`</s>` ends), character n-grams `c:…`. */
export function featureNames(text: string, options: FeatureOptions, emit: (name: string) => void): void {
  const words = tokenize(text);
  for (let i = 0; i < words.length; i++) {
    let gram = words[i] as string;
    emit(`w:${gram}`);
    for (let n = 2; n <= options.maxWordNgram && i + n <= words.length; n++) {
      gram += ` ${words[i + n - 1] as string}`;
      emit(`w:${gram}`);
    }
  }
  if (options.maxWordNgram >= 2 && words.length > 0) {
    emit(`w:<s> ${words[0] as string}`);
    emit(`w:${words[words.length - 1] as string} </s>`);
  }
  for (const word of words) {
    const padded = ` ${word} `;
    for (let n = options.minCharNgram; n <= options.maxCharNgram; n++) {
      for (let i = 0; i + n <= padded.length; i++) emit(`c:${padded.slice(i, i + n)}`);
    }
  }
}

// Serving looks features up by two 32-bit hashes of their name computed straight from the text, in an
// open-addressing table of typed arrays, so classifying a message builds no n-gram strings and no map
// entries (fewer garbage collections, flatter p99 latency).
const OFFSET_1 = 0x811c9dc5 | 0;
const OFFSET_2 = 0x9747b28c | 0;
const PRIME_1 = 16777619;
const PRIME_2 = 0x5bd1e995;

/** The two hashes of a feature name, as `featureHashes` computes them from the text. */
export function hashName(name: string): [number, number] {
  let h1 = OFFSET_1;
  let h2 = OFFSET_2;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, PRIME_1);
    h2 = Math.imul(h2 ^ c, PRIME_2);
    h2 ^= h2 >>> 13;
  }
  return [h1, h2];
}

// Hash states after the prefixes "w:", "c:" and the markers, computed once.
const [W1, W2] = hashName('w:');
const [C1, C2] = hashName('c:');

/** The hashes of every feature name of a text, as `featureNames` would name them, without building the names. */
export function featureHashes(text: string, options: FeatureOptions, emit: (h1: number, h2: number) => void): void {
  const words = tokenize(text);
  const n = words.length;
  for (let i = 0; i < n; i++) {
    let h1 = W1;
    let h2 = W2;
    for (let g = 0; g < options.maxWordNgram && i + g < n; g++) {
      if (g > 0) {
        h1 = Math.imul(h1 ^ 32, PRIME_1);
        h2 = Math.imul(h2 ^ 32, PRIME_2);
        h2 ^= h2 >>> 13;
      }
      const w = words[i + g] as string;
      for (let j = 0; j < w.length; j++) {
        const c = w.charCodeAt(j);
        h1 = Math.imul(h1 ^ c, PRIME_1);
        h2 = Math.imul(h2 ^ c, PRIME_2);
        h2 ^= h2 >>> 13;
      }
      emit(h1, h2);
    }
  }
  if (options.maxWordNgram >= 2 && n > 0) {
    const [s1, s2] = hashName(`w:<s> ${words[0] as string}`);
    emit(s1, s2);
    const [e1, e2] = hashName(`w:${words[n - 1] as string} </s>`);
    emit(e1, e2);
  }
  const lo = options.minCharNgram;
  const hi = options.maxCharNgram;
  for (const word of words) {
    const len = word.length + 2;
    for (let i = 0; i + lo <= len; i++) {
      let h1 = C1;
      let h2 = C2;
      for (let j = i; j < i + hi && j < len; j++) {
        const c = j === 0 || j === len - 1 ? 32 : word.charCodeAt(j - 1);
        h1 = Math.imul(h1 ^ c, PRIME_1);
        h2 = Math.imul(h2 ^ c, PRIME_2);
        h2 ^= h2 >>> 13;
        if (j - i + 1 >= lo) emit(h1, h2);
      }
    }
  }
}

/** Feature name hashes → vocabulary index: linear probing over typed arrays. */
class HashIndex {
  private readonly mask: number;
  private readonly keys1: Int32Array;
  private readonly keys2: Int32Array;
  private readonly values: Int32Array;

  constructor(names: readonly string[]) {
    let size = 16;
    while (size < names.length * 2) size *= 2;
    this.mask = size - 1;
    this.keys1 = new Int32Array(size);
    this.keys2 = new Int32Array(size);
    this.values = new Int32Array(size).fill(-1);
    names.forEach((name, i) => {
      const [h1, h2] = hashName(name);
      let slot = h1 & this.mask;
      while (this.values[slot] !== -1) {
        if (this.keys1[slot] === h1 && this.keys2[slot] === h2) return; // a 64-bit collision: keep the first
        slot = (slot + 1) & this.mask;
      }
      this.keys1[slot] = h1;
      this.keys2[slot] = h2;
      this.values[slot] = i;
    });
  }

  get(h1: number, h2: number): number {
    let slot = h1 & this.mask;
    for (;;) {
      const v = this.values[slot] as number;
      if (v === -1) return -1;
      if (this.keys1[slot] === h1 && this.keys2[slot] === h2) return v;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** The fitted feature space: vocabulary, inverse document frequencies and the block of each feature. */
export class Featurizer {
  private readonly index: HashIndex;
  private readonly isChar: Uint8Array;
  private readonly scratch: Float64Array;
  private touched: Int32Array;

  constructor(
    readonly options: FeatureOptions,
    readonly vocabulary: readonly string[],
    readonly idf: Float32Array,
  ) {
    this.index = new HashIndex(vocabulary);
    this.isChar = Uint8Array.from(vocabulary, (name) => (name.startsWith('c:') ? 1 : 0));
    this.scratch = new Float64Array(vocabulary.length);
    this.touched = new Int32Array(256);
  }

  get size(): number {
    return this.vocabulary.length;
  }

  static fit(texts: readonly string[], options: FeatureOptions = DEFAULT_FEATURES): Featurizer {
    const df = new Map<string, number>();
    for (const text of texts) {
      const seen = new Set<string>();
      featureNames(text, options, (name) => seen.add(name));
      for (const name of seen) df.set(name, (df.get(name) ?? 0) + 1);
    }
    const vocabulary = [...df.entries()]
      .filter(([name, count]) => !name.startsWith('c:') || count >= options.minCharDf)
      .map(([name]) => name)
      .sort();
    const n = texts.length;
    const idf = new Float32Array(vocabulary.length);
    vocabulary.forEach((name, i) => {
      idf[i] = Math.log((1 + n) / (1 + (df.get(name) ?? 0))) + 1;
    });
    return new Featurizer(options, vocabulary, idf);
  }

  /** Sublinear TF × IDF, each block L2-normalised and weighted, then the whole vector scaled to unit length. */
  transform(text: string): SparseVector {
    const counts = this.scratch;
    let nnz = 0;
    featureHashes(text, this.options, (h1, h2) => {
      const i = this.index.get(h1, h2);
      if (i < 0) return;
      if (counts[i] === 0) {
        if (nnz === this.touched.length) {
          const grown = new Int32Array(nnz * 2);
          grown.set(this.touched);
          this.touched = grown;
        }
        this.touched[nnz++] = i;
      }
      counts[i] = (counts[i] as number) + 1;
    });
    const indices = this.touched.slice(0, nnz).sort();
    const values = new Float32Array(nnz);
    let wordNorm = 0;
    let charNorm = 0;
    for (let j = 0; j < nnz; j++) {
      const i = indices[j] as number;
      const v = (1 + Math.log(counts[i] as number)) * (this.idf[i] as number);
      counts[i] = 0;
      values[j] = v;
      if (this.isChar[i]) charNorm += v * v;
      else wordNorm += v * v;
    }
    const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? this.options.charWeight / Math.sqrt(charNorm) : 0;
    let total = 0;
    for (let j = 0; j < nnz; j++) {
      const v = (values[j] as number) * (this.isChar[indices[j] as number] ? charScale : wordScale);
      values[j] = v;
      total += v * v;
    }
    if (total > 0) {
      const scale = 1 / Math.sqrt(total);
      for (let j = 0; j < nnz; j++) values[j] = (values[j] as number) * scale;
    }
    return { indices, values };
  }
}

/**
 * Typos against the model's own word vocabulary: a word it does not know, one letter dropped, added,
 * changed or two letters swapped away from words it knows (the symmetric-delete method), becomes the most
 * common of those words. Only words of four letters or more are touched; known words never are.
 */
export class SpellingIndex {
  private readonly known = new Map<string, number>();
  private readonly deletes = new Map<string, string[]>();

  /** `words` with their document frequency rank (lower idf = more common). */
  constructor(vocabulary: readonly string[], idf: Float32Array) {
    vocabulary.forEach((name, i) => {
      if (!name.startsWith('w:') || name.includes(' ') || !/^\p{L}+$/u.test(name.slice(2))) return;
      const word = name.slice(2);
      this.known.set(word, idf[i] as number);
      if (word.length < 4) return;
      for (const d of deletions(word)) {
        const list = this.deletes.get(d);
        if (list) list.push(word);
        else this.deletes.set(d, [word]);
      }
    });
  }

  /** The text with each unknown word replaced by its correction, everything else as it was. */
  correct(text: string): string {
    return text.replace(/\p{L}+(?:['\u2019]\p{L}+)*/gu, (raw) => {
      const word = normalise(raw).replace(/'/g, '');
      if (word.length < 4 || this.known.has(word)) return raw;
      return this.suggest(word) ?? raw;
    });
  }

  private suggest(word: string): string | undefined {
    const candidates = new Set<string>(this.deletes.get(word) ?? []); // a letter dropped
    for (const d of deletions(word)) {
      if (this.known.has(d) && d.length >= 4) candidates.add(d); // a letter added
      for (const w of this.deletes.get(d) ?? []) candidates.add(w); // a letter changed, two swapped
    }
    let best: string | undefined;
    for (const c of candidates) {
      const rank = this.known.get(c) as number;
      const bestRank = best === undefined ? Infinity : (this.known.get(best) as number);
      if (rank < bestRank || (rank === bestRank && best !== undefined && c < best)) best = c;
    }
    return best;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
