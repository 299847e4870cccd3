// The period a plan covers: printed in its title as (2016-2018) or (2018—2020年), or inferred
// from the year it was written and the target years it sets (到2017年底 → 2015-2017).

// In brackets '(2016-2018)', '(2018—2020年)', or in the words of a title '2016—2018年', '2016年至2018年'.
const PRINTED_PERIOD_RE =
  /[(（]\s*((?:19|20)\d{2})\s*年?\s*[-—–－~～至到]+\s*((?:19|20)\d{2})\s*年?\s*[)）]|((?:19|20)\d{2})\s*年?\s*[-—–－~～至到]+\s*((?:19|20)\d{2})\s*年/u;
const TARGET_YEAR_RE = /到\s*((?:19|20)\d{2})\s*年/gu;

/** 'YYYY-YYYY' printed in brackets in a title, or null. */
export function printedPeriod(title: string): string | null {
  const m = PRINTED_PERIOD_RE.exec(title.normalize('NFKC'));
  if (!m) return null;
  const from = m[1] ?? m[3];
  const to = m[2] ?? m[4];
  return Number(to) > Number(from) ? `${from}-${to}` : null;
}

const CHINESE_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * The years of a Five-Year Plan named in a title ('十三五' → 2016-2020). From the 3rd plan on
 * (1966-1970) the plans follow each other every five years.
 */
export function fiveYearPlanPeriod(title: string): string | null {
  // '十三五' is unambiguous; a bare '十五'/'九五' must be quoted or followed by 时期/规划… so that
  // 十五条措施 is not read as the 10th plan.
  const m =
    /[“"「]([一二三四五六七八九]?十[一二三四五六七八九]?|[三四五六七八九])五[”"」]|([一二三四五六七八九]?十[一二三四五六七八九])五(?![条项个年日号])|([一二三四五六七八九]?十|[三四五六七八九])五(?=时期|期间|规划|计划)/u.exec(
      title,
    );
  if (!m) return null;
  const word = m[1] ?? m[2] ?? m[3];
  const ten = word.indexOf('十');
  const n = ten < 0 ? CHINESE_NUMBER[word] : (ten === 0 ? 10 : 10 * CHINESE_NUMBER[word[0]]) + (word[ten + 1] ? CHINESE_NUMBER[word[ten + 1]] : 0);
  if (!n || n < 3) return null;
  const start = 1966 + 5 * (n - 3);
  return `${start}-${start + 4}`;
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
