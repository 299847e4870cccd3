import { describe, expect, it } from 'vitest';
import { clauseAt, findNearest, locateByText, mappedClause, relocateQuote, textOffsetMap } from '../../shared/domain/reanchor';

const clauses = [
  { id: 10, start: 0, end: 6 },
  { id: 11, start: 6, end: 14 },
  { id: 12, start: 14, end: 22 },
];

describe('re-anchoring (pure)', () => {
  it('findNearest picks the occurrence nearest the old place, -1 when absent or empty', () => {
    const text = '人才政策。人才引进。人才培养。';
    expect(findNearest(text, '人才', 0)).toBe(0);
    expect(findNearest(text, '人才', 6)).toBe(5);
    expect(findNearest(text, '人才', 100)).toBe(10);
    expect(findNearest(text, '资金', 3)).toBe(-1);
    expect(findNearest(text, '', 3)).toBe(-1);
  });

  it('clauseAt finds the clause holding the whole range, null when it straddles two', () => {
    expect(clauseAt(clauses, 6, 14)).toBe(11);
    expect(clauseAt(clauses, 15, 20)).toBe(12);
    expect(clauseAt(clauses, 4, 8)).toBeNull();
    expect(clauseAt([], 0, 1)).toBeNull();
  });

  it('relocateQuote moves a range with its text and names its new clause', () => {
    const text = '一、总则。二、人才引进。三、资金支持。';
    const cs = [
      { id: 1, start: 0, end: 5 },
      { id: 2, start: 5, end: 12 },
      { id: 3, start: 12, end: 19 },
    ];
    expect(relocateQuote(text, cs, '人才引进', 2)).toEqual({ start: 7, end: 11, clauseId: 2 });
    expect(relocateQuote(text, cs, '总则。二', 0)).toEqual({ start: 2, end: 6, clauseId: null });
    expect(relocateQuote(text, cs, '土地', 0)).toBeNull();
  });

  it('mappedClause follows the re-import’s map: new id, gone, or untouched', () => {
    const map = new Map<number, number | null>([
      [1, 1],
      [2, 7],
      [3, null],
    ]);
    expect(mappedClause(map, 1)).toBe(1);
    expect(mappedClause(map, 2)).toBe(7);
    expect(mappedClause(map, 3)).toBeNull();
    expect(mappedClause(map, 4)).toBe(4);
  });

  it('textOffsetMap maps offsets across a small edit; locateByText finds verbatim text or falls back to 0', () => {
    const from = '第一条  为了促进发展，制定本办法。';
    const to = '第一条 为了促进发展，制定本办法。';
    const map = textOffsetMap(from, to)!;
    expect(to.slice(map(from.indexOf('促进')), map(from.indexOf('促进')) + 2)).toBe('促进');
    expect(map(from.length)).toBe(to.length);
    expect(textOffsetMap(to, to)!(5)).toBe(5);
    const loose = locateByText(from, to);
    expect(loose(from.indexOf('为了'))).toBe(to.indexOf('为了'));
    expect(locateByText('abcdefghijklmnop', 'xyz')(2)).toBe(0);
  });
});
