// Rejoining the hard line wraps of text typeset in pages (市财\n政局 → 市财政局) without gluing
// separate paragraphs, clauses or titles together.
//
// Whether a text is wrapped at all is read from its line statistics, not from its file format: a
// .txt copied out of a PDF is wrapped, a web page's text is not. In wrapped text most lines share
// one width, the measure of the page; a line that reaches that width was cut by the typesetter,
// a shorter line ended its paragraph.
//
// In wrapped text, line A is joined with the next line B when B does not start with a clause
// label (unless A was cut mid-sentence at the margin: then B's "label" is a wrapped citation) and
// A does not end a paragraph (。；：！？), and one of these holds:
// - A reaches the page measure (a typeset line cut at the margin);
// - A leaves a bracket or quotation open (a wrapped title or citation: 关于印发《…城市 / 示范…》);
// - A and B are two halves of a centred title (…城市示范 / 工作推进方案(2016-2018)), or of a
//   signature (…示范工作 / 联席会议办公室).

import { matchLabel } from '../segment/labels';
import { isTitleLine } from '../segment/parts';
import { displayWidth } from './spacing';

export interface WrapProfile {
  /** True when the text looks typeset in pages with hard line wraps. */
  wrapped: boolean;
  /** The page measure: the width most full lines share. */
  measure: number;
}

/** Lines considered when measuring: long enough to have reached the margin. */
const MIN_MEASURED_WIDTH = 8;
/** Share of lines that must sit at the measure for the text to count as wrapped. */
const MIN_FULL_SHARE = 0.35;
const MIN_LINES = 8;
/** Narrower "pages" are tables or lists, not typeset running text. */
const MIN_MEASURE = 12;
/**
 * How far short of the measure a line may stop and still count as cut at the margin: the two-character
 * indent of a paragraph's first line, plus rounding of half-width characters.
 */
const MARGIN_SLACK = 2.5;
const MARGIN_SLACK_MID_WORD = 4.5;

const PARAGRAPH_END = /[。；;：:！!？?]$/;

export function profileLines(lines: string[]): WrapProfile {
  const widths = lines.map((l) => displayWidth(l.trim())).filter((w) => w >= MIN_MEASURED_WIDTH);
  if (widths.length < MIN_LINES) return { wrapped: false, measure: 0 };
  // The most common width is the page measure (first lines of paragraphs are indented by two
  // characters, so they form a second, smaller peak just below it).
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(Math.round(w), (counts.get(Math.round(w)) ?? 0) + 1);
  let measure = 0;
  let best = -1;
  for (const [w, n] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (n >= best) {
      best = n;
      measure = w;
    }
  }
  const fullLines = lines
    .map((l) => l.trim())
    .filter((l) => {
      const w = displayWidth(l);
      return w >= measure - MARGIN_SLACK && w <= measure + 1.5;
    });
  // Lines cut by a typesetter mostly stop mid-sentence; a list of equally long items ends each
  // item with punctuation and is not wrapped text.
  const midSentence = fullLines.filter((l) => !PARAGRAPH_END.test(l)).length;
  const wrapped = measure >= MIN_MEASURE && fullLines.length / widths.length >= MIN_FULL_SHARE && midSentence >= fullLines.length / 2;
  return { wrapped, measure };
}

const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const ORGANISATION_TAIL = /(办公室|委员会|领导小组|人民政府|政府|办公厅|局|厅|委|中心|协会)$/;
const MAX_ORGANISATION_CHARS = 16;

const PAIRS: Array<[string, string]> = [
  ['《', '》'],
  ['（', '）'],
  ['(', ')'],
  ['“', '”'],
  ['〔', '〕'],
  ['【', '】'],
];

function leavesBracketOpen(line: string): boolean {
  return PAIRS.some(([open, close]) => {
    let depth = 0;
    for (const ch of line) {
      if (ch === open) depth++;
      else if (ch === close && depth > 0) depth--;
    }
    return depth > 0;
  });
}

