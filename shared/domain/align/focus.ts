/**
 * Term weights of the two documents being aligned, on top of the project's. A term can be rare in
 * the project (high IDF) and still say nothing about which clauses correspond: the topic of both
 * documents (养犬 in two dog-keeping regulations, 历史文化名城 in two plans for a historic city)
 * stands in most clauses of each, so every clause of one looks a little like every clause of the
 * other. Here a term is discounted by how much of both documents it covers — the geometric mean
 * of its share of A's clauses and of B's — and the pair's cosine is taken again with the
 * discounted weights. Only the short-listed pairs are compared (sorted sparse vectors, one merge
 * each); the discount itself is one pass over both documents' vectors.
 */
import type { Vec } from './features';

/** The discounted cosine of clause i of A and clause j of B. */
export type FocusedCosine = (i: number, j: number) => number;

/** Counts per id, kept between calls and cleared after each (ids run to the size of the project's n-gram table). */
let inA = new Int32Array(1 << 16),
  inB = new Int32Array(1 << 16);

export function focusedCosine(A: Vec[], B: Vec[]): FocusedCosine {
  let top = -1;
  for (const v of [...A, ...B]) if (v.ids.length && v.ids[v.ids.length - 1] > top) top = v.ids[v.ids.length - 1];
  if (top >= inA.length) {
    inA = new Int32Array(Math.max(top + 1, 2 * inA.length));
    inB = new Int32Array(inA.length);
  }
  for (const v of A) for (let k = 0; k < v.ids.length; k++) inA[v.ids[k]]++;
  for (const v of B) for (let k = 0; k < v.ids.length; k++) inB[v.ids[k]]++;
  const n = A.length || 1,
    m = B.length || 1;
  // Each vector's weights with the discount, normalised again.
  const discounted = (v: Vec) => {
    const w = new Float64Array(v.ids.length);
    let s = 0;
    for (let k = 0; k < v.ids.length; k++) {
      w[k] = v.weights[k] * (1 - Math.sqrt((inA[v.ids[k]] / n) * (inB[v.ids[k]] / m)));
      s += w[k] * w[k];
    }
    const norm = Math.sqrt(s) || 1;
    for (let k = 0; k < w.length; k++) w[k] /= norm;
    return w;
  };
  const wa = A.map(discounted),
    wb = B.map(discounted);
  for (const v of A) for (let k = 0; k < v.ids.length; k++) inA[v.ids[k]] = 0;
  for (const v of B) for (let k = 0; k < v.ids.length; k++) inB[v.ids[k]] = 0;
  return (i, j) => {
    const a = A[i].ids,
      b = B[j].ids,
      x = wa[i],
      y = wb[j];
    let p = 0,
      q = 0,
      s = 0;
    while (p < a.length && q < b.length) {
      if (a[p] === b[q]) s += x[p++] * y[q++];
      else if (a[p] < b[q]) p++;
      else q++;
    }
    return s;
  };
}
