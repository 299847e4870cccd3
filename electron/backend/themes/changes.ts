// What an undo step of coding work is, and how it is written back: pure functions shared by the
// desktop's recorder (themes/undo.ts, synchronous SQLite) and the team server's (team/themeUndo.ts,
// the asynchronous Store), so both logs hold the same changes and replay them the same way.
import type { RowKey, TrackedTable } from '../db/themes';

export interface Change {
  table: TrackedTable;
  key: RowKey;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

// Parents before children when rows come back, children before parents when they go.
const ORDER: TrackedTable[] = ['themes', 'clause_instruments', 'codings'];

/** The touched rows that really changed (a row written back as it was is no change). */
export function effectiveChanges(touched: Iterable<Change>): Change[] {
  return [...touched].filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
}

/** Writing one side of a step back: the deletions (children first), then the rows to put (parents first). */
export function writePlan(changes: Change[], side: 'before' | 'after'): { dels: Change[]; puts: Change[] } {
  return {
    dels: changes.filter((c) => c[side] === null).sort((a, b) => ORDER.indexOf(b.table) - ORDER.indexOf(a.table)),
    puts: changes.filter((c) => c[side] !== null).sort((a, b) => ORDER.indexOf(a.table) - ORDER.indexOf(b.table)),
  };
}
