// Re-import of a changed file: notes on clauses follow their clause; notes on ranges are found
// again by their text. A note whose anchor is gone is kept (attached to the document) and reported.
import type { AnnotationsRepo } from '../db/annotations';
import type { ReanchorContext, ReanchorResult } from '../services/hooks';
import { relocateQuote } from '../../../shared/domain/reanchor';

export function reanchorAnnotations(repo: AnnotationsRepo, ctx: ReanchorContext): ReanchorResult {
  let kept = 0;
  const lost: string[] = [];
  for (const a of repo.ofDocAll(ctx.docId)) {
    if (a.kind === 'range' && a.start !== null) {
      const quote = a.quote ?? '';
      const at = quote ? relocateQuote(ctx.newText, ctx.newClauses, quote, a.start) : null;
      if (!at) {
        lost.push(`Note ${a.id} on “${quote.slice(0, 30)}”: the text is no longer in the document; the note stays with the document.`);
        repo.move(a.id, null, a.start, a.end);
        continue;
      }
      repo.move(a.id, at.clauseId, at.start, at.end);
      kept++;
    } else if (a.clause_id !== null) {
      const to = ctx.clauseMap.get(a.clause_id);
      if (to === undefined || to === a.clause_id) {
        kept++;
        continue;
      }
      if (to === null) lost.push(`Note ${a.id}: its clause is no longer in the document; the note stays with the document.`);
      else kept++;
      repo.move(a.id, to, a.start, a.end);
    }
  }
  return { kept, lost };
}
