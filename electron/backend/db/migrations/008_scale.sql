-- A corpus of thousands of documents on a laptop (issue 13): text stored once, and a "where else"
-- index that grows by appending instead of rewriting pages all over the file at every import.

-- The importer's text before cleanup was stored beside the cleaned text and never read: every
-- offset, view and export refers to cleaned_text, and the source file's hash stays.
ALTER TABLE documents DROP COLUMN raw_text;

-- The LSH band rows were one b-tree ordered by hashed band key: every import batch wrote rows on
-- pages all over it, so a batch rewrote most of the table (the bulk of an import's disk writes),
-- and each row took ~17 bytes. The same buckets as an FTS5 index: one term per (band, key), the
-- clause id as rowid, no positions (detail=none) and no sizes (columnsize=0). FTS5 appends a batch
-- as a new segment and merges segments in the background, and its doclists are delta-coded.
-- A clause's rows are deleted with FTS5's 'delete' command, from the terms recomputed from its
-- stored signature (clause_signatures).
DROP TABLE clause_lsh;
CREATE VIRTUAL TABLE clause_bands USING fts5(
  bands,
  tokenize = 'ascii',
  content = '',
  detail = none,
  columnsize = 0
);
-- Band terms are computed from the signatures in code: the compare feature builds them once on
-- opening a project that has signatures but no bands yet.
INSERT INTO settings (key, value) SELECT 'clause_bands_pending', '1' WHERE EXISTS (SELECT 1 FROM clause_signatures);

-- A clause's own text is cleaned_text.slice(text_start, end).trim() of its document, by
-- definition (shared/domain/analyze): computed when read (db/clauseText.ts) instead of stored twice.
ALTER TABLE clauses DROP COLUMN text;
