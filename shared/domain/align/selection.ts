import type { AlignOptions } from './types';

/** One scored clause pair: row i of A, column j of B, and the sentences of each that matched best. */
export interface ScoredPair {
  s: number;
  sentenceA: number;
  sentenceB: number;
  /** Rarity of the best instrument both clauses use (0 when they share none). */
  instrument: number;
}

export interface Selected {
  i: number;
  j: number;
  s: number;
  mutual: boolean;
}

/** Best and second-best score of each row and each column. */
function topTwo(n: number, m: number, at: (i: number, j: number) => number, byRow: boolean) {
  const len = byRow ? n : m;
  const best = new Float64Array(len), second = new Float64Array(len);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const k = byRow ? i : j, s = at(i, j);
      if (s > best[k]) { second[k] = best[k]; best[k] = s; } else if (s > second[k]) second[k] = s;
    }
  }
  return { best, second };
}

/**
 * Which scored pairs become links. Scores are not comparable across document pairs (two plans
 * written from one template share more wording than two cities' free drafts), so the decision is
 * mostly relative:
 * - a pair that is each other's best match is linked when its score reaches minScore, or a lower
 *   floor when it also stands clearly above both clauses' runners-up (calibrated by the pair itself);
 * - any other pair must reach minScore and come close to the best candidate on both sides — where
 *   "best" is counted per sentence of a bundled clause: a clause that bundles two measures may match
 *   one counterpart with its first sentence and another with its second, and the second must not
 *   be held against the first one's score.
 */
export function selectLinks(pairs: ScoredPair[][], opts: AlignOptions): Selected[] {
  const n = pairs.length, m = n ? pairs[0].length : 0;
  const at = (i: number, j: number) => pairs[i][j].s;
  const rows = topTwo(n, m, at, true), cols = topTwo(n, m, at, false);
  // Best score per (clause, sentence) unit on each side.
  const unitA = new Map<number, number>(), unitB = new Map<number, number>();
  const keyA = (i: number, p: ScoredPair) => i * 4096 + p.sentenceA;
  const keyB = (j: number, p: ScoredPair) => j * 4096 + p.sentenceB;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const p = pairs[i][j];
      if (p.s > (unitA.get(keyA(i, p)) ?? 0)) unitA.set(keyA(i, p), p.s);
      if (p.s > (unitB.get(keyB(j, p)) ?? 0)) unitB.set(keyB(j, p), p.s);
    }
  }
  const out: Selected[] = [];
  for (let i = 0; i < n; i++) {
    const ranked = pairs[i].map((p, j) => ({ p, j })).sort((x, y) => y.p.s - x.p.s);
    let kept = 0;
    for (const { p, j } of ranked) {
      if (kept >= opts.maxPerClause || p.s < Math.min(opts.minScore, opts.mutualMinScore)) break;
      const mutual = p.s >= rows.best[i] && p.s >= cols.best[j];
      // Wording alone (shared boilerplate such as 各县区要… or 本措施自…施行) is weaker evidence
      // than a shared policy instrument, so it needs a higher score.
      const evidence = p.instrument >= opts.instrumentEvidence;
      const floor = evidence ? opts.minScore : Math.max(opts.minScore, opts.minScoreWithoutInstrument);
      const margin = p.s - Math.max(rows.second[i], cols.second[j]);
      const clearMutual = mutual && (p.s >= floor || (evidence && margin >= opts.mutualMargin && p.s >= opts.mutualMinScore));
      const nearClause = p.s >= opts.relativeToBest * rows.best[i] && p.s >= opts.relativeToBest * cols.best[j];
      // A bundle on either side: this is the clause's own best candidate, sharing an instrument, and
      // close to the best of the sentence it matched rather than of the whole clause.
      const ownBest = p.s >= rows.best[i];
      const nearSentence = ownBest && evidence
        && p.s >= opts.relativeToBest * unitA.get(keyA(i, p))!
        && p.s >= opts.relativeToBest * unitB.get(keyB(j, p))!;
      const near = p.s >= floor && (nearClause || nearSentence);
      if (!(clearMutual || near)) continue;
      kept++;
      out.push({ i, j, s: p.s, mutual });
    }
  }
  return out;
}
