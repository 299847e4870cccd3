// Re-anchoring, the pure part: after a re-import (or a REFI-QDA import) changed a document's text,
// find where codings, notes and alignment decisions belong now. Data in, data out; the features'
// reanchor hooks read and write their own tables around these functions.
export { locateByText, textOffsetMap } from './text-map';

/** A clause of the new text, as far as placing something in it needs. */
export interface ClauseSpan {
  id: number;
  start: number;
  end: number;
}

/** The occurrence of `quote` in `text` nearest to `near`, or -1 (also for an empty quote). */
export function findNearest(text: string, quote: string, near: number): number {
  if (!quote) return -1;
  let best = -1;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  return best;
}

/** The clause that holds the whole range [start, end), or null when none does (it straddles two). */
export function clauseAt(clauses: readonly ClauseSpan[], start: number, end: number): number | null {
  const c = clauses.find((x) => x.start <= start && end <= x.end);
  return c ? c.id : null;
}

/**
 * Where a quoted range is now: its occurrence nearest to where it was, and the clause holding it
 * (null when it straddles clauses). Null when the text is no longer in the document.
 */
export function relocateQuote(
  text: string,
  clauses: readonly ClauseSpan[],
  quote: string,
  oldStart: number,
): { start: number; end: number; clauseId: number | null } | null {
  const at = findNearest(text, quote, oldStart);
  if (at < 0) return null;
  return { start: at, end: at + quote.length, clauseId: clauseAt(clauses, at, at + quote.length) };
}

/**
 * The clause an old clause id became: the map's answer when the re-import mapped it (a new id, or
 * null when it is gone), else the same id (the clause was not touched).
 */
export function mappedClause(clauseMap: ReadonlyMap<number, number | null>, id: number): number | null {
  return clauseMap.has(id) ? clauseMap.get(id)! : id;
}
