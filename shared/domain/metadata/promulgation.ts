// The 题注 of regulations and rules: the dated steps printed under the title, one per line or
// run together in brackets:
//   2019年11月5日 聊城市第十七届人民代表大会常务委员会第二十三次会议通过
//   2019年11月29日 山东省第十三届人民代表大会常务委员会第十五次会议批准
//   （2012年3月30日…通过　根据2016年…会议《关于修改…的决定》修正）
//   2012年12月19日 中华人民共和国公安部令第125号发布
// Each step is a date, the body that acted (or the decree that published it) and a closing verb.
// Read by structure — date … verb, the verb ending the step — not by phrase lists per document.
import type { MetadataEvent } from '../types';
import { ARABIC_YMD, CHINESE_YMD, parseDate } from './dates';

export interface Promulgation {
  events: MetadataEvent[];
  /** The decree or announcement that published the text (公安部令第125号), when the 题注 names one. */
  decree: string | null;
  /** Index of the last line the 题注 occupies. */
  lastLine: number;
}

const DATE_SRC = `${ARABIC_YMD}|${CHINESE_YMD}`;
const DATE_RE = new RegExp(DATE_SRC, 'u');
/** The verb closing a step, and what it means. 发布/公布 publish; 施行 is the effective date. */
const VERBS: Array<[RegExp, MetadataEvent['event']]> = [
  [/批准$/u, 'approved'],
  [/(?:修正|修改)$/u, 'amended'],
  [/修订$/u, 'revised'],
  [/(?:公布|发布|颁布)(?:施行)?$/u, 'published'],
  [/(?:起)?施行$/u, 'effective'],
  [/通过$/u, 'adopted'],
];
/** What may follow a verb before the next step: punctuation, spaces, closing brackets, 根据/并. */
const TAIL_RE = /[\s\u3000，,；;。、)）]*(?:根据|并|自)?[\s\u3000]*$/u;
const ORDINAL = '[0-9０-９一二三四五六七八九十百零〇]+';
/** 第十七届 (term of a congress) is not part of the body's name. */
const TERM_RE = new RegExp(`第?${ORDINAL}届`, 'gu');
/** From 第二十三次(会议) on, the sitting, not the body. */
const SITTING_RE = new RegExp(`第${ORDINAL}次.*$`, 'u');
const MEETING_RE = /(?:部长办公|部务|常务|全体|主任|办公)?会议.*$/u;
/** 公安部令第125号, 山东省人民政府令第331号, …常务委员会公告（第16号）: the publishing instrument. */
export const DECREE_RE = new RegExp(`([\\u4e00-\\u9fff]{2,40}(?:令|公告))[(（]?(第${ORDINAL}号)[)）]?`, 'u');
/** 杭州市人民代表大会常务委员会第26号公布: an announcement number printed without 公告. */
const BODY_NUMBER_RE = new RegExp(`([\\u4e00-\\u9fff]{2,40}(?:委员会|人民政府))[(（]?(第${ORDINAL}号)[)）]?$`, 'u');

const compact = (s: string) => s.replace(/[\s\u00a0\u3000]+/gu, '');

/** The acting body named in a step: '聊城市第十七届人民代表大会常务委员会第二十三次会议' → '聊城市人民代表大会常务委员会'. */
export function bodyOf(step: string): string | null {
  // 人大常委会 is how many 题注 abbreviate 人民代表大会常务委员会.
  let s = compact(step)
    .replace(/^(?:经|由|在)/u, '')
    .replace(/人大常委会/gu, '人民代表大会常务委员会')
    .replace(/人大(?!代表)/gu, '人民代表大会');
  const quote = s.search(/[《〈]/u);
  if (quote >= 0) s = s.slice(0, quote);
  s = s
    .replace(TERM_RE, '')
    .replace(SITTING_RE, '')
    .replace(MEETING_RE, '')
    .replace(/(?:的|通过的)$/u, '');
  const decree = DECREE_RE.exec(s);
  if (decree) s = decree[1];
  // The instrument that published the text (…常务委员会公告, …人民政府令) is issued by its body.
  s = s.replace(/(?:令|公告)$/u, '').replace(new RegExp(`(?<=(?:委员会|人民政府))[(（]?第${ORDINAL}号[)）]?$`, 'u'), '');
  s = s.replace(/^中华人民共和国(?=.{2,}(?:部|委员会|总局|署|行|院))/u, '');
  return s.length >= 2 && /^[\u4e00-\u9fff（）()]+$/u.test(s) ? s : null;
}

