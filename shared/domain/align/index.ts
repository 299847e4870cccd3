import type { CorpusStats } from './corpus';
import { clauseFeatures, cosine, cosineMatrix, cosineRow, featureContext, localStats, postingsOf, type ClauseFeatures, type Vec } from './features';
import defaultModelJson from './model.json' with { type: 'json' };
import { checkModel, probability, type AlignModel } from './model';
import { focusedCosine } from './focus';
import { orderPath } from './order';
import { propagatedFeatures } from './propagate';
import { instrumentWeights, pairFeatures, reasonsFor, type PairContext } from './score';
import { selectLinks } from './selection';
import { centredSemantics, dot } from './semantic';
import { overShortList, shortListRanks, shortListShares } from './shortlist';
import { semanticSentences, sentenceHomes } from './subclause';
import { defaultAlignOptions, type AlignClause, type AlignOptions, type AlignSuggestion } from './types';

export * from './types';
export { instruments, instrumentById, instrumentsIn } from './lexicon';
export { alignableText } from './features';
export { corpusStats, type CorpusStats } from './corpus';
export type { AlignModel } from './model';

/** The model fitted by `npm run fit:align` on the labelled training pairs. */
export const defaultModel: AlignModel = checkModel(defaultModelJson as AlignModel);

export interface AlignInput {
  a: AlignClause[];
  b: AlignClause[];
  options?: Partial<AlignOptions>;
  model?: AlignModel;
  /** Term statistics of the whole project; by default those of the two documents alone. */
  stats?: CorpusStats;
  /** 0…1 near-copy score per clause id (boilerplate.ts), from the project's near-duplicate index. */
  nearCopies?: (clauseId: number) => number;
}

export interface Candidate {
  i: number;
  j: number;
  x: number[];
}

export interface Prepared {
  fa: ClauseFeatures[];
  fb: ClauseFeatures[];
  candidates: Candidate[];
  stats: CorpusStats;
}

/**
 * Features of every candidate pair: for each clause, its best few counterparts on the cheap
 * similarity (weighted n-gram and word cosines), from both sides. Pairs outside every clause's
 * short list are never links; the model only has to tell the plausible ones apart.
 */
