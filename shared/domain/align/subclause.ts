/**
 * Evidence below the clause: plan measures often bundle several measures in one clause
 * (拓宽融资渠道。建立政府创业投资引导基金…。引入股权投资基金…), and the other plan gives each its
 * own clause. The whole-clause cosine of such a pair is low (the bundle's other measures dilute
 * it), while one of the bundle's sentences matches the short clause well and the short clause is
 * found entire inside the bundle. These signals read the sentence × sentence cosines of the pair
 * once (sentences split at 。；, features.ts), so a bundle can link to each measure it holds.
 *
 * Measured and not kept (dev CV over 3 fold assignments, all/plan/regulation F1, against
 * 76.5/52.0/75.8 with these signals): the same sentence signals on whole-word vectors
 * (76.2/50.1/75.8 before sentenceHome); with the documents' topic discounted (focus.ts) on the
 * sentence vectors (removing them raised F1); sentenceHome on the centred semantic vectors
 * (76.0/50.6/75.5).
 */
import { cosine, cosineRow, postingsOf, type ClauseFeatures, type Vec } from './features';
import { dot } from './semantic';

export interface SentenceEvidence {
  /** Best cosine of one sentence of either clause with one of the other's (the former 'sentence' signal). */
  best: number;
  /**
   * How much of the smaller side the other's sentences hold: each sentence's best cosine with a
   * sentence of the other clause, averaged with the sentences' sizes (distinct n-grams) as
   * weights; the larger of both ways. High when every sentence of a short clause has its match
   * inside a bundle, whatever else the bundle says.
   */
  covered: number;
  /** Best cosine of one sentence of either clause with the whole other clause. */
  toClause: number;
}

/** Shared scratch for the sentence cosines of one pair (pairs have a handful of sentences each). */
let grid = new Float64Array(256);

export function sentenceEvidence(a: ClauseFeatures, b: ClauseFeatures): SentenceEvidence {
  const sa = a.sentenceVecs,
    sb = b.sentenceVecs;
  const n = sa.length,
    m = sb.length;
  if (!n || !m) return { best: 0, covered: 0, toClause: 0 };
  if (n * m > grid.length) grid = new Float64Array(Math.max(n * m, 2 * grid.length));
  let best = 0;
  for (let x = 0; x < n; x++)
    for (let y = 0; y < m; y++) {
      const c = cosine(sa[x], sb[y]);
      grid[x * m + y] = c;
      if (c > best) best = c;
    }
  const coverA = coverOf(
    n,
    (x) => sa[x].ids.length,
    (x, y) => grid[x * m + y],
    m,
  );
  const coverB = coverOf(
    m,
    (y) => sb[y].ids.length,
    (y, x) => grid[x * m + y],
    n,
  );
  // A one-sentence clause's sentence is the clause itself: its cosine with the other is the clause cosine.
  const toClause = Math.max(bestWith(sa, b.vec), bestWith(sb, a.vec));
  return { best, covered: Math.max(coverA, coverB), toClause };
}

function bestWith(sentences: readonly Vec[], whole: Vec): number {
  let s = 0;
  for (const v of sentences) s = Math.max(s, cosine(v, whole));
  return s;
}

/** Each sentence's best similarity with one of the other side's, averaged with the sentences' sizes as weights. */
function coverOf(len: number, size: (k: number) => number, at: (k: number, t: number) => number, other: number): number {
  let s = 0,
    w = 0;
  for (let k = 0; k < len; k++) {
    let top = 0;
    for (let t = 0; t < other; t++) top = Math.max(top, at(k, t));
    s += size(k) * top;
    w += size(k);
  }
  return w ? s / w : 0;
}

/**
 * The same best match and coverage on the sentences' semantic vectors (semantic.ts, given with
 * the documents' common direction taken out): a paraphrased measure inside a bundle.
 */
export function semanticSentences(
  sa: ReadonlyArray<Float32Array | null>,
  sizeA: (k: number) => number,
  sb: ReadonlyArray<Float32Array | null>,
  sizeB: (k: number) => number,
): { best: number; covered: number } {
  const n = sa.length,
    m = sb.length;
  if (!n || !m) return { best: 0, covered: 0 };
  if (n * m > grid.length) grid = new Float64Array(Math.max(n * m, 2 * grid.length));
  let best = -1;
  for (let x = 0; x < n; x++)
    for (let y = 0; y < m; y++) {
      const c = sa[x] && sb[y] ? dot(sa[x], sb[y]) : 0;
      grid[x * m + y] = c;
      if (c > best) best = c;
    }
  const covered = Math.max(
    coverOf(n, sizeA, (x, y) => grid[x * m + y], m),
    coverOf(m, sizeB, (y, x) => grid[x * m + y], n),
  );
  return { best, covered };
}

/**
 * Where each sentence of a bundle belongs: for every clause of several sentences, each sentence's
 * best clause of the other document (n-gram cosine through an inverted index of the other side).
 * A pair scores the best cosine of a sentence of one clause whose best home is the other clause,
 * both ways. The clause-level relative signals (gap to the row's best, rank) count against a
 * bundle's second and third counterparts; this one says that the counterpart is the best place
 * for one of the bundle's measures.
 */
export function sentenceHomes(fa: ClauseFeatures[], fb: ClauseFeatures[]): (i: number, j: number) => number {
  const homesOf = (from: ClauseFeatures[], to: ClauseFeatures[]) => {
    const homes: Array<Map<number, number> | undefined> = new Array(from.length);
    if (!from.some((f) => f.sentenceVecs.length > 1)) return homes;
    const p = postingsOf(to.map((f) => f.vec));
    const row = new Float64Array(to.length);
    from.forEach((f, i) => {
      if (f.sentenceVecs.length < 2) return;
      const map = new Map<number, number>();
      for (const s of f.sentenceVecs) {
        row.fill(0);
        cosineRow(s, p, row, 0);
        let best = -1,
          top = 0;
        for (let j = 0; j < row.length; j++)
          if (row[j] > top) {
            top = row[j];
            best = j;
          }
        if (best >= 0) map.set(best, Math.max(map.get(best) ?? 0, top));
      }
      homes[i] = map;
    });
    return homes;
  };
  const ha = homesOf(fa, fb),
    hb = homesOf(fb, fa);
  return (i, j) => Math.max(ha[i]?.get(j) ?? 0, hb[j]?.get(i) ?? 0);
}
