import { describe, expect, it } from 'vitest';
import { findOccurrences, segment } from '../../renderer/features/reader/highlight';

describe('highlighting occurrences in the Reader', () => {
  it('finds every occurrence, folding full-width forms and ignoring white space', () => {
    const text = '市财 政局和市财政局；ＡＡＡ级与AAA级';
    expect(findOccurrences(text, '市财政局')).toEqual([
      { start: 0, end: 5 },
      { start: 6, end: 10 },
    ]);
    expect(findOccurrences(text, 'aaa').map((o) => text.slice(o.start, o.end))).toEqual(['ＡＡＡ', 'AAA']);
  });
  it('keeps surrogate pairs whole', () => {
    const text = '前𠀀后𠀀';
    expect(findOccurrences(text, '𠀀').map((o) => text.slice(o.start, o.end))).toEqual(['𠀀', '𠀀']);
  });
  it('returns nothing for an empty query', () => {
    expect(findOccurrences('abc', '  ')).toEqual([]);
  });
  it('cuts a span at every mark boundary', () => {
    const parts = segment(0, 10, [
      { start: 2, end: 5, className: 'a' },
      { start: 4, end: 8, className: 'b' },
    ]);
    expect(parts.map((p) => [p.start, p.end, p.marks.map((m) => m.className).join('')])).toEqual([
      [0, 2, ''],
      [2, 4, 'a'],
      [4, 5, 'ab'],
      [5, 8, 'b'],
      [8, 10, ''],
    ]);
  });
});
