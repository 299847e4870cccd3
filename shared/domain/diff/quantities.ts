import { extractQuantities } from '../quantities';

/**
 * Numbers with units in a clause (500万元, 30%, 1200家) and years (2018年): what a researcher
 * compares across cities. Quantities come from the themes engineer's extractQuantities; this
 * wrapper only adds the years it deliberately leaves out (it treats them as the year of a target),
 * because in a side-by-side view a differing deadline is as telling as a differing amount.
 */
export interface QuantityMatch {
  /** UTF-16 offsets into the text passed in. */
  start: number;
  end: number;
  /** As printed, white space removed: '500万元'. */
  text: string;
  value: number;
  /** Unit as printed, magnitude included ('万元', '%', '年'). */
  unit: string;
}

const yearRe = /(?<![0-9０-９])((?:19|20)[0-9]{2})\s*年/gu;

export function findQuantities(text: string): QuantityMatch[] {
  const out: QuantityMatch[] = extractQuantities(text).map((q) => ({
    start: q.start,
    end: q.end,
    text: q.text.replace(/\s+/gu, ''),
    value: q.value,
    unit: q.unit,
  }));
  for (const m of text.matchAll(yearRe)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (out.some((q) => q.start < end && start < q.end)) continue;
    out.push({ start, end, text: m[0].replace(/\s+/gu, ''), value: Number(m[1]), unit: '年' });
  }
  return out.sort((x, y) => x.start - y.start);
}
