-- Documents, their parts and clauses: what an import produces.
-- Offsets (start/end) are UTF-16 offsets into documents.cleaned_text, the common currency of
-- search hits, codings, annotations and exports; cleaned_text is stored so they never move.

CREATE TABLE documents (
  id              INTEGER PRIMARY KEY,
  file_name       TEXT NOT NULL,          -- the source file's base name
  source_path     TEXT,                   -- where it was imported from, when known
  source_hash     TEXT NOT NULL,          -- sha256 of the source bytes: detects duplicates and changes
  format          TEXT NOT NULL,
  encoding        TEXT,
  title           TEXT,
  city            TEXT,
  province        TEXT,
  level           TEXT,
  issuer          TEXT,
  doc_number      TEXT,
  doc_number_key  TEXT,                   -- 文号 folded for matching (brackets, widths, spaces)
  date_written    TEXT,
  date_published  TEXT,
  validity        TEXT,
  period          TEXT,
  inferred_fields TEXT NOT NULL DEFAULT '[]',   -- JSON array of field names inferred, not read
  edited_fields   TEXT NOT NULL DEFAULT '[]',   -- JSON array of field names edited by hand: never overwritten
  warnings        TEXT NOT NULL DEFAULT '[]',
  imported_at     TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  -- The large texts come last: SQLite walks a row's overflow pages to reach any column stored
  -- after them, so metadata reads (lists, search filters) would pay for the whole text.
  raw_text        TEXT NOT NULL,          -- the importer's text before cleanup
  cleaned_text    TEXT NOT NULL
);
CREATE INDEX documents_hash ON documents(source_hash);
CREATE INDEX documents_file ON documents(file_name);
CREATE INDEX documents_doc_number ON documents(doc_number_key);

CREATE TABLE parts (
  doc_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  part_index INTEGER NOT NULL,
  title      TEXT NOT NULL,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  PRIMARY KEY (doc_id, part_index)
);

CREATE TABLE clauses (
  id          INTEGER PRIMARY KEY,
  doc_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  parent_id   INTEGER REFERENCES clauses(id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,            -- reading order within the document
  label       TEXT NOT NULL,
  level       INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('preamble', 'part', 'heading', 'measure')),
  heading     TEXT,
  text        TEXT NOT NULL,               -- own text, without label and children
  start       INTEGER NOT NULL,
  text_start  INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  part_index  INTEGER,
  path        TEXT NOT NULL,
  lead_agencies        TEXT NOT NULL DEFAULT '[]',
  responsible_agencies TEXT NOT NULL DEFAULT '[]',
  UNIQUE (doc_id, ord)
);
CREATE INDEX clauses_doc ON clauses(doc_id, ord);
CREATE INDEX clauses_parent ON clauses(parent_id);

-- 文号 cited in a document's body; resolved to documents by doc_number at read time.
CREATE TABLE citations (
  doc_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord        INTEGER NOT NULL,
  doc_number TEXT NOT NULL,
  doc_number_key TEXT NOT NULL,
  PRIMARY KEY (doc_id, ord)
);
CREATE INDEX citations_number ON citations(doc_number_key);

-- Key/value settings of the project (locale, first-run flags).
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
