// Text cleanup: from the text an importer extracted to the cleaned text that every offset in
// PolicyLens refers to (clause spans, search hits, codings, annotations, exports). The cleaned text
// is computed once at import and stored; this function must therefore be deterministic — the same
// input always gives the same output — and it must never drop policy text.
//
// Steps, in order:
//  1. Line breaks: CRLF/CR → LF; byte-order marks and zero-width characters removed.
//  2. Markup: HTML tags that leaked into plain text are stripped syntactically (never parsed or
//     rendered), entities decoded, stray attribute fragments (' style='…'>) removed.   markup.ts
//  3. Spaces: NBSP, U+3000 and other odd spaces become plain spaces; every line is trimmed.
//  4. Export lines: a legal database's 【法宝引证码】 and 原文链接 lines and the title it prints
//     twice become one title (metadata reads them from the raw text).                exportLines.ts
//     Web chrome: portal furniture (索引号, 主题分类, 浏览次数, 字体/打印/关闭/返回顶部, [附件下载],
//     breadcrumbs, bullets •, the numbers of an HTML list holding metadata) is removed. Metadata a
//     researcher cites (文号, 成文日期, 发布日期, 发布机构, 有效性) stays. Metadata extraction
//     receives the raw text as well, so nothing it needs is lost.                          chrome.ts
//  5. Pages: page markers (- 3 -, — 3 —, 第 3 页, 3/22), page breaks an importer marked with a form
//     feed, and running headers/footers are removed, also where they interrupt a clause or a
//     parenthesis.                                                                           pages.ts
//  6. Hard wraps: when the line statistics say the text was typeset in pages (whatever its format),
//     lines cut at the margin are rejoined; clause labels, paragraph-ending punctuation and short
//     lines keep paragraphs apart. A 文号 broken over two lines (鄂政办发〔2019〕 / 12号) is
//     rejoined in any text.                                                                   wrap.ts
//  7. Spacing inside lines: spaces PDF extraction put inside numbers and dates (2016 年9 月29 日 →
//     2016年9月29日, 118 次 → 118次, and 17\n号 once rejoined) and letter-spaced words (文 号 → 文号)
//     are removed; spaces between Latin words are kept.                                  spacing.ts
//  8. Paragraphs: blank lines collapse, so paragraphs are separated by exactly one '\n', and the
//     text has no leading or trailing white space.

import type { SourceFormat } from '../types';
import { attachBareLabels, removeChrome } from './chrome';
import { removeExportLines } from './exportLines';
import { stripMarkup } from './markup';
import { isPageMarker, PAGE_BREAK_LINE, removePageFurniture } from './pages';
import { normaliseLineBreaks, normaliseSpaces, tidyLineSpacing } from './spacing';
import { joinSplitDocNumbers, joinWrappedLines, profileLines } from './wrap';

export { profileLines } from './wrap';

export function cleanText(raw: string, format: SourceFormat): string {
  if (typeof raw !== 'string') throw new TypeError('cleanText: raw text must be a string');
  let text = normaliseLineBreaks(raw).replace(/\f/g, `\n${PAGE_BREAK_LINE}\n`);
  // HTML and Markdown importers hand over text already; markup left in it is junk all the same.
  text = stripMarkup(text);
  text = normaliseSpaces(text);
  let lines = text.split('\n').map((l) => l.trim());

  lines = removeChrome(attachBareLabels(removeExportLines(lines)));

  // Measure the page on lines that are not page furniture, then decide whether text is printed.
  const profile = profileLines(lines.filter((l) => !isPageMarker(l, true)));
  const printed = profile.wrapped || format === 'pdf' || raw.includes('\f');
  lines = removePageFurniture(lines, printed);
  // Widths are measured before spaces are tidied: the typesetter set those spaces too.
  lines = joinSplitDocNumbers(joinWrappedLines(lines, profile));
  lines = lines.map(tidyLineSpacing).filter((l) => l.length > 0);
  return lines.join('\n');
}
