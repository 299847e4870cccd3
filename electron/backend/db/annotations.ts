import type { Db } from './connection';
import type { AnnotationKind } from '../../../shared/domain/vocabulary';

/** Every SQL statement about annotations (notes) and their revisions. */

export interface AnnotationRow {
  id: number;
  kind: AnnotationKind;
  doc_id: number | null;
  clause_id: number | null;
  start: number | null;
  end: number | null;
  quote: string | null;
  comparison_id: number | null;
  row_key: string | null;
  clause_ids: string;
  content: string;
  format_version: number;
  plain_text: string;
  mentions: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
export type NewAnnotation = Omit<AnnotationRow, 'id' | 'revision' | 'created_at' | 'updated_at' | 'deleted_at'>;

export function createAnnotationsRepo(db: Db) {
  const s = {
    get: db.prepare('SELECT * FROM annotations WHERE id = ?'),
    insert:
      db.prepare(`INSERT INTO annotations (kind, doc_id, clause_id, start, end, quote, comparison_id, row_key, clause_ids, content, format_version, plain_text, mentions, revision, created_at, updated_at)
      VALUES (@kind, @doc_id, @clause_id, @start, @end, @quote, @comparison_id, @row_key, @clause_ids, @content, @format_version, @plain_text, @mentions, 1, @now, @now)`),
    keepRevision: db.prepare(`INSERT OR IGNORE INTO annotation_revisions (annotation_id, revision, content, format_version, saved_at)
      SELECT id, revision, content, format_version, updated_at FROM annotations WHERE id = ?`),
    save: db.prepare(`UPDATE annotations SET content = @content, format_version = @format_version, plain_text = @plain_text, mentions = @mentions,
      revision = revision + 1, updated_at = @now WHERE id = @id`),
    setDeleted: db.prepare('UPDATE annotations SET deleted_at = ? WHERE id = ?'),
    list: db.prepare(`SELECT * FROM annotations WHERE deleted_at IS NULL
      AND (@kind IS NULL OR kind = @kind) AND (@doc IS NULL OR doc_id = @doc) AND (@cmp IS NULL OR comparison_id = @cmp)
      AND (@q IS NULL OR instr(lower(plain_text), lower(@q)) > 0 OR instr(coalesce(quote, ''), @q) > 0)
      ORDER BY updated_at DESC, id DESC LIMIT @limit`),
    ofDoc: db.prepare('SELECT * FROM annotations WHERE doc_id = ? AND deleted_at IS NULL'),
    ofDocAll: db.prepare('SELECT * FROM annotations WHERE doc_id = ?'),
    move: db.prepare('UPDATE annotations SET clause_id = @clause_id, start = @start, end = @end WHERE id = @id'),
    docInfo: db.prepare('SELECT id, title, city FROM documents WHERE id = ?'),
    clauseInfo: db.prepare('SELECT id, doc_id, path, start, end FROM clauses WHERE id = ?'),
    ofKind: db.prepare('SELECT * FROM annotations WHERE kind = ? AND deleted_at IS NULL ORDER BY id'),
  };
  return {
    get: (id: number) => (s.get.get(id) as AnnotationRow | undefined) ?? null,
    insert: (a: NewAnnotation) => Number(s.insert.run({ ...a, now: new Date().toISOString() }).lastInsertRowid),
    /** Keeps the current revision in the history, then writes the new content. */
    save(id: number, v: Pick<AnnotationRow, 'content' | 'format_version' | 'plain_text' | 'mentions'>) {
      s.keepRevision.run(id);
      s.save.run({ ...v, id, now: new Date().toISOString() });
    },
    setDeleted: (id: number, deleted: boolean) => s.setDeleted.run(deleted ? new Date().toISOString() : null, id),
    list: (f: { kind: string | null; doc: number | null; cmp: number | null; q: string | null; limit: number }) => s.list.all(f) as AnnotationRow[],
    ofDoc: (docId: number) => s.ofDoc.all(docId) as AnnotationRow[],
    ofKind: (kind: string) => s.ofKind.all(kind) as AnnotationRow[],
    ofDocAll: (docId: number) => s.ofDocAll.all(docId) as AnnotationRow[],
    move: (id: number, clauseId: number | null, start: number | null, end: number | null) => s.move.run({ id, clause_id: clauseId, start, end }),
    docInfo: (id: number) => (s.docInfo.get(id) as { id: number; title: string | null; city: string | null } | undefined) ?? null,
    clauseInfo: (id: number) => (s.clauseInfo.get(id) as { id: number; doc_id: number; path: string; start: number; end: number } | undefined) ?? null,
  };
}
export type AnnotationsRepo = ReturnType<typeof createAnnotationsRepo>;
