// Recognising clause labels (一、 （一） 1. 1、 （1） ① 第五条 …) at the start of a paragraph, and
// reading the Chinese numerals inside them.
//
// A label is only a *candidate* here: whether it really opens a clause depends on the numbering
// sequence around it, which tree.ts decides. This file answers "does this line start with something
// printed like a number, which numbering scheme is it, and what number does it carry".

/**
 * A numbering scheme: the way a label is printed. Labels of one scheme form one sequence. Full- and
 * half-width variants of the same scheme share one key, because one document mixes them freely.
 */
export type LabelScheme =
  | 'zhang' // 第一章
  | 'jie' // 第一节
  | 'bufen' // 第一部分
  | 'tiao' // 第一条
  | 'cn-dun' // 一、
  | 'cn-dot' // 一. 一．
  | 'cn-paren' // (一) （一）
  | 'ar-dot' // 1. 1．
  | 'ar-dun' // 1、
  | 'ar-paren' // (1) （1） ⑴
  | 'ar-rparen' // 1) 1）
  | 'circled'; // ①

export interface LabelMatch {
  /** The label as printed, without the white space after it. */
  label: string;
  scheme: LabelScheme;
  number: number;
  /** Length of the label plus the white space after it: the clause's own text starts here. */
  length: number;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Reads a Chinese numeral (十二, 二十, 六十二, 一百零三, 两千) or a run of Arabic digits
 * (half- or full-width). Returns null for anything else, including the empty string.
 */
export function parseNumeral(text: string): number | null {
  if (!text) return null;
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in CN_DIGITS) {
      if (digit !== null && digit !== 0) return null; // 二三 is not a numeral
      digit = CN_DIGITS[ch];
    } else if (ch in CN_UNITS) {
      // A bare unit (十 in 十二) means one of it.
      total += (digit ?? 1) * CN_UNITS[ch];
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

const CN = '[零〇一二两三四五六七八九十百千]+';
const AR = '[0-9０-９]{1,3}';
const OPEN = '[(（]';
const CLOSE = '[)）]';

interface Pattern {
  scheme: LabelScheme;
  re: RegExp;
}

// Order matters: the first pattern that matches wins. Group 1 is always the numeral.
const PATTERNS: Pattern[] = [
  { scheme: 'zhang', re: new RegExp(`^第\\s*(${CN}|${AR})\\s*章`) },
  { scheme: 'jie', re: new RegExp(`^第\\s*(${CN}|${AR})\\s*节`) },
  { scheme: 'bufen', re: new RegExp(`^第\\s*(${CN}|${AR})\\s*部分`) },
  { scheme: 'tiao', re: new RegExp(`^第\\s*(${CN}|${AR})\\s*条`) },
  { scheme: 'cn-dun', re: new RegExp(`^(${CN})\\s*、`) },
  // 一. but not 一.5 (never happens with Chinese numerals, kept symmetrical with ar-dot)
  { scheme: 'cn-dot', re: new RegExp(`^(${CN})\\s*[.．](?![0-9０-９])`) },
  { scheme: 'cn-paren', re: new RegExp(`^${OPEN}\\s*(${CN})\\s*${CLOSE}`) },
  { scheme: 'ar-paren', re: new RegExp(`^${OPEN}\\s*(${AR})\\s*${CLOSE}`) },
  // 1. but never 1.5亿元 or 8.8诚信日 (a decimal), and never 2016.9 (too many digits)
  { scheme: 'ar-dot', re: new RegExp(`^(${AR})\\s*[.．](?![0-9０-９])`) },
  { scheme: 'ar-dun', re: new RegExp(`^(${AR})\\s*、`) },
  { scheme: 'ar-rparen', re: new RegExp(`^(${AR})\\s*${CLOSE}`) },
];

/** ① … ⑳, ㉑ … ㉟, ㊱ … ㊿ */
function circledNumber(ch: string): number | null {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1;
  if (c >= 0x3251 && c <= 0x325f) return c - 0x3251 + 21;
  if (c >= 0x32b1 && c <= 0x32bf) return c - 0x32b1 + 36;
  return null;
}

/** ⑴ … ⒇ are parenthesised digits, ⒈ … ⒛ digits with a full stop: same schemes as (1) and 1. */
function singleCharLabel(ch: string): { scheme: LabelScheme; number: number } | null {
  const circled = circledNumber(ch);
  if (circled !== null) return { scheme: 'circled', number: circled };
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x2474 && c <= 0x2487) return { scheme: 'ar-paren', number: c - 0x2474 + 1 };
  if (c >= 0x2488 && c <= 0x249b) return { scheme: 'ar-dot', number: c - 0x2488 + 1 };
  return null;
}

const ENUMERATED_NUMBERS = /^(?:[一二三四五六七八九十]{1,2}(?:季度|产业|期工程|批次?|等奖|档)|[0-9０-９]{1,2}(?:月份?|季度|号楼))/;

/** Labels whose number would be absurd for a clause (a year, a count) are not labels. */
const MAX_NUMBER = 300;

/** The label at the very start of `line`, if the line starts with one. */
export function matchLabel(line: string): LabelMatch | null {
  const first = line.charAt(0);
  const single = first ? singleCharLabel(first) : null;
  if (single) return finish(line, first, single.scheme, single.number);
  for (const { scheme, re } of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const n = parseNumeral(m[1]);
    if (n === null || n < 1 || n > MAX_NUMBER) return null;
    return finish(line, m[0], scheme, n);
  }
  return null;
}

function finish(line: string, printed: string, scheme: LabelScheme, number: number): LabelMatch | null {
  const rest = line.slice(printed.length);
  // "1)" or "1." directly followed by a unit or a percent sign is a quantity, not a label.
  if ((scheme === 'ar-rparen' || scheme === 'ar-dot') && /^[%％]/.test(rest)) return null;
  // "一、二季度", "二、三产业", "1、2月份": two numbers listed together at the start of a sentence.
  if ((scheme === 'cn-dun' || scheme === 'ar-dun') && ENUMERATED_NUMBERS.test(rest)) return null;
  const space = /^[ \t\u00a0\u3000]*/.exec(rest)?.[0].length ?? 0;
  return { label: printed.replace(/\s+/g, ''), scheme, number, length: printed.length + space };
}

/** Schemes of the 第X… family: their labels are words, so a title may follow after a space. */
export const ARTICLE_SCHEMES: ReadonlySet<LabelScheme> = new Set(['zhang', 'jie', 'bufen', 'tiao']);
