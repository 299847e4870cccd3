import type { Db } from './connection';
import type { CodingStatus, InstrumentClass, Source } from '../../../shared/domain/vocabulary';

/** Every SQL statement about themes, codings, instrument classes and the coding undo log. */

export interface ThemeRow {
  id: string;
  parent_id: string | null;
  ord: number;
  name_zh: string;
  name_en: string;
  color: string;
  description: string;
  instrument: InstrumentClass;
  keywords: string;
}
export interface CodingRow {
  id: number;
  doc_id: number;
  clause_id: number;
  theme_id: string;
  start: number | null;
  end: number | null;
  quote: string | null;
  source: Source;
  status: CodingStatus;
  score: number;
  created_at: string;
  updated_at: string;
  /** The coder who made it; null for the project's own (consensus) codings and every suggestion. */
  coder_id: number | null;
}
export interface CoderRow {
  id: number;
  name: string;
  created_at: string;
}
export interface InstrumentRow {
  clause_id: number;
  doc_id: number;
  suggested: ThemeRow['instrument'] | null;
  suggested_sub: string | null;
  score: number;
  chosen: ThemeRow['instrument'] | null;
  chosen_sub: string | null;
}
export interface UndoEntry {
  id: number;
  label: string;
  changes: string;
  undone: number;
  created_at: string;
}

/** Tables whose rows the undo log snapshots, with their key column and columns. */
export const TRACKED = {
  themes: { key: 'id', columns: ['id', 'parent_id', 'ord', 'name_zh', 'name_en', 'color', 'description', 'instrument', 'keywords'] },
  codings: {
    key: 'id',
    columns: ['id', 'doc_id', 'clause_id', 'theme_id', 'start', 'end', 'quote', 'source', 'status', 'score', 'created_at', 'updated_at', 'coder_id'],
  },
  clause_instruments: { key: 'clause_id', columns: ['clause_id', 'doc_id', 'suggested', 'suggested_sub', 'score', 'chosen', 'chosen_sub'] },
} as const;
export type TrackedTable = keyof typeof TRACKED;
export type RowKey = string | number;

