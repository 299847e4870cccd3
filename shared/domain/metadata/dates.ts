// Dates as Chinese policy documents print them: 2016年9月29日, '2016 年9 月29 日' (PDF spacing),
// 二〇一六年九月二十九日 (signature blocks), 2016-09-29, '2015- 12- 20 15: 17' (web chrome), 2016.9.29.
import { spaceUnits } from './units';

const SP = '[\\s\\u00a0\\u3000]*';
const D = '[0-9０-９]';
const CN_DIGITS = '〇零○Ｏ一二三四五六七八九十';

/** Arabic date in 年月日 form, spaces allowed anywhere. */
export const ARABIC_YMD = `(${D}{4})${SP}年${SP}(${D}{1,2})${SP}月${SP}(${D}{1,2})${SP}日`;
/** Chinese-numeral date in 年月日 form. */
export const CHINESE_YMD = `([${CN_DIGITS}]{4})${SP}年${SP}([${CN_DIGITS}]{1,3})${SP}月${SP}([${CN_DIGITS}]{1,3})${SP}日`;
/** ISO-like date with - / . separators; a time may follow. */
export const DASHED_YMD = `(${D}{4})${SP}[-/.．]${SP}(${D}{1,2})${SP}[-/.．]${SP}(${D}{1,2})(?!${D})`;

const ANY_DATE_RE = new RegExp(`${ARABIC_YMD}|${CHINESE_YMD}|${DASHED_YMD}`, 'u');

function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const CN_DIGIT_VALUE: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二〇一六 → 2016 (digit by digit). */
function chineseYear(s: string): number | null {
  let out = 0;
  for (const ch of s) {
    const v = CN_DIGIT_VALUE[ch];
    if (v === undefined) return null;
    out = out * 10 + v;
  }
  return out;
}

/** 九 → 9, 十 → 10, 十二 → 12, 二十九 → 29, 三十一 → 31. */
export function chineseSmallNumber(s: string): number | null {
  if (!s) return null;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (CN_DIGIT_VALUE[s] ?? null) : null;
  const tens = ten === 0 ? 1 : CN_DIGIT_VALUE[s.slice(0, ten)];
  const ones = ten === s.length - 1 ? 0 : CN_DIGIT_VALUE[s.slice(ten + 1)];
  if (tens === undefined || ones === undefined) return null;
  return tens * 10 + ones;
}

function iso(y: number, m: number, d: number): string | null {
  if (!(y >= 1949 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null; // 2月30日 and the like
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Converts one regex match of ANY_DATE_RE-shaped groups to YYYY-MM-DD. */
function fromGroups(g: Array<string | undefined>): string | null {
  const [ay, am, ad, cy, cm, cd, dy, dm, dd] = g;
  if (ay) return iso(Number(toHalfWidthDigits(ay)), Number(toHalfWidthDigits(am!)), Number(toHalfWidthDigits(ad!)));
  if (cy) {
    const y = chineseYear(cy);
    const m = chineseSmallNumber(cm!);
    const d = chineseSmallNumber(cd!);
    return y != null && m != null && d != null ? iso(y, m, d) : null;
  }
  if (dy) return iso(Number(toHalfWidthDigits(dy)), Number(toHalfWidthDigits(dm!)), Number(toHalfWidthDigits(dd!)));
  return null;
}

/** The first date in the string as YYYY-MM-DD, or null. */
export function parseDate(s: string): string | null {
  const m = ANY_DATE_RE.exec(s);
  return m ? fromGroups(m.slice(1)) : null;
}

/** A line that consists of a date only (the date under a signature). */
export function parseDateLine(line: string): string | null {
  // Metadata asks this of every line of a document (findSignature): most are sentences, longer
  // than any date can be, and are turned down before a string is made of them.
  const space = spaceUnits();
  let units = 0;
  for (let i = 0; i < line.length; i++) if (space[line.charCodeAt(i)] === 0 && ++units > LONGEST_DATE_UNITS) return null;
  const t = line.replace(/[\s\u00a0\u3000]+/gu, '');
  if (!t) return null;
  const m = DATE_LINE_RE.exec(t);
  return m ? fromGroups(m.slice(1)) : null;
}
const DATE_LINE_RE = new RegExp(`^(?:${ARABIC_YMD}|${CHINESE_YMD}|${DASHED_YMD})$`, 'u');
/** The longest text DATE_LINE_RE matches without white space: 二〇二〇年十二月三十一日 (4 + 1 + 3 + 1 + 3 + 1). */
const LONGEST_DATE_UNITS = 13;
