// Rebuilds the lines of a PDF page from pdf.js text items. A PDF has no lines or words, only runs of
// glyphs placed at coordinates; a run that continues at (about) the same baseline belongs to the same
// line. Chinese has no spaces between words, so two runs that meet between CJK characters are joined
// directly, while Latin words and numbers get the space the layout implies.
// pdf.js itself puts a " " into an item wherever glyphs are 0.1–0.6 em apart, which is how justified
// or letter-spaced Chinese is set (Word justifies CJK lines by widening every gap): 企 业 创 业. Those
// spaces between two CJK characters are removed; wider gaps arrive as separate white-space items and
// are judged by geometry below.

/** The fields of a pdf.js TextItem this module needs (kept minimal so tests can build items by hand). */
export interface PositionedText {
  str: string;
  /** [a, b, c, d, x, y]: font matrix scaled to the page; x, y is the start of the baseline. */
  transform: number[];
  width: number;
  height: number;
}

interface Line {
  y: number;
  endX: number;
  size: number;
  text: string;
}

/** A gap wider than this many font sizes is a column or table-cell gap: always marked by a space. */
const WIDE_GAP_EM = 1.5;
/** A gap narrower than this is kerning or justification, not a space. */
const SPACE_GAP_EM = 0.2;

export function linesFromItems(items: PositionedText[]): string[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  for (const item of items) {
    // White-space items only mark a gap; the next item's position measures it.
    if (item.str.trim() === '') continue;
    const [a, b, c, d, x, y] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1;
    const sameLine = line !== null && Math.abs(y - line.y) <= 0.5 * Math.max(size, line.size) && x >= line.endX - 2 * Math.max(size, line.size);
    if (line !== null && sameLine) {
      const text = withoutSpacesBetweenCjk(item.str);
      line.text += separator(line.text, text, (x - line.endX) / Math.max(size, line.size));
      line.text += text;
      line.endX = Math.max(line.endX, x + item.width);
      line.size = Math.max(line.size, size);
    } else {
      line = { y, endX: x + item.width, size, text: withoutSpacesBetweenCjk(item.str) };
      lines.push(line);
    }
  }
  return lines.map((l) => l.text.replace(/\s+$/u, ''));
}

function separator(before: string, after: string, gapEm: number): string {
  if (/\s$/u.test(before) || /^\s/u.test(after)) return '';
  if (gapEm > WIDE_GAP_EM) return ' ';
  if (gapEm <= SPACE_GAP_EM) return '';
  return isCjk(before.at(-1)!) && isCjk(after[0]) ? '' : ' ';
}

/** Han characters, CJK and full-width punctuation: scripts written without spaces between words. */
const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF';
const CJK_CHAR = new RegExp(`[${CJK}]`, 'u');
const SPACES_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) +(?=[${CJK}])`, 'gu');

function isCjk(ch: string): boolean {
  return CJK_CHAR.test(ch);
}

function withoutSpacesBetweenCjk(text: string): string {
  return text.includes(' ') ? text.replace(SPACES_BETWEEN_CJK, '') : text;
}