function shouldJoin(a: string, b: string, profile: WrapProfile): boolean {
  if (!a || !b) return false;
  if (DATE_LINE.test(a) || DATE_LINE.test(b)) return false;
  if (matchLabel(b)) return continuesIntoLabel(a, profile);
  // An open bracket outweighs a colon at the end: (责任部门:\n市科技局、市财政局)
  if (leavesBracketOpen(a)) return true;
  if (PARAGRAPH_END.test(a)) return false;
  // A complete title stands alone even when it is long.
  if (isTitleLine(a)) return false;
  const width = displayWidth(a);
  // A line ending in the middle of a word or number (…服务平台、10 / 个中小企业) may stop a little
  // further from the margin: half-width digits make its width less certain.
  const slack = /[\p{Script=Han}A-Za-z0-9]$/u.test(a) ? MARGIN_SLACK_MID_WORD : MARGIN_SLACK;
  if (width >= profile.measure - slack) return true;
  const short = (s: string): boolean => displayWidth(s) < profile.measure - MARGIN_SLACK;
  if (!short(b) || /[，,、。；：]/.test(a)) return false;
  // Two halves of a centred title: neither half is a title, together they are.
  if (!isTitleLine(a) && isTitleLine(a + b) && !matchLabel(a)) return true;
  // Two halves of a signature: the second half names an organisation.
  return !matchLabel(a) && b.length <= MAX_ORGANISATION_CHARS && ORGANISATION_TAIL.test(b) && !ORGANISATION_TAIL.test(a) && width >= profile.measure / 2;
}

/**
 * A line that starts with something printed like a label normally opens a clause. Only when the line
 * before it was cut at the margin in the middle of a sentence (ending in a character, a digit or a
 * comma, not in 。；：) is it a citation that wrapped: "…按本办法第三条\n(一)项规定执行". A heading
 * line (a label and a title without punctuation) ends where it ends.
 */
function continuesIntoLabel(a: string, profile: WrapProfile): boolean {
  if (!/[\p{Script=Han}0-9A-Za-z，,、“《（(]$/u.test(a)) return false;
  if (displayWidth(a) < profile.measure - MARGIN_SLACK) return false;
  if (matchLabel(a) && !/[，,。；;]/.test(a)) return false;
  return !isTitleLine(a);
}

/** Joins wrapped lines. Blank lines are paragraph breaks and are never joined across. */
export function joinWrappedLines(lines: string[], profile: WrapProfile): string[] {
  if (!profile.wrapped) return lines;
  const out: string[] = [];
  // The decision looks at the last *typeset* line, not at the paragraph joined so far.
  let prev = '';
  for (const line of lines) {
    if (prev && line && out.length && shouldJoin(prev, line, profile)) {
      // Latin words cut at the margin keep a space between them; Chinese never does.
      const space = /[A-Za-z]$/.test(prev) && /^[A-Za-z]/.test(line) ? ' ' : '';
      out[out.length - 1] += space + line;
    } else {
      out.push(line);
    }
    prev = line;
  }
  return out;
}

/** A line ending in the first half of a 文号: an issuer code and a bracketed year (鄂政办发〔2019〕). */
const DOC_NUMBER_HEAD_END = /[\p{Script=Han}][〔［[【(（]\s*\d{4}\s*[〕］\]】)）]$/u;
/** …whose serial starts the next line: 12号, 第12号. */
const DOC_NUMBER_TAIL_START = /^第?\s*\d{1,5}\s*号/;
/** An issuer code cut before its bracketed year: 国办发 / 〔2018〕104号. */
const DOC_NUMBER_YEAR_START = /^[〔［[【]\s*\d{4}\s*[〕］\]】]\s*第?\s*\d{1,5}\s*号/;

/**
 * Rejoins a 文号 broken over two lines in any text, typeset or not (a letterhead's 文号 wrapped by a
 * narrow text box, a line break typed inside a citation): 鄂政办发〔2019〕 / 12号. Nothing else is
 * printed this way, so the two halves are one token and search must find it whole.
 */
export function joinSplitDocNumbers(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out.length ? out[out.length - 1] : '';
    const split = (DOC_NUMBER_HEAD_END.test(prev) && DOC_NUMBER_TAIL_START.test(line)) || (/\p{Script=Han}$/u.test(prev) && DOC_NUMBER_YEAR_START.test(line));
    if (split) out[out.length - 1] = prev + line;
    else out.push(line);
  }
  return out;
}
