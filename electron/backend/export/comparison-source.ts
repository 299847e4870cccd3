import { ApiError } from '../../../shared/api/errors';
import { isMethodName } from '../../../shared/api/contract';
import type { BackendContext } from '../context';
import type { ExportComparison, ExportLink, ExportRow } from './model';

/**
 * Reads a comparison (its documents and alignment links) through the compare feature's
 * contract, and groups linked clauses into rows. The one place that knows compare's shapes.
 */

/** Rows = clauses connected by non-rejected links (a clause matching two in another city joins them). */
export function rowsFromLinks(links: ExportLink[], clauseDoc: (clauseId: number) => number | undefined, order: (clauseId: number) => number): ExportRow[] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const live = links.filter((k) => k.status !== 'rejected');
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
    const byDoc = new Map<number, number[]>();
    for (const c of sorted) {
      const d = clauseDoc(c);
      if (d == null) continue;
      byDoc.set(d, [...(byDoc.get(d) ?? []), c]);
    }
    const set = new Set(sorted);
    return { key: Math.min(...sorted.map(order)), row: { id: `row:${sorted.join(',')}`, cells: [...byDoc].map(([docId, ids]) => ({ docId, clauseIds: ids })), links: live.filter((k) => set.has(k.a)) } };
  });
  // Rows follow the reading order of the first document that has a clause in them.
  return rows.sort((a, b) => a.key - b.key).map((r) => r.row);
}

interface LooseComparison {
  id?: number;
  name?: string;
  documentIds?: number[];
  docIds?: number[];
  documents?: Array<{ id: number }>;
  links?: Array<{ a: number; b: number; score?: number; status?: string }>;
}

export async function loadComparison(ctx: BackendContext, comparisonId: number, warnings: string[]): Promise<ExportComparison> {
  if (!isMethodName('compare.get')) {
    throw new ApiError('unavailable', 'Comparisons are not available in this build, so there is no comparison to export.');
  }
  const c = (await ctx.call('compare.get', { id: comparisonId })) as LooseComparison;
  const documentIds = c.documentIds ?? c.docIds ?? c.documents?.map((d) => d.id) ?? [];
  const links: ExportLink[] = (c.links ?? []).map((k) => ({ a: k.a, b: k.b, score: k.score ?? 0, status: k.status === 'confirmed' || k.status === 'rejected' ? k.status : 'suggested' }));
  const clauseDoc = new Map<number, number>();
  const order = new Map<number, number>();
  let i = 0;
  for (const docId of documentIds) {
    for (const cl of (await ctx.call('documents.clauses', { id: docId })) as Array<{ id: number }>) {
      clauseDoc.set(cl.id, docId);
      order.set(cl.id, i++);
    }
  }
  if (!links.length) warnings.push('This comparison has no alignment links yet; the report lists its documents only.');
  return {
    id: comparisonId,
    name: c.name ?? `Comparison ${comparisonId}`,
    documentIds,
    links,
    rows: rowsFromLinks(links, (id) => clauseDoc.get(id), (id) => order.get(id) ?? Number.MAX_SAFE_INTEGER),
  };
}
