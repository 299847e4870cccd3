// Notes of a team project on the asynchronous Store: on documents, clauses and passages, shared by
// the team (a note is not a coding: nobody codes blind against a note). Notes on comparisons stay
// desktop-only until comparisons move onto the Store.
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

function storeTarget(t: AnnotationTarget) {
  if (t.kind === 'alignmentRow' || t.kind === 'comparison')
    throw new ApiError('unavailable', `not available in team projects yet: notes on ${t.kind === 'comparison' ? 'comparisons' : 'alignment rows'}`);
  return t;
}

export function noteHandlers(ctx: TeamContext): TeamHandlers {
  const { store } = ctx;
  const changed = () => ctx.events.changed('notes');

  async function out(n: Note): Promise<Annotation> {
    const doc = n.docId === null ? null : await store.documents.get(n.docId);
    const clause = n.clauseId === null ? null : await store.documents.clause(n.clauseId);
    const target: AnnotationTarget =
      n.kind === 'document'
        ? { kind: 'document', docId: n.docId! }
        : n.kind === 'clause'
          ? { kind: 'clause', docId: n.docId!, clauseId: n.clauseId! }
          : { kind: 'range', docId: n.docId!, start: n.start!, end: n.end! };
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
  const matches = (n: Note, t: AnnotationTarget) =>
    n.kind === t.kind &&
    (t.kind === 'document'
      ? n.docId === t.docId
      : t.kind === 'clause'
        ? n.clauseId === t.clauseId
        : t.kind === 'range' && n.docId === t.docId && n.start === t.start && n.end === t.end);

  return {
    'notes.list': async ({ kind, docId, comparisonId, q, limit }) => {
      if (comparisonId !== undefined || kind === 'alignmentRow' || kind === 'comparison')
        throw new ApiError('unavailable', 'not available in team projects yet: notes on comparisons');
      const notes = (await store.notes.list({ docId, q, limit: limit ?? 500 })).filter((n) => !kind || n.kind === kind);
      return Promise.all(notes.map(summary));
    },
    'notes.forTarget': async ({ target }) => {
      const t = storeTarget(target);
      const notes = await store.notes.list({ docId: t.docId, limit: 5000 });
      return Promise.all(notes.filter((n) => matches(n, t)).map(out));
    },
    'notes.get': async ({ id }) => out(await requireNote(id)),
    'notes.ranges': async ({ docId }) =>
      (await store.notes.list({ docId, limit: 5000 })).filter((n) => n.kind === 'range').map((n) => ({ id: n.id, start: n.start!, end: n.end! })),
    'notes.create': async ({ target, content }) => {
      const t = storeTarget(target);
      const p = parsed(content ?? JSON.stringify(emptyState()));
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
