import { type DocumentSnapshot, type RestoreStep, runStepsAsync, trashEntryOf, writeBackSteps } from '../../services/trashRestore';
import type { TrashEntry, TrashRepository } from '../../store/recordTypes';
import { StoreError } from '../../store/types';
import { pgColumns } from '../move/pg';
import { clauseOf, createPgDocuments, writeIndexRows } from './documents';
import { clientRunner, type Queryable, type Runner } from './runner';

/**
 * The document Trash on PostgreSQL: the snapshot statements of db/trash.ts (SQLite) and the
 * steps of services/trashRestore.ts run on one client, inside one transaction. A snapshot is the
 * same JSON as the desktop's, so a Trash moves between a desktop file and a team database.
 */

type Row = Record<string, unknown>;

const SNAPSHOT = {
  document: 'SELECT * FROM documents WHERE id = $1',
  parts: 'SELECT * FROM parts WHERE doc_id = $1 ORDER BY part_index',
  citations: 'SELECT * FROM citations WHERE doc_id = $1 ORDER BY ord',
  clauses: 'SELECT * FROM clauses WHERE doc_id = $1 ORDER BY ord',
  codings: 'SELECT * FROM codings WHERE doc_id = $1 ORDER BY id',
  instruments: 'SELECT * FROM clause_instruments WHERE doc_id = $1',
  notes: 'SELECT * FROM annotations WHERE doc_id = $1 ORDER BY id',
  revisions: 'SELECT r.* FROM annotation_revisions r JOIN annotations a ON a.id = r.annotation_id WHERE a.doc_id = $1',
  pointingNotes: `SELECT a.id, a.clause_id FROM annotations a JOIN clauses c ON c.id = a.clause_id
    WHERE c.doc_id = $1 AND (a.doc_id IS NULL OR a.doc_id <> c.doc_id)`,
  rowNotes: `SELECT DISTINCT a.id, a.clause_ids, a.row_key FROM annotations a, json_array_elements_text(a.clause_ids::json) j
    WHERE (a.doc_id IS NULL OR a.doc_id <> $1) AND j.value::integer IN (SELECT id FROM clauses WHERE doc_id = $1)`,
  decisions: `SELECT * FROM alignment_decisions WHERE clause_a IN (SELECT id FROM clauses WHERE doc_id = $1)
    OR clause_b IN (SELECT id FROM clauses WHERE doc_id = $1)`,
  members: 'SELECT * FROM comparison_members WHERE doc_id = $1',
  attributeValues: 'SELECT * FROM attribute_values WHERE doc_id = $1',
} as const;

/** Tables whose identity a restore may write explicitly: their sequences must stay ahead of it. */
const IDENTITY_TABLES = ['documents', 'clauses', 'codings', 'annotations'] as const;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function snapshot(q: Queryable, docId: number): Promise<DocumentSnapshot | null> {
  const all = async (sql: string) => (await q.query(sql, [docId])).rows as Row[];
  const [document] = await all(SNAPSHOT.document);
  if (!document) return null;
  return {
    document,
    parts: await all(SNAPSHOT.parts),
    citations: await all(SNAPSHOT.citations),
    clauses: await all(SNAPSHOT.clauses),
    codings: await all(SNAPSHOT.codings),
    instruments: await all(SNAPSHOT.instruments),
    notes: await all(SNAPSHOT.notes),
    revisions: await all(SNAPSHOT.revisions),
    pointingNotes: (await all(SNAPSHOT.pointingNotes)) as DocumentSnapshot['pointingNotes'],
    rowNotes: (await all(SNAPSHOT.rowNotes)) as DocumentSnapshot['rowNotes'],
    decisions: await all(SNAPSHOT.decisions),
    members: await all(SNAPSHOT.members),
    attributeValues: await all(SNAPSHOT.attributeValues),
  };
}

