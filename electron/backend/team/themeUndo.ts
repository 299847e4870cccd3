// The undo log of a team project: every coding change an account makes is recorded in that
// account's own log (Store.undoLog), as row snapshots of the same shape as the desktop's
// (themes/changes.ts), and undone or redone only by that account. A step whose rows someone else
// changed since is refused rather than written over: undo never takes back another person's work.
import { ApiError } from '../../../shared/api/errors';
import type { RowKey, TrackedTable } from '../db/themes';
import { historyState, type HistoryState } from '../services/undoLog';
import type { Repositories, Store } from '../store/types';
import type { CodingRow } from '../store/themeTypes';
import { type Change, effectiveChanges, writePlan } from '../themes/changes';
import type { Caller } from './caller';

export class StoreRecorder {
  private readonly touched = new Map<string, Change>();
  /** What the undo menu calls this step. */
  label = '';
  constructor(private readonly tx: Repositories) {}

  /** Call before changing (or deleting) a row. */
  async touch(table: TrackedTable, key: RowKey): Promise<void> {
    const k = `${table}:${key}`;
    if (!this.touched.has(k)) this.touched.set(k, { table, key, before: await this.tx.themeRows.getRow(table, key), after: null });
  }

  /** Call right after inserting a row: it did not exist before. */
  inserted(table: TrackedTable, key: RowKey): void {
    if (!this.touched.has(`${table}:${key}`)) this.touched.set(`${table}:${key}`, { table, key, before: null, after: null });
  }

  async finish(): Promise<Change[]> {
    for (const c of this.touched.values()) c.after = await this.tx.themeRows.getRow(c.table, c.key);
    return effectiveChanges(this.touched.values());
  }
}

/**
 * One person's steps run one after another (as their clicks do): each reads and extends the same
 * log, so two at once would only collide and be retried. Different people's steps run at once.
 */
const queues = new WeakMap<Store, Map<number, Promise<unknown>>>();
function inTurn<T>(store: Store, caller: Caller, work: () => Promise<T>): Promise<T> {
  let perAccount = queues.get(store);
  if (!perAccount) queues.set(store, (perAccount = new Map()));
  const run = (perAccount.get(caller.userId) ?? Promise.resolve()).then(work);
  const tail = run.catch(() => undefined);
  perAccount.set(caller.userId, tail);
  void tail.then(() => {
    if (perAccount.get(caller.userId) === tail) perAccount.delete(caller.userId);
  });
  return run;
}

/** Runs `op` in one Store transaction and logs what it changed in the caller's own undo log. */
export function recordedAs<T>(store: Store, caller: Caller, label: string, op: (tx: Repositories, rec: StoreRecorder) => Promise<T>): Promise<T> {
  return inTurn(store, caller, () =>
    store.transaction(async (tx) => {
      const rec = new StoreRecorder(tx);
      rec.label = label;
      const result = await op(tx, rec);
      const changes = await rec.finish();
      if (changes.length) await tx.undoLog.push(caller.userId, rec.label, changes);
      return result;
    }),
  );
}

export async function historyOf(store: Repositories, caller: Caller): Promise<HistoryState> {
  const last = await store.undoLog.lastDone(caller.userId);
  const next = await store.undoLog.firstUndone(caller.userId);
  return historyState({ lastDone: () => last, firstUndone: () => next, markUndone: () => undefined });
}

// Times and suggestion scores change without anyone deciding anything (recomputing suggestions).
const IGNORED = new Set(['created_at', 'updated_at', 'score']);
function sameRow(a: Record<string, unknown> | null, b: Record<string, unknown> | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !IGNORED.has(k)));
  return [...keys].every((k) => (a[k] ?? null) === (b[k] ?? null));
}

async function applyStates(tx: Repositories, changes: Change[], side: 'before' | 'after'): Promise<void> {
  const { dels, puts } = writePlan(changes, side);
  for (const c of dels) await tx.themeRows.deleteRow(c.table, c.key);
  for (const c of puts) {
    const row = c[side]!;
    if (c.table === 'codings' && row.start === null) {
      // A suggestion recomputed since may hold the same clause and theme under another id (as the desktop's undo).
      const r = row as unknown as CodingRow;
      const other = await tx.themeRows.wholeCoding(r.clause_id, r.theme_id, r.coder_id ?? null);
      if (other && other.id !== r.id) await tx.themeRows.deleteRow('codings', other.id);
    }
    // false: the clause or document it referred to is gone (deleted): nothing to restore to.
    await tx.themeRows.putRow(c.table, row);
  }
}

/** Undoes the caller's last step, or redoes their first undone one; the step's label, or null when there is none. */
export function stepAs(store: Store, caller: Caller, direction: 'undo' | 'redo'): Promise<string | null> {
  return inTurn(store, caller, () =>
    store.transaction(async (tx) => {
      const entry = direction === 'undo' ? await tx.undoLog.lastDone(caller.userId) : await tx.undoLog.firstUndone(caller.userId);
      if (!entry) return null;
      const changes = JSON.parse(entry.changes) as Change[];
      const expected = direction === 'undo' ? 'after' : 'before';
      for (const c of changes) {
        if (!sameRow(await tx.themeRows.getRow(c.table, c.key), c[expected]))
          throw new ApiError(
            'conflict',
            `“${entry.label}” cannot be ${direction === 'undo' ? 'undone' : 'redone'}: someone else has changed what it changed since. Nothing was changed.`,
          );
      }
      await applyStates(tx, changes, direction === 'undo' ? 'before' : 'after');
      await tx.undoLog.markUndone(caller.userId, entry.id, direction === 'undo');
      return entry.label;
    }),
  );
}
