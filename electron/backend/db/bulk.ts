import type { Db } from './connection';

/** Page cache of the connection while it imports: the FTS5 merges and b-trees of a batch stay in memory. */
const BULK_CACHE_KIB = 64 * 1024;
/** WAL pages before a checkpoint while importing (~32 MB): pages rewritten by consecutive batches reach the database file once. */
const BULK_AUTOCHECKPOINT_PAGES = 8192;

const active = new WeakMap<Db, { loads: number; cacheSize: number; autocheckpoint: number; synchronous: number; tempStore: number }>();

/**
 * Connection settings for a bulk import, restored by end().
 *
 * Durability: each batch commits with synchronous=NORMAL: in WAL mode the commit is written to the
 * WAL but not fsynced, so a crash of the process (kill -9) loses nothing committed — the OS holds
 * the pages — and only a power cut can lose the batches since the last sync. Nothing is reported as
 * imported before end(), which checkpoints and so fsyncs the WAL first; and every other write of the
 * app (a note saved between two batches) commits with synchronous=FULL as always, which fsyncs the
 * WAL with every batch before it. A committed note is never at risk.
 *
 * Savepoint journals in memory (temp_store=MEMORY): each file of a batch is written in a savepoint,
 * and SQLite keeps the pages a savepoint changes that the batch had already changed (the last
 * leaves of every table and index) in a journal that spills to a temporary file past 64 KiB; with
 * better-sqlite3's TEMP_STORE=1 that file I/O was about a sixth of the main thread's import time.
 * The journal holds one file's pages at most. (Changing temp_store drops the connection's
 * temporary tables: the backend creates none.)
 */
export function beginBulkLoad(db: Db): { batch<T>(write: () => T): T; end(): void } {
  // Imports can overlap (two tasks): the settings are the connection's, taken once and restored by the last.
  let state = active.get(db);
  if (!state) {
    state = {
      loads: 0,
      cacheSize: db.pragma('cache_size', { simple: true }) as number,
      autocheckpoint: db.pragma('wal_autocheckpoint', { simple: true }) as number,
      synchronous: db.pragma('synchronous', { simple: true }) as number,
      tempStore: db.pragma('temp_store', { simple: true }) as number,
    };
    active.set(db, state);
    db.pragma(`cache_size = ${-BULK_CACHE_KIB}`);
    db.pragma(`wal_autocheckpoint = ${BULK_AUTOCHECKPOINT_PAGES}`);
    // SQLite refuses the change inside a transaction; an import never begins in one.
    if (!db.inTransaction) db.pragma('temp_store = MEMORY');
  }
  const saved = state;
  saved.loads++;
  const { synchronous } = saved;
  let unsynced = false;
  let ended = false;
  return {
    batch<T>(write: () => T): T {
      db.pragma('synchronous = NORMAL');
      try {
        const result = write();
        unsynced = true;
        return result;
      } finally {
        db.pragma(`synchronous = ${synchronous}`);
      }
    },
    end(): void {
      if (ended || !db.open) return;
      ended = true;
      if (--saved.loads === 0) {
        active.delete(db);
        db.pragma(`cache_size = ${saved.cacheSize}`);
        db.pragma(`wal_autocheckpoint = ${saved.autocheckpoint}`);
        if (!db.inTransaction) db.pragma(`temp_store = ${saved.tempStore}`);
      }
      if (unsynced) {
        // A checkpoint fsyncs the WAL before copying it into the database file (and the file after).
        db.pragma('wal_checkpoint(PASSIVE)');
      }
    },
  };
}
