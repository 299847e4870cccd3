/**
 * Which candidate pairs become links: one decision over the whole document pair, not a threshold
 * per clause. Pairs are taken best first (a greedy maximum-weight matching, within a factor two of
 * the optimum and in practice equal to it on these sparse score matrices) while their calibrated
 * probability reaches the model's threshold. One-to-many is allowed where a clause bundles
 * measures: a clause may take several counterparts as long as each of those has no other link,
 * so the links of a pair of documents form stars, never a tangle of many-to-many chains.
 */

export interface ScoredCandidate {
  i: number;
  j: number;
  /** Calibrated probability of being a right link. */
  p: number;
}

export interface SelectOptions {
  threshold: number;
  maxPerClause: number;
  /** Links form stars (default): a clause with several counterparts only takes ones without other links. */
  stars?: boolean;
}

export function selectLinks(cands: ScoredCandidate[], opts: SelectOptions): ScoredCandidate[] {
  const degA = new Map<number, number>(),
    degB = new Map<number, number>();
  const out: ScoredCandidate[] = [];
  const sorted = cands.filter((c) => c.p >= opts.threshold).sort((x, y) => y.p - x.p || x.i - y.i || x.j - y.j);
  for (const c of sorted) {
    const da = degA.get(c.i) ?? 0,
      db = degB.get(c.j) ?? 0;
    if (da >= opts.maxPerClause || db >= opts.maxPerClause) continue;
    // A second counterpart on one side only when the other side is still free: stars, not chains.
    if (opts.stars !== false) {
      if (da > 0 && db > 0) continue;
      if (da > 0 && out.some((o) => o.i === c.i && (degB.get(o.j) ?? 0) > 1)) continue;
      if (db > 0 && out.some((o) => o.j === c.j && (degA.get(o.i) ?? 0) > 1)) continue;
    }
    degA.set(c.i, da + 1);
    degB.set(c.j, db + 1);
    out.push(c);
  }
  return out;
}
