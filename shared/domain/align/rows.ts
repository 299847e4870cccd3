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
  columns.forEach((ids, c) =>
    ids.forEach((id, k) => {
      column.set(id, c);
      position.set(id, ids.length > 1 ? k / (ids.length - 1) : 0);
    }),
  );
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

/* ------------------------------------------------------------------------------------------------
 * Anchored rows: what the compare view shows. A row is one clause of the pivot document with its
 * direct counterparts in each other document, so a researcher reads one measure against its
 * matches instead of a chain that pulls five clauses of one city into one row.
 * --------------------------------------------------------------------------------------------- */

/** A clause as the row model needs it: its id and whether its wording recurs across many documents (unknown when absent). */
export interface RowClause {
  id: number;
  boilerplate?: boolean;
}

/** A link as the row model needs it; `boilerplate` marks a link the aligner made on boilerplate wording. */
export interface ModelLink extends RowLink {
  boilerplate?: boolean;
}

export interface AnchoredRow<L extends ModelLink = ModelLink> {
  /** Stable across filters and reloads: the anchor clause. */
  key: string;
  /** 1-based number shown to the reader ("also in row 12"); main rows first, then boilerplate rows. */
  number: number;
  anchor: number;
  anchorColumn: number;
  /** Clause ids per column: the anchor in its column, its counterparts in the others. */
  cells: number[][];
  /** The anchor's links, then links among its counterparts (in a three-way row each of them can be decided too). */
  links: L[];
  /** Clauses of this row that also appear in other rows, with those rows' numbers. */
  alsoIn: Map<number, number[]>;
  status: 'confirmed' | 'suggested' | 'unmatched';
  score: number | null;
  boilerplate: boolean;
}

/** A line of the view: one row, or a run of clauses of one document without counterpart. */
export type RowItem<L extends ModelLink = ModelLink> =
  { kind: 'row'; row: AnchoredRow<L> } | { kind: 'run'; key: string; column: number; rows: Array<AnchoredRow<L>> };

export interface RowModel<L extends ModelLink = ModelLink> {
  /** Content rows in reading order of the pivot, with unmatched runs collapsed. */
  items: Array<RowItem<L>>;
  /** Rows whose anchor or links are boilerplate, in the same order, at the end. */
  boilerplate: Array<RowItem<L>>;
  /** Every row, numbered, main rows first. */
  rows: Array<AnchoredRow<L>>;
}

export interface RowModelInput<L extends ModelLink = ModelLink> {
  /** The alignable clauses of each document, in reading order. */
  columns: RowClause[][];
  links: L[];
  /** Index of the pivot column. */
  pivot: number;
  /** Shortest run of unmatched clauses of one document that collapses into one line (default 2). */
  minRun?: number;
}

/**
 * Builds the rows of the compare view. Every clause of the pivot anchors a row with its direct
 * (not rejected) counterparts. A clause of another document that no pivot row holds anchors a row
 * of its own when it has counterparts in a third document, and otherwise stands as an unmatched
 * row; either is placed after the last pivot row that holds an earlier clause of its document, as
 * a diff would place it. A clause linked from two rows appears in both, each marked with the
 * other's number.
 */
