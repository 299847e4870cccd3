import { alignClauses } from '../../../shared/domain/align';
import { linksWithDecisions } from '../../../shared/domain/align/decisions';
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
  const decisions = repo
    .decisionsBetween(a.docId, b.docId)
    .map((d) => ({ clauseA: d.clause_a, clauseB: d.clause_b, status: d.status, source: d.source, score: d.score }));
  return linksWithDecisions(suggestions, decisions, inA, inB);
}
