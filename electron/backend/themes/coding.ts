// Coding clauses and ranges, deciding on suggestions, and the per-clause view the Reader, the
// compare view and the CLI read. Every change is recorded for undo.
import { ApiError } from '../../../shared/api/errors';
import type { Output, ParsedInput } from '../../../shared/api/contract';
import type { Db } from '../db/connection';
import type { DocumentsRepo } from '../db/documents';
import type { CodingRow, ThemesRepo } from '../db/themes';
import { requireTheme } from './codebook';
import { recorded } from './undo';

/** A clause's codings grouped by coder, in coder order. */
function perCoder(rows: CodingRow[]): NonNullable<Output<'themes.clauses'>[number]['coders']> {
  const out = new Map<number, NonNullable<Output<'themes.clauses'>[number]['coders']>[number]>();
  for (const x of rows) {
    const entry = out.get(x.coder_id!) ?? { coderId: x.coder_id!, themes: [], ranges: [] };
    if (x.start === null) entry.themes.push({ id: x.theme_id, codingId: x.id });
    else entry.ranges.push({ codingId: x.id, themeId: x.theme_id, start: x.start, end: x.end!, text: x.quote ?? '' });
    out.set(x.coder_id!, entry);
  }
  return [...out.values()].sort((a, b) => a.coderId - b.coderId);
}

function clauseRow(documents: DocumentsRepo, id: number) {
  const c = documents.clause(id);
  if (!c) throw new ApiError('not_found', 'That clause no longer exists (its document may have been re-imported or deleted).');
  return c;
}

/** The coder a call names, checked; null (or absent) is the consensus. */
export function requireCoder(repo: ThemesRepo, coderId: number | null | undefined): number | null {
  if (coderId == null) return null;
  if (!repo.coder(coderId)) throw new ApiError('not_found', `There is no coder ${coderId}.`);
  return coderId;
}

