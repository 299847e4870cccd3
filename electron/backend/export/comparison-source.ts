import { ApiError } from '../../../shared/api/errors';
import { isMethodName, type Output } from '../../../shared/api/contract';
import type { BackendContext } from '../context';
import type { ExportComparison, ExportLink, ExportRow } from './model';

/**
 * Reads a comparison (its documents and alignment links) through the compare feature's
 * contract, and groups linked clauses into rows. The one place that knows compare's shapes.
 */

/** Rows = clauses connected by non-rejected links (a clause matching two in another city joins them). */
export function rowsFromLinks(links: ExportLink[], memberOf: (clauseId: number) => { member: number; docId: number } | undefined, order: (clauseId: number) => number): ExportRow[] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const live = links.filter((k) => k.status !== 'rejected' && memberOf(k.a) && memberOf(k.b));
  for (const k of live) {
    for (const c of [k.a, k.b]) if (!parent.has(c)) parent.set(c, c);
    const ra = find(k.a);
    const rb = find(k.b);
    if (ra !== rb) parent.set(rb, ra);
  }
  const groups = new Map<number, number[]>();
  for (const c of parent.keys()) {
    const r = find(c);
    groups.set(r, [...(groups.get(r) ?? []), c]);
  }
  const rows = [...groups.values()].map((clauseIds) => {
    const sorted = clauseIds.sort((x, y) => order(x) - order(y));
    const byMember = new Map<number, { member: number; docId: number; clauseIds: number[] }>();
    for (const c of sorted) {
      const m = memberOf(c)!;
      const cell = byMember.get(m.member) ?? { member: m.member, docId: m.docId, clauseIds: [] };
      cell.clauseIds.push(c);
      byMember.set(m.member, cell);
    }
    const set = new Set(sorted);
    const cells = [...byMember.values()].sort((x, y) => x.member - y.member);
    return { key: Math.min(...sorted.map(order)), row: { id: `row:${sorted.join(',')}`, cells, links: live.filter((k) => set.has(k.a)) } };
  });
  // Rows follow the reading order of the first column that has a clause in them.
  return rows.sort((a, b) => a.key - b.key).map((r) => r.row);
}

export async function loadComparison(ctx: BackendContext, comparisonId: number, warnings: string[]): Promise<ExportComparison> {
  if (!isMethodName('compare.view')) {
    throw new ApiError('unavailable', 'Comparisons are not available in this build, so there is no comparison to export.');
  }
  const view = (await ctx.call('compare.view', { id: comparisonId })) as Output<'compare.view'>;
  const members = view.columns.map((c) => ({ docId: c.docId, partIndex: c.partIndex, title: [c.city, c.year].filter(Boolean).join(' ') || c.title, clauseIds: c.clauses.map((x) => x.id) }));
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
    rows: rowsFromLinks(links, (id) => memberOf.get(id), (id) => order.get(id) ?? Number.MAX_SAFE_INTEGER),
  };
}
