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

-- Suggested codings: most clauses of a corpus match no theme's lexicon, and get the codebook's
-- catch-all theme ('other', score 0.3; shared/domain/themes/suggest.ts) as their suggestion: four
-- in five suggestion rows, about as many bytes as half the corpus' text. That suggestion is now a
-- flag of the clause's instrument row, and db/themes.ts shows it as a suggestion (under an id of
-- its own above every stored one) while the clause has no stored consensus coding of 'other';
-- accepting or rejecting it stores the row as before. The stored rows are folded into the flag:
-- nothing but their ids and timestamps goes.
ALTER TABLE clause_instruments ADD COLUMN fallback INTEGER NOT NULL DEFAULT 0 CHECK (fallback IN (0, 1));
UPDATE clause_instruments SET fallback = 1 WHERE clause_id IN (
  SELECT clause_id FROM codings
  WHERE theme_id = 'other' AND source = 'auto' AND status = 'suggested' AND score = 0.3 AND start IS NULL AND coder_id IS NULL
);
DELETE FROM codings
WHERE theme_id = 'other' AND source = 'auto' AND status = 'suggested' AND score = 0.3 AND start IS NULL AND coder_id IS NULL
  AND clause_id IN (SELECT clause_id FROM clause_instruments WHERE fallback = 1);