export function prepareAlignment(input: AlignInput, model: AlignModel = input.model ?? defaultModel): Prepared {
  const perClause = model.candidates;
  const stats = input.stats ?? localStats([...input.a, ...input.b]);
  const ctx = featureContext(stats);
  const fa = clauseFeatures(input.a, ctx, input.nearCopies, model.boilerplate);
  const fb = clauseFeatures(input.b, ctx, input.nearCopies, model.boilerplate);
  const n = fa.length,
    m = fb.length;
  const rowBest = new Float64Array(n),
    colBest = new Float64Array(m);
  const grams = cosineMatrix(
    fa.map((f) => f.vec),
    fb.map((f) => f.vec),
  );
  // The word cosines, then in the same array the cheap similarity; the few short-listed pairs
  // compute their word cosine again (the same sum, in the same order): one n × m array less.
  const base = cosineMatrix(
    fa.map((f) => f.words),
    fb.map((f) => f.words),
  );
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const s = (grams[i * m + j] + base[i * m + j]) / 2;
      base[i * m + j] = s;
      if (s > rowBest[i]) rowBest[i] = s;
      if (s > colBest[j]) colBest[j] = s;
    }
  }
  // A list's lead-in compared with its items (features.ts): only when either side has lists.
  const lists = fa.some((f) => f.hasItems) || fb.some((f) => f.hasItems);
  const block = lists ? blockMatrix(fa, fb, grams) : grams;
  const blockRowBest = new Float64Array(n),
    blockColBest = new Float64Array(m);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      const s = block[i * m + j];
      if (s > blockRowBest[i]) blockRowBest[i] = s;
      if (s > blockColBest[j]) blockColBest[j] = s;
    }
  // Each clause's short list, with the rank each candidate has in it (0 = best).
  // Typed arrays over all pairs rather than maps over the short-listed ones: no boxing, no rehashing.
  const keep = new Uint8Array(n * m);
  const rankR = new Uint8Array(n * m).fill(perClause),
    rankC = new Uint8Array(n * m).fill(perClause);
  for (let i = 0; i < n; i++)
    topK(m, (j) => base[i * m + j], perClause).forEach((j, r) => {
      rankR[i * m + j] = r;
      if (base[i * m + j] > 0) keep[i * m + j] = 1;
    });
  for (let j = 0; j < m; j++)
    topK(n, (i) => base[i * m + j], perClause).forEach((i, r) => {
      rankC[i * m + j] = r;
      if (base[i * m + j] > 0) keep[i * m + j] = 1;
    });
  // A lead-in's short list also holds its best counterparts with its items counted.
  if (lists) {
    for (let i = 0; i < n; i++) if (fa[i].hasItems) for (const j of topK(m, (j) => block[i * m + j], 2)) if (block[i * m + j] > 0) keep[i * m + j] = 1;
    for (let j = 0; j < m; j++) if (fb[j].hasItems) for (const i of topK(n, (i) => block[i * m + j], 2)) if (block[i * m + j] > 0) keep[i * m + j] = 1;
  }
  // Clauses that cite articles (penalties: 违反本条例第二十四条…) are compared through what they cite.
  const cited = (i: number, j: number) => {
    let both = 0;
    for (const x of fa[i].cites) for (const y of fb[j].cites) both = Math.max(both, base[x * m + y]);
    let one = 0;
    for (const y of fb[j].cites) one = Math.max(one, base[i * m + y]);
    for (const x of fa[i].cites) one = Math.max(one, base[x * m + j]);
    return { both, one };
  };
  const citing = fb.flatMap((f, j) => (f.cites.length ? [j] : []));
  for (let i = 0; i < n; i++)
    if (fa[i].cites.length && citing.length)
      for (const j of topK(citing.length, (t) => cited(i, citing[t]).both, 2)) if (cited(i, citing[j]).both > 0) keep[i * m + citing[j]] = 1;
  const anchors = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      const s = base[i * m + j];
      if (s > 0.2 && s >= rowBest[i] && s >= colBest[j]) anchors.push({ a: fa[i].position, b: fb[j].position });
    }
  // The semantic signal, over the short-listed pairs only.
  const { at: sem, rowBest: semRowBest, colBest: semColBest } = overShortList(n, m, keep, (i, j) => dot(fa[i].semantic, fb[j].semantic), -1);
  // The same with the documents' mean direction taken out (the topic both share, semantic.ts).
  const semC = centredSemantics(
    fa.map((f) => f.semantic),
    fb.map((f) => f.semantic),
  );
  const { at: semFoc, rowBest: semFocRowBest, colBest: semFocColBest } = overShortList(n, m, keep, (i, j) => dot(semC.a[i], semC.b[j]), -1);
  // Sentences' semantic vectors, centred the same way, on first use (candidate pairs only).
  const semSentA: Array<Array<Float32Array | null> | undefined> = new Array(n),
    semSentB: Array<Array<Float32Array | null> | undefined> = new Array(m);
  // The cosine with the documents' shared topic discounted (focus.ts), and its best in each row and column.
  const focused = focusedCosine(
    fa.map((f) => f.vec),
    fb.map((f) => f.vec),
  );
  const { at: foc, rowBest: focRowBest, colBest: focColBest } = overShortList(n, m, keep, focused, 0);
  const focRank = shortListRanks(n, m, keep, foc);
  // Cosines of the sections' headings: a document has a few dozen distinct ones, shared by its clauses.
  const ctxIndex = (fs: ClauseFeatures[]) => {
    const ids = new Map<Vec, number>();
    return { of: fs.map((f) => ids.get(f.context) ?? (ids.set(f.context, ids.size), ids.size - 1)), vecs: [...ids.keys()] };
  };
  const ctxA = ctxIndex(fa),
    ctxB = ctxIndex(fb);
  const ctxCos = cosineMatrix(ctxA.vecs, ctxB.vecs);
  const pc: PairContext = {
    grams: (i, j) => grams[i * m + j],
    words: (i, j) => cosine(fa[i].words, fb[j].words),
    context: (i, j) => ctxCos[ctxA.of[i] * ctxB.vecs.length + ctxB.of[j]],
    semantic: (i, j) => sem.get(i * m + j) ?? 0,
    focused: (i, j) => foc.get(i * m + j) ?? 0,
    focusedWords: focusedCosine(
      fa.map((f) => f.words),
      fb.map((f) => f.words),
    ),
    focRowBest,
    focColBest,
    semRowBest,
    semColBest,
    base: (i, j) => (i >= 0 && j >= 0 && i < n && j < m ? base[i * m + j] : 0),
    rowBest,
    colBest,
    expected: orderPath(anchors),
    instrumentWeight: instrumentWeights([...fa, ...fb]),
    rankRow: (i, j) => rankR[i * m + j],
    rankCol: (i, j) => rankC[i * m + j],
    block: (i, j) => block[i * m + j],
    blockRowBest,
    blockColBest,
    cited,
    sentenceHome: sentenceHomes(fa, fb),
    semanticFocused: (i, j) => semFoc.get(i * m + j) ?? 0,
    semFocRowBest,
    semFocColBest,
    share: shortListShares(n, m, keep, base),
    focusedRank: (i, j) => [focRank.row[i * m + j], focRank.col[i * m + j]],
    semanticSentences: (i, j) =>
      semanticSentences(
        (semSentA[i] ??= fa[i].sentenceSemantics.map(semC.centre)),
        (k) => fa[i].sentenceVecs[k].ids.length,
        (semSentB[j] ??= fb[j].sentenceSemantics.map(semC.centre)),
        (k) => fb[j].sentenceVecs[k].ids.length,
      ),
    // A clause against the list of a lead-in: the block cosine (exact for every pair with a lead-in).
    list: (i, j) => Math.max(fb[j].lead >= 0 ? block[i * m + fb[j].lead] : 0, fa[i].lead >= 0 ? block[fa[i].lead * m + j] : 0),
  };
  const candidates: Candidate[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (keep[i * m + j]) candidates.push({ i, j, x: pairFeatures(fa[i], fb[j], i, j, pc) });
  return { fa, fb, candidates, stats };
}

