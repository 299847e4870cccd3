-- A corpus on a laptop, third step (issue 13): the search index's clause table a fifth of its size.
--
-- search_clauses stored each clause four times over: a row under its index key, a unique index on
-- clause_id, an index on doc_id, and `base` (where the own text starts), which is computed from
-- the cleaned text with the clause's text anyway (db/clauseText.ts). The key is sortKey(len,
-- clause_id) (shared/domain/search/levels.ts) and a clause's document is in clauses, so what is
-- left to keep is which clauses are indexed, with their folded length (BM25's document length,
-- and the key of their FTS5 rows), clustered by document: a document is unindexed by its rows.
-- Existing rows are kept as they are: the FTS5 indexes do not change.
CREATE TABLE search_clauses_compact (
  doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  clause_id INTEGER NOT NULL,
  len       INTEGER NOT NULL,
  PRIMARY KEY (doc_id, clause_id)
) WITHOUT ROWID;
INSERT INTO search_clauses_compact (doc_id, clause_id, len) SELECT doc_id, clause_id, len FROM search_clauses;
DROP TABLE search_clauses;
ALTER TABLE search_clauses_compact RENAME TO search_clauses;
