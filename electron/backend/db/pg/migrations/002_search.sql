-- Search over clauses with the SQLite index's exact semantics (shared/domain/search): a clause is
-- a hit when its folded text (NFKC, white space removed, a year's brackets as 〔〕, folded in
-- JavaScript by foldForSearch, never by the server) contains every term of a query group.
-- `grams` holds the distinct character and character-pair keys of the folded text
-- (electron/backend/db/pg/grams.ts): the GIN index finds the clauses holding every key of a
-- term, and strpos() on `folded` then checks the term itself, so a hit is exact whatever the
-- term's length — one character, two, or a whole sentence.
CREATE TABLE search_clauses (
  clause_id integer PRIMARY KEY REFERENCES clauses(id) ON DELETE CASCADE,
  doc_id    integer NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  base      integer NOT NULL,     -- where the clause's own text starts in the cleaned text
  len       integer NOT NULL,     -- folded length in code points: BM25's document length
  text      text NOT NULL,        -- the clause's own text (occurrences are offsets into it)
  folded    text COLLATE "C" NOT NULL,
  grams     integer[] NOT NULL
);
CREATE INDEX search_clauses_doc ON search_clauses(doc_id);
CREATE INDEX search_clauses_grams ON search_clauses USING gin (grams);

-- Corpus totals BM25 needs (clause count, summed length), kept in step by every write.
CREATE TABLE search_stats (
  id        integer PRIMARY KEY CHECK (id = 1),
  rows      bigint NOT NULL,
  total_len bigint NOT NULL
);
INSERT INTO search_stats (id, rows, total_len) VALUES (1, 0, 0);
