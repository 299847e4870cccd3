// Notes of a team project on the asynchronous Store: on documents, clauses, passages, comparisons
// and alignment rows, shared by the team (a note is not a coding: nobody codes blind against a note).
import type { Output } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import type { AnnotationTarget } from '../../../shared/api/methods/notes';
import { ANNOTATION_FORMAT_VERSION, AnnotationFormatError, clauseMentions, emptyState, parseState, plainText } from '../../../shared/domain/annotations/index';
import type { Note } from '../store/types';
import type { TeamContext, TeamHandlers } from './caller';

type Annotation = Output<'notes.get'>;

function parsed(content: string) {
  try {
    const state = parseState(content);
    return { content, formatVersion: ANNOTATION_FORMAT_VERSION, plainText: plainText(state), mentions: clauseMentions(state) };
  } catch (e) {
    if (e instanceof AnnotationFormatError) throw new ApiError('invalid_input', e.message);
    throw e;
  }
}

/** The note's target as the contract names it; a clause note whose clause is gone stays with its document. */
function targetOf(n: Note): AnnotationTarget {
  switch (n.kind) {
    case 'document':
      return { kind: 'document', docId: n.docId! };
    case 'clause':
      return n.clauseId === null ? { kind: 'document', docId: n.docId! } : { kind: 'clause', docId: n.docId!, clauseId: n.clauseId };
    case 'range':
      return { kind: 'range', docId: n.docId!, start: n.start!, end: n.end! };
    case 'alignmentRow':
      return { kind: 'alignmentRow', comparisonId: n.comparisonId, rowKey: n.rowKey ?? '', clauseIds: n.clauseIds };
    case 'comparison':
      return { kind: 'comparison', comparisonId: n.comparisonId! };
  }
}

export function noteHandlers(ctx: TeamContext): TeamHandlers {
  const { store } = ctx;
  const changed = () => ctx.events.changed('notes');

  async function out(n: Note): Promise<Annotation> {
    const doc = n.docId === null ? null : await store.documents.get(n.docId);
    const clause = n.clauseId === null ? null : await store.documents.clause(n.clauseId);
    const target = targetOf(n);
    let mentions: Annotation['mentions'] = [];
    try {
      mentions = clauseMentions(parseState(n.content)).map((m) => ({ docId: m.docId, clauseId: m.clauseId }));
    } catch {
      // A note saved by an older format still shows; its mentions are simply not listed.
    }
    return {
      id: n.id,
      target,
      plainText: n.plainText,
      context: {
        docId: n.docId,
        docTitle: doc?.metadata.title ?? null,
        city: doc?.metadata.city ?? null,
        clauseId: n.clauseId,
        clausePath: clause?.path ?? null,
        quote: n.quote,
      },
      mentions,
      revision: n.revision,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
      content: n.content,
      formatVersion: n.formatVersion,
    };
  }
  const summary = async (n: Note) => {
    const { content: _c, formatVersion: _f, ...rest } = await out(n);
    return rest;
  };
  const requireNote = async (id: number) => {
    const n = await store.notes.get(id);
    if (!n) throw new ApiError('not_found', `Note ${id} does not exist (it may have been deleted).`);
    return n;
  };
  const matches = (n: Note, t: AnnotationTarget): boolean => {
    if (n.kind !== t.kind) return false;
    switch (t.kind) {
      case 'document':
        return n.docId === t.docId;
      case 'clause':
        return n.clauseId === t.clauseId;
      case 'range':
        return n.docId === t.docId && n.start === t.start && n.end === t.end;
      case 'alignmentRow':
        return n.rowKey === t.rowKey && n.comparisonId === t.comparisonId;
      case 'comparison':
        return n.comparisonId === t.comparisonId;
    }
  };
  /** Notes that can hold the target: of its document, or of its comparison. */
  const candidates = (t: AnnotationTarget) =>
    t.kind === 'alignmentRow' || t.kind === 'comparison'
      ? t.comparisonId === null
        ? store.notes.list({ limit: 100_000 })
        : store.notes.list({ comparisonId: t.comparisonId, limit: 100_000 })
      : store.notes.list({ docId: t.docId, limit: 100_000 });
  const requireComparison = async (id: number | null) => {
    if (id !== null && !(await store.comparisons.get(id))) throw new ApiError('not_found', `There is no comparison ${id} (it may have been deleted).`);
  };

  return {
    'notes.list': async ({ kind, docId, comparisonId, q, limit }) => {
      // Filtered by kind here, so the limit counts only notes of that kind.
      const notes = (await store.notes.list({ docId, comparisonId, q, limit: kind ? 100_000 : (limit ?? 1000) }))
        .filter((n) => !kind || n.kind === kind)
        .slice(0, limit ?? 1000);
      return Promise.all(notes.map(summary));
    },
    'notes.forTarget': async ({ target }) => Promise.all((await candidates(target)).filter((n) => matches(n, target)).map(out)),
    'notes.get': async ({ id }) => out(await requireNote(id)),
    'notes.ranges': async ({ docId }) =>
      (await store.notes.list({ docId, limit: 5000 })).filter((n) => n.kind === 'range').map((n) => ({ id: n.id, start: n.start!, end: n.end! })),
    'notes.create': async ({ target: t, content }) => {
      const p = parsed(content ?? JSON.stringify(emptyState()));
      if (t.kind === 'alignmentRow' || t.kind === 'comparison') {
        await requireComparison(t.comparisonId);
        const n = await store.notes.createOnComparison({
          kind: t.kind,
          comparisonId: t.comparisonId,
          rowKey: t.kind === 'alignmentRow' ? t.rowKey : null,
          clauseIds: t.kind === 'alignmentRow' ? t.clauseIds : [],
          content: p.content,
          formatVersion: p.formatVersion,
          plainText: p.plainText,
        });
        changed();
        return out(n);
      }
      if (t.kind === 'clause') {
        const c = await store.documents.clause(t.clauseId);
        if (!c || c.docId !== t.docId) throw new ApiError('not_found', `Clause ${t.clauseId} is not in document ${t.docId}.`);
      }
      const n = await store.notes.create({
        kind: t.kind,
        docId: t.docId,
        clauseId: t.kind === 'clause' ? t.clauseId : null,
        start: t.kind === 'range' ? t.start : null,
        end: t.kind === 'range' ? t.end : null,
        content: p.content,
        formatVersion: p.formatVersion,
        plainText: p.plainText,
      });
      changed();
      return out(n);
    },
    'notes.save': async ({ id, content }) => {
      await requireNote(id);
      const p = parsed(content);
      const n = await store.notes.save(id, { content: p.content, formatVersion: p.formatVersion, plainText: p.plainText });
      changed();
      return { id: n.id, revision: n.revision, updatedAt: n.updatedAt, plainText: n.plainText };
    },
    'notes.delete': async ({ id }) => {
      if (!(await store.notes.remove(id))) throw new ApiError('not_found', `Note ${id} does not exist (it may have been deleted).`);
      changed();
      return { ok: true as const };
    },
  };
}
