// What the search index stores for one clause, from its own text alone: the folded length (BM25's
// document length, and the length band of the clause's key), the body index's document
// (terms.ts) and the level index's (levels.ts). One function, so that the rows an import computes
// on its worker threads (electron/backend/services/documentExtras.ts) and those the backend
// computes when it indexes a stored document (a restore, a rebuild) are the same by construction.
import { foldForSearch } from './fold';
import { codePointLength, levelDocument, writeLevelDocument } from './levels';
import { indexDocument, writeIndexDocument } from './terms';
import type { Utf8Rows } from './utf8';

export interface ClauseIndexRow {
  /** Code points of the folded text. */
  len: number;
  /** The FTS5 document of search_fts: a string, or its UTF-8 bytes (writeClauseIndexRow). */
  body: string | Uint8Array;
  /** The FTS5 document of search_levels (empty for an empty text: no row is written). */
  levels: string | Uint8Array;
}

export function clauseIndexRow(text: string): ClauseIndexRow {
  const folded = foldForSearch(text);
  return { len: codePointLength(folded), body: indexDocument(folded), levels: levelDocument(folded) };
}

/**
 * clauseIndexRow(text) with its two documents appended to `rows` as UTF-8, body then levels;
 * where each ends goes to ends[2i] and ends[2i + 1] (row i of a document's rows). Returns the
 * folded length.
 */
export function writeClauseIndexRow(text: string, rows: Utf8Rows, ends: Uint32Array, i: number): number {
  const folded = foldForSearch(text);
  writeIndexDocument(folded, rows);
  ends[2 * i] = rows.end;
  writeLevelDocument(folded, rows);
  ends[2 * i + 1] = rows.end;
  return codePointLength(folded);
}