export function createThemesRepo(db: Db) {
  const rowStmts = Object.fromEntries(
    (Object.keys(TRACKED) as TrackedTable[]).map((t) => {
      const { key, columns } = TRACKED[t];
      const cols = columns.map((c) => `"${c}"`).join(', ');
      const params = columns.map((c) => `@${c}`).join(', ');
      const updates = columns
        .filter((c) => c !== key)
        .map((c) => `"${c}" = excluded."${c}"`)
        .join(', ');
      return [
        t,
        {
          get: db.prepare(`SELECT * FROM ${t} WHERE "${key}" = ?`),
          // An upsert, never INSERT OR REPLACE: a replace deletes first and would cascade to codings.
          put: db.prepare(`INSERT INTO ${t} (${cols}) VALUES (${params}) ON CONFLICT("${key}") DO UPDATE SET ${updates}`),
          del: db.prepare(`DELETE FROM ${t} WHERE "${key}" = ?`),
        },
      ];
    }),
  ) as Record<TrackedTable, { get: ReturnType<Db['prepare']>; put: ReturnType<Db['prepare']>; del: ReturnType<Db['prepare']> }>;

  const s = {
    themes: db.prepare('SELECT * FROM themes ORDER BY ord, rowid'),
    themeCounts: db.prepare(`SELECT theme_id,
        sum(CASE WHEN status = 'accepted' THEN 1 ELSE 0 END) AS coded,
        sum(CASE WHEN status = 'suggested' THEN 1 ELSE 0 END) AS suggested
      FROM codings WHERE coder_id IS NULL GROUP BY theme_id`),
    maxOrd: db.prepare('SELECT coalesce(max(ord), -1) AS m FROM themes WHERE parent_id IS ?'),
    children: db.prepare('SELECT * FROM themes WHERE parent_id IS ? ORDER BY ord, rowid'),
    codingsOfDoc: db.prepare('SELECT * FROM codings WHERE doc_id = ? AND coder_id IS NULL ORDER BY clause_id, start, id'),
    codingsOfDocAll: db.prepare('SELECT * FROM codings WHERE doc_id = ? ORDER BY clause_id, start, id'),
    codingsOfDocBy: db.prepare('SELECT * FROM codings WHERE doc_id = ? AND coder_id = ? ORDER BY clause_id, start, id'),
    codersCodingsOfDoc: db.prepare(
      "SELECT * FROM codings WHERE doc_id = ? AND coder_id IS NOT NULL AND status <> 'rejected' ORDER BY clause_id, coder_id, start, id",
    ),
    coderCodings: db.prepare("SELECT * FROM codings WHERE coder_id = ? AND status <> 'rejected' ORDER BY doc_id, clause_id, start, id"),
    consensusOf: db.prepare('SELECT * FROM codings WHERE clause_id = ? AND theme_id = ? AND coder_id IS NULL ORDER BY start, id'),
    coders: db.prepare(`SELECT c.*, (SELECT count(*) FROM codings k WHERE k.coder_id = c.id AND k.status <> 'rejected') AS codings
      FROM coders c ORDER BY c.id`),
    coderByName: db.prepare('SELECT * FROM coders WHERE name = ?'),
    coder: db.prepare('SELECT * FROM coders WHERE id = ?'),
    insertCoder: db.prepare('INSERT INTO coders (name, created_at) VALUES (?, ?)'),
    renameCoder: db.prepare('UPDATE coders SET name = ? WHERE id = ?'),
    codingsOfTheme: db.prepare('SELECT * FROM codings WHERE theme_id = ?'),
    allCodings: db.prepare("SELECT * FROM codings WHERE status <> 'rejected' AND coder_id IS ?"),
    acceptedWhole: db.prepare("SELECT clause_id, theme_id FROM codings WHERE status = 'accepted' AND coder_id IS NULL ORDER BY id"),
    anyAccepted: db.prepare("SELECT 1 FROM codings WHERE status = 'accepted' AND coder_id IS NULL LIMIT 1").pluck(),
    whole: db.prepare('SELECT * FROM codings WHERE clause_id = ? AND theme_id = ? AND start IS NULL AND coder_id IS ?'),
    insertCoding: db.prepare(`INSERT INTO codings (doc_id, clause_id, theme_id, start, end, quote, source, status, score, created_at, updated_at, coder_id)
      VALUES (@doc_id, @clause_id, @theme_id, @start, @end, @quote, @source, @status, @score, @now, @now, @coder_id)`),
    openAbove: db.prepare(`SELECT * FROM codings WHERE status = 'suggested' AND score >= @min
      AND (@doc IS NULL OR doc_id = @doc) AND (@theme IS NULL OR theme_id = @theme)`),
    instrumentsOfDoc: db.prepare('SELECT * FROM clause_instruments WHERE doc_id = ?'),
    allInstruments: db.prepare('SELECT * FROM clause_instruments'),
    state: db.prepare('SELECT value FROM theme_state WHERE key = ?'),
    setState: db.prepare('INSERT INTO theme_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    pushUndo: db.prepare('INSERT INTO theme_undo_log (label, changes, created_at) VALUES (?, ?, ?)'),
    dropRedo: db.prepare('DELETE FROM theme_undo_log WHERE undone = 1'),
    lastDone: db.prepare('SELECT * FROM theme_undo_log WHERE undone = 0 ORDER BY id DESC LIMIT 1'),
    firstUndone: db.prepare('SELECT * FROM theme_undo_log WHERE undone = 1 ORDER BY id ASC LIMIT 1'),
    markUndone: db.prepare('UPDATE theme_undo_log SET undone = ? WHERE id = ?'),
    trimUndo: db.prepare('DELETE FROM theme_undo_log WHERE id <= (SELECT id FROM theme_undo_log ORDER BY id DESC LIMIT 1 OFFSET 500)'),
  };

  return {
    getRow: (t: TrackedTable, key: RowKey) => (rowStmts[t].get.get(key) as Record<string, unknown> | undefined) ?? null,
    // Undo entries written before codings had a coder lack the column: they were consensus codings.
    putRow: (t: TrackedTable, row: Record<string, unknown>) => rowStmts[t].put.run(t === 'codings' ? { coder_id: null, ...row } : row),
    deleteRow: (t: TrackedTable, key: RowKey) => rowStmts[t].del.run(key),

    themes: () => s.themes.all() as ThemeRow[],
    theme: (id: string) => (rowStmts.themes.get.get(id) as ThemeRow | undefined) ?? null,
    themeCounts: () => s.themeCounts.all() as Array<{ theme_id: string; coded: number; suggested: number }>,
    nextOrd: (parentId: string | null) => (s.maxOrd.get(parentId) as { m: number }).m + 1,
    children: (parentId: string | null) => s.children.all(parentId) as ThemeRow[],

    coding: (id: number) => (rowStmts.codings.get.get(id) as CodingRow | undefined) ?? null,
    /** The consensus codings and suggestions of a document (what every view reads by default). */
    codingsOfDoc: (docId: number) => s.codingsOfDoc.all(docId) as CodingRow[],
    /** Every coding of a document, consensus and coders' alike (re-anchoring after a re-import). */
    codingsOfDocAll: (docId: number) => s.codingsOfDocAll.all(docId) as CodingRow[],
    /** One coder's codings of a document (their blind view). */
    codingsOfDocBy: (docId: number, coderId: number) => s.codingsOfDocBy.all(docId, coderId) as CodingRow[],
    /** Every coder's live codings of a document (the lead's side-by-side view). */
    codersCodingsOfDoc: (docId: number) => s.codersCodingsOfDoc.all(docId) as CodingRow[],
    /** One coder's live codings everywhere (agreement). */
    coderCodings: (coderId: number) => s.coderCodings.all(coderId) as CodingRow[],
    /** The consensus codings (and suggestions) of a theme on a clause, whole and ranges. */
    consensusOf: (clauseId: number, themeId: string) => s.consensusOf.all(clauseId, themeId) as CodingRow[],
    codingsOfTheme: (themeId: string) => s.codingsOfTheme.all(themeId) as CodingRow[],
    /** Live codings of the consensus (coderId null, the default) or of one coder. */
    liveCodings: (coderId: number | null = null) => s.allCodings.all(coderId) as CodingRow[],
    acceptedPairs: () => s.acceptedWhole.all() as Array<{ clause_id: number; theme_id: string }>,
    hasAcceptedCodings: () => s.anyAccepted.get() !== undefined,
    wholeCoding: (clauseId: number, themeId: string, coderId: number | null = null) =>
      (s.whole.get(clauseId, themeId, coderId) as CodingRow | undefined) ?? null,
    insertCoding: (c: Omit<CodingRow, 'id' | 'created_at' | 'updated_at' | 'coder_id'> & { coder_id?: number | null }) =>
      Number(s.insertCoding.run({ coder_id: null, ...c, now: new Date().toISOString() }).lastInsertRowid),

    coders: () => s.coders.all() as Array<CoderRow & { codings: number }>,
    coder: (id: number) => (s.coder.get(id) as CoderRow | undefined) ?? null,
    coderByName: (name: string) => (s.coderByName.get(name) as CoderRow | undefined) ?? null,
    addCoder: (name: string) => Number(s.insertCoder.run(name, new Date().toISOString()).lastInsertRowid),
    renameCoder: (id: number, name: string) => s.renameCoder.run(name, id).changes > 0,
    openSuggestionsAbove: (min: number, docId: number | null, themeId: string | null) => s.openAbove.all({ min, doc: docId, theme: themeId }) as CodingRow[],

    instrument: (clauseId: number) => (rowStmts.clause_instruments.get.get(clauseId) as InstrumentRow | undefined) ?? null,
    instrumentsOfDoc: (docId: number) => s.instrumentsOfDoc.all(docId) as InstrumentRow[],
    allInstruments: () => s.allInstruments.all() as InstrumentRow[],

    state: (key: string) => (s.state.get(key) as { value: string } | undefined)?.value ?? null,
    setState: (key: string, value: string) => s.setState.run(key, value),

    pushUndo(label: string, changes: unknown[]) {
      s.dropRedo.run();
      s.pushUndo.run(label, JSON.stringify(changes), new Date().toISOString());
      s.trimUndo.run();
    },
    lastDone: () => (s.lastDone.get() as UndoEntry | undefined) ?? null,
    firstUndone: () => (s.firstUndone.get() as UndoEntry | undefined) ?? null,
    markUndone: (id: number, undone: boolean) => s.markUndone.run(undone ? 1 : 0, id),
  };
}
export type ThemesRepo = ReturnType<typeof createThemesRepo>;
