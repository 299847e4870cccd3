// Search, the pure part: folding with an offset map (fold.ts), the bigram index terms
// (terms.ts), the term-frequency levels and sort keys that let a first page be ranked without
// scoring every hit (levels.ts), a clause's index rows (rows.ts), BM25 (bm25.ts), the query language (query.ts), the FTS5
// expression (fts.ts), and occurrences and snippets (highlight.ts). No I/O: the backend stores
// and queries, this decides what matches.
export { foldForSearch, foldWithMap, originalRange, type FoldedText } from './fold';
export { indexDocument, phraseFor, needsVerification, MAX_PHRASE_CHARS, type Phrase } from './terms';
export { parseQuery, positiveTerms, matchesFolded, type ParsedQuery, type QueryTerm } from './query';
export { ftsPlan, type FtsPlan } from './fts';
export { findOccurrences, makeSnippet, snippetAsText, SNIPPET_CHARS, type Range, type Snippet } from './highlight';
export { clauseIndexRow, writeClauseIndexRow, type ClauseIndexRow } from './rows';
export { Utf8Rows } from './utf8';
export { bm25Score, idf, saturation, SATURATION_LIMIT } from './bm25';
export {
  levelDocument,
  levelPlan,
  countOverlapping,
  codePointLength,
  sortKey,
  KEY_SPLIT,
  MAX_LEVEL,
  clauseIdOfKey,
  minLengthOfKey,
  lengthBand,
  type LevelPlan,
} from './levels';
