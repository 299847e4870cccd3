import type { Db } from './connection';
import { packText, type StoredText, withPlainText } from './documentText';
import type { DocumentSnapshot, RestoreStep } from '../services/trashRestore';

/**
 * Every SQL statement about the document Trash (migration document_trash). A snapshot is the rows
 * of a document and of what refers to it, exactly as SELECT * returns them, so restoring writes
 * back the same columns whatever later migrations add to those tables.
 */

type Row = Record<string, unknown>;

export type { DocumentSnapshot };

export interface TrashRow {
  id: number;
  doc_id: number;
  title: string | null;
  city: string | null;
  file_name: string;
  clauses: number;
  codings: number;
  notes: number;
  deleted_at: string;
  snapshot: string;
}

export function createTrashRepo(db: Db) {
  const all = (sql: string) => db.prepare(sql);
  const s = {
    document: all('SELECT * FROM documents WHERE id = ?'),
    parts: all('SELECT * FROM parts WHERE doc_id = ? ORDER BY part_index'),
    citations: all('SELECT * FROM citations WHERE doc_id = ? ORDER BY ord'),
    clauses: all('SELECT * FROM clauses WHERE doc_id = ? ORDER BY ord'),
    codings: all('SELECT * FROM codings WHERE doc_id = ? ORDER BY id'),
    instruments: all('SELECT * FROM clause_instruments WHERE doc_id = ?'),
    notes: all('SELECT * FROM annotations WHERE doc_id = ? ORDER BY id'),
    revisions: all('SELECT r.* FROM annotation_revisions r JOIN annotations a ON a.id = r.annotation_id WHERE a.doc_id = ?'),
    pointingNotes: all(`SELECT a.id, a.clause_id FROM annotations a JOIN clauses c ON c.id = a.clause_id
      WHERE c.doc_id = ? AND (a.doc_id IS NULL OR a.doc_id <> c.doc_id)`),
    rowNotes: all(`SELECT DISTINCT a.id, a.clause_ids, a.row_key FROM annotations a, json_each(a.clause_ids) j
      WHERE (a.doc_id IS NULL OR a.doc_id <> @doc) AND j.value IN (SELECT id FROM clauses WHERE doc_id = @doc)`),
    decisions: all(`SELECT * FROM alignment_decisions WHERE clause_a IN (SELECT id FROM clauses WHERE doc_id = @doc)
      OR clause_b IN (SELECT id FROM clauses WHERE doc_id = @doc)`),
    members: all('SELECT * FROM comparison_members WHERE doc_id = ?'),
    attributeValues: all('SELECT * FROM attribute_values WHERE doc_id = ?'),
    insert: db.prepare(`INSERT INTO document_trash (doc_id, title, city, file_name, clauses, codings, notes, deleted_at, snapshot)
      VALUES (@doc_id, @title, @city, @file_name, @clauses, @codings, @notes, @deleted_at, @snapshot)`),
    list: db.prepare('SELECT id, doc_id, title, city, file_name, clauses, codings, notes, deleted_at FROM document_trash ORDER BY deleted_at DESC, id DESC'),
    get: db.prepare('SELECT * FROM document_trash WHERE id = ?'),
    remove: db.prepare('DELETE FROM document_trash WHERE id = ?'),
    exists: (table: string, column = 'id') => db.prepare(`SELECT 1 FROM ${table} WHERE ${column} = ?`).pluck(),
  };
  const exists = {
    documents: s.exists('documents'),
    clauses: s.exists('clauses'),
    codings: s.exists('codings'),
    annotations: s.exists('annotations'),
    themes: s.exists('themes'),
    comparisons: s.exists('comparisons'),
    attributes: s.exists('attributes'),
  };
  const inserts = new Map<string, ReturnType<Db['prepare']>>();
  /** INSERT of a snapshot row into its table (the table names are this file's constants). */
  const columnsOf = new Map<string, Set<string>>();
  function insertRow(table: string, row: Row): number {
    // A snapshot taken before a later migration may hold columns since dropped (clauses' stored
    // text, documents' raw text): write back only the columns the table has now.
    let known = columnsOf.get(table);
    if (!known) columnsOf.set(table, (known = new Set(db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[])));
    if (table === 'documents' && known.has('cleaned_z') && typeof row.cleaned_text === 'string' && row.cleaned_z == null)
      row = { ...row, ...packText(row.cleaned_text) };
    const cols = Object.keys(row).filter((c) => known.has(c));
    const key = `${table}:${cols.join(',')}`;
    let st = inserts.get(key);
    if (!st) {
      st = db.prepare(`INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
      inserts.set(key, st);
    }
    return Number(st.run(row).lastInsertRowid);
  }

  const repo = {
    snapshot(docId: number): DocumentSnapshot | null {
      const stored = s.document.get(docId) as (Row & StoredText) | undefined;
      if (!stored) return null;
      // The snapshot is JSON: the text goes in plainly; insertRow packs it again on restore.
      const document = withPlainText(stored) as Row;
      return {
        document,
        parts: s.parts.all(docId) as Row[],
        citations: s.citations.all(docId) as Row[],
        clauses: s.clauses.all(docId) as Row[],
        codings: s.codings.all(docId) as Row[],
        instruments: s.instruments.all(docId) as Row[],
        notes: s.notes.all(docId) as Row[],
        revisions: s.revisions.all(docId) as Row[],
        pointingNotes: s.pointingNotes.all(docId) as DocumentSnapshot['pointingNotes'],
        rowNotes: s.rowNotes.all({ doc: docId }) as DocumentSnapshot['rowNotes'],
        decisions: s.decisions.all({ doc: docId }) as Row[],
        members: s.members.all(docId) as Row[],
        attributeValues: s.attributeValues.all(docId) as Row[],
      };
    },
    add(row: Omit<TrashRow, 'id'>): number {
      return Number(s.insert.run(row).lastInsertRowid);
    },
    list: () => s.list.all() as Array<Omit<TrashRow, 'snapshot'>>,
    get: (id: number) => s.get.get(id) as TrashRow | undefined,
    remove: (id: number) => s.remove.run(id).changes > 0,
    taken: (table: keyof typeof exists, id: unknown) => exists[table].get(id) !== undefined,
    insertRow,
    maxOrd: db.prepare('SELECT coalesce(max(ord), -1) FROM comparison_members WHERE comparison_id = ?').pluck() as unknown as { get(id: unknown): number },
    memberAt: db.prepare('SELECT 1 FROM comparison_members WHERE comparison_id = ? AND ord = ?').pluck(),
    decisionExists: db.prepare('SELECT 1 FROM alignment_decisions WHERE clause_a = ? AND clause_b = ?').pluck(),
    wholeClauseCoded: db.prepare('SELECT 1 FROM codings WHERE clause_id = ? AND theme_id = ? AND start IS NULL AND coder_id IS ?').pluck(),
    setNoteClause: db.prepare('UPDATE annotations SET clause_id = ? WHERE id = ? AND clause_id IS NULL'),
    setNoteClauses: db.prepare('UPDATE annotations SET clause_ids = ?, row_key = ? WHERE id = ?'),
  };
  const perform = (step: RestoreStep): unknown => {
    switch (step.op) {
      case 'insert':
        return insertRow(step.table, step.row);
      case 'taken':
        return exists[step.table].get(step.id) !== undefined;
      case 'wholeClauseCoded':
        return repo.wholeClauseCoded.get(step.clauseId, step.themeId, step.coderId) !== undefined;
      case 'decisionExists':
        return repo.decisionExists.get(step.a, step.b) !== undefined;
      case 'memberAt':
        return repo.memberAt.get(step.comparisonId, step.ord) !== undefined;
      case 'maxOrd':
        return repo.maxOrd.get(step.comparisonId);
      case 'setNoteClause':
        return repo.setNoteClause.run(step.clauseId, step.id);
      case 'setNoteClauses':
        return repo.setNoteClauses.run(step.clauseIds, step.rowKey, step.id);
    }
  };
  return { ...repo, perform };
}
export type TrashRepo = ReturnType<typeof createTrashRepo>;
