import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { BackendContext } from '../context';
import { openDatabase } from '../db/connection';
import { checkProject, loadMigrations, migrate } from '../db/migrate';
import { firstDamagedText } from '../db/documentText';
import { placeFile, writeFailure } from './files';

/**
 * Backup: SQLite's online backup API copies a consistent snapshot page by page while the app
 * keeps running (readers and writers are not blocked for the whole copy). Restore never
 * touches the open project: it checks the file and writes it as a NEW project database.
 */

export async function backupTo(ctx: BackendContext, path: string, overwrite: boolean, progress: (done: number, total: number) => void): Promise<number> {
  if (!overwrite && existsSync(path)) throw new ApiError('conflict', `${basename(path)} already exists. Choose another name or allow replacing it.`, { path });
  if (resolve(path) === resolve(ctx.info.databasePath)) throw new ApiError('invalid_input', 'A backup cannot be written over the open project itself.');
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.part`;
  try {
    await ctx.db.backup(tmp, {
      progress: ({ totalPages, remainingPages }) => {
        progress(totalPages - remainingPages, totalPages);
        return 200; // pages per step: small steps keep the app responsive during the copy
      },
    });
    placeFile(tmp, path, overwrite);
  } catch (e) {
    throw writeFailure(e, path);
  } finally {
    if (existsSync(tmp)) unlinkSync(tmp);
  }
  return statSync(path).size;
}

/**
 * The text encoding an SQLite file's header names (offset 56: 1 UTF-8, 2 and 3 UTF-16), or null
 * when the file is not SQLite. A damaged value passes integrity_check and fails only when a
 * migration runs, with SQLite's "attached databases must use the same text encoding" (found by the
 * fuzz harness), so it is read here first.
 */
function headerTextEncoding(path: string): number | null {
  const header = Buffer.alloc(100);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null; // unreadable: opening it below says so
  }
  try {
    if (readSync(fd, header, 0, 100, 0) < 100) return null;
  } finally {
    closeSync(fd);
  }
  return header.subarray(0, 16).toString('latin1') === 'SQLite format 3\0' ? header.readUInt32BE(56) : null;
}

/** Checks that a file is a PolicyLens project this version can open; returns its schema version. */
export function checkBackup(path: string): number {
  if (!existsSync(path) || !statSync(path).isFile()) throw new ApiError('not_found', `The backup ${path} does not exist.`);
  // PolicyLens writes UTF-8 projects only (SQLite's default; SQLite reads 0 as UTF-8 too).
  const encoding = headerTextEncoding(path);
  if (encoding === 2 || encoding === 3)
    throw new ApiError('bad_file', `${basename(path)} is not a PolicyLens backup: its text is stored as UTF-16, and PolicyLens projects are UTF-8.`);
  if (encoding !== null && encoding > 3)
    throw new ApiError('bad_file', `${basename(path)} is damaged: its header names no valid text encoding (value ${encoding}), so it cannot be restored.`);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new ApiError('bad_file', `${basename(path)} is not a PolicyLens backup (${(e as Error).message}).`);
  }
  try {
    let integrity: string;
    try {
      integrity = db.pragma('integrity_check', { simple: true }) as string;
    } catch (e) {
      throw new ApiError('bad_file', `${basename(path)} is not a PolicyLens backup: it is not an SQLite database (${(e as Error).message}).`);
    }
    if (integrity !== 'ok') throw new ApiError('bad_file', `${basename(path)} is damaged (SQLite integrity check: ${integrity}).`);
    // integrity_check does not look at foreign keys: a backup edited with them off can hold
    // clauses, codings or notes of documents that are gone (found by the fuzz harness).
    const orphans = db.prepare('PRAGMA foreign_key_check').all() as Array<{ table: string; rowid: number | null; parent: string }>;
    // Name a row by its id where it has one (rows of WITHOUT ROWID tables, search_clauses, have none).
    const first = orphans.find((o) => o.rowid != null) ?? orphans[0];
    if (orphans.length)
      throw new ApiError(
        'bad_file',
        `${basename(path)} is damaged: ${orphans.length} row(s) refer to rows that do not exist (the first: ${first.table} row${first.rowid == null ? '' : ` ${first.rowid}`}, whose ${first.parent} is missing).`,
      );
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
    if (!tables.has('schema_migrations') || !tables.has('documents'))
      throw new ApiError('bad_file', `${basename(path)} is an SQLite database but not a PolicyLens project.`);
    const version = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
    if (version > loadMigrations().length)
      throw new ApiError('unsupported', `${basename(path)} was made by a newer PolicyLens (schema ${version}). Update PolicyLens to restore it.`);
    // Object by object: a backup must not smuggle in a trigger or view that runs on our writes.
    try {
      checkProject(db);
    } catch (e) {
      throw new ApiError('bad_file', `${basename(path)} cannot be restored. ${(e as Error).message}`);
    }
    // Texts are stored deflated (migration 013): a damaged one would pass every check above.
    const damaged = firstDamagedText(db);
    if (damaged !== null)
      throw new ApiError('bad_file', `${basename(path)} is damaged: the stored text of document ${damaged} cannot be read, so it cannot be restored.`);
    return version;
  } finally {
    db.close();
  }
}

export function restoreTo(
  ctx: BackendContext,
  backupPath: string,
  targetPath: string,
  overwrite: boolean,
): { databasePath: string; documentCount: number; schemaVersion: number } {
  const target = resolve(targetPath);
  if (target === resolve(ctx.info.databasePath))
    throw new ApiError('conflict', 'A backup is restored into a new project, never over the open one. Choose another file.');
  if (!overwrite && existsSync(target))
    throw new ApiError('conflict', `${basename(target)} already exists. Choose another name or allow replacing it.`, { path: target });
  checkBackup(backupPath);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${Date.now()}.part`;
  try {
    copyFileSync(backupPath, tmp);
    // Bring an older backup up to this version's schema before it becomes a project.
    const db = openDatabase(tmp);
    let documentCount: number;
    let schemaVersion: number;
    try {
      try {
        migrate(db);
      } catch (e) {
        // Damage the checks above cannot see (found by the fuzz harness: a header naming no valid
        // text encoding passes integrity_check and fails only when a migration runs).
        throw new ApiError('bad_file', `${basename(backupPath)} is damaged: it could not be brought up to this version's schema (${(e as Error).message}).`);
      }
      documentCount = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
      schemaVersion = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number }).v;
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    for (const ext of ['-wal', '-shm']) if (existsSync(tmp + ext)) unlinkSync(tmp + ext);
    placeFile(tmp, target, overwrite);
    return { databasePath: target, documentCount, schemaVersion };
  } finally {
    for (const f of [tmp, tmp + '-wal', tmp + '-shm']) if (existsSync(f)) unlinkSync(f);
  }
}
