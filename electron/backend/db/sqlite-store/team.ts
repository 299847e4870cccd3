import type { Db } from '../connection';

/**
 * SQL of the async store's SQLite side that the desktop repositories do not have (yet): coders
 * and per-coder codings (the `coders` table and `codings.coder_id` of the SQLite coders
 * migration), part spans, note revisions, and the document of a clause. A project without
 * the coders migration still reads and writes consensus codings; naming a coder there is an error.
 */
export function createTeamSql(db: Db) {
  const hasCoders = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'coders'").get() !== undefined;
  const coderColumn = hasCoders ? ', coder_id' : '';
  const s = {
    parts: db.prepare('SELECT part_index, title, start, end FROM parts WHERE doc_id = ? ORDER BY part_index'),
    revisions: db.prepare('SELECT revision, content FROM annotation_revisions WHERE annotation_id = ? ORDER BY revision'),
    clauseSpan: db.prepare('SELECT c.doc_id, c.start, c.end, d.cleaned_text, d.cleaned_z FROM clauses c JOIN documents d ON d.id = c.doc_id WHERE c.id = ?'),
    clauseDoc: db.prepare('SELECT doc_id FROM clauses WHERE id = ?').pluck(),
    coding: db.prepare('SELECT * FROM codings WHERE id = ?'),
    // Whole-clause coding per (clause, theme, coder): the conflict target is the partial unique index.
    upsertWhole: db.prepare(
      hasCoders
        ? `INSERT INTO codings (doc_id, clause_id, theme_id, start, end, quote, source, status, score, created_at, updated_at, coder_id)
          VALUES (@doc, @clause, @theme, NULL, NULL, NULL, 'manual', @status, 1, @now, @now, @coder)
        ON CONFLICT (clause_id, theme_id, IFNULL(coder_id, 0)) WHERE start IS NULL
        DO UPDATE SET status = excluded.status, source = 'manual', score = 1, updated_at = excluded.updated_at RETURNING *`
        : `INSERT INTO codings (doc_id, clause_id, theme_id, start, end, quote, source, status, score, created_at, updated_at)
          VALUES (@doc, @clause, @theme, NULL, NULL, NULL, 'manual', @status, 1, @now, @now)
        ON CONFLICT (clause_id, theme_id) WHERE start IS NULL
        DO UPDATE SET status = excluded.status, source = 'manual', score = 1, updated_at = excluded.updated_at RETURNING *`,
    ),
    insertRange: db.prepare(`INSERT INTO codings (doc_id, clause_id, theme_id, start, end, quote, source, status, score, created_at, updated_at${coderColumn})
      VALUES (@doc, @clause, @theme, @start, @end, @quote, 'manual', 'accepted', 1, @now, @now${hasCoders ? ', @coder' : ''}) RETURNING *`),
    deleteCoding: db.prepare('DELETE FROM codings WHERE id = ?'),
    codingsOfDoc: db.prepare('SELECT * FROM codings WHERE doc_id = ? ORDER BY clause_id, start, id'),
    codingsOfDocCoder: db.prepare(
      hasCoders
        ? 'SELECT * FROM codings WHERE doc_id = ? AND coder_id IS ? ORDER BY clause_id, start, id'
        : 'SELECT * FROM codings WHERE doc_id = ? AND ? IS NULL ORDER BY clause_id, start, id',
    ),
    codingsOfClause: db.prepare('SELECT * FROM codings WHERE clause_id = ? ORDER BY start, id'),
    codingsOfCoder: db.prepare(
      hasCoders
        ? 'SELECT * FROM codings WHERE coder_id IS ? ORDER BY doc_id, clause_id, start, id'
        : 'SELECT * FROM codings WHERE ? IS NULL ORDER BY doc_id, clause_id, start, id',
    ),
    ...(hasCoders
      ? {
          insertCoder: db.prepare('INSERT INTO coders (name, created_at) VALUES (?, ?) RETURNING *'),
          coders: db.prepare('SELECT * FROM coders ORDER BY id'),
          coderByName: db.prepare('SELECT * FROM coders WHERE name = ?'),
        }
      : {}),
  };
  return { hasCoders, ...s };
}
export type TeamSql = ReturnType<typeof createTeamSql>;
