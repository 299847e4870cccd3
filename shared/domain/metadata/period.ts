// The period a plan covers: printed in its title as (2016-2018) or (2018—2020年), or inferred
// from the year it was written and the target years it sets (到2017年底 → 2015-2017).

const PRINTED_PERIOD_RE = /[(（]\s*((?:19|20)\d{2})\s*年?\s*[-—–－~～至到]+\s*((?:19|20)\d{2})\s*年?\s*[)）]/u;
const TARGET_YEAR_RE = /到\s*((?:19|20)\d{2})\s*年/gu;

/** 'YYYY-YYYY' printed in brackets in a title, or null. */
export function printedPeriod(title: string): string | null {
  const m = PRINTED_PERIOD_RE.exec(title.normalize('NFKC'));
  if (!m || Number(m[2]) < Number(m[1])) return null;
  return `${m[1]}-${m[2]}`;
}

/**
 * Infers the period from the start year (the year the document was written) and the latest
 * '到YYYY年' target year within ten years of it. Measures that merely run until a date
 * (执行至2014年底) are not targets and do not count.
 */
export function inferPeriod(startYear: number | null, body: string): string | null {
  if (startYear == null) return null;
  let end: number | null = null;
  for (const m of body.normalize('NFKC').matchAll(TARGET_YEAR_RE)) {
    const y = Number(m[1]);
    if (y > startYear && y - startYear <= 10 && (end == null || y > end)) end = y;
  }
  return end == null ? null : `${startYear}-${end}`;
}
