// The desktop side of moving a project (issue #14, step 6): reading every moved table of a
// project file, and writing them into a new project file created by the real migrations.
import type { Db } from '../connection';
import { packStep } from '../documentText';
import { DERIVED_SETTINGS, MOVED_TABLES, MoveError, REBUILT_SQLITE, type MovedTable } from './tables';

export type Row = Record<string, unknown>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function sqliteColumns(db: Db, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as Array<{ name: string }>).map((c) => c.name);
}

/**
 * Refuses a project holding a table this mover does not know: a newer migration added it and
 * nobody said how it moves, so moving would silently drop it.
 */
export function assertKnownTables(db: Db): void {
  const objects = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string; sql: string | null }>;
  const virtual = objects.filter((o) => /^CREATE VIRTUAL TABLE/i.test(o.sql ?? '')).map((o) => o.name);
  const known = new Set([...MOVED_TABLES.map((t) => t.name), ...REBUILT_SQLITE, 'schema_migrations', 'sqlite_stat1', 'sqlite_stat4', 'sqlite_sequence']);
  // FTS5 keeps its data in shadow tables named after the virtual table (search_fts_data, …).
  const unknown = objects.filter((o) => !known.has(o.name) && !virtual.some((v) => o.name.startsWith(`${v}_`)));
  if (unknown.length)
    throw new MoveError(
      `This project holds table(s) ${unknown.map((o) => o.name).join(', ')} that moving a project does not know how to carry; nothing was moved (electron/backend/db/move/tables.ts).`,
    );
}

/** The rows of one table in batches of at most `size`, in the table's reading order. */
export function* sqliteRows(db: Db, t: MovedTable, columns: string[], size = 500): Generator<Row[]> {
  let batch: Row[] = [];
  const sql = `SELECT ${columns.map(quote).join(', ')} FROM ${quote(t.name)}${t.name === 'settings' ? ` WHERE key NOT IN (${[...DERIVED_SETTINGS].map(() => '?').join(', ')})` : ''} ORDER BY ${t.order}`;
  const stmt = db.prepare(sql);
  for (const row of (t.name === 'settings' ? stmt.iterate(...DERIVED_SETTINGS) : stmt.iterate()) as Iterable<Row>) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export function sqliteRowCount(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
}

/** Inserts rows as they are (ids included) into a table of a project being written. */
export function insertSqliteRows(db: Db, table: string, columns: string[], rows: Row[]): void {
  const stmt = db.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  for (const r of rows) stmt.run(...columns.map((c) => r[c] ?? null));
}

/**
 * Runs `fill` in one transaction on a freshly migrated project file; references are checked at
 * the commit (rows arrive table by table, and a clause may name a later one as its parent).
 */
export async function fillProject(db: Db, fill: () => Promise<void>): Promise<void> {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.pragma('defer_foreign_keys = ON');
    await fill();
    // The compare feature builds the near-copy sketches from the clause texts when the project opens.
    if (sqliteRowCount(db, 'clauses') > 0) db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('clause_sketches_pending', '1')").run();
    // Texts arrive plainly from PostgreSQL; the file stores them deflated.
    while (packStep(db, 200));
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
