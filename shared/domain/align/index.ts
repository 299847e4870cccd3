import { clauseFeatures, frequencies, type ClauseFeatures, type Frequencies } from './features';
import { combine, defaultWeights, instrumentWeights, reasonsFor, signals, type Weights } from './score';
import { defaultAlignOptions, type AlignClause, type AlignOptions, type AlignSuggestion } from './types';

export * from './types';
export { instruments, instrumentById, instrumentsIn } from './lexicon';
export { alignableText } from './features';

export interface AlignInput {
  a: AlignClause[];
  b: AlignClause[];
  options?: Partial<AlignOptions>;
  weights?: Weights;
  /** Corpus-wide n-gram frequencies; by default those of the two documents. */
  frequencies?: Frequencies;
}

/**
 * Suggests links between the clauses of two documents. Many-to-many and order-free: every
 * measure of A is scored against every measure of B; a clause keeps its best counterpart when it
 * is good enough, plus further ones close to the best (a clause that bundles several measures),
 * and a pair that is each other's best match needs less evidence than a one-sided one.
 */
export function alignClauses(input: AlignInput): AlignSuggestion[] {
  const opts = { ...defaultAlignOptions, ...input.options };
  const prepared = [...input.a, ...input.b];
  const all = clauseFeatures(prepared, input.frequencies);
  const aIds = new Set(input.a.map((c) => c.id));
  const fa = all.filter((f) => aIds.has(f.id));
  const fb = all.filter((f) => !aIds.has(f.id));
  const freq = input.frequencies ?? frequencies(all.map((f) => f.grams));
  const iw = instrumentWeights(all);
  const w = input.weights ?? defaultWeights;

  const sig = fa.map((x) => fb.map((y) => signals(x, y, iw)));
  const score = sig.map((row) => row.map((s) => combine(s, w)));
  const bestA = score.map((row) => Math.max(0, ...row));
  const bestB = fb.map((_, j) => Math.max(0, ...score.map((row) => row[j])));

  const out: AlignSuggestion[] = [];
  fa.forEach((x, i) => {
    const ranked = fb.map((y, j) => ({ y, j, s: score[i][j] })).sort((p, q) => q.s - p.s);
    let kept = 0;
    for (const { y, j, s } of ranked) {
      if (kept >= opts.maxPerClause || s < opts.minScore) break;
      const mutual = s >= bestA[i] && s >= bestB[j];
      const nearBestA = s >= opts.relativeToBest * bestA[i];
      const nearBestB = s >= opts.relativeToBest * bestB[j];
      if (!(mutual || nearBestA && nearBestB)) continue;
      kept++;
      const reasons = reasonsFor(x, y, sig[i][j], freq);
      if (mutual) reasons.push({ kind: 'mutual' });
      out.push({ a: x.id, b: y.id, score: round(s), reasons });
    }
  });
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export type { ClauseFeatures };
export { alignedRows, type AlignedRow, type RowLink } from './rows';
