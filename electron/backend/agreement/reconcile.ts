// The lead's reconciliation: for a clause and a theme the coders disagree on, the consensus (the
// project's own codings, coder NULL) becomes exactly what the accepted coders coded — one coder's
// codings, several coders' together, or nothing. All decisions in one transaction, one undo step.
import { ApiError } from '../../../shared/api/errors';
import type { Output } from '../../../shared/api/contract';
import type { BackendContext } from '../context';
import type { ThemesRepo } from '../db/themes';
import { requireTheme } from '../themes/codebook';
import { recorded } from '../themes/undo';

export interface Decision {
  clauseId: number;
  themeId: string;
  accept: number[];
}

export function reconcile(ctx: BackendContext, repo: ThemesRepo, decisions: Decision[]): Output<'agreement.reconcile'> {
  const { db, documents } = ctx;
  // Everything is checked before anything is written: bad input changes nothing.
  const checked = decisions.map((d) => {
    const clause = documents.clause(d.clauseId);
    if (!clause) throw new ApiError('not_found', `There is no clause ${d.clauseId}: nothing was reconciled.`);
    requireTheme(repo, d.themeId);
    for (const id of d.accept) if (!repo.coder(id)) throw new ApiError('not_found', `There is no coder ${id}: nothing was reconciled.`);
    return { ...d, clause };
  });
  const seen = new Set<string>();
  for (const d of checked) {
    const k = `${d.clauseId}:${d.themeId}`;
    if (seen.has(k))
      throw new ApiError('invalid_input', `Clause ${d.clause.path || d.clauseId} and theme ${d.themeId} are decided twice: nothing was reconciled.`);
    seen.add(k);
  }
  let written = 0;
  let removed = 0;
  recorded(db, repo, `Reconcile ${checked.length} ${checked.length === 1 ? 'case' : 'cases'}`, (rec) => {
    const now = new Date().toISOString();
    for (const d of checked) {
      const accepted = new Set(d.accept);
      const chosen = repo
        .codersCodingsOfDoc(d.clause.doc_id)
        .filter((c) => c.clause_id === d.clauseId && c.theme_id === d.themeId && accepted.has(c.coder_id!));
      const wantWhole = chosen.some((c) => c.start === null);
      const wantRanges = new Map<string, { start: number; end: number; quote: string | null }>();
      for (const c of chosen) if (c.start !== null) wantRanges.set(`${c.start}:${c.end}`, { start: c.start, end: c.end!, quote: c.quote });

      const existing = repo.consensusOf(d.clauseId, d.themeId);
      const whole = existing.find((c) => c.start === null);
      if (whole) {
        rec.touch('codings', whole.id);
        if (wantWhole) {
          if (whole.status !== 'accepted') {
            repo.putRow('codings', { ...whole, status: 'accepted', updated_at: now });
            written++;
          }
        } else if (whole.status !== 'rejected' && whole.source === 'manual') {
          repo.deleteRow('codings', whole.id);
          removed++;
        } else if (whole.status === 'accepted') {
          // A suggestion the lead had accepted: rejected, so recomputing does not bring it back.
          repo.putRow('codings', { ...whole, status: 'rejected', updated_at: now });
          removed++;
        }
      } else if (wantWhole) {
        rec.inserted(
          'codings',
          repo.insertCoding({
            doc_id: d.clause.doc_id,
            clause_id: d.clauseId,
            theme_id: d.themeId,
            start: null,
            end: null,
            quote: null,
            source: 'manual',
            status: 'accepted',
            score: 1,
          }),
        );
        written++;
      }
      for (const r of existing.filter((c) => c.start !== null)) {
        const key = `${r.start}:${r.end}`;
        if (wantRanges.has(key) && r.status !== 'rejected') {
          wantRanges.delete(key);
          continue;
        }
        rec.touch('codings', r.id);
        repo.deleteRow('codings', r.id);
        removed++;
      }
      for (const r of wantRanges.values()) {
        rec.inserted(
          'codings',
          repo.insertCoding({
            doc_id: d.clause.doc_id,
            clause_id: d.clauseId,
            theme_id: d.themeId,
            start: r.start,
            end: r.end,
            quote: r.quote,
            source: 'manual',
            status: 'accepted',
            score: 1,
          }),
        );
        written++;
      }
    }
  });
  return { cases: checked.length, written, removed };
}
