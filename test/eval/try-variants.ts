// Candidate signals for try-features.ts: each returns, per candidate pair of a document pair, the
// columns it would add to the features. Measured here first; what helps moves into the aligner.
//
// Measured 2026-12-07 (session 11) on the 64 training pairs, 3 fold assignments, against the
// features then shipped (mean F1 all / plans / regulations, unlinked share; at threshold 0.30 and
// 0.40, where the shipped features gave 76.3/63.3/75.3/81.4% and 76.1/62.1/75.3/85.0%):
// - helped, but not shipped (commit 5d5c540 added them, reverted in f32cc3d: with them a 3×3 toy pair
//   of test/unit/align.test.ts links an unrelated clause's lone candidate at 0.6): the ranks of the focused and centred semantic scores
//   (76.5/63.1/75.7/82.1%; 76.7/62.0/76.1/85.9%) and the shares of the row's and column's
//   similarity (76.8/63.0/76.1/81.0%; 76.9/62.4/76.1/85.5%); both together 76.8/63.0/76.0/80.6%
//   and 77.3/63.3/76.5/86.4% (at 0.40 each assignment above the old features' best).
// - not kept (within the spread between assignments, or plans worse): frameLinear 76.1/62.5/75.3
//   (0.40: 76.5/62.2/75.9/85.8%), frameLog 76.4/60.8/75.8 (0.40: 76.7/61.7/76.1/85.2%),
//   frameLogWords 76.2/61.4/75.6, citeHome 76.3/63.6/75.4 (with the ranks 76.7/63.0/75.9, no gain
//   over the ranks alone), itemPos 76.1/62.1/75.4, docCover 76.2/61.7/75.6 (0.40: 76.8/60.8/76.5/
//   86.3%: regulations up, plans down; with the ranks 0.40: 77.1/61.7/76.6/86.7%), shapeDesc
//   76.0/60.9/75.6 (plans down), zScores of the main similarities in the document pair 76.1/62.6/75.4.
//
// Measured 2026-12-07 (session 12) on the 72 training pairs (unseen-7 in; anchors copied with the
// clause's number located), 3 fold assignments, L2 0.0003, against the features then shipped (base
// 75.9/64.3/75.8/81.3% at 0.30, its best; 75.7/64.0/75.5/84.5% at 0.40; 75.0/62.8/74.7/89.9% at 0.55):
// - rankShareGuard (the ranks and shares with no value for a row's or column's only candidate; now
//   in the aligner, shortlist.ts, so running it again adds the same columns twice): 76.5/65.4/76.3/
//   80.9% at 0.30, 76.9/65.5/76.7/84.6% at 0.40 (each assignment 76.8–77.0, above the base's best),
//   76.6/65.4/76.4/86.2% at 0.45, 76.1/64.7/75.7/90.3% at 0.55. Without the guard (rankShare, first
//   run, before the anchors fix, base 76.1/64.5/75.9/80.9%): 77.0/65.5/76.8/81.0% at 0.30.
// - leadSentence (a plan measure's opening title against the other's): alone 76.1/64.2/76.2/81.1% at
//   0.30 (its best); with rankShareGuard 77.0/66.1/76.8/81.9% at 0.30, 77.0/65.5/76.8/83.1% at 0.35
//   and 76.7/64.0/76.9/84.9% at 0.40: within 0.1 of rankShareGuard alone, 2.3 s more to compute.
import { cosine, type ClauseFeatures, type Vec } from '../../shared/domain/align/features';
import { featureNames, type FeatureName } from '../../shared/domain/align/score';
import type { PairData } from './align-data';

type Variant = (pd: PairData) => number[][];

/** Per id, in how many clauses of a document it stands. */
function docFreq(fs: ClauseFeatures[], vec: (f: ClauseFeatures) => Vec): Map<number, number> {
  const df = new Map<number, number>();
  for (const f of fs) for (const id of vec(f).ids) df.set(id, (df.get(id) ?? 0) + 1);
  return df;
}

/** Cosine with each id's weight multiplied by factor(id) on both sides (vectors renormalised). */
function reweighted(a: Vec, b: Vec, factor: (id: number) => number): number {
  const norm = (v: Vec) => {
    let s = 0;
    for (let k = 0; k < v.ids.length; k++) s += (v.weights[k] * factor(v.ids[k])) ** 2;
    return Math.sqrt(s) || 1;
  };
  let i = 0,
    j = 0,
    s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] === b.ids[j]) {
      const f = factor(a.ids[i]);
      s += a.weights[i++] * f * b.weights[j++] * f;
    } else if (a.ids[i] < b.ids[j]) i++;
    else j++;
  }
  return s / (norm(a) * norm(b));
}

/** A score of every candidate with its gap to the best candidate of its row and of its column. */
function withGap(pd: PairData, score: (i: number, j: number) => number): number[][] {
  const s = pd.prep.candidates.map((c) => score(c.i, c.j));
  const row = new Map<number, number>(),
    col = new Map<number, number>();
  pd.prep.candidates.forEach((c, k) => {
    row.set(c.i, Math.max(row.get(c.i) ?? -Infinity, s[k]));
    col.set(c.j, Math.max(col.get(c.j) ?? -Infinity, s[k]));
  });
  return pd.prep.candidates.map((c, k) => [s[k], s[k] - Math.max(row.get(c.i)!, col.get(c.j)!)]);
}

