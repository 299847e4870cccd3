// Fitting and measuring the aligner's model on labelled pairs: cross-validation by document pair,
// Platt scaling on held-out logits, the threshold chosen by cross-validated F1, reliability tables.
import { boilerplateFeatures, boilerplateProbability, type BoilerplateModel } from '../../shared/domain/align/boilerplate';
import { fitLogistic, fitPlatt, logit, sigmoid, type AlignModel } from '../../shared/domain/align/model';
import { propagatedFeatures } from '../../shared/domain/align/propagate';
import { featureNames } from '../../shared/domain/align/score';
import { selectLinks } from '../../shared/domain/align/selection';
import { defaultTreeOptions, fitTrees, type Tree, type TreeOptions } from '../../shared/domain/align/trees';
import { baselineLinks, prf, scorePair, type PairData, type PairScore } from './align-data';

export const folds = 5;
export const iterations = 600;

export interface Fitted {
  weights: number[];
  bias: number;
  trees?: Tree[];
}

/** Boosted trees on top of the linear model (trees.ts); ALIGN_TREES=0 fits the linear model alone. */
export const treeOptions: TreeOptions = {
  ...defaultTreeOptions,
  trees: Number(process.env.ALIGN_TREES ?? defaultTreeOptions.trees),
  depth: Number(process.env.ALIGN_TREE_DEPTH ?? defaultTreeOptions.depth),
};

export function rows(data: PairData[]) {
  const X: number[][] = [],
    y: number[] = [],
    w: number[] = [];
  for (const pd of data) {
    const labelled = pd.y.filter((v) => v != null).length || 1;
    pd.prep.candidates.forEach((c, k) => {
      const v = pd.y[k];
      if (v == null) return;
      X.push(c.x);
      y.push(v);
      // Every pair has the same say, however many clauses it has: long regulations must not drown short plans.
      w.push(100 / labelled);
    });
  }
  return { X, y, w };
}

export function fit(data: PairData[], l2: number): Fitted {
  const { X, y, w } = rows(data);
  const lin = fitLogistic(X, y, { l2, iterations, rate: 0.05, rowWeights: w });
  if (!treeOptions.trees) return lin;
  const start = X.map((x) => x.reduce((z, v, k) => z + lin.weights[k] * v, lin.bias));
  // Row weights average 1, so the trees' Hessian thresholds read in rows.
  const mean = w.reduce((a, b) => a + b, 0) / w.length;
  return {
    ...lin,
    trees: fitTrees(
      X,
      y,
      start,
      w.map((v) => v / mean),
      treeOptions,
    ),
  };
}

const modelOf = (f: Fitted, platt: { a: number; b: number }, threshold: number, base: Pick<AlignModel, 'maxPerClause' | 'candidates'>): AlignModel => ({
  features: [...featureNames],
  weights: f.weights,
  bias: f.bias,
  trees: f.trees,
  platt,
  threshold,
  ...base,
  boilerplate: { weights: [0, 0, 0, 0], bias: 0, threshold: 0.5 },
});

/** Held-out logits of every candidate: each pair scored by a model fitted without its fold. */
export function outOfFold(data: PairData[], l2: number, foldOf: (i: number) => number = (i) => i % folds): number[][] {
  const out: number[][] = data.map(() => []);
  for (let k = 0; k < folds; k++) {
    const train = data.filter((_, i) => foldOf(i) !== k);
    const f = fit(train, l2);
    const m = modelOf(f, { a: 1, b: 0 }, 0.5, { maxPerClause: 3, candidates: 5 });
    data.forEach((pd, i) => {
      if (foldOf(i) === k) out[i] = pd.prep.candidates.map((c) => logit(m, c.x));
    });
  }
  return out;
}

/**
 * The first pass (base features only): its held-out probabilities feed each pair's second-pass
 * signals (propagate.ts), appended to the candidates' features — stacking, so no pair's
 * structural signals come from a model that saw its labels. Returns the Platt scaling of the
 * held-out logits (the shipped first pass's).
 */
export function firstPass(data: PairData[], l2: number, foldOf?: (i: number) => number) {
  const logits = outOfFold(data, l2, foldOf);
  const platt = plattOn(data, logits);
  data.forEach((pd, i) => {
    const p = logits[i].map((z) => sigmoid(platt.a * z + platt.b));
    const extra = propagatedFeatures(pd.prep.fa, pd.prep.fb, pd.prep.candidates, p);
    pd.prep.candidates.forEach((c, k) => c.x.push(...extra[k]));
  });
  return platt;
}

/** Another assignment of pairs to folds (a seeded shuffle): repeated cross-validation shows how much a figure owes to one split. */
export function shuffledFolds(n: number, seed: number): (i: number) => number {
  const order = Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0 || 1;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const fold = new Int32Array(n);
  order.forEach((i, k) => (fold[i] = k % folds));
  return (i) => fold[i];
}