/**
 * Appends the second pass's signals (propagate.ts) to every candidate's features, from the first
 * pass's probabilities: what prepareAlignment gives is the first pass's input alone.
 */
export function secondPass(prep: Prepared, model: AlignModel): Prepared {
  const first = model.first;
  if (!first) return prep;
  const p = prep.candidates.map((c) => probability(first, c.x));
  const extra = propagatedFeatures(prep.fa, prep.fb, prep.candidates, p);
  prep.candidates.forEach((c, k) => c.x.push(...extra[k]));
  return prep;
}

/**
 * Cosines of the clauses with their list items: the n-gram cosines, except in the rows and
 * columns of lead-ins (a small share of the clauses), which are computed afresh through an
 * inverted index of the other side's list vectors (only shared n-grams are touched).
 */
function blockMatrix(fa: ClauseFeatures[], fb: ClauseFeatures[], grams: Float64Array): Float64Array {
  const n = fa.length,
    m = fb.length;
  const out = Float64Array.from(grams);
  if (fa.some((f) => f.hasItems)) {
    const pb = postingsOf(fb.map((g) => g.block));
    fa.forEach((f, i) => {
      if (!f.hasItems) return;
      out.fill(0, i * m, (i + 1) * m);
      cosineRow(f.block, pb, out, i * m);
    });
  }
  if (fb.some((g) => g.hasItems)) {
    const pa = postingsOf(fa.map((f) => f.block));
    const col = new Float64Array(n);
    fb.forEach((g, j) => {
      if (!g.hasItems) return;
      col.fill(0);
      cosineRow(g.block, pa, col, 0);
      for (let i = 0; i < n; i++) if (!fa[i].hasItems) out[i * m + j] = col[i];
    });
  }
  return out;
}

/** Indices of the k largest values among 0…len-1, best first (a partial insertion sort: k is small). */
function topK(len: number, at: (x: number) => number, k: number): number[] {
  const idx: number[] = [],
    val: number[] = [];
  for (let x = 0; x < len; x++) {
    const v = at(x);
    if (idx.length === k && v <= val[k - 1]) continue;
    let p = idx.length === k ? k - 1 : idx.length;
    while (p > 0 && val[p - 1] < v) {
      idx[p] = idx[p - 1];
      val[p] = val[p - 1];
      p--;
    }
    idx[p] = x;
    val[p] = v;
  }
  return idx;
}

/**
 * Suggests links between the clauses of two documents: candidates scored by the fitted model
 * (a calibrated probability), then one global selection (selection.ts). Boilerplate links are
 * marked and listed after every content link, whatever their score.
 */
export function alignClauses(input: AlignInput): AlignSuggestion[] {
  const model = input.model ?? defaultModel;
  const opts = { ...defaultAlignOptions, ...input.options };
  const prep = secondPass(prepareAlignment(input, model), model);
  const scored = prep.candidates.map((c) => ({ i: c.i, j: c.j, p: probability(model, c.x) }));
  const chosen = selectLinks(scored, { threshold: opts.minScore ?? model.threshold, maxPerClause: model.maxPerClause });
  const out = chosen.map(({ i, j, p }) => {
    const fa = prep.fa[i],
      fb = prep.fb[j];
    return {
      a: fa.id,
      b: fb.id,
      score: round(p),
      reasons: reasonsFor(fa, fb, prep.stats),
      boilerplate: Math.max(fa.boilerplate, fb.boilerplate) >= (opts.boilerplateAt ?? model.boilerplate.threshold),
    };
  });
  return out.sort((x, y) => Number(x.boilerplate) - Number(y.boilerplate) || y.score - x.score);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export type { ClauseFeatures };
export { alignedRows, buildRowModel, coverage, type AlignedRow, type Coverage, type RowLink } from './rows';