/**
 * Each document's own frames discounted: an n-gram standing in a large share of EITHER document's
 * clauses (its recurring formula, the name it gives its actors, its slogans) says little about
 * which clauses correspond, whether or not the other document uses it too.
 */
function frameFactor(pd: PairData, vec: (f: ClauseFeatures) => Vec, kind: 'linear' | 'log') {
  const { fa, fb } = pd.prep;
  const dA = docFreq(fa, vec),
    dB = docFreq(fb, vec);
  const n = Math.max(1, fa.length),
    m = Math.max(1, fb.length);
  const N = Math.max(n, m, 2);
  return (id: number) => {
    const s = Math.max((dA.get(id) ?? 0) / n, (dB.get(id) ?? 0) / m);
    return kind === 'linear' ? 1 - s : Math.max(0, -Math.log(Math.max(s, 1 / N)) / Math.log(N));
  };
}

/** z-score of a matrix entry within the document pair's distribution (all pairs). */
function zOf(pd: PairData, col: number): number[][] {
  const xs = pd.prep.candidates.map((c) => c.x[col]);
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length)) || 1;
  return xs.map((x) => [(x - mean) / sd]);
}

const cos = (a: ClauseFeatures, b: ClauseFeatures) => (cosine(a.vec, b.vec) + cosine(a.words, b.words)) / 2;

/**
 * For each clause that cites no article, the clause of its own document (citing none either) it is
 * most like: a penalty that restates its duty instead of citing it finds that duty.
 */
function homes(fs: ClauseFeatures[]): number[] {
  return fs.map((f, k) => {
    if (f.cites.length) return -1;
    let best = -1,
      s = 0.15;
    fs.forEach((g, x) => {
      if (x === k || g.cites.length) return;
      const c = cosine(f.vec, g.vec);
      if (c > s) {
        s = c;
        best = x;
      }
    });
    return best;
  });
}

/** Share of a vector's weight (squared, so the whole is 1) on ids some clause of the other document has. */
function coverIn(v: Vec, present: Set<number>): number {
  let s = 0;
  for (let k = 0; k < v.ids.length; k++) if (present.has(v.ids[k])) s += v.weights[k] ** 2;
  return s;
}

export const variants: Record<string, Variant> = {
  frameLinear: (pd) => {
    const f = frameFactor(pd, (c) => c.vec, 'linear');
    return withGap(pd, (i, j) => reweighted(pd.prep.fa[i].vec, pd.prep.fb[j].vec, f));
  },
  frameLog: (pd) => {
    const f = frameFactor(pd, (c) => c.vec, 'log');
    return withGap(pd, (i, j) => reweighted(pd.prep.fa[i].vec, pd.prep.fb[j].vec, f));
  },
  frameLogWords: (pd) => {
    const f = frameFactor(pd, (c) => c.words, 'log');
    return withGap(pd, (i, j) => reweighted(pd.prep.fa[i].words, pd.prep.fb[j].words, f));
  },
  // The pair's cheap similarity against the whole candidate set of its document pair.
  zScores: (pd) => {
    const cols = [0, 2, 15, 24];
    const z = cols.map((c) => zOf(pd, c));
    return pd.prep.candidates.map((_, k) => z.map((zz) => zz[k][0]));
  },
  // A penalty citing its duty (A) against one restating it (B): the cited duty against the B clause the restating one is most like.
  citeHome: (pd) => {
    const { fa, fb } = pd.prep;
    const ha = homes(fa),
      hb = homes(fb);
    return pd.prep.candidates.map(({ i, j }) => {
      let s = 0;
      if (fa[i].cites.length && hb[j] >= 0) for (const x of fa[i].cites) s = Math.max(s, cos(fa[x], fb[hb[j]]));
      if (fb[j].cites.length && ha[i] >= 0) for (const y of fb[j].cites) s = Math.max(s, cos(fa[ha[i]], fb[y]));
      return [s];
    });
  },
  // Where an item stands in its list (0 first … 1 last; −1 not an item), both sides.
  itemPos: (pd) => {
    const pos = (fs: ClauseFeatures[]) => {
      const items = new Map<number, number[]>();
      fs.forEach((f, k) => f.lead >= 0 && items.set(f.lead, [...(items.get(f.lead) ?? []), k]));
      const out = fs.map(() => -1);
      for (const ks of items.values()) ks.forEach((k, r) => (out[k] = ks.length > 1 ? r / (ks.length - 1) : 0));
      return out;
    };
    const pa = pos(pd.prep.fa),
      pb = pos(pd.prep.fb);
    return pd.prep.candidates.map(({ i, j }) => [Math.max(pa[i], pb[j]), pa[i] >= 0 && pb[j] >= 0 ? Math.abs(pa[i] - pb[j]) : 0]);
  },
  // How much of each clause's wording the other document holds anywhere: a clause whose words B lacks has no counterpart there.
  docCover: (pd) => {
    const { fa, fb } = pd.prep;
    const inA = new Set(fa.flatMap((f) => [...f.words.ids])),
      inB = new Set(fb.flatMap((f) => [...f.words.ids]));
    const ca = fa.map((f) => coverIn(f.words, inB)),
      cb = fb.map((f) => coverIn(f.words, inA));
    return pd.prep.candidates.map(({ i, j }) => [Math.min(ca[i], cb[j]), Math.max(ca[i], cb[j])]);
  },
  // What kind of document pair it is (long bundled paragraphs or short articles), alone and times the main similarities, so one model can weigh them differently per kind.
  shapeDesc: (pd) => {
    const meanLen = (fs: ClauseFeatures[]) => Math.log(1 + fs.reduce((s, f) => s + f.length, 0) / Math.max(1, fs.length));
    const d = (meanLen(pd.prep.fa) + meanLen(pd.prep.fb)) / 2 - 4.5;
    return pd.prep.candidates.map((c) => [d, d * c.x[0], d * c.x[24], d * c.x[30], d * c.x[3], d * c.x[4]]);
  },
};

