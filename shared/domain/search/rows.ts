// What the search index stores for one clause, from its own text alone: the folded length (BM25's
// document length, and the length band of the clause's key), the body index's document
// (terms.ts) and the level index's (levels.ts). One function, so that the rows an import computes
// on its worker threads (electron/backend/services/documentExtras.ts) and those the backend
// computes when it indexes a stored document (a restore, a rebuild) are the same by construction.
import { foldForSearch } from './fold';
import { codePointLength, levelDocument } from './levels';
import { indexDocument } from './terms';

export interface ClauseIndexRow {
  /** Code points of the folded text. */
  len: number;
  /** The FTS5 document of search_fts. */
  body: string;
  /** The FTS5 document of search_levels ('' for an empty text: no row is written). */
  levels: string;
}

export function clauseIndexRow(text: string): ClauseIndexRow {
  const folded = foldForSearch(text);
  return { len: codePointLength(folded), body: indexDocument(folded), levels: levelDocument(folded) };
}
