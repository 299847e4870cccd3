import { ApiError } from '../../../shared/api/errors';
import type { Output } from '../../../shared/api/contract';
import type { notesMethods, AnnotationTarget } from '../../../shared/api/methods/notes';
import {
  ANNOTATION_FORMAT_VERSION,
  AnnotationFormatError,
  clauseMentions,
  emptyState,
  parseState,
  plainText,
  restoreAnnotationState,
} from '../../../shared/domain/annotations/index';
import type { BackendContext } from '../context';
import { type AnnotationRow, createAnnotationsRepo } from '../db/annotations';
import type { HandlerGroup } from '../handlers/types';
import type { DocumentHooks } from '../services/hooks';
import { reanchorAnnotations } from './reanchor';

type Full = Output<'notes.get'>;

/** The annotations feature: notes in Lexical JSON attached to documents, clauses, ranges, alignment rows and comparisons. */
export function createNotesFeature(ctx: BackendContext): { handlers: HandlerGroup<keyof typeof notesMethods>; hooks?: DocumentHooks } {
  const { db, events } = ctx;
  const repo = createAnnotationsRepo(db);

  function targetOf(r: AnnotationRow): AnnotationTarget {
    switch (r.kind) {
      case 'document':
        return { kind: 'document', docId: r.doc_id! };
      // A note whose clause is gone stays with its document.
      case 'clause':
        return r.clause_id === null ? { kind: 'document', docId: r.doc_id! } : { kind: 'clause', docId: r.doc_id!, clauseId: r.clause_id };
      case 'range':
        return { kind: 'range', docId: r.doc_id!, start: r.start!, end: r.end! };
      case 'alignmentRow':
        return { kind: 'alignmentRow', comparisonId: r.comparison_id, rowKey: r.row_key ?? '', clauseIds: JSON.parse(r.clause_ids) as number[] };
      case 'comparison':
        return { kind: 'comparison', comparisonId: r.comparison_id! };
    }
  }

  function full(r: AnnotationRow): Full {
    const doc = r.doc_id ? repo.docInfo(r.doc_id) : null;
    const clause = r.clause_id ? repo.clauseInfo(r.clause_id) : null;
    const state = restoreAnnotationState(r.content, r.format_version);
    return {
      id: r.id,
      target: targetOf(r),
      plainText: r.plain_text,
      context: {
        docId: r.doc_id,
        docTitle: doc?.title ?? null,
        city: doc?.city ?? null,
        clauseId: r.clause_id,
        clausePath: clause?.path ?? null,
        quote: r.quote,
      },
      mentions: (JSON.parse(r.mentions) as Array<{ docId: number; clauseId: number }>).map((m) => ({ docId: m.docId, clauseId: m.clauseId })),
      revision: r.revision,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      content: JSON.stringify(state),
      formatVersion: ANNOTATION_FORMAT_VERSION,
    };
  }
  const summary = (r: AnnotationRow) => {
    const { content: _c, formatVersion: _f, ...rest } = full(r);
    return rest;
  };

  function parsed(content: string) {
    try {
      const state = parseState(content);
      return { content, format_version: ANNOTATION_FORMAT_VERSION, plain_text: plainText(state), mentions: JSON.stringify(clauseMentions(state)) };
    } catch (e) {
      if (e instanceof AnnotationFormatError) throw new ApiError('invalid_input', e.message);
      throw e;
    }
  }

  /** Checks the target exists and gives the row's anchor columns. */
  function anchor(t: AnnotationTarget) {
    const base = {
      doc_id: null as number | null,
      clause_id: null as number | null,
      start: null as number | null,
      end: null as number | null,
      quote: null as string | null,
      comparison_id: null as number | null,
      row_key: null as string | null,
      clause_ids: '[]',
    };
    if (t.kind === 'document' || t.kind === 'clause' || t.kind === 'range') {
      const doc = ctx.documents.get(t.docId);
      if (!doc) throw new ApiError('not_found', `There is no document ${t.docId}.`);
      base.doc_id = t.docId;
      if (t.kind === 'clause') {
        const c = repo.clauseInfo(t.clauseId);
        if (!c || c.doc_id !== t.docId) throw new ApiError('not_found', `Clause ${t.clauseId} is not in document ${t.docId}.`);
        base.clause_id = c.id;
      }
      if (t.kind === 'range') {
        if (t.end <= t.start || t.end > doc.cleaned_text.length)
          throw new ApiError('invalid_input', `The range ${t.start}–${t.end} is not inside the document's text (length ${doc.cleaned_text.length}).`);
        base.start = t.start;
        base.end = t.end;
        base.quote = doc.cleaned_text.slice(t.start, t.end);
        const c = ctx.documents.clauses(t.docId).find((x) => x.start <= t.start && t.start < x.end);
        base.clause_id = c?.id ?? null;
      }
    } else if (t.kind === 'alignmentRow') {
      base.comparison_id = t.comparisonId;
      base.row_key = t.rowKey;
      base.clause_ids = JSON.stringify(t.clauseIds);
      const first = t.clauseIds.map((id) => repo.clauseInfo(id)).find(Boolean);
      if (first) base.doc_id = first.doc_id;
    } else base.comparison_id = t.comparisonId;
    return base;
  }

  function matches(r: AnnotationRow, t: AnnotationTarget): boolean {
    if (r.kind !== t.kind || r.deleted_at) return false;
    switch (t.kind) {
      case 'document':
        return r.doc_id === t.docId;
      case 'clause':
        return r.clause_id === t.clauseId;
      case 'range':
        return r.doc_id === t.docId && r.start === t.start && r.end === t.end;
      case 'alignmentRow':
        return r.row_key === t.rowKey && r.comparison_id === t.comparisonId;
      case 'comparison':
        return r.comparison_id === t.comparisonId;
    }
  }

  const get = (id: number) => {
    const r = repo.get(id);
    if (!r || r.deleted_at) throw new ApiError('not_found', `Note ${id} does not exist (it may have been deleted).`);
    return r;
  };
  const changed = () => events.changed('notes');

  return {
    handlers: {
      'notes.list': ({ kind, docId, comparisonId, q, limit }) =>
        repo.list({ kind: kind ?? null, doc: docId ?? null, cmp: comparisonId ?? null, q: q?.trim() ? q.trim() : null, limit: limit ?? 1000 }).map(summary),
      'notes.forTarget': ({ target }) => {
        const candidates = repo.ofKind(target.kind);
        return candidates.filter((r) => matches(r, target)).map(full);
      },
      'notes.get': ({ id }) => full(get(id)),
      'notes.create': ({ target, content }) => {
        const values = parsed(content ?? JSON.stringify(emptyState()));
        const id = db.transaction(() => repo.insert({ kind: target.kind, ...anchor(target), ...values }))();
        changed();
        return full(repo.get(id)!);
      },
      'notes.save': ({ id, content }) => {
        get(id);
        const values = parsed(content);
        db.transaction(() => repo.save(id, values))();
        const r = repo.get(id)!;
        changed();
        return { id, revision: r.revision, updatedAt: r.updated_at, plainText: r.plain_text };
      },
      'notes.delete': ({ id }) => {
        get(id);
        repo.setDeleted(id, true);
        changed();
        return { ok: true as const };
      },
      'notes.restore': ({ id }) => {
        if (!repo.get(id)) throw new ApiError('not_found', `Note ${id} does not exist.`);
        repo.setDeleted(id, false);
        changed();
        return { ok: true as const };
      },
      'notes.ranges': ({ docId }) =>
        repo
          .ofDoc(docId)
          .filter((r) => r.kind === 'range' && r.start !== null)
          .map((r) => ({ id: r.id, start: r.start!, end: r.end! })),
    },
    hooks: {
      reanchor: (_db, rctx) => reanchorAnnotations(repo, rctx),
    },
  };
}