export function plattOn(data: PairData[], logits: number[][]) {
  const z: number[] = [],
    y: number[] = [];
  data.forEach((pd, i) =>
    pd.y.forEach((v, k) => {
      if (v != null) {
        z.push(logits[i][k]);
        y.push(v);
      }
    }),
  );
  return fitPlatt(z, y);
}

export function linksFor(pd: PairData, probs: number[], threshold: number, maxPerClause: number, stars = true, bpAt = 0.5) {
  const chosen = selectLinks(
    pd.prep.candidates.map((c, k) => ({ i: c.i, j: c.j, p: probs[k] })),
    { threshold, maxPerClause, stars },
  );
  return chosen.map((c) => ({
    a: pd.prep.fa[c.i].id,
    b: pd.prep.fb[c.j].id,
    p: c.p,
    bp: Math.max(pd.prep.fa[c.i].boilerplate, pd.prep.fb[c.j].boilerplate) >= bpAt,
  }));
}

export function total(scores: PairScore[]) {
  const t = scores.reduce((s, x) => ({ tp: s.tp + x.tp, fp: s.fp + x.fp, fn: s.fn + x.fn, none: s.none + x.none, noneOk: s.noneOk + x.noneOk }), {
    tp: 0,
    fp: 0,
    fn: 0,
    none: 0,
    noneOk: 0,
  });
  return { ...t, ...prf(t) };
}

export const pct = (x: number) => (100 * x).toFixed(1).padStart(5) + '%';

/** Reliability: suggested links binned by score, with the share that was right (strong) among the judged ones. */
export function reliability(entries: Array<{ p: number; right: boolean | null }>): string {
  const bins = Array.from({ length: 10 }, (_, k) => ({ lo: k / 10, n: 0, judged: 0, right: 0, sum: 0 }));
  for (const e of entries) {
    const b = bins[Math.min(9, Math.floor(e.p * 10))];
    b.n++;
    if (e.right == null) continue;
    b.judged++;
    b.sum += e.p;
    if (e.right) b.right++;
  }
  const lines = ['  score      links  judged  mean score  right'];
  for (const b of bins)
    if (b.n)
      lines.push(
        `  ${b.lo.toFixed(1)}–${(b.lo + 0.1).toFixed(1)}  ${String(b.n).padStart(7)} ${String(b.judged).padStart(7)}  ${(b.judged ? b.sum / b.judged : 0).toFixed(2).padStart(10)}  ${b.judged ? pct(b.right / b.judged) : '   n/a'}`,
      );
  return lines.join('\n');
}

/** Whether a link is right (strong), wrong, or not judged (partial or an unlabelled clause of A). */
export function judge(pd: PairData, l: { a: number; b: number }): boolean | null {
  const it = pd.items.find((x) => x.a === l.a);
  if (!it) return null;
  return it.strong.has(l.b) ? true : it.partial.has(l.b) ? null : false;
}

export interface Report {
  text: string;
  f: number;
}