/** Answers the restore steps on one client (inside the restoring transaction). */
function performer(q: Queryable) {
  const columns = new Map<string, Set<string>>();
  const exists = async (sql: string, params: unknown[]) => (await q.query(sql, params)).rows.length > 0;
  async function insertRow(table: string, row: Row): Promise<number> {
    let known = columns.get(table);
    if (!known) columns.set(table, (known = new Set(await pgColumns(q, table))));
    // Only the columns the table has now (a desktop snapshot holds desktop-only ones, an old one
    // dropped ones); a null id asks the identity for a new one.
    const cols = Object.keys(row).filter((c) => known.has(c) && !(c === 'id' && row.id == null));
    const list = cols.map(quote).join(', ');
    const { rows } = await q.query(
      `INSERT INTO ${quote(table)} (${list}) SELECT ${list} FROM json_populate_record(NULL::${quote(table)}, $1::json)${known.has('id') ? ' RETURNING id' : ''}`,
      [JSON.stringify(Object.fromEntries(cols.map((c) => [c, row[c] ?? null])))],
    );
    return known.has('id') ? (rows[0].id as number) : 0;
  }
  return async (step: RestoreStep): Promise<unknown> => {
    switch (step.op) {
      case 'insert':
        return insertRow(step.table, step.row);
      case 'taken':
        return exists(`SELECT 1 FROM ${quote(step.table)} WHERE id = $1`, [step.id]);
      case 'wholeClauseCoded':
        return exists('SELECT 1 FROM codings WHERE clause_id = $1 AND theme_id = $2 AND start IS NULL AND coder_id IS NOT DISTINCT FROM $3::integer', [
          step.clauseId,
          step.themeId,
          step.coderId,
        ]);
      case 'decisionExists':
        return exists('SELECT 1 FROM alignment_decisions WHERE clause_a = $1 AND clause_b = $2', [step.a, step.b]);
      case 'memberAt':
        return exists('SELECT 1 FROM comparison_members WHERE comparison_id = $1 AND ord = $2', [step.comparisonId, step.ord]);
      case 'maxOrd':
        return (
          await q.query<{ n: number }>('SELECT coalesce(max(ord), -1)::integer AS n FROM comparison_members WHERE comparison_id = $1', [step.comparisonId])
        ).rows[0].n;
      case 'setNoteClause':
        return q.query('UPDATE annotations SET clause_id = $1 WHERE id = $2 AND clause_id IS NULL', [step.clauseId, step.id]);
      case 'setNoteClauses':
        return q.query('UPDATE annotations SET clause_ids = $1, row_key = $2 WHERE id = $3', [step.clauseIds, step.rowKey, step.id]);
    }
  };
}

const entryOf = (r: Row): TrashEntry => ({
  id: r.id as number,
  docId: r.doc_id as number,
  title: r.title as string | null,
  city: r.city as string | null,
  fileName: r.file_name as string,
  clauses: r.clauses as number,
  codings: r.codings as number,
  notes: r.notes as number,
  deletedAt: r.deleted_at as string,
});

export function createPgTrash(run: Runner): TrashRepository {
  return {
    trashDocument: (docId) =>
      run.write(async (q) => {
        // The row lock makes a concurrent edit of the document wait for (and then miss) it.
        await q.query('SELECT 1 FROM documents WHERE id = $1 FOR UPDATE', [docId]);
        const snap = await snapshot(q, docId);
        if (!snap) throw new StoreError('not_found', `Document ${docId} does not exist (it may have been deleted).`);
        const e = trashEntryOf(docId, snap, new Date().toISOString());
        const { rows } = await q.query<{ id: number }>(
          `INSERT INTO document_trash (doc_id, title, city, file_name, clauses, codings, notes, deleted_at, snapshot)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [e.doc_id, e.title, e.city, e.file_name, e.clauses, e.codings, e.notes, e.deleted_at, e.snapshot],
        );
        await createPgDocuments(clientRunner(q)).remove(docId);
        return rows[0].id;
      }),
    list: async () =>
      (
        await run.read('SELECT id, doc_id, title, city, file_name, clauses, codings, notes, deleted_at FROM document_trash ORDER BY deleted_at DESC, id DESC')
      ).map(entryOf),
    restore: (trashId) =>
      run.write(async (q) => {
        const { rows } = await q.query<{ snapshot: string }>('SELECT snapshot FROM document_trash WHERE id = $1 FOR UPDATE', [trashId]);
        if (!rows.length) throw new StoreError('not_found', `Nothing with id ${trashId} is in the Trash (it may have been restored or purged).`);
        const { docId, lost } = await runStepsAsync(writeBackSteps(JSON.parse(rows[0].snapshot) as DocumentSnapshot), performer(q));
        for (const t of IDENTITY_TABLES)
          await q.query(
            `SELECT setval(s, m) FROM (SELECT pg_get_serial_sequence($1, 'id') AS s, (SELECT max(id) FROM ${quote(t)}) AS m) x
            WHERE m > coalesce(pg_sequence_last_value(s::regclass), 0)`,
            [t],
          );
        // The search and "where else" rows, as an import writes them.
        const cleaned = (await q.query<{ cleaned_text: string }>('SELECT cleaned_text FROM documents WHERE id = $1', [docId])).rows[0].cleaned_text;
        const clauses = (await q.query('SELECT * FROM clauses WHERE doc_id = $1 ORDER BY ord', [docId])).rows.map((r) => clauseOf(r, cleaned));
        await writeIndexRows(q, docId, cleaned, clauses);
        await q.query('DELETE FROM document_trash WHERE id = $1', [trashId]);
        return { id: docId, lost };
      }),
    purge: (trashId) => run.write(async (q) => ((await q.query('DELETE FROM document_trash WHERE id = $1', [trashId])).rowCount ?? 0) > 0),
    restoreNote: (id) => run.write(async (q) => ((await q.query('UPDATE annotations SET deleted_at = NULL WHERE id = $1', [id])).rowCount ?? 0) > 0),
  };
}
