import { ApiError } from '../../../shared/api/errors';
import { buildRowModel } from '../../../shared/domain/align/rows';
import { isMethodName } from '../../../shared/api/contract';
import type { BackendContext } from '../context';
import type { ExportComparison, ExportLink, ExportRow } from './model';

/**
 * Reads a comparison (its documents and alignment links) through the compare feature's
 * contract, and groups linked clauses into rows. The one place that knows compare's shapes.
 */

/**
 * The exported rows are the compare view's rows (shared/domain/align/rows.ts): each clause of the
 * first document anchors a row with its direct counterparts, never a chain of links that pulls
 * five clauses of one city into one row; a clause linked from two rows appears in both. Rows
 * without any live link are left to the report's "without counterpart" list.
 */
export function rowsFromLinks(
  links: ExportLink[],
  memberOf: (clauseId: number) => { member: number; docId: number } | undefined,
  order: (clauseId: number) => number,
): ExportRow[] {
  const live = links.filter((k) => k.status !== 'rejected' && memberOf(k.a) && memberOf(k.b));
  const byMember = new Map<number, { docId: number; ids: Set<number> }>();
  for (const k of live) {
    for (const c of [k.a, k.b]) {
      const m = memberOf(c)!;
      const col = byMember.get(m.member) ?? { docId: m.docId, ids: new Set<number>() };
      col.ids.add(c);
      byMember.set(m.member, col);
    }
  }
  if (!byMember.size) return [];
  const width = Math.max(...byMember.keys()) + 1;
  const columns = Array.from({ length: width }, (_, member) =>
    [...(byMember.get(member)?.ids ?? [])].sort((x, y) => order(x) - order(y)).map((id) => ({ id })),
  );
  const pivot = columns.findIndex((c) => c.length > 0);
  const model = buildRowModel({ columns, links: live, pivot });
  return model.rows
    .filter((r) => r.status !== 'unmatched')
    .map((r) => ({
      id: `row:${r.key}`,
      cells: r.cells.flatMap((clauseIds, member) =>
        clauseIds.length ? [{ member, docId: byMember.get(member)!.docId, clauseIds: [...clauseIds].sort((x, y) => order(x) - order(y)) }] : [],
      ),
      links: r.links,
    }));
}

export async function loadComparison(ctx: Pick<BackendContext, 'api'>, comparisonId: number, warnings: string[]): Promise<ExportComparison> {
  if (!isMethodName('compare.view')) {
    throw new ApiError('unavailable', 'Comparisons are not available in this build, so there is no comparison to export.');
  }
  const view = await ctx.api.compare.view({ id: comparisonId });
  const members = view.columns.map((c) => ({
    docId: c.docId,
    partIndex: c.partIndex,
    title: [c.city, c.year].filter(Boolean).join(' ') || c.title,
    clauseIds: c.clauses.map((x) => x.id),
  }));
  const memberOf = new Map<number, { member: number; docId: number }>();
  const order = new Map<number, number>();
  let i = 0;
  members.forEach((m, member) => {
    for (const id of m.clauseIds) {
      if (!memberOf.has(id)) memberOf.set(id, { member, docId: m.docId });
      order.set(id, i++);
    }
  });
  const links: ExportLink[] = view.links.map((k) => ({ a: k.a, b: k.b, score: k.score ?? 1, status: k.status, reasons: k.reasons }));
  if (!links.length) warnings.push('This comparison has no alignment links yet; the report lists its documents only.');
  return {
    id: comparisonId,
    name: view.name,
    documentIds: [...new Set(members.map((m) => m.docId))],
    members,
    links,
    rows: rowsFromLinks(
      links,
      (id) => memberOf.get(id),
      (id) => order.get(id) ?? Number.MAX_SAFE_INTEGER,
    ),
  };
}
