// Moving a project between the desktop and a team server (issue #14, step 6). Upload: a desktop
// project file, checked like a backup being restored (integrity, references, not newer than
// this app, schema object by object) and brought up to this version's schema on a copy, goes
// into the team database in ONE transaction, ids and all. Download: a new project file made by
// the desktop migrations, filled from one consistent snapshot of the team database, its
// indexes built by opening it as the desktop app does, and renamed into place when complete.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type pg from 'pg';
import { ApiError } from '../../../shared/api/errors';
import { openDatabase, type Db } from '../db/connection';
import { migrate } from '../db/migrate';
import { migratePg } from '../db/pg/migrate';
import { inTransaction, type Queryable } from '../db/pg/runner';
import {
  advanceIdentity,
  auditUpload,
  clearCodebook,
  insertCoder,
  insertPgRows,
  ownerNamed,
  pgCoders,
  pgColumns,
  pgContentCounts,
  pgRows,
  rebuildPgIndexes,
} from '../db/move/pg';
import { assertKnownTables, fillProject, insertSqliteRows, type Row, sqliteColumns, sqliteRows } from '../db/move/sqlite';
import { DESKTOP_ONLY_COLUMNS, desktopOnly, MOVED_TABLES, MoveError, NOT_MOVED_PG, REBUILT_PG, themeOrder } from '../db/move/tables';
import { type StoredText, unpackText } from '../db/documentText';
import { checkBackup } from '../export/backup';
import { placeFile } from '../export/files';
import { createBackend } from '../index';

export { MoveError } from '../db/move/tables';

export interface UploadOptions {
  /** The owner account uploading (named in the audit log); optional from the server's command line. */
  as?: string;
  /**
   * Gives the file's own codings (its consensus: accepted and rejected, manual or from suggestions)
   * to this coder, an account's or a new coder's name; open suggestions stay the project's.
   */
  consensusAs?: string;
}

export interface MoveReport {
  /** Rows moved per table. */
  rows: Record<string, number>;
}

/**
 * Rows per statement. Themes come in one batch, so that each parent can be written before its
 * children; a document carries its whole text and a Trash entry its snapshot, so they go in small batches.
 */
const batchSize = (table: string) => (table === 'themes' ? Number.MAX_SAFE_INTEGER : table === 'documents' || table === 'document_trash' ? 20 : 500);

/** A project file's checks, in the words of a mover (the restore code says "backup"). */
function checkedProject(file: string): void {
  try {
    checkBackup(file);
  } catch (e) {
    if (e instanceof ApiError) throw new MoveError(e.message.replace(/\bbackup\b/g, 'project file').replace(/\brestore it\b/g, 'upload it'));
    throw e;
  }
}

/**
 * The file, checked, copied and migrated to this version's schema: the user's file is only ever
 * read. SQLite's backup API copies what the file holds with its write-ahead log, so a project
 * still open in the desktop app goes up with its last saves.
 */
async function openCopy(file: string): Promise<{ db: Db; dispose: () => void }> {
  // Reading a closed WAL-mode file leaves an empty -wal and an -shm beside it: ours go again.
  const sidecars = [`${file}-wal`, `${file}-shm`];
  const ours = sidecars.every((f) => !existsSync(f));
  try {
    checkedProject(file);
    return await copyAndMigrate(file);
  } finally {
    if (ours && existsSync(sidecars[0]) && statSync(sidecars[0]).size === 0) for (const f of sidecars) rmSync(f, { force: true });
  }
}

async function copyAndMigrate(file: string): Promise<{ db: Db; dispose: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'policylens-upload-'));
  const copy = join(dir, 'project.policylens');
  let db: Db | null = null;
  const dispose = () => {
    if (db?.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(copy);
    } finally {
      source.close();
    }
    db = openDatabase(copy);
    migrate(db);
    assertKnownTables(db);
    return { db, dispose };
  } catch (e) {
    dispose();
    throw e instanceof MoveError ? e : new MoveError(`${basename(file)} could not be copied or brought up to this version's schema: ${(e as Error).message}`);
  }
}

async function columnsOf(q: Queryable, db: Db, table: string): Promise<string[]> {
  const local = sqliteColumns(db, table).filter((c) => !desktopOnly(table, c));
  const remote = new Set(await pgColumns(q, table));
  const missing = local.filter((c) => !remote.has(c));
  if (missing.length)
    throw new MoveError(`The team database has no column ${missing.map((c) => `${table}.${c}`).join(', ')}: it would be lost, so nothing was uploaded.`);
  return local;
}

