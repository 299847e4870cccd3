import { ApiError } from '../../../shared/api/errors';
import type { Clause, DocumentDetail, documentsMethods } from '../../../shared/api/methods/documents';
import type { BackendContext } from '../context';
import { createDocumentFinder } from '../db/documentFind';
import { type ClauseRow, type DocumentRow, metadataOf } from '../db/documents';
import type { HandlerGroup } from './types';

export function toClause(r: ClauseRow): Clause {
  return {
    id: r.id,
    docId: r.doc_id,
    parentId: r.parent_id,
    label: r.label,
    level: r.level,
    kind: r.kind,
    heading: r.heading,
    text: r.text,
    start: r.start,
    end: r.end,
    partIndex: r.part_index,
    path: r.path,
    agencies: { lead: JSON.parse(r.lead_agencies) as string[], responsible: JSON.parse(r.responsible_agencies) as string[] },
  };
}

export function requireDocument(ctx: BackendContext, id: number): DocumentRow {
  const row = ctx.documents.get(id);
  if (!row) throw new ApiError('not_found', `Document ${id} does not exist (it may have been deleted).`);
  return row;
}

function detail(ctx: BackendContext, row: DocumentRow): DocumentDetail {
  const [summary] = ctx.documents.list(row.id);
  return {
    ...summary,
    ...metadataOf(row),
    inferred: JSON.parse(row.inferred_fields),
    edited: JSON.parse(row.edited_fields),
    cited: ctx.documents.citations(row.id).map((n) => ({ docNumber: n, documentId: ctx.documents.documentIdByNumber(n) })),
    citedBy: row.doc_number ? ctx.documents.citedBy(row.doc_number, row.id) : [],
    warnings: JSON.parse(row.warnings),
    sourceHash: row.source_hash,
  };
}

export function documentsHandlers(ctx: BackendContext): HandlerGroup<keyof typeof documentsMethods> {
  // A document takes (and gives back) codings, notes and links: every view of them reloads.
  const changedAll = () => {
    for (const topic of ['documents', 'themes', 'notes', 'compare'] as const) ctx.events.changed(topic);
  };
  const finder = createDocumentFinder(ctx.db);
  return {
    'documents.list': () => ctx.documents.list(),
    'documents.find': ({ q, ids, offset, limit }) => {
      const found = finder.find({ q, ids: ids ?? null, offset, limit });
      // Only the page's summaries, by primary key: reading every summary per keystroke (or
      // documents.list(id), which scans the table, once per id) costs more than the lookup itself with 5,000 documents.
      const byId = new Map(ctx.documents.summaries(found.ids).map((d) => [d.id, d]));
      return { total: found.total, documents: found.ids.flatMap((id) => byId.get(id) ?? []) };
    },
    'documents.filterValues': () => finder.values(),
    'documents.get': ({ id }) => detail(ctx, requireDocument(ctx, id)),
    'documents.text': ({ id }) => ({ text: requireDocument(ctx, id).cleaned_text }),
    'documents.clauses': ({ id }) => {
      requireDocument(ctx, id);
      return ctx.documents.clauses(id).map(toClause);
    },
    'documents.updateMetadata': ({ id, fields }) => {
      requireDocument(ctx, id);
      ctx.db.transaction(() => ctx.documents.updateMetadata(id, fields))();
      ctx.events.changed('documents');
      return detail(ctx, requireDocument(ctx, id));
    },
    'documents.delete': ({ id }) => {
      requireDocument(ctx, id);
      const trashId = ctx.imports.deleteDocument(id);
      changedAll();
      return { ok: true, trashId };
    },
    'documents.trash': () =>
      ctx.trash.list().map((r) => ({
        trashId: r.id,
        docId: r.doc_id,
        title: r.title,
        city: r.city,
        file: r.file_name,
        clauseCount: r.clauses,
        codingCount: r.codings,
        noteCount: r.notes,
        deletedAt: r.deleted_at,
      })),
    'documents.restore': ({ trashId }) => {
      const restored = ctx.trash.restore(trashId);
      changedAll();
      return restored;
    },
    'documents.purge': ({ trashId }) => {
      ctx.trash.purge(trashId);
      ctx.events.changed('documents');
      return { ok: true };
    },
    'documents.importPaths': async ({ paths, taskId }) => {
      const task = ctx.tasks.start(taskId);
      try {
        return await ctx.imports.fromPaths(paths, task);
      } finally {
        task.end();
      }
    },
    'documents.importFiles': async ({ files, taskId }) => {
      const task = ctx.tasks.start(taskId);
      try {
        return await ctx.imports.fromUploads(files, task);
      } finally {
        task.end();
      }
    },
  };
}
