import { describe, expect, it } from 'vitest';
import { activeLinkOf, entriesOf } from '../../renderer/features/compare/model';
import type { AlignmentLink } from '../../shared/api/methods/compare';
import { buildRowModel, coverage, type ModelLink, type RowClause } from '../../shared/domain/align/rows';

const cols = (...ids: number[][]): RowClause[][] => ids.map((c) => c.map((id) => ({ id })));
const link = (a: number, b: number, status: ModelLink['status'] = 'suggested', extra: Partial<ModelLink> = {}): ModelLink => ({
  a,
  b,
  score: 0.5,
  status,
  ...extra,
});
const rowCells = (m: ReturnType<typeof buildRowModel>) => m.items.map((it) => (it.kind === 'row' ? it.row.cells : { run: it.rows.map((r) => r.anchor) }));

describe('buildRowModel', () => {
  it('anchors one row per pivot clause with its direct counterparts, never chaining through them', () => {
    // 1↔11, 11↔2 would chain 1, 2 and 11 into one row; anchored, 11 shows in both rows and is marked.
    const m = buildRowModel({ columns: cols([1, 2], [11, 12]), links: [link(1, 11), link(2, 11, 'confirmed')], pivot: 0, minRun: 5 });
    expect(rowCells(m)).toEqual([
      [[1], [11]],
      [[2], [11]],
      [[], [12]],
    ]);
    const [r1, r2] = m.rows;
    expect(r1.alsoIn.get(11)).toEqual([2]);
    expect(r2.alsoIn.get(11)).toEqual([1]);
    expect(r1.alsoIn.has(1)).toBe(false);
    expect(r2.status).toBe('confirmed');
    expect(r1.status).toBe('suggested');
  });

  it('keeps a row with two counterparts as two links, each with its own status, and leaves rejected links out', () => {
    const m = buildRowModel({ columns: cols([1], [11, 12, 13]), links: [link(1, 11, 'confirmed'), link(1, 12), link(1, 13, 'rejected')], pivot: 0, minRun: 5 });
    const row = m.rows[0];
    expect(row.cells).toEqual([[1], [11, 12]]);
    expect(row.links.map((l) => `${l.b}:${l.status}`)).toEqual(['11:confirmed', '12:suggested']);
    expect(row.status).toBe('suggested');
    expect(m.rows.find((r) => r.anchor === 13)?.status).toBe('unmatched');
  });

  it('places unmatched clauses of the other document after the pivot row that holds its previous clause', () => {
    const m = buildRowModel({ columns: cols([1, 2, 3], [11, 12, 13, 14]), links: [link(1, 11), link(3, 14)], pivot: 0, minRun: 9 });
    expect(m.rows.map((r) => r.anchor)).toEqual([1, 12, 13, 2, 3]);
    // 12 and 13 follow row 1 (which holds 11); pivot clause 2 comes after them, then 3 with 14.
  });

  it('collapses runs of unmatched clauses of one document into one line, and not runs shorter than minRun', () => {
    const m = buildRowModel({ columns: cols([1, 2, 3, 4, 5], [11, 12]), links: [link(1, 11), link(5, 12)], pivot: 0 });
    expect(rowCells(m)).toEqual([[[1], [11]], { run: [2, 3, 4] }, [[5], [12]]]);
    const one = buildRowModel({ columns: cols([1, 2, 5], [11, 12]), links: [link(1, 11), link(5, 12)], pivot: 0 });
    expect(one.items.map((it) => it.kind)).toEqual(['row', 'row', 'row']);
  });

  it('does not merge unmatched clauses of two documents into one run', () => {
    const m = buildRowModel({ columns: cols([1, 2, 3, 4], [11, 12, 13]), links: [link(1, 11)], pivot: 0 });
    expect(m.items.map((it) => (it.kind === 'run' ? `run${it.column}:${it.rows.length}` : 'row'))).toEqual(['row', 'run1:2', 'run0:3']);
  });

  it('changes the pivot: rows are then anchored on the other document', () => {
    const m = buildRowModel({ columns: cols([1, 2], [11]), links: [link(1, 11), link(2, 11)], pivot: 1, minRun: 9 });
    expect(m.rows[0].cells).toEqual([[1, 2], [11]]);
    expect(m.rows[0].anchorColumn).toBe(1);
    expect(m.rows).toHaveLength(1);
  });

  it('anchors rows of a third document on the second when the pivot has no counterpart, and shows links among counterparts', () => {
    const m = buildRowModel({
      columns: cols([1], [11, 12], [21, 22]),
      links: [link(1, 11), link(1, 21), link(11, 21, 'confirmed'), link(12, 22)],
      pivot: 0,
      minRun: 9,
    });
    expect(m.rows[0].cells).toEqual([[1], [11], [21]]);
    expect(m.rows[0].links.map((l) => `${l.a}-${l.b}`)).toEqual(['1-11', '1-21', '11-21']);
    expect(m.rows[1].cells).toEqual([[], [12], [22]]);
    expect(m.rows[1].anchor).toBe(12);
  });

  it('groups boilerplate rows at the end (flag on the anchor clause, or on all its links when clauses carry none), numbered after content rows', () => {
    const columns: RowClause[][] = [
      [{ id: 1 }, { id: 2, boilerplate: true }, { id: 3 }],
      [{ id: 11 }, { id: 12 }, { id: 13 }],
    ];
    const m = buildRowModel({ columns, links: [link(1, 11), link(2, 12), link(3, 13, 'suggested', { boilerplate: true })], pivot: 0 });
    expect(m.items.map((it) => it.kind === 'row' && it.row.anchor)).toEqual([1]);
    expect(m.boilerplate.map((it) => it.kind === 'row' && it.row.anchor)).toEqual([2, 3]);
    expect(m.rows.map((r) => [r.anchor, r.number])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    // A content clause whose only counterpart is boilerplate stays among the content rows.
    const flaggedContent = buildRowModel({
      columns: [[{ id: 1, boilerplate: false }], [{ id: 11, boilerplate: true }]],
      links: [link(1, 11, 'suggested', { boilerplate: true })],
      pivot: 0,
    });
    expect(flaggedContent.items).toHaveLength(1);
    expect(flaggedContent.boilerplate).toHaveLength(0);
  });

  it('ignores links to clauses outside the columns and refuses a pivot outside them', () => {
    const m = buildRowModel({ columns: cols([1], [11]), links: [link(1, 99), link(1, 11)], pivot: 0 });
    expect(m.rows[0].cells).toEqual([[1], [11]]);
    expect(() => buildRowModel({ columns: cols([1], [11]), links: [], pivot: 2 })).toThrow(/outside/);
  });
});

describe('coverage', () => {
  it('counts per document the measures with a live content counterpart in each other document, overall and per theme', () => {
    const columns: RowClause[][] = [
      [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4, boilerplate: true }],
      [{ id: 11 }, { id: 12 }],
    ];
    const themes: Record<number, string[]> = { 1: ['talent'], 2: ['talent', 'finance'], 3: ['finance'], 11: ['finance'], 12: ['finance'] };
    const c = coverage(columns, [link(1, 11), link(2, 12, 'rejected'), link(3, 12, 'confirmed'), link(4, 11, 'suggested')], (id) => themes[id]);
    expect(c.all[0]).toEqual({ total: 3, matched: [null, 2], matchedAny: 2 });
    expect(c.all[1]).toEqual({ total: 2, matched: [2, null], matchedAny: 2 });
    expect(c.themes.map((t) => t.theme)).toEqual(['finance', 'talent']);
    const talent = c.themes.find((t) => t.theme === 'talent')!;
    expect(talent.columns[0]).toEqual({ total: 2, matched: [null, 1], matchedAny: 1 });
    expect(talent.columns[1].total).toBe(0); // the second document has nothing on talent
  });

  it('does not count boilerplate links as counterparts', () => {
    const c = coverage([[{ id: 1 }], [{ id: 11 }]], [link(1, 11, 'confirmed', { boilerplate: true })]);
    expect(c.all[0].matchedAny).toBe(0);
  });
});

