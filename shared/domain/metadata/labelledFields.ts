// Labelled metadata as government web pages print it around the policy text:
//   '• 发布日期:2016-09-29', '文 号: 温政办〔2015〕122号', '成文日期 2012-11-08', '有效性:废止',
//   '发布机构:\n温州市人民政府办公室'. Labels may have spaces inside (索 引 号) and several pairs
// may share one line. Only the raw text (before cleanup) is guaranteed to still hold them.
import { parseDate } from './dates';
import { findDocNumbers } from './docNumbers';
import { unitsMatching } from './units';

export interface LabelledFields {
  title: string | null;
  docNumber: string | null;
  dateWritten: string | null;
  datePublished: string | null;
  dateEffective: string | null;
  validity: string | null;
  issuer: string | null;
}

const SP = '[ \\t\\u00a0\\u3000]*';
/** Spaces allowed between the characters of a label: 索 引 号. */
const spaced = (label: string): string => [...label].join(SP);

// Longest labels first so 发布文号 is not read as 文号 of another label.
const LABELS = {
  docNumber: ['规范性文件统一编号', '发文字号', '发布文号', '文件编号', '文号', '编号'],
  dateWritten: ['成文日期', '成文时间', '发文日期', '印发日期', '签发日期'],
  datePublished: ['发布日期', '发布时间', '公开日期', '公布日期'],
  dateEffective: ['实施日期', '施行日期', '生效日期'],
  validity: ['有效性', '时效性', '效力状态', '有效状态', '时效'],
  issuer: ['发布机构', '发文机关', '发布单位', '发文单位', '制发机关', '发布部门'],
  title: ['法规标题', '文件标题', '标题', '文件名称', '题名'],
} as const;

// Any label at all: a value ends where the next label starts ('… 主题分类: …').
const ALL_LABELS = [
  ...Object.values(LABELS).flat(),
  '索引号',
  '主题分类',
  '公开方式',
  '阅读版本',
  '浏览次数',
  '来源',
  '字体',
  '政策原文',
  '政策解读',
  '年度期数',
  '总期刊数',
  '分类',
  '体裁分类',
  '主题词',
  '公文种类',
  '效力级别',
  '法规类别',
  '法宝引证码',
  '原文链接',
].sort((a, b) => b.length - a.length);
const ANY_LABEL = `(?:${ALL_LABELS.map(spaced).join('|')})`;
// Regulation databases print labels in lenticular brackets, value right after: 【发文字号】长政发〔2020〕5号.
const OPEN_LABEL = '[【\\[［]';
const CLOSE_LABEL = '[】\\]］]';
const NEXT_LABEL_RE = new RegExp(`[\\s\\u00a0\\u3000](?:${ANY_LABEL}${SP}[:：]|${OPEN_LABEL}${ANY_LABEL}${CLOSE_LABEL})`, 'u');

// The status words of Chinese regulation databases; kept as printed (现行有效, 已废止 …).
const VALIDITY_RE = /^(?:现行有效|全部有效|部分有效|有效|已被修改|已修改|已修订|修订|部分失效|已失效|失效|已废止|废止|尚未生效|未生效|有效期届满)/u;

/**
 * The characters that stand where a label can start: at a line start, or after white space, a
 * bullet or an opening bracket. A label whose first character is not among them cannot occur,
 * and most texts (regulations without a web page's header) hold few of the labels' first
 * characters there: one pass over the text spares a search per label.
 */
function labelStarts(raw: string): Set<string> {
  const before = beforeLabel();
  const starts = new Set<string>();
  for (let i = 0; i < raw.length; i++) if (i === 0 || before[raw.charCodeAt(i - 1)] === 1) starts.add(raw[i]);
  return starts;
}
/** 1 for the code units after which a label may start (the prefixes of labelRe: white space, line ends, bullets, brackets). */
const beforeLabel = unitsMatching(/[\s\u00a0\u3000•·【\[［]/u);

const labelRes = new Map<string, RegExp>();
function labelRe(label: string): RegExp {
  let re = labelRes.get(label);
  if (!re) {
    // A label stands at a line start (after bullets/numbers/spaces) or after white space, and is
    // followed by a colon or by white space and a value.
    // Web tables put the value in the next cell, often on the next line: '成文日期\n2016-09-29'.
    re = new RegExp(
      `(?:^|[\\s\\u00a0\\u3000•·])(?:${OPEN_LABEL}${spaced(label)}${CLOSE_LABEL}${SP}[:：]?|${spaced(label)}${SP}(?:[:：]|(?=[ \\t\\u00a0\\u3000\\n])))[\\s\\u00a0\\u3000]*([^\\n]*)`,
      'gmu',
    );
    labelRes.set(label, re);
  }
  return re;
}

/**
 * False when `raw` cannot hold the label, spaced or not: its first two characters side by side, or
 * its first followed by a space (索 引 号). A string search, where labelRe tries every position.
 */
function mayHold(raw: string, label: string): boolean {
  if (raw.includes(label.slice(0, 2))) return true;
  for (const space of LABEL_SPACES) if (raw.includes(label[0] + space)) return true;
  return false;
}
/** The characters SP allows between a label's characters. */
const LABEL_SPACES = [' ', '\t', '\u00a0', '\u3000'];

/** The value after the first occurrence of one of the labels, or null. */
function valueAfter(raw: string, starts: Set<string>, labels: readonly string[]): string | null {
  for (const label of labels) {
    if (!starts.has(label[0]) || !mayHold(raw, label)) continue;
    const re = labelRe(label);
    for (const m of raw.matchAll(re)) {
      let value = m[1];
      const next = NEXT_LABEL_RE.exec(` ${value}`);
      if (next) value = ` ${value}`.slice(0, next.index).trim();
      value = value.trim();
      if (value) return value;
    }
  }
  return null;
}

/** Reads the labelled metadata fields from raw text; absent fields are null. */
export function readLabelledFields(raw: string): LabelledFields {
  const starts = labelStarts(raw);
  const numberValue = valueAfter(
    raw,
    starts,
    LABELS.docNumber.filter((l) => l !== '规范性文件统一编号'),
  );
  const docNumber = numberValue ? (findDocNumbers(numberValue)[0]?.docNumber ?? null) : null;
  const written = valueAfter(raw, starts, LABELS.dateWritten);
  const published = valueAfter(raw, starts, LABELS.datePublished);
  const effective = valueAfter(raw, starts, LABELS.dateEffective);
  const validityValue = valueAfter(raw, starts, LABELS.validity);
  const validity = validityValue ? (VALIDITY_RE.exec(validityValue.replace(/\s+/gu, ''))?.[0] ?? null) : null;
  const issuerValue = valueAfter(raw, starts, LABELS.issuer);
  const issuer = issuerValue && /^[\u4e00-\u9fff()（）]{2,40}$/u.test(issuerValue) ? issuerValue : null;
  const titleValue = valueAfter(raw, starts, LABELS.title);
  return {
    title: titleValue && titleValue.length >= 6 && !/[。]/u.test(titleValue) ? titleValue.replace(/[\s\u00a0\u3000]+/gu, '') : null,
    docNumber,
    dateWritten: written ? parseDate(written) : null,
    datePublished: published ? parseDate(published) : null,
    dateEffective: effective ? parseDate(effective) : null,
    validity,
    issuer,
  };
}
