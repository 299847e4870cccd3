import { describe, expect, it } from 'vitest';
import { diffPair, diffRow, displayPieces, findQuantities } from '../../shared/domain/diff';

describe('diffPair', () => {
  it('marks what differs on each side and keeps all text', () => {
    const { a, b } = diffPair('给予最高500万元补助', '给予最高300万元奖励');
    expect(a.map((r) => r.text).join('')).toBe('给予最高500万元补助');
    expect(b.map((r) => r.text).join('')).toBe('给予最高300万元奖励');
    expect(
      b
        .filter((r) => r.changed)
        .map((r) => r.text)
        .join(''),
    ).toContain('奖励');
    expect(b.find((r) => r.text.includes('给予最高'))?.changed).toBe(false);
  });

  it('never cuts a character outside the BMP in half', () => {
    const { a, b } = diffPair('支持𠀀企业', '支持𠀁企业');
    for (const r of [...a, ...b]) expect(r.text).toBe(r.text.normalize()); // no lone surrogates
    for (const r of [...a, ...b]) expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(r.text)).toBe(false);
  });
});

describe('numbers across a row', () => {
  it('finds amounts, percentages and years', () => {
    expect(findQuantities('至2018年，安排500万元，占比30%').map((q) => q.text)).toEqual(['2018年', '500万元', '30%']);
  });

  it('tells same, differing and lone values apart', () => {
    const [x, y] = diffRow(['补助500万元，占30%，新增100家', '补助300万元，占30%']);
    const status = (cell: typeof x) => Object.fromEntries(cell.quantities.map((q) => [q.text, q.status]));
    expect(status(x)).toEqual({ '500万元': 'differs', '30%': 'same', '100家': 'only' });
    expect(status(y)).toEqual({ '300万元': 'differs', '30%': 'same' });
  });

  it('overlays quantities on diff runs without losing or repeating text', () => {
    const [, y] = diffRow(['补助500万元', '奖励300万元补贴']);
    const pieces = displayPieces(y);
    expect(pieces.map((p) => p.text).join('')).toBe('奖励300万元补贴');
    expect(
      pieces
        .filter((p) => p.quantity)
        .map((p) => p.text)
        .join(''),
    ).toBe('300万元');
    expect(pieces.filter((p) => p.quantity).every((p) => p.quantity === 'differs')).toBe(true);
  });
});
