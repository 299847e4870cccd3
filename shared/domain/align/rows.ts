import type { LinkStatus } from '../types';

/** A link as the compare view needs it. */
export interface RowLink {
  a: number;
  b: number;
  score: number | null;
  status: LinkStatus;
}

/** One row of the compare view: the clauses of each column that are linked together. */
export interface AlignedRow {
  /** Clause ids per column (often one, several when a clause matches a bundle). */
  cells: number[][];
  /** Links inside the row (rejected ones are never inside a row). */
  links: RowLink[];
  /** 'confirmed' when every link is, 'suggested' when any is still open, 'unmatched' for a clause on its own. */
  status: 'confirmed' | 'suggested' | 'unmatched';
  /** Best link score in the row; null for rows without scored links. */
  score: number | null;
}

/**
 * Groups aligned clauses into rows: clauses joined by a suggested or confirmed link (directly or
 * through others) share a row; every other clause gets a row of its own. Rows follow the reading
 * order of the leftmost column in which they have a clause, interleaved by relative position.
 */
export function alignedRows(columns: number[][], links: RowLink[]): AlignedRow[] {
  const column = new Map<number, number>();
  const position = new Map<number, number>();
  columns.forEach((ids, c) => ids.forEach((id, k) => { column.set(id, c); position.set(id, ids.length > 1 ? k / (ids.length - 1) : 0); }));
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const id of column.keys()) parent.set(id, id);
  const live = links.filter((l) => l.status !== 'rejected' && column.has(l.a) && column.has(l.b));
  for (const l of live) parent.set(find(l.a), find(l.b));

  const groups = new Map<number, number[]>();
  for (const id of column.keys()) {
    const r = find(id);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(id);
  }
  const linksOf = new Map<number, RowLink[]>();
  for (const l of live) {
    const r = find(l.a);
    if (!linksOf.has(r)) linksOf.set(r, []);
    linksOf.get(r)!.push(l);
  }
  const rows = [...groups.entries()].map(([root, ids]) => {
    const cells = columns.map(() => [] as number[]);
    for (const id of ids) cells[column.get(id)!].push(id);
    cells.forEach((cell, c) => cell.sort((x, y) => columns[c].indexOf(x) - columns[c].indexOf(y)));
    const rowLinks = linksOf.get(root) ?? [];
    const scores = rowLinks.map((l) => l.score).filter((s): s is number => s != null);
    const status: AlignedRow['status'] = !rowLinks.length ? 'unmatched' : rowLinks.every((l) => l.status === 'confirmed') ? 'confirmed' : 'suggested';
    const firstColumn = cells.findIndex((c) => c.length > 0);
    // Place a row where its clause of the leftmost column it has stands in that column's reading order.
    const sortKey = Math.min(...cells[firstColumn].map((id) => position.get(id)!)) + firstColumn * 1e-6;
    return { cells, links: rowLinks, status, score: scores.length ? Math.max(...scores) : null, sortKey };
  });
  rows.sort((x, y) => x.sortKey - y.sortKey);
  return rows.map(({ sortKey: _sortKey, ...r }) => r);
}
