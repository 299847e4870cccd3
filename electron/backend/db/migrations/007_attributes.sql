-- Researchers' own document attributes (NVivo classifications, MAXQDA document variables):
-- 政策类型, 东中西部, 试点城市 … with a type, and one value per document and attribute.

-- Deleting an attribute is soft (deleted_at), so undo brings it back with its values.
CREATE TABLE attributes (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  type       TEXT NOT NULL CHECK (type IN ('text', 'choice', 'number', 'date', 'boolean')),
  options    TEXT NOT NULL DEFAULT '[]',     -- JSON array of a choice attribute's options, in order
  ord        INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
-- Names are unique among live attributes only: a deleted one may be re-created under its name.
CREATE UNIQUE INDEX attributes_live_name ON attributes(name) WHERE deleted_at IS NULL;

-- Values in their canonical text form (shared/domain/attributes/values.ts): numbers without
-- exponent, dates YYYY-MM-DD, booleans 'true'/'false'. A document deleted for good takes its
-- values with it; a document in the trash keeps them.
CREATE TABLE attribute_values (
  doc_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  value        TEXT NOT NULL,
  PRIMARY KEY (doc_id, attribute_id)
);
CREATE INDEX attribute_values_attribute ON attribute_values(attribute_id, value);

-- Undo log of the attribute table: each entry holds the values, metadata and attribute rows it
-- changed, before and after, so Ctrl+Z still works after a restart. `undone` entries are the redo stack.
CREATE TABLE attribute_undo_log (
  id         INTEGER PRIMARY KEY,
  label      TEXT NOT NULL,
  changes    TEXT NOT NULL,                 -- JSON, see electron/backend/attributes/undo.ts
  undone     INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
