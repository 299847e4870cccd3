// From a parsed query to one FTS5 MATCH expression over the bigram index (see terms.ts).

import type { ParsedQuery } from './query';
import { phraseFor } from './terms';

export interface FtsPlan {
  /** The MATCH expression; null when the query has nothing to search for. */
  match: string | null;
  /**
   * True when the expression's matches are exactly the query's hits. False when some term was
   * approximated (very long, or private-use characters): candidates must then be verified
   * against the folded clause text.
   */
  exact: boolean;
}

/**
 * ((a AND b) OR (c)) NOT (x OR y). An approximated exclusion is left out of the expression
 * (excluding by an approximation could drop real hits) and applied during verification instead.
 */
export function ftsPlan(q: ParsedQuery): FtsPlan {
  if (!q.groups.length) return { match: null, exact: true };
  let exact = true;
  const groups = q.groups.map((g) => {
    const phrases = g.map((t) => {
      const p = phraseFor(t.folded);
      if (!p.exact) exact = false;
      return p.fts;
    });
    return `(${phrases.join(' AND ')})`;
  });
  let match = groups.length === 1 ? groups[0] : `(${groups.join(' OR ')})`;
  const excluded: string[] = [];
  for (const t of q.exclude) {
    const p = phraseFor(t.folded);
    if (p.exact) excluded.push(p.fts);
    else exact = false;
  }
  if (excluded.length) match = `${match} NOT (${excluded.join(' OR ')})`;
  return { match, exact };
}
