import type { AlignmentLink, ComparisonView, CompareClause, MemberInfo } from '../../../shared/api/methods/compare';
import type { AnchoredRow, RowItem } from '../../../shared/domain/align/rows';
import type { LinkStatus } from '../../../shared/domain/vocabulary';

export type Row = AnchoredRow<AlignmentLink>;
export type Item = RowItem<AlignmentLink>;
export type ClauseIndex = Map<number, { clause: CompareClause; column: number }>;
export type StatusFilter = 'all' | LinkStatus | 'unmatched';
export type Column = ComparisonView['columns'][number];

/** One line of the (virtualised) list: a row, a collapsed run, or the boilerplate group's heading. */
export type Entry =
  | { kind: 'row'; key: string; row: Row; inRun?: string }
  | { kind: 'run'; key: string; column: number; rows: Row[]; open: boolean }
  | { kind: 'group'; key: string; count: number };

/** A document as a column header or a sentence names it: city and year, else its title. */
export function memberLabel(m: Pick<MemberInfo, 'city' | 'year' | 'title'>): string {
  return [m.city, m.year].filter(Boolean).join(' ') || m.title;
}

export interface EntryFilter {
  status: StatusFilter;
  matchedOnly: boolean;
  minScore: number;
  theme: string;
  themeOf: ((clauseId: number) => readonly string[] | undefined) | null;
  rejectedOf: Map<number, AlignmentLink[]>;
}

function rowPasses(r: Row, f: EntryFilter): boolean {
  const ids = r.cells.flat();
  if (f.matchedOnly && r.status === 'unmatched') return false;
  if (f.status === 'rejected' ? !ids.some((c) => f.rejectedOf.has(c)) : f.status !== 'all' && r.status !== f.status) return false;
  if (f.minScore > 0 && (r.score ?? 0) < f.minScore) return false;
  if (f.theme && f.themeOf && !ids.some((c) => f.themeOf!(c)?.includes(f.theme))) return false;
  return true;
}

/**
 * The lines to show: filtered items, runs expanded where the reader opened them, and the
 * boilerplate group after a heading. A run keeps only its rows that pass the filters, and is
 * shown as plain rows under a status filter.
 */
export function entriesOf(items: Item[], boilerplate: Item[], f: EntryFilter, open: ReadonlySet<string>): Entry[] {
  const out: Entry[] = [];
  const add = (list: Item[]) => {
    for (const it of list) {
      if (it.kind === 'row') {
        if (rowPasses(it.row, f)) out.push({ kind: 'row', key: it.row.key, row: it.row });
        continue;
      }
      const rows = it.rows.filter((r) => rowPasses(r, f));
      if (!rows.length) continue;
      // A status filter asks for those very rows (e.g. the ones with a rejected link): show them, not a closed run.
      if (f.status !== 'all') {
        for (const r of rows) out.push({ kind: 'row', key: r.key, row: r });
        continue;
      }
      const isOpen = open.has(it.key);
      out.push({ kind: 'run', key: it.key, column: it.column, rows, open: isOpen });
      if (isOpen) for (const r of rows) out.push({ kind: 'row', key: r.key, row: r, inRun: it.key });
    }
  };
  add(items);
  const before = out.length;
  add(boilerplate);
  if (out.length > before) {
    const count = out.slice(before).reduce((n, e) => n + (e.kind === 'run' ? e.rows.length : e.kind === 'row' && !e.inRun ? 1 : 0), 0);
    out.splice(before, 0, { kind: 'group', key: 'boilerplate', count });
  }
  return out;
}

/** The link that c / r act on in a row: the one the reader picked if still open, else the first open one. */
export function activeLinkOf(row: Row | undefined, picked: string | null): AlignmentLink | undefined {
  const open = row?.links.filter((l) => l.status === 'suggested') ?? [];
  return open.find((l) => `${l.a}:${l.b}` === picked) ?? open[0];
}
