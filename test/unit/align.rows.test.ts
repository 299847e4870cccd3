import { describe, expect, it } from 'vitest';
import { coveragePairs, pivotRows, type PivotLink } from '../../shared/domain/align';

const l = (a: number, b: number, status: PivotLink['status'] = 'suggested', boilerplate = false): PivotLink => ({ a, b, score: 0.8, status, boilerplate });

describe('pivotRows', () => {
  const columns = [[1, 2, 3, 4, 5, 6], [11, 12, 13, 14, 15], [21, 22]];

  it('anchors one row per linked pivot clause, never chaining clauses of one document into a row', () => {
    // 12 is linked to pivot clauses 1 and 2: it stands in both rows, marked shared.
    const rows = pivotRows({ columns, links: [l(1, 11), l(1, 12), l(2, 12), l(21, 2), l(11, 21)] });
    const anchored = rows.filter((r) => r.kind === 'anchored');
    expect(anchored.map((r) => r.kind === 'anchored' && r.pivot)).toEqual([1, 2]);
    const [r1, r2] = anchored.map((r) => (r.kind === 'anchored' ? r.cells : []));
    expect(r1[1].map((c) => [c.id, c.shared])).toEqual([[11, false], [12, true]]);
    expect(r2[1].map((c) => [c.id, c.shared])).toEqual([[12, true]]);
    expect(r2[2].map((c) => c.id)).toEqual([21]);
  });

  it('collapses runs without counterpart, places other columns\' runs after their nearest linked clause, and ends with boilerplate', () => {
    const rows = pivotRows({ columns, links: [l(2, 12), l(6, 15, 'suggested', true), l(3, 13, 'rejected')] });
    expect(rows).toEqual([
      { kind: 'unmatched', column: 1, ids: [11] },
      { kind: 'unmatched', column: 2, ids: [21, 22] },
      { kind: 'unmatched', column: 0, ids: [1] },
      { kind: 'anchored', pivot: 2, cells: [[], [{ id: 12, link: l(2, 12), shared: false }], []], boilerplate: false },
      { kind: 'unmatched', column: 1, ids: [13, 14] },
      { kind: 'unmatched', column: 0, ids: [3, 4, 5] },
      { kind: 'anchored', pivot: 6, cells: [[], [{ id: 15, link: l(6, 15, 'suggested', true), shared: false }], []], boilerplate: true },
    ]);
  });

  it('can take another document as pivot', () => {
    const rows = pivotRows({ columns, links: [l(2, 12)], pivot: 1 });
    expect(rows.find((r) => r.kind === 'anchored')).toMatchObject({ pivot: 12 });
  });
});

describe('coveragePairs', () => {
  it('gives per document the share of its clauses with a counterpart in each other document, per theme', () => {
    const themes = new Map([[1, ['talent']], [2, ['finance']], [3, ['talent']], [11, ['finance']]]);
    const cov = coveragePairs([[1, 2, 3], [11, 12]], [l(2, 11), l(3, 12, 'rejected')], (id) => themes.get(id) ?? []);
    expect(cov.filter((c) => c.column === 0)).toEqual([
      { column: 0, other: 1, theme: '', clauses: 3, covered: 1 },
      { column: 0, other: 1, theme: 'finance', clauses: 1, covered: 1 },
      { column: 0, other: 1, theme: 'talent', clauses: 2, covered: 0 },
    ]);
    expect(cov.find((c) => c.column === 1 && c.theme === '')).toEqual({ column: 1, other: 0, theme: '', clauses: 2, covered: 1 });
  });
});
