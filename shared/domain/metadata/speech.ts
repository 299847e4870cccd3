// Work reports and other speeches to a congress print no title: they open by addressing the
// deputies (各位代表：) and say on whose behalf they speak (我代表市人民政府向大会报告工作). Such a
// text is cited by its genre, 政府工作报告, and was made by the government it speaks for. A
// subtitle may date the delivery: ——2024年2月1日在防城港市第七届人民代表大会第五次会议上.
import type { AdminLevel } from '../types';
import { ARABIC_YMD, CHINESE_YMD, parseDate } from './dates';

export interface Speech {
  title: string;
  /** The speaking body as printed (市人民政府, 上海市人民政府, 盟行政公署). */
  body: string;
  /** When it was delivered, if printed in a subtitle. */
  date: string | null;
}

const ADDRESS_RE = /^(?:各位代表|各位人大代表)[，,:：!！]?/u;
const ON_BEHALF_RE = /我代表([\u4e00-\u9fff]{0,16}?(?:人民政府|政府|行政公署)|国务院)[，,]?\s*向(?:大会|会议)(?:报告|作)/u;
/** 在此，我代表市人民政府，向全市各族人民…表示感谢: the speaker named later in the report. */
const BEHALF_ANYWHERE_RE = /我代表((?:市|州|盟|地区|县|区|省|自治区|自治州)?(?:人民政府|行政公署))[，,]?\s*向/u;
const DELIVERED_RE = new RegExp(`^[（(—－\\-\\s]*(${ARABIC_YMD}|${CHINESE_YMD})\\s*在.{2,60}?会议上`, 'u');
const HEAD_LINES = 8;

export function readSpeech(lines: string[]): Speech | null {
  const head = lines.slice(0, HEAD_LINES).map((l) => l.trim());
  // The address (各位代表：) may be missing from a copy; the speaker's sentence is what counts.
  const address = Math.max(
    0,
    head.findIndex((l) => ADDRESS_RE.test(l)),
  );
  const opening = head.slice(address, address + 3).join('');
  // A copy that lost its opening is still a speech when it keeps addressing the deputies (各位代表，…)
  // and says further on whose behalf it speaks.
  const behalf = ON_BEHALF_RE.exec(opening) ?? (addressesDeputies(lines) ? BEHALF_ANYWHERE_RE.exec(lines.join('')) : null);
  if (!behalf) return null;
  // The subtitle may wrap: ——2024年2月3日在贵港市第六届人民代表大会 / 第六次会议上.
  const delivered = head
    .slice(0, address)
    .map((l, i) => DELIVERED_RE.exec(l) ?? DELIVERED_RE.exec(l + (head.slice(i + 1).find((x) => x) ?? '')))
    .find((m) => m);
  return { title: '政府工作报告', body: behalf[1].replace(/(?<!人民)政府$/u, '人民政府'), date: delivered ? parseDate(delivered[1]) : null };
}

/** At least two paragraphs open by addressing the deputies: the text is a speech to a congress. */
function addressesDeputies(lines: string[]): boolean {
  return lines.filter((l) => ADDRESS_RE.test(l.trim())).length >= 2;
}

/** The level the speaking body stands for: 市/州/盟 → city, 县 → county, 区 → district, 省 → province. */
export function speakingLevel(body: string): AdminLevel | null {
  if (/^(?:市|州|盟|地区|自治州)/u.test(body)) return 'city';
  if (/^(?:省|自治区)/u.test(body)) return 'province';
  if (/^县/u.test(body)) return 'county';
  if (/^区/u.test(body)) return 'district';
  return null;
}

/** 市人民政府 of 扬州市 → 扬州市人民政府; a body that names its place stays as printed. */
export function speakerOf(body: string, placeName: string | null): string | null {
  if (!/^(?:市|州|盟|地区|县|区|省|自治区|自治州)(?:人民政府|行政公署)$/u.test(body)) return body;
  if (!placeName) return null;
  return placeName + body.replace(/^(?:市|州|盟|地区|县|区|省|自治区|自治州)/u, '');
}