export function buildRowModel<L extends ModelLink>(input: RowModelInput<L>): RowModel<L> {
  const { columns, pivot } = input;
  if (!Number.isInteger(pivot) || pivot < 0 || pivot >= columns.length) throw new RangeError(`Pivot column ${pivot} is outside the ${columns.length} columns.`);
  const minRun = input.minRun ?? 2;
  const column = new Map<number, number>();
  const position = new Map<number, number>();
  const boilerplateClause = new Set<number>();
  const flagged = new Set<number>();
  columns.forEach((cs, c) =>
    cs.forEach((cl, k) => {
      column.set(cl.id, c);
      position.set(cl.id, k);
      if (cl.boilerplate) boilerplateClause.add(cl.id);
      if (cl.boilerplate != null) flagged.add(cl.id);
    }),
  );
  const live = input.links.filter((l) => l.status !== 'rejected' && column.has(l.a) && column.has(l.b) && column.get(l.a) !== column.get(l.b));
  const linksOf = new Map<number, L[]>();
  for (const l of live) {
    for (const c of [l.a, l.b]) {
      const list = linksOf.get(c);
      if (list) list.push(l);
      else linksOf.set(c, [l]);
    }
  }
  const other = (l: ModelLink, id: number) => (l.a === id ? l.b : l.a);

  type Draft = Omit<AnchoredRow<L>, 'number' | 'alsoIn'> & { sort: [number, number, number] };
  const placed = new Set<number>();
  const drafts: Draft[] = [];
  const makeRow = (anchor: number, direct: L[]): Omit<Draft, 'sort'> => {
    const cells = columns.map(() => [] as number[]);
    cells[column.get(anchor)!].push(anchor);
    for (const l of direct) cells[column.get(other(l, anchor))!].push(other(l, anchor));
    cells.forEach((cell) => cell.sort((x, y) => position.get(x)! - position.get(y)!));
    const inRow = new Set(cells.flat());
    // Links among the counterparts, each once.
    const among = new Set<L>();
    for (const id of inRow)
      if (id !== anchor) for (const l of linksOf.get(id) ?? []) if (l.a !== anchor && l.b !== anchor && inRow.has(l.a) && inRow.has(l.b)) among.add(l);
    const links = [...direct, ...among];
    const scores = links.map((l) => l.score).filter((s): s is number => s != null);
    return {
      key: String(anchor),
      anchor,
      anchorColumn: column.get(anchor)!,
      cells,
      links,
      status: !links.length ? 'unmatched' : links.every((l) => l.status === 'confirmed') ? 'confirmed' : 'suggested',
      score: scores.length ? Math.max(...scores) : null,
      // The anchor's own flag decides; only when clauses carry no flag do its links (all boilerplate) decide.
      boilerplate: boilerplateClause.has(anchor) || (!flagged.has(anchor) && direct.length > 0 && direct.every((l) => l.boilerplate)),
    };
  };

  for (const cl of columns[pivot]) {
    const row = makeRow(cl.id, linksOf.get(cl.id) ?? []);
    row.cells.flat().forEach((id) => placed.add(id));
    drafts.push({ ...row, sort: [position.get(cl.id)!, 0, 0] });
  }
  // For each other column: the latest pivot row holding one of its clauses at or before each position.
  const lastPivotRow = columns.map((cs, c) => {
    const best = new Array<number>(cs.length).fill(-1);
    if (c === pivot) return best;
    for (const d of drafts) for (const id of d.cells[c]) best[position.get(id)!] = Math.max(best[position.get(id)!], d.sort[0]);
    for (let k = 1; k < best.length; k++) best[k] = Math.max(best[k], best[k - 1]);
    return best;
  });
  const order = columns.map((_, c) => c).filter((c) => c !== pivot);
  order.forEach((c, rank) => {
    for (const cl of columns[c]) {
      if (placed.has(cl.id)) continue;
      const row = makeRow(cl.id, linksOf.get(cl.id) ?? []);
      row.cells.flat().forEach((id) => placed.add(id));
      const k = position.get(cl.id)!;
      drafts.push({ ...row, sort: [k > 0 ? lastPivotRow[c][k - 1] : -1, rank + 1, k] });
    }
  });
  drafts.sort((x, y) => x.sort[0] - y.sort[0] || x.sort[1] - y.sort[1] || x.sort[2] - y.sort[2]);

  const main = drafts.filter((d) => !d.boilerplate);
  const tail = drafts.filter((d) => d.boilerplate);
  const rows: Array<AnchoredRow<L>> = [...main, ...tail].map(({ sort: _sort, ...d }, k) => ({ ...d, number: k + 1, alsoIn: new Map() }));
  const rowsOf = new Map<number, number[]>();
  for (const r of rows) {
    for (const id of r.cells.flat()) {
      const list = rowsOf.get(id);
      if (list) list.push(r.number);
      else rowsOf.set(id, [r.number]);
    }
  }
  for (const r of rows) {
    for (const id of r.cells.flat()) {
      const elsewhere = rowsOf.get(id)!.filter((n) => n !== r.number);
      if (elsewhere.length) r.alsoIn.set(id, elsewhere);
    }
  }
  const collapse = (list: Array<AnchoredRow<L>>): Array<RowItem<L>> => {
    const out: Array<RowItem<L>> = [];
    for (let k = 0; k < list.length;) {
      const r = list[k];
      let end = k;
      if (r.status === 'unmatched')
        while (end + 1 < list.length && list[end + 1].status === 'unmatched' && list[end + 1].anchorColumn === r.anchorColumn) end++;
      if (end - k + 1 >= minRun) out.push({ kind: 'run', key: `run-${r.key}`, column: r.anchorColumn, rows: list.slice(k, end + 1) });
      else for (let j = k; j <= end; j++) out.push({ kind: 'row', row: list[j] });
      k = end + 1;
    }
    return out;
  };
  return { items: collapse(rows.slice(0, main.length)), boilerplate: collapse(rows.slice(main.length)), rows };
}

