// Pictures across documents: the theme × city heatmap and the instrument × theme matrix.
import type { Output, ParsedInput } from '../../../shared/api/contract';
import type { ClauseRef } from '../../../shared/api/methods/themes';
import type { DocumentsRepo } from '../db/documents';
import type { ThemesRepo } from '../db/themes';
import { requireCoder } from './coding';
import type { InstrumentClass } from '../../../shared/domain/vocabulary';

const NO_CITY = '—';

interface ClauseInfo {
  ref: ClauseRef;
  docId: number;
}

function clauseInfos(documents: DocumentsRepo): Map<number, ClauseInfo> {
  const docs = new Map(documents.list().map((d) => [d.id, d]));
  const rows = documents.codableClauses();
  const out = new Map<number, ClauseInfo>();
  for (const r of rows) {
    const d = docs.get(r.doc_id);
    const partTitle = d && d.parts.length > 1 && r.part_index != null ? (d.parts.find((p) => p.index === r.part_index)?.title ?? null) : null;
    out.set(r.id, {
      docId: r.doc_id,
      ref: { docId: r.doc_id, clauseId: r.id, path: r.path, partTitle, city: d?.city ?? null, title: d?.title ?? null, snippet: r.text.slice(0, 80) },
    });
  }
  return out;
}

/** Clause → themes, by mode: 'coded' counts accepted codings, 'suggested' open and accepted suggestions too. */
function themesByClause(repo: ThemesRepo, mode: 'coded' | 'suggested', coderId: number | null = null): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const c of repo.liveCodings(coderId)) {
    if (mode === 'coded' && c.status !== 'accepted') continue;
    const s = out.get(c.clause_id) ?? new Set<string>();
    s.add(c.theme_id);
    out.set(c.clause_id, s);
  }
  return out;
}

export function viewHandlers(repo: ThemesRepo, documents: DocumentsRepo) {
  return {
    /** allowed: the documents an attribute filter selected (resolved by the caller), or null for all. */
    'themes.heatmap': ({ mode, by, coderId }: ParsedInput<'themes.heatmap'>, allowed: Set<number> | null = null): Output<'themes.heatmap'> => {
      const infos = clauseInfos(documents);
      const themes = repo.themes().map((t) => t.id);
      const docs = documents.list().filter((d) => !allowed || allowed.has(d.id));
      const cities = [...new Set(docs.map((d) => d.city ?? NO_CITY))].sort((a, b) => a.localeCompare(b, 'zh'));
      const keyOf = (docId: number, city: string | null) => (by === 'document' ? `doc:${docId}` : (city ?? NO_CITY));
      // Codable clauses per column: the denominator of a share.
      const size = new Map<string, number>();
      for (const info of infos.values()) {
        if (allowed && !allowed.has(info.docId)) continue;
        size.set(keyOf(info.docId, info.ref.city), (size.get(keyOf(info.docId, info.ref.city)) ?? 0) + 1);
      }
      const columns: Output<'themes.heatmap'>['columns'] =
        by === 'document'
          ? [...docs]
              .sort((a, b) => (a.city ?? NO_CITY).localeCompare(b.city ?? NO_CITY, 'zh') || (a.year ?? 0) - (b.year ?? 0) || a.id - b.id)
              .map((d) => ({
                key: keyOf(d.id, d.city),
                city: d.city ?? NO_CITY,
                docId: d.id,
                title: d.title,
                year: d.year,
                clauses: size.get(keyOf(d.id, d.city)) ?? 0,
              }))
          : cities.map((c) => ({ key: c, city: c, docId: null, title: null, year: null, clauses: size.get(c) ?? 0 }));
      const cells = new Map<string, { city: string; clauses: ClauseRef[] }>();
      for (const [clauseId, ts] of themesByClause(repo, mode, requireCoder(repo, coderId))) {
        const info = infos.get(clauseId);
        if (!info || (allowed && !allowed.has(info.docId))) continue;
        for (const t of ts) {
          const k = `${t}\u0000${keyOf(info.docId, info.ref.city)}`;
          const cell = cells.get(k) ?? { city: info.ref.city ?? NO_CITY, clauses: [] };
          cell.clauses.push(info.ref);
          cells.set(k, cell);
        }
      }
      return {
        themes,
        cities,
        columns,
        cells: [...cells]
          .map(([k, cell]) => {
            const [themeId, column] = k.split('\u0000');
            return { themeId, city: cell.city, column, count: cell.clauses.length, clauses: cell.clauses };
          })
          .filter((c) => themes.includes(c.themeId)),
      };
    },

    'themes.matrix': ({ mode }: ParsedInput<'themes.matrix'>): Output<'themes.matrix'> => {
      const infos = clauseInfos(documents);
      const instruments = new Map(repo.allInstruments().map((r) => [r.clause_id, r.chosen ?? r.suggested]));
      const known = new Set(repo.themes().map((t) => t.id));
      const cells = new Map<string, ClauseRef[]>();
      for (const [clauseId, ts] of themesByClause(repo, mode)) {
        const ins = instruments.get(clauseId);
        const info = infos.get(clauseId);
        if (!ins || !info) continue;
        for (const t of ts) {
          if (!known.has(t)) continue;
          const k = `${ins}\u0000${t}`;
          cells.set(k, [...(cells.get(k) ?? []), info.ref]);
        }
      }
      return {
        cells: [...cells].map(([k, clauses]) => {
          const [instrument, themeId] = k.split('\u0000') as [InstrumentClass, string];
          return { instrument, themeId, count: clauses.length, clauses };
        }),
      };
    },
  };
}
