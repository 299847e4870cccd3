import { alignClauses } from '../../../shared/domain/align';
import type { AlignmentLink, ComparisonMember } from '../../../shared/api/methods/compare';
import type { BackendContext } from '../context';
import type { CompareRepo } from '../db/compare';
import { memberClauses, toAlignClause } from './clauses';
import type { AlignStats } from './stats';

/**
 * Links between two members: the aligner's suggestions, then the researcher's decisions laid over
 * them. A decision always wins (confirmed or rejected), a pair linked by hand appears even if the
 * aligner would not suggest it, and nothing here ever writes a decision.
 */
export function alignMembers(ctx: BackendContext, repo: CompareRepo, stats: AlignStats, a: ComparisonMember, b: ComparisonMember): AlignmentLink[] {
  const ca = memberClauses(ctx, a);
  const cb = memberClauses(ctx, b);
  const inA = new Set(ca.map((c) => c.id));
  const inB = new Set(cb.map((c) => c.id));
  let suggestions: ReturnType<typeof alignClauses> = [];
  if (inA.size && inB.size) {
    const bp = stats.nearCopiesOf([...inA, ...inB]);
    suggestions = alignClauses({ a: ca.map(toAlignClause), b: cb.map(toAlignClause), stats: stats.termStats(), nearCopies: (id) => bp.get(id) ?? 0 });
  }
  const links = new Map<string, AlignmentLink>();
  for (const s of suggestions)
    links.set(`${s.a}:${s.b}`, { a: s.a, b: s.b, score: s.score, status: 'suggested', source: 'auto', reasons: s.reasons, boilerplate: s.boilerplate });
  for (const d of repo.decisionsBetween(a.docId, b.docId)) {
    // Orient the stored pair (lower id first) as A → B; skip pairs outside the members' parts.
    const [x, y] =
      inA.has(d.clause_a) && inB.has(d.clause_b)
        ? [d.clause_a, d.clause_b]
        : inA.has(d.clause_b) && inB.has(d.clause_a)
          ? [d.clause_b, d.clause_a]
          : [null, null];
    if (x == null || y == null) continue;
    const key = `${x}:${y}`;
    const known = links.get(key);
    links.set(key, {
      a: x,
      b: y,
      score: known?.score ?? d.score,
      status: d.status,
      source: known ? known.source : d.source,
      reasons: known?.reasons ?? [],
      boilerplate: known?.boilerplate ?? false,
    });
  }
  return [...links.values()];
}
