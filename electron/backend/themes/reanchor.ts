// Re-import of a changed file: codings follow their clause when it was kept or matched, and range
// codings are found again by their text (nearest occurrence to the old place). What cannot be
// placed is reported as lost, never silently moved somewhere wrong.
import type { ReanchorContext, ReanchorResult } from '../services/hooks';
import type { ThemesRepo } from '../db/themes';
import { relocateQuote } from '../../../shared/domain/reanchor';

export function reanchorCodings(repo: ThemesRepo, ctx: ReanchorContext): ReanchorResult {
  let kept = 0;
  const lost: string[] = [];
  // Every coder's codings follow their clause too, not only the consensus.
  for (const c of repo.codingsOfDocAll(ctx.docId)) {
    if (c.start !== null && c.end !== null) {
      const at = c.quote ? relocateQuote(ctx.newText, ctx.newClauses, c.quote, c.start) : null;
      if (!at || at.clauseId === null) {
        if (c.status === 'accepted') lost.push(`Coding ${c.theme_id} of “${(c.quote ?? '').slice(0, 30)}”: the text is no longer in the document.`);
        repo.deleteRow('codings', c.id);
        continue;
      }
      repo.putRow('codings', { ...c, clause_id: at.clauseId, start: at.start, end: at.end });
      kept++;
      continue;
    }
    const to = ctx.clauseMap.get(c.clause_id);
    if (to === undefined || to === c.clause_id) {
      if (to === c.clause_id) kept++;
      continue;
    }
    if (to === null) {
      if (c.status !== 'suggested') lost.push(`Coding ${c.theme_id} of a clause that is no longer in the document.`);
      repo.deleteRow('codings', c.id);
      continue;
    }
    const clash = repo.wholeCoding(to, c.theme_id, c.coder_id);
    if (clash) {
      if (c.status !== 'suggested') repo.putRow('codings', { ...clash, status: c.status, source: c.source });
      repo.deleteRow('codings', c.id);
    } else repo.putRow('codings', { ...c, clause_id: to });
    kept++;
  }
  // Instrument choices follow their clause too.
  for (const r of repo.instrumentsOfDoc(ctx.docId)) {
    const to = ctx.clauseMap.get(r.clause_id);
    if (to === undefined || to === r.clause_id) continue;
    repo.deleteRow('clause_instruments', r.clause_id);
    if (to !== null && r.chosen) repo.putRow('clause_instruments', { ...r, clause_id: to });
  }
  return { kept, lost };
}
