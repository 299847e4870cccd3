-- A corpus on a laptop, second step (issue 13): the indexes a quarter of their size.

-- Search: index keys were (folded length × 2^32 + clause id); FTS5 stores each posting's key as a
-- delta from the previous one, so every change of length cost a five-byte delta, most of the
-- index. Keys now hold a length band (two per doubling, shared/domain/search/levels.ts), and the
-- search code reads exact lengths from search_clauses.len. The one-character prefix index (a
-- second copy of every position) is gone: one-character queries read the level index, which now
-- also says "holds this character" (level 1). The level index is only ever matched by whole
-- markers, never by phrases, so it keeps no positions (detail=none).
-- The index is rebuilt from the clauses when the project is opened (search_clauses is emptied
-- here, and the search feature rebuilds an index that holds fewer clauses than the corpus).
DROP TABLE search_fts;
DROP TABLE search_levels;
DELETE FROM search_clauses;
CREATE VIRTUAL TABLE search_fts USING fts5(
  body,
  tokenize = 'ascii',
  content = '',
  contentless_delete = 1
);
CREATE VIRTUAL TABLE search_levels USING fts5(
  levels,
  tokenize = 'ascii',
  content = '',
  contentless_delete = 1,
  detail = none
);
-- How many clauses hold each bigram: "where else" picks a clause's rarest bigrams from it.
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row');

-- "Where else": the MinHash signatures (256 bytes a clause, as much as the text) are computed from
-- the clause text when needed instead of stored. Band rows are deleted by clause id
-- (contentless_delete), not from terms recomputed from a stored signature.
DROP TABLE clause_signatures;
DROP TABLE clause_bands;
CREATE VIRTUAL TABLE clause_bands USING fts5(
  bands,
  tokenize = 'ascii',
  content = '',
  contentless_delete = 1,
  detail = none
);
-- Built from the clause texts by the compare feature when the project is opened.
DELETE FROM settings WHERE key = 'clause_bands_pending';
INSERT INTO settings (key, value) SELECT 'clause_bands_pending', '1' WHERE EXISTS (SELECT 1 FROM clauses);

-- The same as the UNIQUE (doc_id, ord) constraint's own index.
DROP INDEX clauses_doc;
