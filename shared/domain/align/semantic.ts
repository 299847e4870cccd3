/**
 * A semantic signal learned from the corpus, without network: word vectors from a latent semantic
 * analysis of ../shared/corpus (test/eval/fit-vectors.ts: the word × article matrix weighted by
 * log TF × IDF, its truncated SVD by randomized subspace iteration). Two words used in the same
 * articles get near vectors, so 养犬登记 and 犬只办证, or 再担保 and 融资担保, count as alike
 * where n-grams see nothing shared. A clause's vector is the IDF-weighted sum of its words'.
 * Shipped as one JSON file (vectors.json, ≈ 1.8 MB): the vocabulary joined by spaces and the
 * vectors quantised to signed bytes, base64 — 16,000 words × 64 dimensions.
 */
import vectorsJson from './vectors.json' with { type: 'json' };

export interface WordVectors {
  dims: number;
  index: Map<string, number>;
  /** Row-major, L2-normalised rows. */
  data: Float32Array;
}

export interface VectorsFile {
  dims: number;
  /** Vocabulary, space-separated, in row order. */
  words: string;
  /** Signed bytes (value / 127), base64. */
  data: string;
  trainedOn?: string;
}

export function decodeVectors(f: VectorsFile): WordVectors {
  const words = f.words ? f.words.split(' ') : [];
  const bin = atob(f.data);
  if (bin.length !== words.length * f.dims)
    throw new Error(
      `vectors.json holds ${bin.length} values for ${words.length} words × ${f.dims} dimensions: run npx tsx test/eval/fit-vectors.ts, then npm run fit:align.`,
    );
  const data = new Float32Array(bin.length);
  for (let k = 0; k < bin.length; k++) {
    const b = bin.charCodeAt(k);
    data[k] = (b > 127 ? b - 256 : b) / 127;
  }
  // Quantising scaled each row by its largest value: normalise again.
  for (let r = 0; r < words.length; r++) {
    let n = 0;
    for (let d = 0; d < f.dims; d++) n += data[r * f.dims + d] ** 2;
    n = Math.sqrt(n) || 1;
    for (let d = 0; d < f.dims; d++) data[r * f.dims + d] /= n;
  }
  return { dims: f.dims, index: new Map(words.map((w, k) => [w, k])), data };
}

export function encodeVectors(words: string[], rows: Float32Array[], dims: number, trainedOn: string): VectorsFile {
  let bin = '';
  for (const r of rows) {
    let n = 0;
    for (let d = 0; d < dims; d++) n = Math.max(n, Math.abs(r[d]));
    for (let d = 0; d < dims; d++) bin += String.fromCharCode((Math.round((r[d] / (n || 1)) * 127) + 256) % 256);
  }
  return { dims, words: words.join(' '), data: btoa(bin), trainedOn };
}

let shipped: WordVectors | undefined;
/** The shipped vectors, decoded on first use. */
export function defaultVectors(): WordVectors {
  return (shipped ??= decodeVectors(vectorsJson as VectorsFile));
}

/** IDF-weighted sum of the vectors of a clause's words, L2-normalised; null when no word is known. */
export function clauseVector(v: WordVectors, words: Iterable<[string, number]>): Float32Array | null {
  const out = new Float32Array(v.dims);
  let any = false;
  for (const [w, weight] of words) {
    const r = v.index.get(w);
    if (r === undefined || !(weight > 0)) continue;
    any = true;
    const base = r * v.dims;
    for (let d = 0; d < v.dims; d++) out[d] += weight * v.data[base + d];
  }
  if (!any) return null;
  let n = 0;
  for (let d = 0; d < v.dims; d++) n += out[d] * out[d];
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < v.dims; d++) out[d] /= n;
  return out;
}

/** The same sum from rows of the vector table already looked up (features.ts keeps each word's row). */
export function rowsVector(v: WordVectors, rows: number[], weights: number[]): Float32Array | null {
  if (!rows.length) return null;
  const dims = v.dims,
    data = v.data;
  const out = new Float32Array(dims);
  for (let k = 0; k < rows.length; k++) {
    const base = rows[k] * dims,
      weight = weights[k];
    for (let d = 0; d < dims; d++) out[d] += weight * data[base + d];
  }
  let n = 0;
  for (let d = 0; d < dims; d++) n += out[d] * out[d];
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < dims; d++) out[d] /= n;
  return out;
}

export function dot(a: Float32Array | null, b: Float32Array | null): number {
  if (!a || !b) return 0;
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d] * b[d];
  return s;
}

/**
 * The clauses' semantic vectors with the two documents' common direction taken out: the mean of
 * A's vectors and the mean of B's, averaged, subtracted from each, normalised again. Every clause
 * of two plans on small firms leans towards 小微企业 and 融资; what is left tells their measures
 * apart (the removal of a common component in SIF sentence embeddings, per document pair).
 */
export function centredSemantics(
  A: Array<Float32Array | null>,
  B: Array<Float32Array | null>,
): { a: Array<Float32Array | null>; b: Array<Float32Array | null>; centre: (v: Float32Array | null) => Float32Array | null } {
  const dims = [...A, ...B].find((v) => v)?.length ?? 0;
  const mean = new Float32Array(dims);
  for (const side of [A, B]) {
    const known = side.filter((v): v is Float32Array => !!v);
    for (const v of known) for (let d = 0; d < dims; d++) mean[d] += v[d] / known.length / 2;
  }
  const centre = (v: Float32Array | null) => {
    if (!v) return null;
    const out = new Float32Array(dims);
    let s = 0;
    for (let d = 0; d < dims; d++) {
      out[d] = v[d] - mean[d];
      s += out[d] * out[d];
    }
    const norm = Math.sqrt(s) || 1;
    for (let d = 0; d < dims; d++) out[d] /= norm;
    return out;
  };
  return { a: A.map(centre), b: B.map(centre), centre };
}
