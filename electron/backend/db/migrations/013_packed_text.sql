-- A corpus on a laptop, fifth step (issue 13): a document's cleaned text is stored deflated.
--
-- The text was the largest single thing in a project (about 1.0x the corpus's UTF-8 size); deflated
-- it takes about a third (db/documentText.ts). Rows with cleaned_z set keep '' in cleaned_text;
-- rows of older projects keep their plain text until the background upkeep packs them, and both
-- are read the same way, so nothing has to be rewritten here.
ALTER TABLE documents ADD COLUMN cleaned_z BLOB;
