// 文号 (document numbers) such as 青政发〔2012〕46号: finding them in text and normalising them.
//
// A 文号 is 机关代字 (issuer code, e.g. 青政发, 财办建, 浙微组发) + year in brackets + serial + 号.
// PDF extraction inserts spaces and line breaks anywhere inside it ('2 号', '17\n号'), and
// documents print the brackets as 〔〕, [], ［］, (), （）, 【】 or a mix of them.
import { spaceUnits } from './units';

export interface DocNumberHit {
  /** The 文号 as printed, with all white space removed. */
  docNumber: string;
  /** Offsets into the searched text: [start, end) covers the printed 文号 including any inner breaks. */
  start: number;
  end: number;
}

// Optional white space between the pieces (spaces, NBSP, ideographic space, line breaks).
const WS = '[\\s\\u00a0\\u3000]*';
const OPEN = '[〔［\\[(（【]';
const CLOSE = '[〕］\\])）】]';
const DIGIT = '[0-9０-９]';
// The issuer code: a run of CJK characters directly before the opening bracket.
const CODE = '[\\u4e00-\\u9fff]{1,12}';
// No two white-space runs may meet (`${WS}第?${WS}` would): the engine would try every split of a
// long run of spaces between them, quadratic in the run, for each start of a failing match.
// Every run here is followed by a character it cannot contain, so each is given back at most once.
const DOC_NUMBER_RE = new RegExp(`(${CODE})${WS}${OPEN}${WS}(${DIGIT}{4})${WS}${CLOSE}${WS}(?:第${WS})?(${DIGIT}{1,5})${WS}号`, 'gu');

// Words that often stand directly before a cited 文号 without a separator (再次落实国发〔2012〕14号);
// the issuer code starts after the last of them. Issuer codes themselves never contain them.
const LEADING_WORDS_RE = new RegExp(
  `^.*(?:${[
    '贯彻',
    '落实',
    '根据',
    '按照',
    '依据',
    '依照',
    '参照',
    '执行',
    '对照',
    '结合',
    '印发',
    '转发',
    '关于',
    '详见',
    '文件',
    '精神',
    '规定',
    '要求',
    '通知',
    '意见',
    '办法',
    '编号',
    '文号',
    '字号',
    '以及',
    '和',
    '及',
    '与',
    '或',
    '见',
    '的',
    '按',
    '据',
    '即',
    '号',
    '是',
    '在',
    '于',
    '为',
    '将',
    '把',
    '对',
    '由',
    '并',
  ].join('|')})`,
  'u',
);
/** Longer runs mean text glued in front of the code: the longest real codes have 6–7 characters. */
const MAX_CODE_LENGTH = 8;

/**
 * A code never starts with 政 or 府: the issuing place's one-character name always comes first
 * (青政发, 厦府办). When trimming left one of these, the trimmed word was that name: 并政发 is
 * 太原's code (并 for 并州), not "and 政发".
 */
const PLACELESS_CODE_RE = /^[政府]/u;

function trimIssuerCode(code: string): string {
  let cut = code.replace(LEADING_WORDS_RE, '');
  if (cut.length > 0 && cut.length < code.length && PLACELESS_CODE_RE.test(cut)) cut = code.slice(code.length - cut.length - 1);
  const c = cut.length > 0 ? cut : code;
  return c.length > MAX_CODE_LENGTH ? c.slice(c.length - MAX_CODE_LENGTH) : c;
}

/** Removes every kind of white space inside a 文号 ('青双创联办字〔2016〕2 号' → '青双创联办字〔2016〕2号'). */
export function normaliseDocNumber(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/gu, '');
}

/**
 * A key that makes two printings of the same 文号 equal (bracket style, full-width digits, spaces),
 * for linking a citation to the cited document. Not for display.
 */
export function docNumberKey(s: string): string {
  return normaliseDocNumber(s)
    .normalize('NFKC')
    .replace(/[〔［\[(（【]/gu, '〔')
    .replace(/[〕］\])）】]/gu, '〕');
}

// Where a 文号 can start its bracket: an opening bracket, white space, four digits. Every match of
// DOC_NUMBER_RE holds one, and its code is the run of CJK characters (at most 12 of it) just before
// that bracket and the white space before it: CJK characters are neither brackets nor white space.
const BRACKET_YEAR_RE = new RegExp(`${OPEN}${WS}${DIGIT}{4}`, 'gu');
const STICKY_DOC_NUMBER_RE = new RegExp(DOC_NUMBER_RE.source, 'uy');
const isCjk = (ch: number): boolean => ch >= 0x4e00 && ch <= 0x9fff;

/**
 * Every 文号 in the text, in order of appearance (duplicates included: each is a place to link).
 * The same matches as scanning with DOC_NUMBER_RE, found from the brackets followed by a year: the
 * plain scan tries the 12-character code at every CJK character of the text, which was the most
 * expensive step of reading a regulation's metadata; this tries one start per bracket.
 */
export function findDocNumbers(text: string): DocNumberHit[] {
  if (typeof text !== 'string') throw new TypeError('findDocNumbers: text must be a string');
  const hits: DocNumberHit[] = [];
  const space = spaceUnits();
  let done = 0;
  for (const b of text.matchAll(BRACKET_YEAR_RE)) {
    const bracket = b.index ?? 0;
    if (bracket < done) continue;
    let codeEnd = bracket;
    while (codeEnd > done && space[text.charCodeAt(codeEnd - 1)] === 1) codeEnd--;
    let start = codeEnd;
    while (start > done && codeEnd - start < 12 && isCjk(text.charCodeAt(start - 1))) start--;
    if (start === codeEnd) continue;
    STICKY_DOC_NUMBER_RE.lastIndex = start;
    const m = STICKY_DOC_NUMBER_RE.exec(text);
    if (!m) continue;
    hits.push(hitOf(text, m, start));
    done = start + m[0].length;
  }
  return hits;
}

function hitOf(text: string, m: RegExpExecArray | RegExpMatchArray, at: number): DocNumberHit {
  const fullCode = m[1];
  const code = trimIssuerCode(fullCode);
  const start = at + (fullCode.length - code.length);
  const end = at + m[0].length;
  return { docNumber: normaliseDocNumber(text.slice(start, end)), start, end };
}

/** The plain scan findDocNumbers must equal (kept for the test that compares them). */
export function findDocNumbersByScan(text: string): DocNumberHit[] {
  return [...text.matchAll(DOC_NUMBER_RE)].map((m) => hitOf(text, m, m.index ?? 0));
}
