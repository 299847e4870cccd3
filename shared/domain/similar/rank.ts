import type { CorpusStats } from '../align/corpus';
import { clauseFeatures, cosine, featureContext, localStats } from '../align/features';
import { bestSentences, reasonsFor } from '../align/score';
import { defaultModel } from '../align';
import type { AlignClause, AlignReason } from '../align/types';

export type SimilarCandidate = AlignClause;

export interface RankedSimilar {
  id: number;
  score: number;
  reasons: AlignReason[];
  boilerplate: boolean;
}

export interface RankOptions {
  limit?: number;
  minScore?: number;
  /** The project's term statistics; by default those of the query and its candidates. */
  stats?: CorpusStats;
  /** 0…1 near-copy score per clause id (boilerplate.ts); a hit whose boilerplate probability reaches boilerplateAt ranks after every content hit. */
  nearCopies?: (id: number) => number;
  boilerplateAt?: number;
}

/**
 * Ranks candidate clauses by how closely they match the query clause, with the aligner's wording
 * signals (n-grams and whole words weighted by the project's statistics, best sentence): content
 * first, boilerplate after it whatever its score, so "where else" answers with measures and not
 * with 本条例自…起施行.
 */
export function rankSimilar(query: AlignClause, candidates: SimilarCandidate[], opts: RankOptions = {}): RankedSimilar[] {
  const { limit = 20, minScore = 0.08, boilerplateAt = defaultModel.boilerplate.threshold } = opts;
  const others = candidates.filter((c) => c.id !== query.id);
  const stats = opts.stats ?? localStats([query, ...others]);
  const ctx = featureContext(stats);
  const [q] = clauseFeatures([query], ctx, opts.nearCopies, defaultModel.boilerplate);
  if (!q) return [];
  return clauseFeatures(others, ctx, opts.nearCopies, defaultModel.boilerplate)
    .map((f) => ({ f, score: (cosine(q.vec, f.vec) + cosine(q.words, f.words) + bestSentences(q, f).s) / 3, bp: f.boilerplate >= boilerplateAt }))
    .filter((x) => x.score >= minScore)
    .sort((x, y) => Number(x.bp) - Number(y.bp) || y.score - x.score)
    .slice(0, limit)
    .map(({ f, score, bp }) => ({ id: f.id, score: Math.round(score * 1000) / 1000, reasons: reasonsFor(q, f, stats), boilerplate: bp }));
}

/**
 * rankSimilar's first stage (no near-copy scores) over a fixed set of clauses whose features are
 * computed once: what a brute-force "where else" over a whole corpus costs per query when nothing
 * but the measure is computed (test/bench/where-else-real.bench.ts). Same scores, same order.
 */
export function similarityScan(candidates: AlignClause[], stats: CorpusStats, boilerplateAt = defaultModel.boilerplate.threshold) {
  const ctx = featureContext(stats);
  const feats = clauseFeatures(candidates, ctx, undefined, defaultModel.boilerplate);
  return {
    /** Ids of the best `limit` clauses for the query among those `allowed` admits, in rankSimilar's order. */
    top(query: AlignClause, limit: number, allowed: (id: number) => boolean, minScore = 0.08): number[] {
      const [q] = clauseFeatures([query], ctx, undefined, defaultModel.boilerplate);
      if (!q) return [];
      return feats
        .filter((f) => f.id !== query.id && allowed(f.id))
        .map((f) => ({ id: f.id, score: (cosine(q.vec, f.vec) + cosine(q.words, f.words) + bestSentences(q, f).s) / 3, bp: f.boilerplate >= boilerplateAt }))
        .filter((x) => x.score >= minScore)
        .sort((x, y) => Number(x.bp) - Number(y.bp) || y.score - x.score)
        .slice(0, limit)
        .map((x) => x.id);
    },
  };
}