/**
 * Session 12: the ranks and shares of session 11 (focusedRankRow/Col, shareRow/Col, as commit
 * 5d5c540 computed them over the short list), with `guard`: a row (column) with a single
 * short-listed candidate gives that candidate 0 for its row's (column's) rank and share — being
 * the best, or all, of one says nothing.
 */
function rankShare(pd: PairData, guard: boolean): number[][] {
  const cs = pd.prep.candidates;
  const foc = featureIndex('focused'),
    cosI = featureIndex('cosine'),
    wordsI = featureIndex('words');
  const base = cs.map((c) => (c.x[cosI] + c.x[wordsI]) / 2);
  const rows = new Map<number, number[]>(),
    cols = new Map<number, number[]>();
  cs.forEach((c, k) => {
    rows.set(c.i, [...(rows.get(c.i) ?? []), k]);
    cols.set(c.j, [...(cols.get(c.j) ?? []), k]);
  });
  const rankIn = (groups: Map<number, number[]>, other: (k: number) => number) => {
    const r = new Float64Array(cs.length);
    for (const ks of groups.values()) [...ks].sort((x, y) => cs[y].x[foc] - cs[x].x[foc] || other(x) - other(y)).forEach((k, q) => (r[k] = q));
    return r;
  };
  const rr = rankIn(rows, (k) => cs[k].j),
    rc = rankIn(cols, (k) => cs[k].i);
  const sumOf = (groups: Map<number, number[]>) => {
    const s = new Float64Array(cs.length);
    for (const ks of groups.values()) {
      const t = ks.reduce((a, k) => a + base[k], 0);
      for (const k of ks) s[k] = t;
    }
    return s;
  };
  const sr = sumOf(rows),
    sc = sumOf(cols);
  return cs.map((c, k) => {
    const loneRow = guard && rows.get(c.i)!.length < 2,
      loneCol = guard && cols.get(c.j)!.length < 2;
    const f = Math.max(0, c.x[foc]);
    return [
      loneRow ? 0 : f / (1 + rr[k]),
      loneCol ? 0 : f / (1 + rc[k]),
      loneRow ? 0 : (base[k] * base[k]) / (sr[k] || 1),
      loneCol ? 0 : (base[k] * base[k]) / (sc[k] || 1),
    ];
  });
}

Object.assign(variants, {
  rankShare: (pd: PairData) => rankShare(pd, false),
  rankShareGuard: (pd: PairData) => rankShare(pd, true),
});

function featureIndex(name: FeatureName): number {
  return featureNames.indexOf(name);
}

/**
 * Session 12, for plan-shaped pairs: a plan's measure opens with its own title (拓宽小微企业融资渠道。
 * 建立…), so the first sentences compared alone, and each first sentence against the best sentence
 * of the other clause, with the gap to the best of its row and column.
 */
function leadSentence(pd: PairData): number[][] {
  const { fa, fb } = pd.prep;
  const lead = (a: ClauseFeatures, b: ClauseFeatures) => {
    const la = a.sentenceVecs[0],
      lb = b.sentenceVecs[0];
    if (!la || !lb) return [0, 0];
    let best = cosine(la, lb);
    const both = best;
    for (const v of b.sentenceVecs) best = Math.max(best, cosine(la, v));
    for (const v of a.sentenceVecs) best = Math.max(best, cosine(v, lb));
    return [both, best];
  };
  const s = pd.prep.candidates.map((c) => lead(fa[c.i], fb[c.j]));
  const row = new Map<number, number>(),
    col = new Map<number, number>();
  pd.prep.candidates.forEach((c, k) => {
    row.set(c.i, Math.max(row.get(c.i) ?? 0, s[k][1]));
    col.set(c.j, Math.max(col.get(c.j) ?? 0, s[k][1]));
  });
  return pd.prep.candidates.map((c, k) => [...s[k], s[k][1] - Math.max(row.get(c.i)!, col.get(c.j)!)]);
}

Object.assign(variants, { leadSentence });
