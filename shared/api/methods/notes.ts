import { z } from 'zod';
import { method } from '../define';
import { annotationKinds } from '../../domain/vocabulary';
import { id, ok } from './common';

/** What a note is attached to. Offsets are into the document's cleaned text. */
export const annotationTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), docId: id }).strict(),
  z.object({ kind: z.literal('clause'), docId: id, clauseId: id }).strict(),
  z.object({ kind: z.literal('range'), docId: id, start: z.number().int().min(0), end: z.number().int().min(1) }).strict(),
  /** A row of an alignment table: `rowKey` is the compare view's id of the row; clauseIds the clauses on it. */
  z.object({ kind: z.literal('alignmentRow'), comparisonId: id.nullable(), rowKey: z.string().min(1).max(500), clauseIds: z.array(id).max(100) }).strict(),
  z.object({ kind: z.literal('comparison'), comparisonId: id }).strict(),
]);
export type AnnotationTarget = z.infer<typeof annotationTarget>;
export type AnnotationKind = AnnotationTarget['kind'];

export const annotationSummary = z.object({
  id,
  target: annotationTarget,
  plainText: z.string(),
  /** Where the note sits, for lists: document title and city, clause path, the annotated text. */
  context: z.object({
    docId: id.nullable(),
    docTitle: z.string().nullable(),
    city: z.string().nullable(),
    clauseId: id.nullable(),
    clausePath: z.string().nullable(),
    quote: z.string().nullable(),
  }),
  mentions: z.array(z.object({ docId: id, clauseId: id })),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AnnotationSummary = z.infer<typeof annotationSummary>;

export const annotation = annotationSummary.extend({
  /** Lexical serialized editor state (JSON text). */
  content: z.string(),
  formatVersion: z.number().int(),
});
export type Annotation = z.infer<typeof annotation>;

const content = z.string().min(2).max(1_000_000);

export const notesMethods = {
  /** Notes, newest first, filtered by kind, document and text. */
  'notes.list': method(
    z
      .object({
        kind: z.enum(annotationKinds).optional(),
        docId: id.optional(),
        comparisonId: id.optional(),
        q: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
    z.array(annotationSummary),
  ),
  /** The notes attached to one target (a clause, a range, an alignment row …). */
  'notes.forTarget': method(z.object({ target: annotationTarget }).strict(), z.array(annotation)),
  'notes.get': method(z.object({ id }).strict(), annotation),
  'notes.create': method(z.object({ target: annotationTarget, content: content.optional() }).strict(), annotation),
  /** Saves the editor state in one transaction; the previous revision is kept. */
  'notes.save': method(z.object({ id, content }).strict(), z.object({ id, revision: z.number().int(), updatedAt: z.string(), plainText: z.string() })),
  'notes.delete': method(z.object({ id }).strict(), ok),
  /** Brings back a deleted note (undo of delete). */
  'notes.restore': method(z.object({ id }).strict(), ok),
  /** Annotated ranges of a document, to mark them in the Reader. */
  'notes.ranges': method(z.object({ docId: id }).strict(), z.array(z.object({ id, start: z.number().int(), end: z.number().int() }))),
};
