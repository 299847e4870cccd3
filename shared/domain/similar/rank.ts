import type { CorpusStats } from '../align/corpus';
import { clauseFeatures, cosine, featureContext, localStats, type ClauseFeatures } from '../align/features';
import { boilerplateFeatures, boilerplateProbability } from '../align/boilerplate';
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
  const { limit = 20, ...rest } = opts;
  return similarRanking(query, candidates, rest).top(limit, opts.nearCopies);
}

/**
 * rankSimilar in two steps, each clause's features computed once: the candidates are scored, then
 * `top` ranks them with near-copy scores the caller may look up for the best few only (the
 * scores do not depend on them; only which hits are boilerplate does). Same order as rankSimilar.
 */
export function similarRanking(query: AlignClause, candidates: SimilarCandidate[], opts: Omit<RankOptions, 'limit' | 'nearCopies'> = {}) {
  const { minScore = 0.08, boilerplateAt = defaultModel.boilerplate.threshold } = opts;
  const others = candidates.filter((c) => c.id !== query.id);
  const stats = opts.stats ?? localStats([query, ...others]);
  const ctx = featureContext(stats);
  const [q] = clauseFeatures([query], ctx, undefined, defaultModel.boilerplate);
  const scored = q
    ? clauseFeatures(others, ctx, undefined, defaultModel.boilerplate)
        .map((f) => ({ f, score: (cosine(q.vec, f.vec) + cosine(q.words, f.words) + bestSentences(q, f).s) / 3 }))
        .filter((x) => x.score >= minScore)
    : [];
  const isBoilerplate = (f: ClauseFeatures, nearCopies?: (id: number) => number) => {
    if (nearCopies) {
      f.nearCopy = nearCopies(f.id);
      f.boilerplate = boilerplateProbability(defaultModel.boilerplate, boilerplateFeatures(f));
    }
    return f.boilerplate >= boilerplateAt;
  };
  const ordered = (limit: number, nearCopies?: (id: number) => number, ids?: Set<number>) =>
    scored
      .filter((x) => !ids || ids.has(x.f.id))
      .map((x) => ({ ...x, bp: isBoilerplate(x.f, nearCopies) }))
      .sort((x, y) => Number(x.bp) - Number(y.bp) || y.score - x.score)
      .slice(0, limit);
  const probability = (f: ClauseFeatures, nearCopy: number) => boilerplateProbability(defaultModel.boilerplate, boilerplateFeatures({ ...f, nearCopy }));
  return {
    /** Ids of the best `limit` before any near-copy score is known, boilerplate (by its other signals) after content. */
    shortlist: (limit: number) => ordered(limit).map((x) => x.f.id),
    /**
     * The best `limit` of `ids`, boilerplate after content, as top(limit, every near-copy score,
     * ids) ranks them, looking near-copy scores up (lookUp, costly) only for clauses whose verdict
     * depends on them (the others are boilerplate, or not, whatever the score, 0…1), and only as
     * far down the score order as the answer needs: once `limit` content hits are known, nothing
     * below them can enter.
     */
    resolve(ids: number[], limit: number, lookUp: (ids: number[]) => Map<number, number>): RankedSimilar[] {
      if (!q) return [];
      const wanted = new Set(ids);
      const inOrder = scored.filter((x) => wanted.has(x.f.id)).sort((x, y) => y.score - x.score);
      const depends = (f: ClauseFeatures) => probability(f, 0) >= boilerplateAt !== probability(f, 1) >= boilerplateAt;
      const walked: Array<(typeof scored)[number] & { bp: boolean }> = [];
      let content = 0;
      while (walked.length < inOrder.length && content < limit) {
        const batch = inOrder.slice(walked.length, walked.length + limit - content);
        const ask = batch.filter((x) => depends(x.f)).map((x) => x.f.id);
        const known = ask.length ? lookUp(ask) : new Map<number, number>();
        for (const x of batch) {
          const bp = isBoilerplate(x.f, known.has(x.f.id) ? (id) => known.get(id)! : undefined);
          walked.push({ ...x, bp });
          if (!bp) content++;
        }
      }
      return walked
        .sort((x, y) => Number(x.bp) - Number(y.bp) || y.score - x.score)
        .slice(0, limit)
        .map(({ f, score, bp }) => ({ id: f.id, score: Math.round(score * 1000) / 1000, reasons: reasonsFor(q, f, stats), boilerplate: bp }));
    },
    /** The best `limit`, boilerplate after content (with near-copy scores when given; of `ids` only, when given), with their reasons. */
    top(limit: number, nearCopies?: (id: number) => number, ids?: Set<number>): RankedSimilar[] {
      if (!q) return [];
      return ordered(limit, nearCopies, ids).map(({ f, score, bp }) => ({
        id: f.id,
        score: Math.round(score * 1000) / 1000,
        reasons: reasonsFor(q, f, stats),
        boilerplate: bp,
      }));
    },
  };
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
