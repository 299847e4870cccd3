// BM25 for a sample of hits ranked outside FTS5 (see electron/backend/search/engine.ts): the
// same formula as FTS5's bm25() (k1 = 1.2, b = 0.75, IDF floored just above zero), with term
// frequencies counted in the clause text itself.

import { foldForSearch } from './fold';
import type { QueryTerm } from './query';

const K1 = 1.2;
const B = 0.75;

/** What saturation() approaches as the term frequency grows: an upper bound for any clause. */
export const SATURATION_LIMIT = K1 + 1;

/**
 * BM25's per-clause factor for one term: how a term frequency saturates, normalised by the
 * clause's length. Rises with tf, falls with length; a one-term query is ranked by it alone
 * (its IDF is the same for every hit).
 */
export function saturation(tf: number, length: number, averageLength: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / Math.max(1, averageLength)));
}

/** IDF of a term found in `hits` of `rows` clauses, as FTS5 computes it. */
export function idf(rows: number, hits: number): number {
  const v = Math.log((rows - hits + 0.5) / (hits + 0.5));
  return v > 0 ? v : 1e-6;
}

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

/**
 * The BM25 score (higher is better) of one clause for the query's positive terms. `termIdf` is
 * each term's IDF; `averageLength` the corpus's average clause length in characters.
 */
export function bm25Score(text: string, terms: QueryTerm[], termIdf: number[], averageLength: number): number {
  // Most clauses contain the terms as typed; fold only when they do not (full-width forms, breaks).
  let hay = text;
  if (terms.some((t) => !hay.includes(t.folded))) hay = foldForSearch(text);
  const norm = K1 * (1 - B + (B * hay.length) / Math.max(1, averageLength));
  let score = 0;
  terms.forEach((t, i) => {
    const tf = occurrences(hay, t.folded);
    if (tf) score += termIdf[i] * ((tf * (K1 + 1)) / (tf + norm));
  });
  return score;
}
