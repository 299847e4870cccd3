// Numbers with units in policy text, and the targets they state:
//   新增科技型小微企业1200家        2018 年达到4000 亿元        不超过500万元        增长60%以上
// A quantity is an Arabic number (half- or full-width, with thousands separators, decimals or a
// range like 10-20) followed by a unit. Four-digit years followed by 年 are not quantities: they are
// the `year` a nearby quantity is a target for. Dates (9月29日) and document numbers (〔2012〕14号)
// have no unit from the list and are skipped.
//
// Units are kept as printed, magnitude included ('亿元', '万家'), and `value` is the printed number:
// researchers compare 4000亿元 with 3000亿元, not 4e11 with 3e11.
import { findMetric } from './metric';

export interface Quantity {
  /** Offsets into the text: [start, end) covers the number, its unit and a trailing 以上/以下. */
  start: number;
  end: number;
  /** The text as printed, text.slice(start, end). */
  text: string;
  /** The printed number (lower end of a range). */
  value: number;
  /** Upper end of a range such as 10-20 个. */
  valueMax?: number;
  /** The unit as printed, magnitude included: '家', '亿元', '万户', '%', '个百分点'. */
  unit: string;
  /** The year this quantity is a target for (2018 in '2018 年达到4000 亿元'). */
  year?: number;
  /** What is counted, read from the words before the number: '全市高新技术企业'. */
  metric?: string;
  /** 'min' for 以上/不低于/超过…, 'max' for 以下/不超过/最高… */
  bound?: 'min' | 'max';
}

// Longest first, so 亿元 wins over 元 and 个工作日 over 个.
const UNITS = [
  '个百分点',
  '个工作日',
  '平方公里',
  '万平方米',
  '平方米',
  '工作日',
  '个月',
  '人次',
  '小时',
  '公顷',
  '公里',
  '亿美元',
  '万美元',
  '美元',
  '亿元',
  '万元',
  '千元',
  '元',
  '家',
  '个',
  '户',
  '人',
  '名',
  '项',
  '件',
  '所',
  '座',
  '处',
  '条',
  '台',
  '套',
  '批',
  '场',
  '次',
  '期',
  '亩',
  '米',
  '倍',
  '天',
  '年',
  '%',
  '％',
  '‰',
];
const MAGNITUDES = '[万亿千百]';
const DIGITS = '[0-9０-９]';
const NUMBER = `${DIGITS}+(?:[,，]${DIGITS}{3})*(?:[.．]${DIGITS}+)?`;
const UNIT_ALT = UNITS.join('|'); // no unit contains a regex metacharacter
// number [- ~ 至 number] [space] [magnitude] unit [以上|以下]
const QUANTITY_RE = new RegExp(
  `(?<![0-9０-９.．A-Za-z〔\\[])(${NUMBER})(?:\\s*[-－—~～至到]\\s*(${NUMBER}))?[ \\t\\u00a0\\u3000]*(${MAGNITUDES}?)(${UNIT_ALT})(以上|以下|以内|左右)?`,
  'gu',
);
const YEAR_RE = /(?<![0-9０-９])((?:19|20)[0-9]{2})(?:\s*[-－—~～至到]\s*((?:19|20)[0-9]{2}))?\s*年/gu;
const SENTENCE_END = /[。；;！!？?\n]/u;

const MIN_BEFORE = /(?:不低于|不少于|超过|突破|达到?|力争|至少)\s*$/u;
const MAX_BEFORE = /(?:不超过|不高于|最高|最多|上限为?|以内)\s*$/u;

function toNumber(s: string): number {
  const ascii = s.replace(/[０-９．]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，]/gu, '');
  return Number(ascii);
}

interface YearMark {
  start: number;
  end: number;
  year: number;
}

function findYears(text: string): YearMark[] {
  const out: YearMark[] = [];
  for (const m of text.matchAll(YEAR_RE)) {
    const start = m.index ?? 0;
    // A range 2016-2018年 is a period: its targets are for its last year.
    out.push({ start, end: start + m[0].length, year: Number(m[2] ?? m[1]) });
  }
  return out;
}

/**
 * Offsets just after every sentence end of the last text asked about, found in one pass: asking
 * for each number's sentence by scanning back was quadratic in a long line full of numbers.
 */
let boundaryText: string | null = null;
let boundaries: number[] = [];
function sentenceBoundaries(text: string): number[] {
  if (text !== boundaryText) {
    boundaries = [];
    for (let i = 0; i < text.length; i++) if (SENTENCE_END.test(text[i])) boundaries.push(i + 1);
    boundaryText = text;
  }
  return boundaries;
}

/** Index of the first boundary greater than `at` (binary search). */
function firstBoundaryAfter(list: number[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] > at) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function sentenceStart(text: string, at: number): number {
  const list = sentenceBoundaries(text);
  const k = firstBoundaryAfter(list, at);
  return k === 0 ? 0 : list[k - 1];
}

