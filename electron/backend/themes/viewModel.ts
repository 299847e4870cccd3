// The pictures across documents — the theme × city heatmap and the instrument × theme matrix — as
// pure functions of rows: the desktop's handlers (themes/views.ts, SQLite) and the team server's
// (team/themes.ts, the asynchronous Store) read their rows and build the same answer here.
import type { Output } from '../../../shared/api/contract';
import type { ClauseRef } from '../../../shared/api/methods/themes';
import type { InstrumentClass } from '../../../shared/domain/vocabulary';

const NO_CITY = '—';

export interface ViewDocument {
  id: number;
  city: string | null;
  title: string | null;
  year: number | null;
  /** The document's parts; a clause names its part only when there are several. */
  parts: Array<{ index: number; title: string }>;
}

export interface ViewClause {
  id: number;
  doc_id: number;
  path: string;
  part_index: number | null;
  text: string;
}

export interface ClauseInfo {
  ref: ClauseRef;
  docId: number;
}

/** Every codable clause as a heatmap or matrix cell lists it. */
export function clauseInfos(docs: ViewDocument[], clauses: ViewClause[]): Map<number, ClauseInfo> {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const out = new Map<number, ClauseInfo>();
  for (const r of clauses) {
    const d = byId.get(r.doc_id);
    const partTitle = d && d.parts.length > 1 && r.part_index != null ? (d.parts.find((p) => p.index === r.part_index)?.title ?? null) : null;
    out.set(r.id, {
      docId: r.doc_id,
      ref: { docId: r.doc_id, clauseId: r.id, path: r.path, partTitle, city: d?.city ?? null, title: d?.title ?? null, snippet: r.text.slice(0, 80) },
    });
  }
  return out;
}

/** Clause → themes, by mode: 'coded' counts accepted codings, 'suggested' open and accepted suggestions too. */
export function themesByClause(live: Array<{ clause_id: number; theme_id: string; status: string }>, mode: 'coded' | 'suggested'): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const c of live) {
    if (mode === 'coded' && c.status !== 'accepted') continue;
    const s = out.get(c.clause_id) ?? new Set<string>();
    s.add(c.theme_id);
    out.set(c.clause_id, s);
  }
  return out;
}

/** allowed: the documents an attribute filter selected, or null for all. */
export function buildHeatmap(input: {
  infos: Map<number, ClauseInfo>;
  themes: string[];
  docs: ViewDocument[];
  byClause: Map<number, Set<string>>;
  by: 'city' | 'document';
  allowed: Set<number> | null;
}): Output<'themes.heatmap'> {
  const { infos, themes, by, allowed } = input;
  const docs = input.docs.filter((d) => !allowed || allowed.has(d.id));
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
  for (const [clauseId, ts] of input.byClause) {
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
}

/** instruments: each clause's chosen (else suggested) instrument class. */
export function buildMatrix(input: {
  infos: Map<number, ClauseInfo>;
  themes: string[];
  instruments: Map<number, InstrumentClass | null>;
  byClause: Map<number, Set<string>>;
}): Output<'themes.matrix'> {
  const known = new Set(input.themes);
  const cells = new Map<string, ClauseRef[]>();
  for (const [clauseId, ts] of input.byClause) {
    const ins = input.instruments.get(clauseId);
    const info = input.infos.get(clauseId);
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
}
