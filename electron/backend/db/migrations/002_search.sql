-- Full-text search over clauses. The index holds, for each position of a clause's folded text
-- (NFKC, white space removed), the character bigram starting there (see
-- shared/domain/search/terms.ts), so queries of any length match exact substrings.
-- Kept in step with imports, re-imports and deletions by the search feature's document hooks,
-- inside the same transaction.

-- One row per indexed clause: its document (for filters and facets) and where its own text
-- starts in the document's cleaned text (clauses.text is trimmed, so this can differ from
-- clauses.text_start). search_fts rowid = clause id.
CREATE TABLE search_clauses (
  clause_id INTEGER PRIMARY KEY,
  doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  base      INTEGER NOT NULL
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
