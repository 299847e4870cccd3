// White space: odd space characters, line endings, and the spaces PDF extraction and web layout put
// inside numbers, dates and Chinese words (2016 年9 月29 日, 118 次, 文 号). Spaces between Latin
// words are never touched.

const HAN = '\\p{Script=Han}';
/** Chinese punctuation that never has a space beside it in running Chinese text. */
const CJK_OPEN = '“‘《〈〔【（「『';
const CJK_CLOSE = '”’》〉〕】）」』、，。：；！？';

/** CRLF / CR to LF; byte-order marks and zero-width characters removed. */
export function normaliseLineBreaks(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/[\ufeff\u200b\u200c\u200d\u2060\u00ad]/g, '');
}

/**
 * NBSP, U+3000, en/em/thin spaces … become a plain space. Tabs stay until tidyLineSpacing: importers
 * put them between table cells, which must stay apart.
 */
export function normaliseSpaces(text: string): string {
  return text.replace(/[\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
}

/**
 * A tab between two cells of a table row (序号 1 → 支持研发投入 → 区科委) separates them even where
 * a space would be a PDF's stray space (1 支持, 区科委 2); after a colon it only separates a label
 * from its value, and after Chinese punctuation it is mere indentation (一、\t总体要求).
 */
const CELL_BREAK = new RegExp(`(?<=[^\\s:${CJK_OPEN}${CJK_CLOSE}])[ \\t]*\\t[ \\t]*(?=\\S)`, 'gu');
const CELL_MARK = '\u0001';

// …but not before the next field of a metadata line: "08:54 来源:区政府办公室" keeps its space.
const DIGIT_THEN_HAN = new RegExp(`(\\d) +(?=[${HAN}${CJK_OPEN}${CJK_CLOSE}%％])(?![${HAN}]{2,6} *[:：])`, 'gu');
const HAN_THEN_DIGIT = new RegExp(`(?<=[${HAN}${CJK_OPEN}${CJK_CLOSE}]) +(?=\\d)`, 'gu');
const AFTER_CJK_OPEN = new RegExp(`(?<=[${CJK_OPEN}${CJK_CLOSE}]) +(?=\\S)`, 'gu');
const BEFORE_CJK_CLOSE = new RegExp(`(?<=\\S) +(?=[${CJK_CLOSE}])`, 'gu');
/**
 * Letter-spaced Chinese (索 引 号, 通 知, 总　　则 in a regulation's chapter titles): single characters
 * separated by one to three spaces.
 */
const LETTER_SPACED = new RegExp(`(?<![${HAN}])[${HAN}](?: {1,3}[${HAN}](?![${HAN}]))+`, 'gu');
/** 2015- 12- 20 → 2015-12-20, and the time after it: 15: 17 → 15:17 */
const SPACED_DATE = /(\d{4}) *([-/.]) *(\d{1,2}) *\2 *(\d{1,2})(?!\d)(?: +(\d{1,2}) *: *(\d{2})(?!\d))?/g;

/** Removes the spaces that extraction put inside numbers, dates and Chinese words, in one line. */
export function tidyLineSpacing(line: string): string {
  // Every step below needs a space or a tab (or rewrites one the same: 2015-12-20); most lines of a
  // document have none, and cleanup runs this on every line.
  if (!/[ \t\u0001]/.test(line)) return line.trim();
  // Steps that cannot match are skipped (each is a pass over the line): the cell and tab steps need
  // a tab, the three number steps a digit.
  let out = line;
  if (out.includes('\t')) out = out.replace(CELL_BREAK, CELL_MARK).replace(/\t/g, ' ');
  const digits = /\d/.test(out);
  if (digits) out = out.replace(SPACED_DATE, (_m, y, sep, mo, d, h, mi) => `${y}${sep}${mo}${sep}${d}${h ? ` ${h}:${mi}` : ''}`);
  out = out.replace(LETTER_SPACED, (run: string) => run.replace(/ /g, ''));
  if (digits) out = out.replace(DIGIT_THEN_HAN, '$1').replace(HAN_THEN_DIGIT, '');
  out = out.replace(AFTER_CJK_OPEN, '').replace(BEFORE_CJK_CLOSE, '').replace(/ {2,}/g, ' ');
  return out.replaceAll(CELL_MARK, ' ').trim();
}

/**
 * Display width as a Chinese PDF typesets it: a Chinese character is one em, Latin letters, digits
 * and spaces half of one. Punctuation counts as a full em: extraction often turns the full-width
 * ，（） of the page into ASCII , ( ).
 */
export function displayWidth(line: string): number {
  let w = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // A character outside the BMP (two units) is one character, as iterating the string counts it.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length) {
      const d = line.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    w += (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x20 ? 0.5 : 1;
  }
  return w;
}