export function codingHandlers(db: Db, repo: ThemesRepo, documents: DocumentsRepo, changed: () => void) {
  return {
    'themes.clauses': ({ docId, coderId, withCoders }: ParsedInput<'themes.clauses'>): Output<'themes.clauses'> => {
      if (!documents.get(docId)) throw new ApiError('not_found', `There is no document ${docId}.`);
      const coder = requireCoder(repo, coderId);
      // A coder works blind: their own codings only, no one else's and no suggestions to lean on.
      const codings = coder === null ? repo.codingsOfDoc(docId) : repo.codingsOfDocBy(docId, coder);
      const byCoder = withCoders ? repo.codersCodingsOfDoc(docId) : [];
      const instruments = new Map(repo.instrumentsOfDoc(docId).map((r) => [r.clause_id, r]));
      return documents.clauses(docId).map((c) => {
        const mine = codings.filter((x) => x.clause_id === c.id);
        const ins = instruments.get(c.id);
        return {
          clauseId: c.id,
          instrument: ins?.chosen ?? ins?.suggested ?? null,
          subInstrument: ins?.chosen ? ins.chosen_sub : (ins?.suggested_sub ?? null),
          instrumentScore: ins?.chosen ? 1 : (ins?.score ?? 0),
          instrumentSource: ins?.chosen ? 'manual' : 'auto',
          themes: mine
            .filter((x) => x.start === null)
            .sort((a, b) => b.score - a.score)
            .map((x) => ({ id: x.theme_id, score: x.score, status: x.status, source: x.source, codingId: x.id })),
          ranges: mine
            .filter((x) => x.start !== null && x.status !== 'rejected')
            .map((x) => ({ codingId: x.id, themeId: x.theme_id, start: x.start!, end: x.end!, text: x.quote ?? '' })),
          ...(withCoders ? { coders: perCoder(byCoder.filter((x) => x.clause_id === c.id)) } : {}),
        };
      });
    },

    'themes.code': (input: ParsedInput<'themes.code'>) => {
      const theme = requireTheme(repo, input.themeId);
      const coder = requireCoder(repo, input.coderId);
      const c = clauseRow(documents, input.clauseId);
      const isRange = input.start !== undefined || input.end !== undefined;
      if (isRange) {
        if (input.start === undefined || input.end === undefined || input.end <= input.start)
          throw new ApiError('invalid_input', 'A coded range needs a start before its end.');
        if (input.start < c.start || input.end > c.end)
          throw new ApiError('invalid_input', `The range ${input.start}–${input.end} lies outside clause ${c.path || c.id} (${c.start}–${c.end}).`);
      }
      const codingId = recorded(db, repo, `Code ${theme.name_zh}`, (rec) => {
        if (!isRange) {
          const existing = repo.wholeCoding(c.id, theme.id, coder);
          if (existing) {
            rec.touch('codings', existing.id);
            repo.putRow('codings', { ...existing, status: 'accepted', updated_at: new Date().toISOString() });
            return existing.id;
          }
        }
        const text = isRange ? (documents.get(c.doc_id)?.cleaned_text ?? '').slice(input.start!, input.end!) : null;
        const id = repo.insertCoding({
          doc_id: c.doc_id,
          clause_id: c.id,
          theme_id: theme.id,
          start: input.start ?? null,
          end: input.end ?? null,
          quote: text,
          source: 'manual',
          status: 'accepted',
          score: 1,
          coder_id: coder,
        });
        rec.inserted('codings', id);
        return id;
      });
      changed();
      return { codingId };
    },

    'themes.uncode': ({ codingId }: ParsedInput<'themes.uncode'>) => {
      const c = repo.coding(codingId);
      if (!c) throw new ApiError('not_found', 'That coding no longer exists.');
      recorded(db, repo, 'Remove coding', (rec) => {
        rec.touch('codings', c.id);
        if (c.source === 'manual') repo.deleteRow('codings', c.id);
        else repo.putRow('codings', { ...c, status: 'rejected', updated_at: new Date().toISOString() });
      });
      changed();
      return { ok: true as const };
    },

    'themes.decide': ({ codingIds, status }: ParsedInput<'themes.decide'>) => {
      const rows = codingIds.map((id) => repo.coding(id));
      const missing = codingIds.filter((_, i) => !rows[i]);
      if (missing.length) throw new ApiError('not_found', `No coding with id ${missing.slice(0, 5).join(', ')}: nothing was changed.`);
      const label = status === 'accepted' ? 'Accept suggestion' : status === 'rejected' ? 'Reject suggestion' : 'Reset suggestion';
      const changedCount = recorded(db, repo, codingIds.length > 1 ? `${label}s (${codingIds.length})` : label, (rec) => {
        let n = 0;
        for (const r of rows) {
          if (!r || r.status === status) continue;
          rec.touch('codings', r.id);
          repo.putRow('codings', { ...r, status, updated_at: new Date().toISOString() });
          n++;
        }
        return n;
      });
      changed();
      return { changed: changedCount };
    },

    'themes.acceptAbove': (input: ParsedInput<'themes.acceptAbove'>) => {
      const rows = repo.openSuggestionsAbove(input.minScore, input.docId ?? null, input.themeId ?? null);
      recorded(db, repo, `Accept ${rows.length} suggestions ≥ ${input.minScore}`, (rec) => {
        const now = new Date().toISOString();
        for (const r of rows) {
          rec.touch('codings', r.id);
          repo.putRow('codings', { ...r, status: 'accepted', updated_at: now });
        }
      });
      changed();
      return { accepted: rows.length };
    },

    'themes.setInstrument': (input: ParsedInput<'themes.setInstrument'>) => {
      const c = clauseRow(documents, input.clauseId);
      recorded(db, repo, 'Set instrument class', (rec) => {
        rec.touch('clause_instruments', c.id);
        const prev = repo.instrument(c.id);
        repo.putRow('clause_instruments', {
          clause_id: c.id,
          doc_id: c.doc_id,
          suggested: prev?.suggested ?? null,
          suggested_sub: prev?.suggested_sub ?? null,
          score: prev?.score ?? 0,
          chosen: input.instrument,
          chosen_sub: input.instrument ? (input.subInstrument ?? null) : null,
        });
      });
      changed();
      return { ok: true as const };
    },
  };
}
