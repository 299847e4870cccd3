import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/** How long one statement waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens a project database. WAL keeps readers (search, UI) off the writer's back and makes
 * every committed transaction durable across a crash; synchronous=FULL because annotations
 * must survive a power cut, not just a process crash.
 */
export function openDatabase(path: string, opts: { readOnly?: boolean } = {}): Db {
  if (opts.readOnly || (path !== ':memory:' && existsSync(path) && !writable(path))) {
    // A project on a read-only medium or in a folder we may not write: switching to WAL (which
    // writes) would fail, so it is opened as it is, for reading; every write then says so.
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    immediateTransactions(db);
    return db;
  }
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const fresh = path === ':memory:' || !existsSync(path) || statSync(path).size === 0;
  const db = new Database(path);
  // Merging the search index frees the pages of the segments it replaces; a new project keeps a
  // free-page list it can hand back to the file system (releaseFreePages), so the file does not
  // stay the size of the index before the merge. Only settable before the first table exists.
  if (fresh) db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  immediateTransactions(db);
  return db;
}

/**
 * A stamp that changes whenever this connection writes (total_changes) or another connection
 * commits (data_version): the key of anything cached from the database. Two statements of a few
 * microseconds each, so a cache can ask it on every read.
 */
export function changeStamp(db: Db): () => string {
  const changes = db.prepare('SELECT total_changes()').pluck();
  const version = db.prepare('PRAGMA data_version').pluck();
  return () => `${changes.get() as number}:${version.get() as number}`;
}

/**
 * `read()`, kept until the project changes (changeStamp): for a read that scans a table and that
 * several calls ask for while nothing is written (lists, counts). Every caller gets the kept value.
 */
export function keptUntilChange<T>(db: Db, read: () => T): () => T {
  const stamp = changeStamp(db);
  let kept: { at: string; value: T } | null = null;
  return () => {
    const at = stamp();
    if (kept?.at !== at) kept = { at, value: read() };
    return kept.value;
  };
}

/**
 * Gives up to `pages` free pages back to the file system (projects created with incremental
 * auto-vacuum; older ones keep their free pages for reuse). Returns true while some remain.
 */
export function releaseFreePages(db: Db, pages: number): boolean {
  if (db.readonly || db.inTransaction || (db.pragma('auto_vacuum', { simple: true }) as number) !== 2) return false;
  if ((db.pragma('freelist_count', { simple: true }) as number) === 0) return false;
  db.pragma(`incremental_vacuum(${Math.max(1, Math.floor(pages))})`);
  return (db.pragma('freelist_count', { simple: true }) as number) > 0;
}

/** SQLite writes the file and, in WAL mode, the -wal and -shm files beside it. */
function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every transaction of ours writes, so each begins IMMEDIATE: it takes the write lock up front
 * and waits for it (busy_timeout). A DEFERRED transaction starts as a reader and, in WAL mode,
 * fails at once with "database is locked" when another process committed in between — the
 * failure a note save hit while a CLI import ran. Top-level commits are counted for `writeScope`.
 */
function immediateTransactions(db: Db): void {
  const plain = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const t = plain(fn);
    const run = function (this: unknown, ...args: unknown[]): unknown {
      const top = !db.inTransaction;
      const result = t.immediate.apply(this, args);
      const scope = writes.getStore();
      if (top && scope) scope.commits++;
      return result;
    };
    return Object.assign(run, { default: run, immediate: run, deferred: t.deferred, exclusive: t.exclusive, database: db });
  }) as Db['transaction'];
}

const writes = new AsyncLocalStorage<{ commits: number }>();

/** True for SQLite's "another connection holds the lock" errors. */
export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** The longest a call keeps retrying while another process writes; an import's transaction is far shorter. */
const RETRY_FOR_MS = 5 * 60_000;

/**
 * Runs `fn` and, when it fails because another process holds the write lock before it has
 * committed anything, runs it again after a pause that lets the event loop breathe — so a user's
 * save waits for a concurrent import instead of failing. A call that already committed part of
 * its work is not repeated (it would repeat that part); its error stands.
 */
export async function retryWhileBusy<T>(fn: () => Promise<T> | T): Promise<T> {
  const deadline = Date.now() + RETRY_FOR_MS;
  for (let attempt = 0; ; attempt++) {
    const scope = { commits: 0 };
    try {
      return await writes.run(scope, fn);
    } catch (e) {
      if (!isBusy(e) || scope.commits > 0 || Date.now() > deadline) throw e;
      await new Promise((ok) => setTimeout(ok, Math.min(1000, 20 * 2 ** Math.min(attempt, 6))));
    }
  }
}