function sentenceEnd(text: string, at: number): number {
  // The sentence end character at or after `at`: the first boundary past `at`, minus one.
  const list = sentenceBoundaries(text);
  const k = firstBoundaryAfter(list, at);
  return k === list.length ? text.length : list[k] - 1;
}

/**
 * Every quantity in the text, in order. Pure and deterministic; offsets are UTF-16 offsets into
 * `text`, so they can be used directly as highlight ranges in the cleaned text.
 */
export interface QuantityOptions {
  /**
   * The year of a quantity whose sentence names none: the end of the document's period
   * (三年示范期 in a 2016-2018 plan means by 2018). Left out, such quantities have no year.
   */
  defaultYear?: number;
}

export function extractQuantities(text: string, options: QuantityOptions = {}): Quantity[] {
  const years = findYears(text);
  // Years and quantities both come in text order: one pointer walks the years alongside, instead
  // of testing every year for every number (a long line of dates and amounts was quadratic).
  let nextYear = 0;
  const isYear = (start: number) => {
    while (nextYear < years.length && years[nextYear].end <= start) nextYear++;
    return nextYear < years.length && years[nextYear].start <= start;
  };
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY_RE)) {
    const start = m.index ?? 0;
    if (isYear(start)) continue;
    const [whole, num, numMax, magnitude, unit, suffix] = m;
    // A bare 4-digit number followed by 年 is a year handled above; a small one is a duration (3年).
    const value = toNumber(num);
    if (!Number.isFinite(value)) continue;
    const q: Quantity = { start, end: start + whole.length, text: whole, value, unit: magnitude + unit };
    if (numMax) q.valueMax = toNumber(numMax);
    // '最高不超过每人600元': the per-unit word sits between the bound and the number.
    const before = text.slice(Math.max(0, start - 10), start).replace(/每[人户家月年个项次]\s*$/u, '');
    if (suffix === '以上' || MIN_BEFORE.test(before)) q.bound = 'min';
    if (suffix === '以下' || suffix === '以内' || MAX_BEFORE.test(before)) q.bound = 'max';
    out.push(q);
  }
  attachYears(text, out, years);
  let previous: { sentence: number; metric: string } | null = null;
  for (const q of out) {
    const sentence = sentenceStart(text, q.start);
    const metric = findMetric(text, q.start, q.end, sentence, q.unit, previous?.sentence === sentence ? previous.metric : undefined);
    if (metric) {
      q.metric = metric;
      previous = { sentence, metric };
    }
    if (q.year === undefined && options.defaultYear !== undefined) q.year = options.defaultYear;
  }
  return out;
}

/**
 * Gives each quantity the year it is a target for: the closest year before it in the same
 * sentence; '2016年、2017年、2018年…分别达到150家、160家、180家' pairs years and values in order.
 */
function attachYears(text: string, quantities: Quantity[], years: YearMark[]): void {
  const bySentence = new Map<number, Quantity[]>();
  for (const q of quantities) {
    const s = sentenceStart(text, q.start);
    const list = bySentence.get(s) ?? [];
    list.push(q);
    bySentence.set(s, list);
  }
  // Years are in text order and do not overlap, so their starts and ends both ascend: a sentence's
  // years and a quantity's neighbours are found by binary search, never by scanning every year.
  for (const [s, qs] of bySentence) {
    const e = sentenceEnd(text, s);
    const inSentence = years
      .slice(
        firstIndex(years, (y) => y.start >= s),
        firstIndex(years, (y) => y.start >= e),
      )
      .filter((y) => y.end <= e);
    if (inSentence.length === 0) continue;
    // Only this sentence is searched: indexOf from `s` would scan to the end of the text each time.
    const within = text.slice(s, e).indexOf('分别');
    const respectively = within < 0 ? -1 : s + within;
    if (respectively >= 0) {
      const listed = inSentence.filter((y) => y.end <= respectively);
      const after = qs.filter((q) => q.start > respectively);
      if (listed.length > 1 && listed.length === after.length) {
        after.forEach((q, i) => (q.year = listed[i].year));
        continue;
      }
    }
    for (const q of qs) {
      if (q.year !== undefined) continue;
      const prior = firstIndex(inSentence, (y) => y.end > q.start) - 1;
      const year = prior >= 0 ? inSentence[prior] : inSentence[firstIndex(inSentence, (y) => y.start >= q.end)];
      if (year) q.year = year.year;
    }
  }
}

/** The first index of `list` whose item passes `test`, for a test that is false then true along the list. */
function firstIndex<T>(list: T[], test: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(list[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Quantities that read as targets: a year, a bound or a growth verb makes a number a goal. */
export function extractTargets(text: string, options: QuantityOptions = {}): Quantity[] {
  return extractQuantities(text, options).filter(
    (q) =>
      q.metric &&
      (q.year !== undefined || q.bound === 'min' || /新增|达到|增长|培育|建设|引进|实现|累计/u.test(q.metric + text.slice(Math.max(0, q.start - 4), q.start))),
  );
}
