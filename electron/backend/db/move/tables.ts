// Which tables of a project move between a desktop file (SQLite) and a team database
// (PostgreSQL), in which order, and which are rebuilt instead of copied (issue #14, step 6).
// Both schemas use the same table and column names (db/pg/migrations/001_core.sql), so a row
// moves column by column; the columns themselves are read from each database, and a column the
// file holds that the team database lacks stops the move (it would be lost).

export interface MovedTable {
  name: string;
  /** Reading order: parents before their children (a clause's parent comes earlier in its document). */
  order: string;
  /** The integer identity column whose sequence is advanced past the copied ids on PostgreSQL. */
  identity?: string;
}

/** Copied row by row, in this order (each table's references point to tables above it). */
export const MOVED_TABLES: readonly MovedTable[] = [
  { name: 'documents', order: 'id', identity: 'id' },
  { name: 'parts', order: 'doc_id, part_index' },
  { name: 'clauses', order: 'doc_id, ord', identity: 'id' },
  { name: 'citations', order: 'doc_id, ord' },
  { name: 'settings', order: 'key' },
  { name: 'comparisons', order: 'id', identity: 'id' },
  { name: 'comparison_members', order: 'comparison_id, ord' },
  { name: 'alignment_decisions', order: 'clause_a, clause_b' },
  // A theme's parent is another theme: written parents first (themeOrder), not by this order.
  { name: 'themes', order: 'id' },
  { name: 'coders', order: 'id', identity: 'id' },
  { name: 'codings', order: 'id', identity: 'id' },
  { name: 'clause_instruments', order: 'clause_id' },
  { name: 'theme_undo_log', order: 'id', identity: 'id' },
  { name: 'theme_state', order: 'key' },
  { name: 'annotations', order: 'id', identity: 'id' },
  { name: 'annotation_revisions', order: 'annotation_id, revision' },
  { name: 'document_trash', order: 'id', identity: 'id' },
  { name: 'attributes', order: 'id', identity: 'id' },
  { name: 'attribute_values', order: 'doc_id, attribute_id' },
  { name: 'attribute_undo_log', order: 'id', identity: 'id' },
];

/**
 * Indexes each side builds from the clause texts: the desktop's FTS5 search and "where else"
 * tables, PostgreSQL's character-pair search rows and MinHash bands. They are rebuilt after a
 * move, never copied (their layouts differ between the two stores).
 */
export const REBUILT_SQLITE = new Set(['search_clauses', 'search_fts', 'search_levels', 'search_vocab', 'clause_sketches']);
export const REBUILT_PG = new Set(['search_clauses', 'search_stats', 'clause_signatures', 'clause_bands']);

/** Team-only tables (accounts, sessions, audit) and each side's migration record: never moved. */
export const NOT_MOVED_PG = new Set(['users', 'sessions', 'audit_log', 'schema_migrations', 'account_undo_log', 'attribute_undo_owners']);

/** Settings that say an index still has to be built: they describe the file, not the project. */
export const DERIVED_SETTINGS = new Set(['clause_bands_pending', 'clause_sketches_pending']);

/**
 * Columns only the desktop file has, for a form of storage rather than content: a document's text
 * is kept deflated in cleaned_z (db/documentText.ts). An upload unpacks it into cleaned_text; a
 * download writes cleaned_text plainly and packs it before the file is complete.
 */
export const DESKTOP_ONLY_COLUMNS: Readonly<Record<string, readonly string[]>> = { documents: ['cleaned_z'] };
export const desktopOnly = (table: string, column: string) => DESKTOP_ONLY_COLUMNS[table]?.includes(column) ?? false;

/** Row order for themes: every parent before its children (the codebook is a tree). */
export function themeOrder<T extends Record<string, unknown>>(rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: T[] = [];
  const placed = new Set<unknown>();
  const place = (r: T, path: Set<unknown>) => {
    if (placed.has(r.id)) return;
    const parent = r.parent_id == null ? undefined : byId.get(r.parent_id);
    // A cycle cannot come from PolicyLens; its first theme is written first and the rest follow.
    if (parent && !path.has(parent.id)) place(parent, new Set([...path, r.id]));
    placed.add(r.id);
    out.push(r);
  };
  for (const r of rows) place(r, new Set([r.id]));
  return out;
}

export class MoveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoveError';
  }
}
