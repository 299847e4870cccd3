import { z } from 'zod';
import { method } from '../define';
import { clauseKinds, linkDecisions, linkStatuses, sources } from '../../domain/vocabulary';
import { id, ok } from './common';

/** A document, or one part of it (one of the plans a file carries), as a member of a comparison. */
export const comparisonMember = z.object({ docId: id, partIndex: z.number().int().min(0).nullable() });
export type ComparisonMember = z.infer<typeof comparisonMember>;

export const memberInfo = comparisonMember.extend({
  title: z.string(),
  city: z.string().nullable(),
  year: z.number().int().nullable(),
  /** Date of publication (or writing), ISO; tells the older of two versions of one regulation. */
  date: z.string().nullable().optional(),
});
export type MemberInfo = z.infer<typeof memberInfo>;

const name = z.string().trim().min(1, 'A comparison needs a name.').max(200, 'A comparison name is at most 200 characters.');

export const comparisonSummary = z.object({
  id,
  name: z.string(),
  members: z.array(memberInfo),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ComparisonSummary = z.infer<typeof comparisonSummary>;

/** Why a link was suggested, as data the UI turns into a sentence. */
export const alignReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('terms'), terms: z.array(z.string()) }),
  z.object({ kind: z.literal('instrument'), instruments: z.array(z.string()) }),
  z.object({ kind: z.literal('numbers'), values: z.array(z.string()) }),
  z.object({ kind: z.literal('section'), terms: z.array(z.string()) }),
  z.object({ kind: z.literal('mutual') }),
]);

export const linkStatus = z.enum(linkStatuses);

/** A link between a clause of one member and a clause of another; `a` belongs to the earlier member. */
export const alignmentLink = z.object({
  a: id,
  b: id,
  /** 0…1; null for a link made by hand that the aligner would not suggest. */
  score: z.number().nullable(),
  status: linkStatus,
  /** auto: suggested by the aligner (possibly decided since); manual: linked by hand. */
  source: z.enum(sources),
  reasons: z.array(alignReason),
  /** Either clause is boilerplate (wording recurring across many documents of the project): listed after content. */
  boilerplate: z.boolean().optional(),
});
export type AlignmentLink = z.infer<typeof alignmentLink>;

export const compareClause = z.object({
  id,
  label: z.string(),
  path: z.string(),
  /** The title of the plan (part) the clause belongs to, when its file holds several plans; else null. */
  part: z.string().nullable(),
  kind: z.enum(clauseKinds),
  heading: z.string().nullable(),
  text: z.string(),
  /** Headings of the enclosing clauses, outermost first. */
  context: z.array(z.string()),
  /** False for preambles, part titles and bare headings: they are shown but never aligned. */
  alignable: z.boolean(),
  /** The enclosing clause (an article for its items): versions are compared article by article. */
  parentId: z.number().int().nullable().optional(),
  /** Wording that recurs across many documents of the project (本条例自…起施行): shown apart from content. */
  boilerplate: z.boolean().optional(),
});
export type CompareClause = z.infer<typeof compareClause>;

export const comparisonView = comparisonSummary.extend({
  columns: z.array(memberInfo.extend({ clauses: z.array(compareClause) })),
  links: z.array(alignmentLink),
});
export type ComparisonView = z.infer<typeof comparisonView>;

export const whereElseHit = z.object({
  clauseId: id,
  docId: id,
  partIndex: z.number().int().nullable(),
  title: z.string(),
  city: z.string().nullable(),
  year: z.number().int().nullable(),
  path: z.string(),
  text: z.string(),
  score: z.number(),
  reasons: z.array(alignReason),
  /** The hit is boilerplate: ranked after every content hit. */
  boilerplate: z.boolean().optional(),
});
export type WhereElseHit = z.infer<typeof whereElseHit>;

const pairInput = z
  .object({ a: id, b: id })
  .strict()
  .refine((x) => x.a !== x.b, 'A clause cannot be linked with itself.');

export const compareMethods = {
  'compare.list': method(z.object({}).strict(), z.array(comparisonSummary)),
  'compare.create': method(
    z
      .object({
        name,
        members: z.array(comparisonMember.strict()).min(2, 'A comparison needs at least two documents.').max(6, 'A comparison holds at most six documents.'),
      })
      .strict(),
    comparisonSummary,
  ),
  'compare.rename': method(z.object({ id, name }).strict(), comparisonSummary),
  /** Moves a comparison to the bin; `compare.restore` brings it back (undo). Its decisions are kept either way. */
  'compare.delete': method(z.object({ id }).strict(), ok),
  'compare.restore': method(z.object({ id }).strict(), comparisonSummary),
  /** Everything the compare view shows: columns with their clauses, links between every pair of columns. */
  'compare.view': method(z.object({ id }).strict(), comparisonView),
  /** Suggestions plus decisions between two documents (or parts), without a saved comparison. */
  'compare.align': method(z.object({ a: comparisonMember.strict(), b: comparisonMember.strict() }).strict(), z.object({ links: z.array(alignmentLink) })),
  /** Confirm or reject a link, or link two clauses by hand (confirmed). Decisions outlive re-alignment and re-import. */
  'compare.decide': method(
    z
      .object({ a: id, b: id, status: z.enum(linkDecisions) })
      .strict()
      .refine((x) => x.a !== x.b, 'A clause cannot be linked with itself.'),
    alignmentLink,
  ),
  /** Forgets the decision on a pair: a link made by hand disappears, a suggestion is suggested again. */
  'compare.unlink': method(pairInput, ok),
  /** The most similar clauses in the whole corpus, best first. */
  'compare.whereElse': method(
    z.object({ clauseId: id, limit: z.number().int().min(1).max(100).optional() }).strict(),
    z.object({ hits: z.array(whereElseHit), candidates: z.number().int() }),
  ),
};
