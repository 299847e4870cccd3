import { clauseFeatures, frequencies } from '../align/features';
import { combine, instrumentWeights, reasonsFor, signals } from '../align/score';
import type { AlignClause, AlignReason } from '../align/types';

export type SimilarCandidate = AlignClause;

export interface RankedSimilar {
  id: number;
  score: number;
  reasons: AlignReason[];
}

/**
 * Ranks candidate clauses by how closely they match the query clause, with the same signals as
 * alignment (weighted character n-grams, instruments, numbers) so "where else" and the compare
 * view agree on what "similar" means. N-gram rarity is taken over the query and its candidates.
 */
export function rankSimilar(query: AlignClause, candidates: SimilarCandidate[], limit = 20, minScore = 0.08): RankedSimilar[] {
  const features = clauseFeatures([query, ...candidates.filter((c) => c.id !== query.id)]);
  const q = features.find((f) => f.id === query.id);
  if (!q) return [];
  const freq = frequencies(features.map((f) => f.grams));
  const iw = instrumentWeights(features);
  return features
    .filter((f) => f !== q)
    .map((f) => {
      const s = signals(q, f, iw);
      return { f, s, score: combine(s) };
    })
    .filter((x) => x.score >= minScore)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit)
    .map(({ f, s, score }) => ({ id: f.id, score: Math.round(score * 1000) / 1000, reasons: reasonsFor(q, f, s, freq) }));
}