describe('the lines the compare view shows (entriesOf)', () => {
  const full = (l: ModelLink): AlignmentLink => ({ ...l, source: 'auto', reasons: [] });
  const columns: RowClause[][] = [
    [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 5, boilerplate: true }],
    [{ id: 11 }, { id: 12 }],
  ];
  const links = [link(1, 11), link(1, 12, 'confirmed'), link(5, 12)].map(full);
  const m = buildRowModel({ columns, links, pivot: 0 });
  const filter = { status: 'all' as const, matchedOnly: false, minScore: 0, theme: '', themeOf: null, rejectedOf: new Map() };

  it('shows runs closed until opened, the boilerplate group after a heading, and hides unmatched lines with "matched only"', () => {
    const closed = entriesOf(m.items, m.boilerplate, filter, new Set());
    expect(closed.map((e) => e.kind)).toEqual(['row', 'run', 'group', 'row']);
    const run = closed[1];
    const open = entriesOf(m.items, m.boilerplate, filter, new Set([run.key]));
    expect(open.map((e) => (e.kind === 'row' ? `row${e.row.anchor}${e.inRun ? '*' : ''}` : e.kind))).toEqual([
      'row1',
      'run',
      'row2*',
      'row3*',
      'row4*',
      'group',
      'row5',
    ]);
    const matched = entriesOf(m.items, m.boilerplate, { ...filter, matchedOnly: true }, new Set([run.key]));
    expect(matched.map((e) => e.kind)).toEqual(['row', 'group', 'row']);
    const unmatched = entriesOf(m.items, m.boilerplate, { ...filter, status: 'unmatched' }, new Set());
    expect(unmatched.map((e) => (e.kind === 'row' ? e.row.anchor : e.kind))).toEqual([2, 3, 4]);
  });

  it('marks the first open link of a row for c / r unless the reader picked another open one', () => {
    const row = m.rows[0];
    expect(activeLinkOf(row, null)).toMatchObject({ a: 1, b: 11 });
    expect(activeLinkOf(row, '1:12')).toMatchObject({ a: 1, b: 11 }); // 1:12 is confirmed already
    expect(
      activeLinkOf(
        m.rows.find((r) => r.anchor === 2),
        null,
      ),
    ).toBeUndefined();
  });
});
