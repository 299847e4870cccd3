// Line rebuilding from pdf.js text items, with items built by hand so each layout rule is pinned down.
import { describe, expect, it } from 'vitest';
import { linesFromItems, type PositionedText } from '../../electron/backend/importers/pdf/pdf-lines';
import { repairCjkRadicals } from '../../electron/backend/importers/pdf/pdf-unicode';

/** An item of `str` at (x, y) in a 10-unit font, each character 10 units wide. */
const item = (str: string, x: number, y: number, width = str.length * 10): PositionedText => ({ str, transform: [10, 0, 0, 10, x, y], width, height: 10 });

describe('linesFromItems', () => {
  it('joins runs on one baseline and starts a new line when the baseline drops', () => {
    const lines = linesFromItems([item('市财', 0, 700), item('政局', 20, 700), item('负责', 0, 685)]);
    expect(lines).toEqual(['市财政局', '负责']);
  });

  it('tolerates small baseline shifts (superscripts, mixed fonts) within a line', () => {
    expect(linesFromItems([item('第', 0, 700), item('1', 10, 703), item('条', 20, 700)])).toEqual(['第1条']);
  });

  it('never puts a space between Chinese characters, even across a justification gap', () => {
    expect(linesFromItems([item('创业', 0, 700), item('创新', 26, 700)])).toEqual(['创业创新']);
  });

  it('removes the spaces pdf.js puts inside items between letter-spaced Chinese characters', () => {
    expect(linesFromItems([item('企 业 创 业 ， 创 新', 0, 700)])).toEqual(['企业创业，创新']);
  });

  it('keeps the space between Latin words and between Chinese and Latin text', () => {
    const lines = linesFromItems([item('Article', 0, 700), item('5', 75, 700), item('条款', 90, 700), item('2016', 115, 700)]);
    expect(lines).toEqual(['Article 5 条款 2016']);
  });

  it('marks a wide gap (a table column) with a space, whatever the script', () => {
    expect(linesFromItems([item('序号', 0, 700), item(' ', 20, 700, 40), item('任务', 60, 700)])).toEqual(['序号 任务']);
  });

  it('keeps a page footer line as text', () => {
    expect(linesFromItems([item('正文', 0, 700), item('- 3 -', 40, 60)])).toEqual(['正文', '- 3 -']);
  });
});

describe('repairCjkRadicals', () => {
  it('maps Kangxi and supplement radicals that CJK fonts emit back to ideographs', () => {
    expect(repairCjkRadicals('\u2FB8\u2EDA \u2ED8\u5C9B \u2F00 \u2329\u2EA0\u232A')).toBe('首页 青岛 一 〈民〉');
  });

  it('leaves ordinary text alone', () => {
    expect(repairCjkRadicals('小微企业（一）')).toBe('小微企业（一）');
  });
});
