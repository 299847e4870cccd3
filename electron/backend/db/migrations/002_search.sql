-- Full-text search over clauses. The index holds, for each position of a clause's folded text
-- (NFKC, white space removed), the character bigram starting there (see
-- shared/domain/search/terms.ts), so queries of any length match exact substrings; a second
-- index holds term-frequency levels (shared/domain/search/levels.ts) so the first page of a
-- one-term query is ranked without scoring every hit.
-- Kept in step with imports, re-imports and deletions by the search feature's document hooks,
-- inside the same transaction.

-- One row per indexed clause. key = folded length × 2^32 + clause id is the rowid of both FTS5
-- tables, so their matches come shortest clause first (BM25 favours short clauses) and the
-- clause id is key % 2^32. base: where the clause's own text starts in the document's cleaned
-- text (clauses.text is trimmed, so this can differ from clauses.text_start). len: the folded
-- length in code points, BM25's document length.
CREATE TABLE search_clauses (
  key       INTEGER PRIMARY KEY,
  clause_id INTEGER NOT NULL UNIQUE,
  doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  base      INTEGER NOT NULL,
  len       INTEGER NOT NULL
);
CREATE INDEX search_clauses_doc ON search_clauses(doc_id);

-- Contentless: the clause text lives in clauses; only the bigram terms are stored. prefix='1'
-- indexes one-character prefixes so one-character queries are a prefix lookup.
CREATE VIRTUAL TABLE search_fts USING fts5(
  body,
  tokenize = 'ascii',
  prefix = '1',
  content = '',
  contentless_delete = 1
);

-- "This clause holds this character or bigram at least n times", for n ≥ 2 (levels.ts).
CREATE VIRTUAL TABLE search_levels USING fts5(
  levels,
  tokenize = 'ascii',
  content = '',
  contentless_delete = 1
);
