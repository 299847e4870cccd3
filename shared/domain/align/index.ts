import { clauseFeatures, frequencies, type ClauseFeatures, type Frequencies } from './features';
import { combine, defaultWeights, instrumentWeights, reasonsFor, signals, type Weights } from './score';
import { selectLinks } from './selection';
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
 * measure of A is scored against every measure of B (selection.ts decides which pairs become
 * links: mutual best matches, and candidates close to the best per sentence of a bundled clause).
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
  const scored = sig.map((row) => row.map((s) => ({ s: combine(s, w), sentenceA: s.sentenceA, sentenceB: s.sentenceB, instrument: s.instrument })));

  const out: AlignSuggestion[] = [];
  for (const { i, j, s, mutual } of selectLinks(scored, opts)) {
    const reasons = reasonsFor(fa[i], fb[j], sig[i][j], freq);
    if (mutual) reasons.push({ kind: 'mutual' });
    out.push({ a: fa[i].id, b: fb[j].id, score: round(s), reasons });
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export type { ClauseFeatures };
export { alignedRows, type AlignedRow, type RowLink } from './rows';