/** Normalises a printed decree number: full-width digits and brackets go, the text stays. */
export function normaliseDecree(header: string, number: string): string {
  return `${compact(header)}${compact(number)}`.normalize('NFKC');
}

/** One step: everything from a date up to the next date; null when it does not end in a verb. */
function readStep(text: string): { event: MetadataEvent; decree: string | null } | null {
  const date = parseDate(text);
  const m = DATE_RE.exec(text);
  if (!m || !date) return null;
  // '…会议批准的2011年11月15日…': a step cut short by the next step's date still ends in its verb.
  const rest = text
    .slice(m.index + m[0].length)
    .replace(TAIL_RE, '')
    .replace(/的$/u, '');
  for (const [re, event] of VERBS) {
    if (!re.test(rest)) continue;
    const printed = rest.replace(re, '');
    const d = DECREE_RE.exec(compact(printed)) ?? (event === 'published' ? BODY_NUMBER_RE.exec(compact(printed)) : null);
    return { event: { date, event, by: bodyOf(printed) }, decree: d ? normaliseDecree(d[1], d[2]) : null };
  }
  return null;
}

/** A line that can belong to a 题注: it holds a date or continues one, and is not a clause. */
const CLAUSE_START_RE = /^(?:第[一二三四五六七八九十百零〇]+[条章节编]|[一二三四五六七八九十]+、)/u;
const MAX_LINES = 14;
const MAX_CHARS = 1200;

/**
 * The 题注 under a title: consecutive lines after `fromLine` whose steps each end in a verb.
 * Returns null when the first line after the title is not one.
 */
export function readPromulgation(lines: string[], fromLine: number): Promulgation | null {
  let text = '';
  let last = -1;
  for (let i = fromLine; i < Math.min(lines.length, fromLine + MAX_LINES); i++) {
    const t = lines[i].trim();
    if (!t) continue;
    if (CLAUSE_START_RE.test(t) || text.length + t.length > MAX_CHARS) break;
    const joined = text + t;
    // A line must hold a date, or continue a step begun above (a long decision title wraps).
    if (!DATE_RE.test(t) && !(text && !VERBS.some(([re]) => re.test(text.replace(TAIL_RE, ''))))) break;
    text = joined;
    last = i;
  }
  if (last < 0) return null;
  const body = text.replace(/^[（(]/u, '').replace(/[)）]$/u, '');
  const starts = [...body.matchAll(new RegExp(DATE_SRC, 'gu'))].map((m) => m.index);
  const events: MetadataEvent[] = [];
  let decree: string | null = null;
  for (let k = 0; k < starts.length; k++) {
    // A step may open with 根据 before its date; the previous step ends there.
    const printed = body.slice(starts[k], starts[k + 1] ?? body.length);
    const step = readStep(printed);
    if (!step) continue;
    // '…会议批准的《…关于修改…的决定》修正': the approval of an amendment; the 通过 before it was
    // the amendment's adoption, not a new text's.
    if (/批准的[《〈]/u.test(compact(printed)) && (step.event.event === 'amended' || step.event.event === 'revised')) {
      const kind = step.event.event;
      const adopted = [...events].reverse().find((e) => e.event === 'adopted');
      if (adopted && events.indexOf(adopted) > 0) adopted.event = kind;
      step.event.event = 'approved';
    }
    events.push(step.event);
    // 公布施行: published and in force the same day.
    if (step.event.event === 'published' && /施行[\s\u3000，,；;。)）]*$/u.test(printed)) events.push({ ...step.event, event: 'effective' });
    decree ??= step.decree;
  }
  if (!events.length) return null;
  return { events, decree, lastLine: last };
}

/** The text's own effective date: '本条例自2020年1月1日起施行', or the publication date for '自公布之日起施行'. */
export function effectiveDateOf(text: string, published: string | null): string | null {
  const tail = text.slice(-3000);
  const dated =
    new RegExp(
      `本(?:条例|规定|办法|细则|决定|规则|意见|通知|方案|措施|实施办法|实施细则)[^。\\n]{0,20}?自[\\s\\u3000]*(${ARABIC_YMD}|${CHINESE_YMD})[\\s\\u3000]*起(?:施行|实施|执行|生效)`,
      'u',
    ).exec(tail) ?? new RegExp(`自[\\s\\u3000]*(${ARABIC_YMD}|${CHINESE_YMD})[\\s\\u3000]*起(?:施行|实施|执行|生效)`, 'u').exec(tail);
  if (dated) return parseDate(dated[1]);
  if (published && /自(?:公布|发布|颁布|印发)之日起(?:施行|实施|执行|生效)/u.test(tail)) return published;
  return null;
}
