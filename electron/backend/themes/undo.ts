// Undo/redo of coding work as row snapshots: an operation says which rows it is about to touch,
// the recorder keeps their state before and after, and undo writes the "before" states back. The
// log lives in the database, so Ctrl+Z still works after a restart.
import type { Db } from '../db/connection';
import { type RowKey, type ThemesRepo, type TrackedTable } from '../db/themes';
import { type HistoryState, historyState, step } from '../services/undoLog';
import { type Change, effectiveChanges, writePlan } from './changes';

export class Recorder {
  private readonly touched = new Map<string, Change>();
  constructor(private readonly repo: ThemesRepo) {}

  /** Call before changing (or deleting) a row, or before inserting one under a key known in advance. */
  touch(table: TrackedTable, key: RowKey): void {
    const k = `${table}:${key}`;
    if (!this.touched.has(k)) this.touched.set(k, { table, key, before: this.repo.getRow(table, key), after: null });
  }

  /** Call right after inserting a row: it did not exist before. */
  inserted(table: TrackedTable, key: RowKey): void {
    this.touched.set(`${table}:${key}`, { table, key, before: null, after: null });
  }

  finish(): Change[] {
    for (const c of this.touched.values()) c.after = this.repo.getRow(c.table, c.key);
    return effectiveChanges(this.touched.values());
  }
}

/** Runs `op` in one transaction and logs what it changed under `label` (nothing logged when nothing changed). */
export function recorded<T>(db: Db, repo: ThemesRepo, label: string, op: (rec: Recorder) => T): T {
  return db.transaction(() => {
    const rec = new Recorder(repo);
    const result = op(rec);
    const changes = rec.finish();
    if (changes.length) repo.pushUndo(label, changes);
    return result;
  })();
}

function applyStates(repo: ThemesRepo, changes: Change[], side: 'before' | 'after'): void {
  const { dels, puts } = writePlan(changes, side);
  for (const c of dels) repo.deleteRow(c.table, c.key);
  for (const c of puts) {
    const row = c[side]!;
    if (c.table === 'codings' && row.start === null) {
      // A suggestion recomputed since may hold the same clause and theme under another id.
      const other = repo.wholeCoding(row.clause_id as number, row.theme_id as string, (row.coder_id as number | null | undefined) ?? null);
      if (other && other.id !== row.id) repo.deleteRow('codings', other.id);
    }
    try {
      repo.putRow(c.table, row);
    } catch (e) {
      // The clause or document it referred to is gone (deleted or re-imported): nothing to restore to.
      if (!/FOREIGN KEY/i.test(String((e as Error).message))) throw e;
    }
  }
}

export type { HistoryState };
export { historyState };

export function undo(db: Db, repo: ThemesRepo): string | null {
  return step<Change>(db, repo, 'undo', (changes, side) => applyStates(repo, changes, side))?.label ?? null;
}

export function redo(db: Db, repo: ThemesRepo): string | null {
  return step<Change>(db, repo, 'redo', (changes, side) => applyStates(repo, changes, side))?.label ?? null;
}
