import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractQuantities } from '../../shared/domain/quantities';

// What a target counts and for which year, scored on hand labels written before the rules were
// run (test/fixtures/targets/labels.json): seed sentences, unseen corpus sentences, and a second
// unseen set. Baseline (the rule before this change), measured in the same way: seed metric
// 9/22, year 9/22; unseen 21/39, 39/39; unseen2 12/25, 25/25.
interface Label {
  q: string;
  n?: number;
  metric: string[];
  year: number | null | Array<number | null>;
}
interface Item {
  split: 'seed' | 'unseen' | 'unseen2';
  periodEnd: number | null;
  text: string;
  quantities: Label[];
}
const labels = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'targets', 'labels.json'), 'utf8')) as { items: Item[] };
const norm = (s: string | undefined) => (s ?? '').replace(/增长$/u, '');

function score(split: Item['split']) {
  let n = 0,
    metric = 0,
    year = 0;
  const misses: string[] = [];
  for (const item of labels.items.filter((i) => i.split === split)) {
    const qs = extractQuantities(item.text, { defaultYear: item.periodEnd ?? undefined });
    for (const l of item.quantities) {
      n++;
      const found = qs.filter((q) => q.text === l.q)[(l.n ?? 1) - 1];
      if (found && l.metric.map(norm).includes(norm(found.metric))) metric++;
      else misses.push(`${l.q}: ${found?.metric} (want ${l.metric[0]})`);
      if (found && (Array.isArray(l.year) ? l.year : [l.year]).includes(found.year ?? null)) year++;
    }
  }
  return { n, metric, year, misses };
}

describe('target metrics and years on labelled sentences', () => {
  it.each([
    ['seed', 21, 22],
    ['unseen', 37, 39],
    ['unseen2', 23, 25],
  ] as const)('%s: at least %i metrics right and every year', (split, minMetric, total) => {
    const r = score(split);
    console.log(`${split}: metric ${r.metric}/${r.n}, year ${r.year}/${r.n}`, r.misses);
    expect(r.n).toBe(total);
    expect(r.metric).toBeGreaterThanOrEqual(minMetric);
    expect(r.year).toBe(total);
  });

  it('a year-less goal takes the period end only when one is given', () => {
    const text = '三年示范期,基金总规模超过1000亿元。';
    expect(extractQuantities(text)[0].year).toBeUndefined();
    expect(extractQuantities(text, { defaultYear: 2018 })[0]).toMatchObject({ metric: '基金总规模', year: 2018 });
    // A year in the sentence wins over the period.
    expect(extractQuantities('国家级众创空间2016年达到40家,2017年达到50家。', { defaultYear: 2018 }).map((q) => [q.metric, q.year])).toEqual([
      ['国家级众创空间', 2016],
      ['国家级众创空间', 2017],
    ]);
  });
});
