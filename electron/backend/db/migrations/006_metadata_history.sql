-- Metadata of regulations and exported texts (issue #11): when a text takes effect, who approved
-- it and when, its dated history (adopted, approved, amended …) as JSON, and the id and address
-- of the database it was exported from (PKULaw). Levels gain 'national' and 'municipality'.
ALTER TABLE documents ADD COLUMN date_effective TEXT;
ALTER TABLE documents ADD COLUMN approved_by TEXT;
ALTER TABLE documents ADD COLUMN date_approved TEXT;
ALTER TABLE documents ADD COLUMN history TEXT NOT NULL DEFAULT '[]';
ALTER TABLE documents ADD COLUMN source_id TEXT;
ALTER TABLE documents ADD COLUMN source_url TEXT;

-- Search now folds the brackets of a 文号's year (青政发[2012]46号 = 青政发〔2012〕46号): the
-- index is rebuilt from the clauses at the next start (the search store rebuilds when it holds
-- fewer clauses than the project).
DELETE FROM search_clauses;
