// The one shape of a persistent undo log, shared by the coding history (themes) and the attribute
// table: entries of JSON changes with an `undone` flag, stepped back and forth inside one
// transaction each. What a change is and how it is written back stays with its feature.
import type { Db } from '../db/connection';

export interface UndoEntry {
  id: number;
  label: string;
  /** The feature's changes, as JSON. */
  changes: string;
}

/** What a feature's repository offers over its own undo table. */
export interface UndoLog {
  lastDone(): UndoEntry | null;
  firstUndone(): UndoEntry | null;
  markUndone(id: number, undone: boolean): unknown;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export function historyState(log: UndoLog): HistoryState {
  const last = log.lastDone();
  const next = log.firstUndone();
  return { canUndo: !!last, canRedo: !!next, undoLabel: last?.label ?? null, redoLabel: next?.label ?? null };
}

/**
 * Undoes the last step (writing back the changes' `before` states) or redoes the first undone one
 * (`after`), in one transaction; null when there is nothing to step over.
 */
export function step<C>(
  db: Db,
  log: UndoLog,
  direction: 'undo' | 'redo',
  apply: (changes: C[], side: 'before' | 'after') => void,
): { label: string; changes: C[] } | null {
  return db.transaction(() => {
    const entry = direction === 'undo' ? log.lastDone() : log.firstUndone();
    if (!entry) return null;
    const changes = JSON.parse(entry.changes) as C[];
    apply(changes, direction === 'undo' ? 'before' : 'after');
    log.markUndone(entry.id, direction === 'undo');
    return { label: entry.label, changes };
  })();
}
