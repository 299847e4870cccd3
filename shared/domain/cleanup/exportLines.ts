// Lines a legal database adds when it exports a text, and the title it prints twice. PKULaw
// (北大法宝) text exports start:
//       【法宝引证码】 CLI.12.1075244
//   原文链接：https://www.pkulaw.com/lar/….html
//   新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知
//   新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知
// The first two lines describe the copy, not the policy (metadata reads them from the raw text
// as sourceId and sourceUrl); the repeated title is one title.

/** Only the first lines are an export header; the same words later are text. */
export const EXPORT_HEADER_LINES = 6;
export const SOURCE_ID_RE = /^[\s\u00a0\u3000]*【法宝引证码】[\s\u00a0\u3000]*([A-Za-z]+\.[0-9A-Za-z.]+)[\s\u00a0\u3000]*$/u;
export const SOURCE_URL_RE = /^[\s\u00a0\u3000]*原文链接[:：][\s\u00a0\u3000]*(https?:\/\/\S+)[\s\u00a0\u3000]*$/u;

/**
 * Removes the export header lines and, right after them (or at the very top), a title printed
 * twice on consecutive lines. Lines are already trimmed.
 */
export function removeExportLines(lines: string[]): string[] {
  const out = lines.filter((l, i) => !(i < EXPORT_HEADER_LINES && (SOURCE_ID_RE.test(l) || SOURCE_URL_RE.test(l))));
  const first = out.findIndex((l) => l.length > 0);
  if (first < 0) return out;
  let next = first + 1;
  while (next < out.length && !out[next]) next++;
  // A repeated first line is the export's doubled title; a real text never opens with a line twice.
  if (next < out.length && out[first].length >= 6 && out[next] === out[first]) out.splice(first + 1, next - first);
  return out;
}