/** Per pair and overall P/R/F1 of the given links, with the baselines of the same pairs beside them. */
export function report(
  data: PairData[],
  linksOf: (pd: PairData, i: number) => Array<{ a: number; b: number; p: number; bp: boolean }>,
  opts: { perPair: boolean; misses?: number },
): Report {
  const lines: string[] = [];
  const ours: PairScore[] = [],
    base1: PairScore[] = [],
    base2: PairScore[] = [];
  const rel: Array<{ p: number; right: boolean | null }> = [];
  let bpTop = 0,
    bpTopUnmarked = 0,
    bpTopByScore = 0,
    bpFlagged = 0;
  const misses: string[] = [];
  data.forEach((pd, i) => {
    const links = linksOf(pd, i);
    const s = scorePair(pd, links);
    ours.push(s);
    base1.push(scorePair(pd, baselineLinks(pd, 1)));
    base2.push(scorePair(pd, baselineLinks(pd, 2)));
    for (const l of links) rel.push({ p: l.p, right: judge(pd, l) });
    // Boilerplate pairs among the first 20 suggestions: in the order the app lists them (content
    // first), and by score alone; "boilerplate" as the labellers marked it (the A clause's item).
    const bpItem = new Set(pd.items.filter((x) => x.boilerplate).map((x) => x.a));
    const listed = [...links].sort((x, y) => Number(x.bp) - Number(y.bp) || y.p - x.p).slice(0, 20);
    const byScore = [...links].sort((x, y) => y.p - x.p).slice(0, 20);
    const nTop = listed.filter((l) => bpItem.has(l.a)).length,
      nScore = byScore.filter((l) => bpItem.has(l.a)).length;
    bpTop += nTop;
    // Those the app did not mark: they sit among the content links; marked ones are listed after every content link.
    bpTopUnmarked += listed.filter((l) => bpItem.has(l.a) && !l.bp).length;
    bpTopByScore += nScore;
    bpFlagged += links.filter((l) => l.bp).length;
    misses.push(...s.misses.map((m) => `${pd.name.slice(0, 28)}: ${m}`));
    if (opts.perPair) {
      const o = prf(s),
        b2 = prf(base2[i]);
      lines.push(
        `  ${pd.name.padEnd(44).slice(0, 44)} P ${pct(o.p)} R ${pct(o.r)} F1 ${pct(o.f)} | base top-2 F1 ${pct(b2.f)} | none unlinked ${s.noneOk}/${s.none} | boilerplate in top 20: ${nTop} (by score ${nScore})`,
      );
    }
  });
  const t = total(ours),
    b1 = total(base1),
    b2 = total(base2);
  lines.push(
    `  ALL (${data.length} pairs)  PolicyLens: P ${pct(t.p)} R ${pct(t.r)} F1 ${pct(t.f)}; clauses without counterpart left unlinked ${t.noneOk}/${t.none} (${pct(t.none ? t.noneOk / t.none : 1)})`,
  );
  lines.push(`  baseline bigram TF-IDF cosine top-2: P ${pct(b2.p)} R ${pct(b2.r)} F1 ${pct(b2.f)}; unlinked ${b2.noneOk}/${b2.none}`);
  lines.push(`  baseline bigram TF-IDF cosine top-1: P ${pct(b1.p)} R ${pct(b1.r)} F1 ${pct(b1.f)}; unlinked ${b1.noneOk}/${b1.none}`);
  // Per shape of document pair (the label files' "shape"): a method that only works on one shape shows here.
  for (const shape of [...new Set(data.map((d) => d.shape))].sort()) {
    const at = data.flatMap((d, k) => (d.shape === shape ? [k] : []));
    const o = total(at.map((k) => ours[k])),
      b = total(at.map((k) => base1[k]));
    lines.push(`  shape ${shape.padEnd(10)} (${String(at.length).padStart(2)} pairs)  P ${pct(o.p)} R ${pct(o.r)} F1 ${pct(o.f)} | base top-1 F1 ${pct(b.f)}`);
  }
  lines.push(
    `  labelled-boilerplate links among each pair's first 20 suggestions: ${bpTop} in the app's order, ${bpTopUnmarked} of them not marked boilerplate (${bpTopByScore} by score alone); links marked boilerplate by the app: ${bpFlagged}`,
  );
  lines.push('  reliability of suggested links (right = strong counterpart; partial ones not judged):');
  lines.push(reliability(rel));
  if (opts.misses) lines.push('  misses (first ' + opts.misses + '):', ...misses.slice(0, opts.misses).map((m) => '    ' + m));
  return { text: lines.join('\n'), f: t.f };
}

export { sigmoid };

/** Fits the boilerplate model on the labellers' marks (items of A clauses), then writes its probabilities into the pairs' features. */
export function fitBoilerplate(data: PairData[]): BoilerplateModel {
  const X: number[][] = [],
    y: number[] = [];
  for (const pd of data) {
    // Only label files that mark boilerplate at all (the seed and written pairs do not).
    if (!pd.items.some((it) => it.boilerplate)) continue;
    const fa = new Map(pd.prep.fa.map((f) => [f.id, f]));
    for (const it of pd.items) {
      const f = fa.get(it.a);
      if (f) {
        X.push(boilerplateFeatures(f));
        y.push(it.boilerplate ? 1 : 0);
      }
    }
  }
  const r = fitLogistic(X, y, { l2: 0.001, iterations: 1500, rate: 0.05 });
  const probs = X.map((x) => boilerplateProbability({ weights: r.weights, bias: r.bias, threshold: 0.5 }, x));
  // The mark's threshold: best F2 of recognising the labelled boilerplate — recall weighs double,
  // because a missed formula sits among the top suggestions, while a content clause marked as
  // boilerplate is still listed, only after the content links.
  let best = { f: -1, t: 0.5, tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let t = 0.1; t <= 0.9; t += 0.05) {
    let tp = 0,
      fp = 0,
      fn = 0,
      tn = 0;
    probs.forEach((p, k) => {
      const on = p >= t;
      if (on && y[k]) tp++;
      else if (on) fp++;
      else if (y[k]) fn++;
      else tn++;
    });
    const f = (5 * tp) / (5 * tp + 4 * fn + fp);
    if (f > best.f) best = { f, t, tp, fp, fn, tn };
  }
  const m: BoilerplateModel = { weights: r.weights.map((w) => Number(w.toFixed(4))), bias: Number(r.bias.toFixed(4)), threshold: Number(best.t.toFixed(2)) };
  console.log(
    `boilerplate model on ${X.length} labelled clauses (${y.filter(Boolean).length} boilerplate), marked from ${m.threshold}: found ${best.tp}, missed ${best.fn}, content marked boilerplate ${best.fp} of ${best.fp + best.tn}`,
  );
  const at = featureNames.indexOf('boilerplate');
  for (const pd of data) {
    for (const f of [...pd.prep.fa, ...pd.prep.fb]) f.boilerplate = boilerplateProbability(m, boilerplateFeatures(f));
    for (const c of pd.prep.candidates) c.x[at] = Math.max(pd.prep.fa[c.i].boilerplate, pd.prep.fb[c.j].boilerplate);
  }
  return m;
}
