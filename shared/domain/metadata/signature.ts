// The signature block of a notice: the issuing body (发文机关) on one or more lines, then the date.
//   青岛市小微企业创业创新基地城市示范工作
//   联席会议办公室
//   2016 年9 月29 日
import { parseDateLine } from './dates';
import { AGENCY_END_RE } from './title';

export interface Signature {
  issuer: string | null;
  date: string;
  /** Line index of the date. */
  line: number;
}

const compact = (s: string): string => s.replace(/[\s\u00a0\u3000]+/gu, '');
const MAX_AGENCY_LINE = 60;
/** The shortest whole agency name printed in a signature (商务局, 财政厅 are always prefixed by a place). */
const MIN_AGENCY_CHARS = 4;
const SAME_LINE_RE = /^([\u4e00-\u9fff]{4,40})[\s\u00a0\u3000]+((?:[0-9０-９]{4}|[〇零○一二三四五六七八九]{4})[\s\u00a0\u3000]*年.{1,12}日)$/u;
const NOT_AGENCY_RE = /[。，,；;：:！!？?、《》“”()（）]/u;

/**
 * Agency lines directly above the date, read bottom-up: a line that ends like an agency starts a
 * new signatory; one that does not is the first half of the wrapped name below it.
 */
function agencyAbove(lines: string[], dateLine: number): string | null {
  const agencies: string[] = [];
  let current = '';
  let wrapped = false;
  for (let i = dateLine - 1, seen = 0; i >= 0 && seen < 4; i--) {
    const t = compact(lines[i]);
    if (!t) continue;
    if (t.length > MAX_AGENCY_LINE || NOT_AGENCY_RE.test(t) || /\d/u.test(t)) break;
    seen++;
    // Joint issuers printed side by side on one line: '青岛市财政局    青岛市科学技术局' (cleanup
    // leaves one space between them). A space inside one name (青岛市财 政局) leaves a piece
    // that is not a whole agency name.
    const sideBySide = lines[i]
      .trim()
      .split(/[\s\u00a0\u3000]+/u)
      .filter(Boolean);
    if (sideBySide.length > 1 && sideBySide.every((x) => x.length >= MIN_AGENCY_CHARS && AGENCY_END_RE.test(x))) {
      if (current) agencies.unshift(current);
      agencies.unshift(...sideBySide);
      current = '';
      wrapped = true; // a line above cannot be glued to a side-by-side row
      continue;
    }
    if (!current) {
      if (!AGENCY_END_RE.test(t)) break;
      current = t;
    } else if (AGENCY_END_RE.test(t)) {
      agencies.unshift(current);
      current = t;
      wrapped = false;
    } else if (!wrapped) {
      current = t + current;
      wrapped = true;
    } else break;
  }
  if (current) agencies.unshift(current);
  return agencies.length > 0 ? agencies.join('、') : null;
}

/** The first date-only line that has an agency above it, within the given line range. */
export function findSignature(lines: string[], fromLine = 0, toLine = lines.length): Signature | null {
  let firstDate: Signature | null = null;
  for (let i = fromLine; i < Math.min(lines.length, toLine); i++) {
    // Web pages often print issuer and date on one line: '温州市人民政府办公室    2015年12月16日'.
    const sameLine = SAME_LINE_RE.exec(lines[i].trim());
    if (sameLine && AGENCY_END_RE.test(sameLine[1]) && !NOT_AGENCY_RE.test(sameLine[1])) {
      const date = parseDateLine(sameLine[2]);
      if (date) return { issuer: compact(sameLine[1]), date, line: i };
    }
    const date = parseDateLine(lines[i]);
    if (!date) continue;
    const issuer = agencyAbove(lines, i);
    if (issuer) return { issuer, date, line: i };
    firstDate ??= { issuer: null, date, line: i };
  }
  return firstDate;
}
