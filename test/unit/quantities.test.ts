import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractQuantities, extractTargets } from '../../shared/domain/quantities/index';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('extractQuantities', () => {
  it('reads number, unit, metric and the year a target is for', () => {
    const text = '全市新增小微企业 11700家,2018年达到 4000亿元';
    const [a, b] = extractQuantities(text);
    expect(a).toMatchObject({ value: 11700, unit: '家', metric: '全市新增小微企业', year: 2018 });
    expect(text.slice(a.start, a.end)).toBe('11700家');
    expect(b).toMatchObject({ value: 4000, unit: '亿元', year: 2018, bound: 'min' });
  });

  it('pairs years and values listed with 分别', () => {
    const qs = extractQuantities('2016年、2017年、2018年企业挂牌数分别达到150 家、160 家、180 家。');
    expect(qs.map((q) => [q.value, q.year])).toEqual([
      [150, 2016],
      [160, 2017],
      [180, 2018],
    ]);
    expect(qs[0].metric).toBe('企业挂牌数');
  });

  it('takes the metric after the number when only a verb precedes it', () => {
    const [q] = extractQuantities('三年示范期,培育60 家隐形冠军企业。');
    // What is counted, without the verb that introduces it.
    expect(q.metric).toBe('隐形冠军企业');
    expect(q.year).toBeUndefined();
  });

  it('reads ranges, bounds and full-width digits', () => {
    const qs = extractQuantities('建设10-20 个园区,给予最高不超过每户５００万元补助,比例不低于83%');
    expect(qs[0]).toMatchObject({ value: 10, valueMax: 20, unit: '个' });
    expect(qs[1]).toMatchObject({ value: 500, unit: '万元', bound: 'max' });
    expect(qs[2]).toMatchObject({ value: 83, unit: '%', bound: 'min' });
  });

  it('ignores years, dates and document numbers', () => {
    expect(extractQuantities('根据国发〔2012〕14号文件,2016年9月29日印发')).toEqual([]);
  });

  it('finds the targets of a real plan, with offsets that point into the text', () => {
    const text = readFileSync(path.join(repoRoot, 'seeds', '002_9b49f850c7a45ea9.txt'), 'utf8');
    const qs = extractQuantities(text);
    for (const q of qs) expect(text.slice(q.start, q.end)).toBe(q.text);
    const targets = extractTargets(text);
    expect(targets.length).toBeGreaterThan(5);
    expect(targets.some((t) => t.value === 1200 && t.unit === '家' && t.year === 2017)).toBe(true);
  });
});