/** Every moved row of the file into the team database, in the caller's transaction. */
async function uploadRows(q: Queryable, db: Db, file: string, opts: UploadOptions): Promise<MoveReport> {
  const uploader = opts.as ? await ownerNamed(q, opts.as) : undefined;
  if (opts.as && !uploader) throw new MoveError(`There is no account named “${opts.as}” on this team server.`);
  if (uploader && uploader.role !== 'owner') throw new MoveError(`Only an owner uploads a project; “${uploader.name}” is a ${uploader.role}.`);
  const held = Object.entries(await pgContentCounts(q)).filter(([, n]) => n > 0);
  if (held.length)
    throw new MoveError(
      `Refused: the team database is not empty (it holds ${held.map(([t, n]) => `${n} ${t}`).join(', ')}). ` +
        'Uploading a project into another one (merging) is not supported: ids of documents, clauses and notes would collide. ' +
        'Upload into a new, empty database (accounts may already exist). Nothing was changed.',
    );
  await clearCodebook(q);

  // Coders by name: the file's coder who is already an account's coder keeps that account's row.
  // The file's coder ids are kept when the database has no coders yet; otherwise new ones are given.
  const existing = new Map((await pgCoders(q)).map((c) => [c.name, c.id]));
  const keepIds = existing.size === 0;
  const coderMap = new Map<number, number>();
  for (const c of db.prepare('SELECT id, name, created_at FROM coders ORDER BY id').all() as Array<{ id: number; name: string; created_at: string }>)
    coderMap.set(c.id, existing.get(c.name) ?? (await insertCoder(q, c.name, c.created_at, keepIds ? c.id : null)));
  if (keepIds) await advanceIdentity(q, 'coders', 'id');
  let consensusCoder: number | null = null;
  if (opts.consensusAs) {
    const name = opts.consensusAs.trim();
    const known = (await pgCoders(q)).find((c) => c.name === name);
    consensusCoder = known ? known.id : await insertCoder(q, name, new Date().toISOString(), null);
  }

  const report: MoveReport = { rows: {} };
  for (const t of MOVED_TABLES) {
    const columns = await columnsOf(q, db, t.name);
    let n = 0;
    if (t.name === 'coders') {
      report.rows.coders = coderMap.size;
      continue;
    }
    const read = [...columns, ...(DESKTOP_ONLY_COLUMNS[t.name] ?? [])];
    for (let rows of sqliteRows(db, t, read, batchSize(t.name))) {
      if (t.name === 'themes') rows = themeOrder(rows);
      if (t.name === 'documents') rows = rows.map((r) => ({ ...r, cleaned_text: unpackText(r as unknown as StoredText) }));
      if (t.name === 'codings')
        rows = rows.map((r) => ({
          ...r,
          coder_id: r.coder_id != null ? coderMap.get(r.coder_id as number) : r.status === 'suggested' ? null : consensusCoder,
        }));
      await insertPgRows(q, t.name, columns, rows);
      n += rows.length;
    }
    if (t.identity) await advanceIdentity(q, t.name, t.identity);
    report.rows[t.name] = n;
  }
  await rebuildPgIndexes(q);
  if (uploader) await auditUpload(q, uploader, 'project.upload', basename(file));
  return report;
}

/**
 * Uploads a desktop project into an empty team database in one transaction: everything or
 * nothing. Throws MoveError (bad file, newer schema, non-empty database) with nothing changed.
 */
export async function uploadProject(pool: pg.Pool, file: string, opts: UploadOptions = {}): Promise<MoveReport> {
  if (!existsSync(file)) throw new MoveError(`${file} does not exist.`);
  const { db, dispose } = await openCopy(file);
  try {
    await migratePg(pool);
    return await inTransaction(pool, (q) => uploadRows(q, db, file, opts));
  } finally {
    dispose();
  }
}

/**
 * Writes the team project as a desktop project file: FILE.part first, renamed to FILE when it is
 * complete and its indexes are built; an existing FILE is only replaced when `overwrite`.
 */
export async function downloadProject(pool: pg.Pool, file: string, opts: { overwrite?: boolean } = {}): Promise<MoveReport> {
  const target = resolve(file);
  if (!opts.overwrite && existsSync(target)) throw new MoveError(`${basename(target)} already exists. Choose another name, or pass --overwrite.`);
  await migratePg(pool);
  const tmp = join(dirname(target), `${basename(target)}.${process.pid}.part`);
  const leftovers = [tmp, `${tmp}-wal`, `${tmp}-shm`];
  for (const f of leftovers) if (existsSync(f)) unlinkSync(f);
  const report: MoveReport = { rows: {} };
  try {
    const db = openDatabase(tmp);
    try {
      migrate(db);
      const client = await pool.connect();
      try {
        // One snapshot of the whole project, however long the copy takes, while coders keep working.
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        await assertKnownPgTables(client);
        await fillProject(db, async () => {
          for (const t of MOVED_TABLES) {
            const columns = sqliteColumns(db, t.name).filter((c) => !desktopOnly(t.name, c));
            const remote = new Set(await pgColumns(client, t.name));
            const lost = [...remote].filter((c) => !columns.includes(c));
            if (lost.length) throw new MoveError(`A desktop project has no column ${lost.map((c) => `${t.name}.${c}`).join(', ')}: it would be lost.`);
            let n = 0;
            for await (let rows of pgRows(client, t, columns, batchSize(t.name))) {
              if (t.name === 'themes') rows = themeOrder(rows);
              insertSqliteRows(db, t.name, columns, rows as Row[]);
              n += rows.length;
            }
            report.rows[t.name] = n;
          }
        });
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    } finally {
      db.close();
    }
    // Opening it as the desktop app does builds its search index and "where else" bands.
    const backend = createBackend({ databasePath: tmp });
    try {
      backend.context.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      backend.close();
    }
    for (const f of leftovers.slice(1)) if (existsSync(f)) unlinkSync(f);
    placeFile(tmp, target, !!opts.overwrite);
    return report;
  } finally {
    for (const f of leftovers) if (existsSync(f)) unlinkSync(f);
  }
}

/** Refuses a team database holding a table nobody said how to move (a newer team migration). */
async function assertKnownPgTables(q: Queryable): Promise<void> {
  const { rows } = await q.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
  );
  const known = new Set([...MOVED_TABLES.map((t) => t.name), ...REBUILT_PG, ...NOT_MOVED_PG]);
  const unknown = rows.map((r) => r.table_name).filter((n) => !known.has(n));
  if (unknown.length) throw new MoveError(`The team database holds table(s) ${unknown.join(', ')} that a desktop project cannot carry; nothing was written.`);
}
