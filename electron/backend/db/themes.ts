import { type Db, keptUntilChange } from './connection';
import type { CodingStatus, InstrumentClass, Source } from '../../../shared/domain/vocabulary';
import { FALLBACK_SCORE, FALLBACK_THEME } from '../../../shared/domain/themes/suggest';

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
  /** 1: no theme fits the clause, so the catch-all theme is its suggestion (shown, not stored; see below). */
  fallback: number;
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
  clause_instruments: { key: 'clause_id', columns: ['clause_id', 'doc_id', 'suggested', 'suggested_sub', 'score', 'chosen', 'chosen_sub', 'fallback'] },
} as const;
export type TrackedTable = keyof typeof TRACKED;
export type RowKey = string | number;

/**
 * Fallback suggestions (migration 011): most clauses of a corpus match no theme and get the
 * catch-all theme FALLBACK_THEME as their suggestion. Instead of a codings row each, the clause's
 * instrument row has `fallback` = 1, and every read of codings here shows the suggestion as a row
 * while the codebook has that theme and the clause has no stored consensus whole-clause coding of
 * it. Its id is FALLBACK_ID_BASE + clause id, above any stored id (SQLite gives a new row the
 * largest id + 1, and no stored row ever gets such an id): an alias of "the consensus coding of
 * the catch-all theme on this clause", stored or not. Writing it (accept, reject, code) stores
 * the row under a new id, which the alias then finds, so an operation recorded for undo under
 * the alias sees the row before and after; writing it back as the plain suggestion (undo)
 * deletes the stored row again.
 */
export const FALLBACK_ID_BASE = 2 ** 40;
export const isFallbackId = (id: RowKey): id is number => typeof id === 'number' && id >= FALLBACK_ID_BASE;

const FALLBACK_COLUMNS = `${FALLBACK_ID_BASE} + ci.clause_id AS id, ci.doc_id, ci.clause_id, '${FALLBACK_THEME}' AS theme_id, NULL AS start,
  NULL AS "end", NULL AS quote, 'auto' AS source, 'suggested' AS status, ${FALLBACK_SCORE} AS score, d.updated_at AS created_at,
  d.updated_at AS updated_at, NULL AS coder_id`;
const FALLBACK_FROM = `FROM clause_instruments ci JOIN documents d ON d.id = ci.doc_id
  WHERE ci.fallback = 1 AND EXISTS (SELECT 1 FROM themes WHERE id = '${FALLBACK_THEME}')
  AND NOT EXISTS (SELECT 1 FROM codings k WHERE k.clause_id = ci.clause_id AND k.theme_id = '${FALLBACK_THEME}' AND k.start IS NULL AND k.coder_id IS NULL)`;
const FALLBACK_ROWS = `SELECT ${FALLBACK_COLUMNS} ${FALLBACK_FROM}`;

/** True when a coding row is exactly a fallback suggestion (what undo writes back to restore one). */
export function isFallbackSuggestion(row: Record<string, unknown>): boolean {
  return (
    row.theme_id === FALLBACK_THEME &&
    row.source === 'auto' &&
    row.status === 'suggested' &&
    row.score === FALLBACK_SCORE &&
    row.start == null &&
    row.coder_id == null
  );
}

