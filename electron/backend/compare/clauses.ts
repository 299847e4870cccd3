import type { AlignClause } from '../../../shared/domain/align';
import { headingContexts } from '../../../shared/domain/align/decisions';
import type { CompareClause, ComparisonMember, MemberInfo } from '../../../shared/api/methods/compare';
import { ApiError } from '../../../shared/api/errors';
import type { BackendContext } from '../context';
import type { ClauseRow } from '../db/documents';
import { alignClauseOf, compareClauseOf } from './clauseShapes';

/** A member's clauses with the heading context alignment needs (the headings of the sections around each clause). */
export function memberClauses(ctx: BackendContext, m: ComparisonMember): Array<ClauseRow & { context: string[]; part: string | null }> {
  const doc = ctx.documents.get(m.docId);
  if (!doc) throw new ApiError('not_found', `Document ${m.docId} does not exist (any more).`);
  const all = ctx.documents.clauses(m.docId);
  if (m.partIndex != null && !all.some((c) => c.part_index === m.partIndex)) {
    throw new ApiError('not_found', `Document ${m.docId} has no part ${m.partIndex + 1}.`);
  }
  const contexts = headingContexts(all.map((c) => ({ id: c.id, parentId: c.parent_id, kind: c.kind, heading: c.heading })));
  // A file with several plans numbers each from 一、 again: the plan's title tells 三-(三) from 三-(三).
  const parts = ctx.documents.parts(m.docId);
  const partTitle = new Map(parts.length > 1 ? parts.map((p) => [p.part_index, p.title] as const) : []);
  return all
    .filter((c) => m.partIndex == null || c.part_index === m.partIndex)
    .map((c) => {
      const context = contexts.get(c.id) ?? [];
      return { ...c, context, part: c.part_index == null ? null : (partTitle.get(c.part_index) ?? null) };
    });
}

export const toAlignClause = (c: ClauseRow & { context: string[] }): AlignClause => alignClauseOf(c, c.parent_id);

export const toCompareClause = (c: ClauseRow & { context: string[]; part: string | null }): CompareClause => compareClauseOf(c, c.parent_id);

/** Title, city and year of a member as a researcher would name it (a part by its own title). */
export function memberInfo(ctx: BackendContext, m: ComparisonMember): MemberInfo {
  const doc = ctx.documents.list().find((d) => d.id === m.docId);
  if (!doc) return { ...m, title: `#${m.docId}`, city: null, year: null, date: null };
  const part = m.partIndex == null ? undefined : doc.parts.find((p) => p.index === m.partIndex);
  return { ...m, title: part?.title ?? doc.title ?? doc.file, city: doc.city, year: doc.year, date: doc.datePublished ?? doc.dateWritten ?? null };
}
