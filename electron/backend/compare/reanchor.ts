import type { CompareRepo } from '../db/compare';
import type { ReanchorContext, ReanchorResult } from '../services/hooks';
import { mappedClause } from '../../../shared/domain/reanchor';

/**
 * On re-import of a changed file, alignment decisions follow their clauses: a kept clause keeps
 * its id (nothing to do), a clause that became another moves the decision there, and a clause
 * that is gone takes its decisions with it (reported as lost so the researcher knows).
 */
export function reanchorDecisions(repo: CompareRepo, ctx: ReanchorContext): ReanchorResult {
  let kept = 0;
  const lost: string[] = [];
  const seen = new Set<string>();
  for (const oldId of ctx.clauseMap.keys()) {
    for (const d of repo.decisionsOfClause(oldId)) {
      const key = `${d.clause_a}:${d.clause_b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const mapA = mappedClause(ctx.clauseMap, d.clause_a);
      const mapB = mappedClause(ctx.clauseMap, d.clause_b);
      if (mapA == null || mapB == null) {
        lost.push(`A ${d.status} alignment link of a clause that is no longer in the document (clause ${oldId}).`);
        repo.forget(d.clause_a, d.clause_b);
        continue;
      }
      if (mapA !== d.clause_a || mapB !== d.clause_b) {
        if (!repo.moveDecision(d.clause_a, d.clause_b, mapA, mapB))
          lost.push(`A ${d.status} alignment link that now duplicates another decision (clause ${oldId}).`);
      }
      kept++;
    }
  }
  return { kept, lost };
}
