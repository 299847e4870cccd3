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

/** A link as the pivot rows need it; `boilerplate` when the aligner marked it so. */
export interface PivotLink extends RowLink {
  boilerplate?: boolean;
}

/** One counterpart in an anchored row: the clause, its link to the pivot clause, and whether it also stands in another row. */
export interface Counterpart {
  id: number;
  link: PivotLink;
  /** The clause is linked to more than one pivot clause, so it appears in each of their rows. */
  shared: boolean;
}

export type PivotRow =
  /** A clause of the pivot document with its counterparts in each other column (column 0 is the pivot). */
  | { kind: 'anchored'; pivot: number; cells: Counterpart[][]; boilerplate: boolean }
  /** A run of consecutive clauses of one column with no counterpart across the pivot (shown collapsed). */
  | { kind: 'unmatched'; column: number; ids: number[] };

export interface PivotInput {
  /** Alignable clause ids per column in reading order; column `pivot` anchors the rows. */
  columns: number[][];
  links: PivotLink[];
  pivot?: number;
  /** Clauses marked as boilerplate (their rows go to the end). */
  boilerplate?: ReadonlySet<number>;
}

/**
 * Rows anchored on the pivot document: one row per pivot clause, holding the clauses of the other
 * documents linked to it (a clause linked to two pivot clauses appears in both rows, marked
 * shared), never a chain of links pulling many clauses of one document into one row. Runs of
 * clauses without counterpart collapse into one row per run: the pivot's in reading order, each
 * other column's after the row of its nearest preceding linked clause. Boilerplate rows (the
 * pivot clause is boilerplate, or every link of the row is) are grouped at the end. Rejected links
 * count as no link.
 */
export function pivotRows(input: PivotInput): PivotRow[] {
  const p = input.pivot ?? 0;
  const cols = input.columns;
  const colOf = new Map<number, number>();
  cols.forEach((ids, c) => ids.forEach((id) => colOf.set(id, c)));
  // Links between the pivot and another column, oriented pivot → other.
  const byPivot = new Map<number, Array<{ other: number; link: PivotLink }>>();
  const pivotsOf = new Map<number, number[]>();
  for (const l of input.links) {
    if (l.status === 'rejected') continue;
    const [x, y] = colOf.get(l.a) === p ? [l.a, l.b] : colOf.get(l.b) === p ? [l.b, l.a] : [null, null];
    if (x == null || y == null || colOf.get(y) == null || colOf.get(y) === p) continue;
    byPivot.set(x, [...(byPivot.get(x) ?? []), { other: y, link: l }]);
    pivotsOf.set(y, [...(pivotsOf.get(y) ?? []), x]);
  }
  const content: PivotRow[] = [], formulas: PivotRow[] = [];
  // Other columns' unlinked runs, keyed by the pivot clause whose row they follow (-1: before the first row).
  const after = new Map<number, PivotRow[]>();
  cols.forEach((ids, c) => {
    if (c === p) return;
    let run: number[] = [];
    let anchor = -1;
    const flush = () => {
      if (run.length) after.set(anchor, [...(after.get(anchor) ?? []), { kind: 'unmatched', column: c, ids: run }]);
      run = [];
    };
    for (const id of ids) {
      const ps = pivotsOf.get(id);
      if (!ps) { run.push(id); continue; }
      flush();
      // The run after this clause follows the last pivot row it appears in.
      anchor = ps.reduce((m, x) => (cols[p].indexOf(x) > cols[p].indexOf(m) ? x : m), ps[0]);
    }
    flush();
  });
  content.push(...(after.get(-1) ?? []));
  let run: number[] = [];
  const flushPivot = () => {
    if (run.length) content.push({ kind: 'unmatched', column: p, ids: run });
    run = [];
  };
  for (const id of cols[p]) {
    const links = byPivot.get(id);
    if (!links) { run.push(id); }
    else {
      flushPivot();
      const cells: Counterpart[][] = cols.map(() => []);
      for (const { other, link } of links) cells[colOf.get(other)!].push({ id: other, link, shared: (pivotsOf.get(other) ?? []).length > 1 });
      cells.forEach((cell, c) => cell.sort((u, v) => cols[c].indexOf(u.id) - cols[c].indexOf(v.id)));
      const boilerplate = !!input.boilerplate?.has(id) || links.every((x) => x.link.boilerplate);
      (boilerplate ? formulas : content).push({ kind: 'anchored', pivot: id, cells, boilerplate });
    }
    const following = after.get(id);
    if (following) { flushPivot(); content.push(...following); }
  }
  flushPivot();
  return [...content, ...formulas];
}

export interface Coverage {
  column: number;
  other: number;
  /** Theme id, or '' for all of the column's clauses. */
  theme: string;
  clauses: number;
  /** Clauses with at least one (not rejected) link into the other column. */
  covered: number;
}

/**
 * Per document, the share of its measures that have a counterpart in each other document, per
 * theme (and over all clauses, theme ''): "Wenzhou has nothing on talent" at a glance.
 */
export function coverage(columns: number[][], links: RowLink[], themesOf: (id: number) => string[] = () => []): Coverage[] {
  const colOf = new Map<number, number>();
  columns.forEach((ids, c) => ids.forEach((id) => colOf.set(id, c)));
  const linkedInto = new Map<number, Set<number>>();
  for (const l of links) {
    if (l.status === 'rejected' || !colOf.has(l.a) || !colOf.has(l.b)) continue;
    for (const [x, y] of [[l.a, l.b], [l.b, l.a]]) {
      if (!linkedInto.has(x)) linkedInto.set(x, new Set());
      linkedInto.get(x)!.add(colOf.get(y)!);
    }
  }
  const out: Coverage[] = [];
  columns.forEach((ids, c) => {
    columns.forEach((_, o) => {
      if (o === c) return;
      const counts = new Map<string, { clauses: number; covered: number }>();
      for (const id of ids) {
        const hit = linkedInto.get(id)?.has(o) ?? false;
        for (const t of ['', ...new Set(themesOf(id))]) {
          const k = counts.get(t) ?? { clauses: 0, covered: 0 };
          k.clauses++;
          if (hit) k.covered++;
          counts.set(t, k);
        }
      }
      for (const [theme, k] of [...counts.entries()].sort((x, y) => x[0].localeCompare(y[0]))) out.push({ column: c, other: o, theme, ...k });
    });
  });
  return out;
}