/** How many of a document's measures have a counterpart in each other document. */
export interface CoverageCell {
  /** Content measures of this document (boilerplate left out). */
  total: number;
  /** Per column: measures with a live content link into that column; null for the document's own column. */
  matched: Array<number | null>;
  /** Measures with a counterpart in any other document. */
  matchedAny: number;
}

export interface Coverage {
  /** All content measures, per column. */
  all: CoverageCell[];
  /** Per theme (most frequent first), per column. */
  themes: Array<{ theme: string; columns: CoverageCell[] }>;
}

/**
 * The coverage summary at the top of a comparison: per document, the share of its measures that
 * have a counterpart (suggested or confirmed, not boilerplate) in each other document, overall and
 * per theme. A document with no measure on a theme shows total 0, which is the gap a reader looks for.
 */
export function coverage(
  columns: RowClause[][],
  links: ModelLink[],
  themesOf: (clauseId: number) => readonly string[] | undefined = () => undefined,
): Coverage {
  const column = new Map<number, number>();
  columns.forEach((cs, c) => cs.forEach((cl) => column.set(cl.id, c)));
  const reach = new Map<number, Set<number>>();
  for (const l of links) {
    if (l.status === 'rejected' || l.boilerplate) continue;
    const ca = column.get(l.a),
      cb = column.get(l.b);
    if (ca == null || cb == null || ca === cb) continue;
    if (!reach.has(l.a)) reach.set(l.a, new Set());
    if (!reach.has(l.b)) reach.set(l.b, new Set());
    reach.get(l.a)!.add(cb);
    reach.get(l.b)!.add(ca);
  }
  const cell = (c: number, keep: (id: number) => boolean): CoverageCell => {
    const ids = columns[c].filter((cl) => !cl.boilerplate && keep(cl.id)).map((cl) => cl.id);
    return {
      total: ids.length,
      matched: columns.map((_, k) => (k === c ? null : ids.filter((id) => reach.get(id)?.has(k)).length)),
      matchedAny: ids.filter((id) => (reach.get(id)?.size ?? 0) > 0).length,
    };
  };
  const count = new Map<string, number>();
  for (const cs of columns) for (const cl of cs) if (!cl.boilerplate) for (const t of new Set(themesOf(cl.id) ?? [])) count.set(t, (count.get(t) ?? 0) + 1);
  const themes = [...count.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .map(([theme]) => ({
      theme,
      columns: columns.map((_, c) => cell(c, (id) => (themesOf(id) ?? []).includes(theme))),
    }));
  return { all: columns.map((_, c) => cell(c, () => true)), themes };
}
