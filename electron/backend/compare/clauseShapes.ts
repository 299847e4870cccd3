// A compared clause as the aligner takes it and as the compare view shows it, made the same way
// from the desktop's clause rows (compare/clauses.ts) and the team Store's clauses
// (team/compareAlign.ts): the two name the enclosing clause differently, so callers pass it.
import { alignableText, type AlignClause } from '../../../shared/domain/align';
import type { ClauseKind } from '../../../shared/domain/types';
import type { CompareClause } from '../../../shared/api/methods/compare';

/** What both stores know of a clause, with the headings of the sections around it. */
export interface ClauseInContext {
  id: number;
  kind: ClauseKind;
  text: string;
  heading: string | null;
  label: string;
  context: string[];
}

export const alignClauseOf = (c: ClauseInContext, parent: number | null): AlignClause => ({
  id: c.id,
  kind: c.kind,
  text: c.text,
  heading: c.heading,
  context: c.context,
  label: c.label,
  parent,
});

export const compareClauseOf = (c: ClauseInContext & { path: string; part: string | null }, parentId: number | null): CompareClause => ({
  id: c.id,
  label: c.label,
  path: c.path,
  part: c.part,
  kind: c.kind,
  heading: c.heading,
  text: c.text,
  context: c.context,
  alignable: alignableText(alignClauseOf(c, parentId)) != null,
  parentId,
});