type ThemeCount = { theme_id: string; coded: number; suggested: number };

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
      FROM (SELECT theme_id, status FROM codings WHERE coder_id IS NULL
        UNION ALL SELECT '${FALLBACK_THEME}', 'suggested' ${FALLBACK_FROM}) GROUP BY theme_id`),
    maxOrd: db.prepare('SELECT coalesce(max(ord), -1) AS m FROM themes WHERE parent_id IS ?'),
    children: db.prepare('SELECT * FROM themes WHERE parent_id IS ? ORDER BY ord, rowid'),
    codingsOfDoc: db.prepare(`SELECT * FROM codings WHERE doc_id = @doc AND coder_id IS NULL
      UNION ALL ${FALLBACK_ROWS} AND ci.doc_id = @doc ORDER BY clause_id, start, id`),
    storedCodingsOfDoc: db.prepare('SELECT * FROM codings WHERE doc_id = ? AND coder_id IS NULL ORDER BY clause_id, start, id'),
    codingsOfDocAll: db.prepare('SELECT * FROM codings WHERE doc_id = ? ORDER BY clause_id, start, id'),
    codingsOfDocBy: db.prepare('SELECT * FROM codings WHERE doc_id = ? AND coder_id = ? ORDER BY clause_id, start, id'),
    codersCodingsOfDoc: db.prepare(
      "SELECT * FROM codings WHERE doc_id = ? AND coder_id IS NOT NULL AND status <> 'rejected' ORDER BY clause_id, coder_id, start, id",
    ),
    coderCodings: db.prepare("SELECT * FROM codings WHERE coder_id = ? AND status <> 'rejected' ORDER BY doc_id, clause_id, start, id"),
    consensusOf: db.prepare(`SELECT * FROM codings WHERE clause_id = @clause AND theme_id = @theme AND coder_id IS NULL
      UNION ALL ${FALLBACK_ROWS} AND ci.clause_id = @clause AND @theme = '${FALLBACK_THEME}' ORDER BY start, id`),
    coders: db.prepare(`SELECT c.*, (SELECT count(*) FROM codings k WHERE k.coder_id = c.id AND k.status <> 'rejected') AS codings
      FROM coders c ORDER BY c.id`),
    coderByName: db.prepare('SELECT * FROM coders WHERE name = ?'),
    coder: db.prepare('SELECT * FROM coders WHERE id = ?'),
    insertCoder: db.prepare('INSERT INTO coders (name, created_at) VALUES (?, ?)'),
    renameCoder: db.prepare('UPDATE coders SET name = ? WHERE id = ?'),
    codingsOfTheme: db.prepare(`SELECT * FROM codings WHERE theme_id = @theme UNION ALL ${FALLBACK_ROWS} AND @theme = '${FALLBACK_THEME}'`),
    allCodings: db.prepare(`SELECT * FROM codings WHERE status <> 'rejected' AND coder_id IS @coder UNION ALL ${FALLBACK_ROWS} AND @coder IS NULL`),
    fallbackOf: db.prepare(`${FALLBACK_ROWS} AND ci.clause_id = ?`),
    storedFallbackTheme: db.prepare(
      `SELECT * FROM codings WHERE clause_id = ? AND theme_id = '${FALLBACK_THEME}' AND start IS NULL AND coder_id IS NULL ORDER BY id LIMIT 1`,
    ),
    fallbackFlag: db.prepare('SELECT fallback FROM clause_instruments WHERE clause_id = ?').pluck(),
    acceptedWhole: db.prepare("SELECT clause_id, theme_id FROM codings WHERE status = 'accepted' AND coder_id IS NULL ORDER BY id"),
    anyAccepted: db.prepare("SELECT 1 FROM codings WHERE status = 'accepted' AND coder_id IS NULL LIMIT 1").pluck(),
    whole: db.prepare('SELECT * FROM codings WHERE clause_id = ? AND theme_id = ? AND start IS NULL AND coder_id IS ?'),
    insertCoding: db.prepare(`INSERT INTO codings (doc_id, clause_id, theme_id, start, end, quote, source, status, score, created_at, updated_at, coder_id)
      VALUES (@doc_id, @clause_id, @theme_id, @start, @end, @quote, @source, @status, @score, @now, @now, @coder_id)`),
    openAbove: db.prepare(`SELECT * FROM codings WHERE status = 'suggested' AND score >= @min
      AND (@doc IS NULL OR doc_id = @doc) AND (@theme IS NULL OR theme_id = @theme)
      UNION ALL ${FALLBACK_ROWS} AND ${FALLBACK_SCORE} >= @min AND (@doc IS NULL OR ci.doc_id = @doc) AND (@theme IS NULL OR @theme = '${FALLBACK_THEME}')`),
    instrumentsOfDoc: db.prepare('SELECT * FROM clause_instruments WHERE doc_id = ?'),
    insertInstrument: db.prepare(
      'INSERT INTO clause_instruments (clause_id, doc_id, suggested, suggested_sub, score, chosen, chosen_sub, fallback) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
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

  /** A coding by id; a fallback id finds the clause's consensus coding of the catch-all theme, stored or shown. */
  function codingById(id: RowKey): Record<string, unknown> | null {
    if (!isFallbackId(id)) return (rowStmts.codings.get.get(id) as Record<string, unknown> | undefined) ?? null;
    const clauseId = id - FALLBACK_ID_BASE;
    return ((s.storedFallbackTheme.get(clauseId) ?? s.fallbackOf.get(clauseId)) as Record<string, unknown> | undefined) ?? null;
  }

  /** Writes a coding row given under a fallback id: stores it under a new id, or (the plain suggestion again) removes the stored one. */
  function putFallback(row: Record<string, unknown> & { id: number }): void {
    const clauseId = row.id - FALLBACK_ID_BASE;
    const stored = s.storedFallbackTheme.get(clauseId) as { id: number } | undefined;
    if (isFallbackSuggestion(row) && row.clause_id === clauseId && s.fallbackFlag.get(clauseId) === 1) {
      if (stored) rowStmts.codings.del.run(stored.id);
      return;
    }
    if (stored && row.theme_id === FALLBACK_THEME) rowStmts.codings.put.run({ ...row, id: stored.id });
    else {
      const { doc_id, clause_id, theme_id, start, end, quote, source, status, score } = row;
      s.insertCoding.run({
        doc_id,
        clause_id,
        theme_id,
        start,
        end,
        quote,
        source,
        status,
        score,
        coder_id: null,
        now: row.updated_at ?? new Date().toISOString(),
      });
    }
  }

  // The codebook's counts read every coding of the corpus (about 100 ms with 5,000 documents), and
  // Search, the codebook editor, charts and quick open each ask for the codebook.
  const counts = keptUntilChange(db, () => s.themeCounts.all() as ThemeCount[]);

  return {
    getRow: (t: TrackedTable, key: RowKey) => (t === 'codings' ? codingById(key) : ((rowStmts[t].get.get(key) as Record<string, unknown> | undefined) ?? null)),
    putRow(t: TrackedTable, row: Record<string, unknown>) {
      // Undo entries written before codings had a coder lack the column: they were consensus codings.
      if (t === 'codings') {
        if (isFallbackId(row.id as RowKey)) putFallback(row as Record<string, unknown> & { id: number });
        else rowStmts.codings.put.run({ coder_id: null, ...row });
        return;
      }
      // Undo entries written before migration 011 lack the fallback flag: the row keeps its own.
      if (t === 'clause_instruments' && !('fallback' in row)) {
        rowStmts[t].put.run({ ...row, fallback: (s.fallbackFlag.get(row.clause_id) as number | undefined) ?? 0 });
        return;
      }
      rowStmts[t].put.run(row);
    },
    deleteRow(t: TrackedTable, key: RowKey) {
      if (t !== 'codings' || !isFallbackId(key)) return rowStmts[t].del.run(key);
      // A fallback id: the stored coding it stands for, if any (a shown suggestion has no row to delete).
      const stored = s.storedFallbackTheme.get(key - FALLBACK_ID_BASE) as { id: number } | undefined;
      if (stored) rowStmts.codings.del.run(stored.id);
    },

    themes: () => s.themes.all() as ThemeRow[],
    theme: (id: string) => (rowStmts.themes.get.get(id) as ThemeRow | undefined) ?? null,
    /** Codings and suggestions per theme; kept until the database changes (it reads every coding). */
    themeCounts: counts,
    nextOrd: (parentId: string | null) => (s.maxOrd.get(parentId) as { m: number }).m + 1,
    children: (parentId: string | null) => s.children.all(parentId) as ThemeRow[],

    coding: (id: number) => codingById(id) as CodingRow | null,
    /** The consensus codings and suggestions of a document (what every view reads by default), fallback suggestions included. */
    codingsOfDoc: (docId: number) => s.codingsOfDoc.all({ doc: docId }) as CodingRow[],
    /** The consensus codings and suggestions stored for a document (recomputing suggestions). */
    storedCodingsOfDoc: (docId: number) => s.storedCodingsOfDoc.all(docId) as CodingRow[],
    /** Every coding of a document, consensus and coders' alike (re-anchoring after a re-import). */
    codingsOfDocAll: (docId: number) => s.codingsOfDocAll.all(docId) as CodingRow[],
    /** One coder's codings of a document (their blind view). */
    codingsOfDocBy: (docId: number, coderId: number) => s.codingsOfDocBy.all(docId, coderId) as CodingRow[],
    /** Every coder's live codings of a document (the lead's side-by-side view). */
    codersCodingsOfDoc: (docId: number) => s.codersCodingsOfDoc.all(docId) as CodingRow[],
    /** One coder's live codings everywhere (agreement). */
    coderCodings: (coderId: number) => s.coderCodings.all(coderId) as CodingRow[],
    /** The consensus codings (and suggestions) of a theme on a clause, whole and ranges. */
    consensusOf: (clauseId: number, themeId: string) => s.consensusOf.all({ clause: clauseId, theme: themeId }) as CodingRow[],
    codingsOfTheme: (themeId: string) => s.codingsOfTheme.all({ theme: themeId }) as CodingRow[],
    /** Live codings of the consensus (coderId null, the default) or of one coder. */
    liveCodings: (coderId: number | null = null) => s.allCodings.all({ coder: coderId }) as CodingRow[],
    acceptedPairs: () => s.acceptedWhole.all() as Array<{ clause_id: number; theme_id: string }>,
    hasAcceptedCodings: () => s.anyAccepted.get() !== undefined,
    wholeCoding: (clauseId: number, themeId: string, coderId: number | null = null) =>
      ((s.whole.get(clauseId, themeId, coderId) ?? (themeId === FALLBACK_THEME && coderId === null ? s.fallbackOf.get(clauseId) : undefined)) as
        CodingRow | undefined) ?? null,
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
    /**
     * The instrument row of a clause that has none yet (an import writes one per clause): a plain
     * insert with positional values. putRow's upsert with named values cost about twice as much,
     * a sixth of an import's main-thread writing.
     */
    insertInstrument: (r: InstrumentRow) =>
      void s.insertInstrument.run(r.clause_id, r.doc_id, r.suggested, r.suggested_sub, r.score, r.chosen, r.chosen_sub, r.fallback),
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
