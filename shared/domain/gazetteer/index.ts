// Gazetteer of Chinese administrative divisions: provinces, prefecture-level cities, districts
// and counties (GB/T 2260 codes from divisions.data.ts), with short forms (宁波, 海曙, 恩施) and a
// small hand-written nickname table (aliases.ts). Pure lookup: no I/O.
/** Levels of the divisions the gazetteer holds (GB/T 2260 has no national or municipality rows). */
export type DivisionLevel = Exclude<AdminLevel, 'national' | 'municipality'>;
import type { AdminLevel } from '../vocabulary';
import { DIVISIONS } from './divisions.data';
import { CITY_NICKNAMES, FORMER_CITIES } from './aliases';

export interface Place {
  /** Official full name: 海曙区. */
  name: string;
  /** GB/T 2260 code: 330203. */
  code: string;
  level: DivisionLevel;
  /** The prefecture-level city it belongs to (itself for a city); null for a province. */
  city: string | null;
  province: string;
  /** For a former city (莱芜市): the city that took its place (济南市). */
  successor?: string;
}

export interface PlaceMention extends Place {
  /** How many times the place is named in the text (full name, short form or nickname). */
  count: number;
  /** Of those, how many used the full official name (strong evidence). */
  fullCount: number;
  /** Of those, how many used a nickname from the hand-written table (weak evidence). */
  nicknameCount: number;
}

/** How a name refers to a place. District short forms (海曙, 鼓楼) are often ordinary words too. */
type NameForm = 'full' | 'short' | 'nickname';
interface NameEntry {
  place: Place;
  form: NameForm;
}

// Minority names that appear inside autonomous area names; stripped to get the short form
// (恩施土家族苗族自治州 → 恩施). Longest first so 土家 is tried before 土.
const ETHNIC = [
  '柯尔克孜',
  '达斡尔',
  '鄂温克',
  '鄂伦春',
  '塔吉克',
  '哈萨克',
  '维吾尔',
  '土家',
  '布依',
  '哈尼',
  '景颇',
  '傈僳',
  '蒙古',
  '朝鲜',
  '仫佬',
  '毛南',
  '仡佬',
  '纳西',
  '拉祜',
  '普米',
  '独龙',
  '裕固',
  '保安',
  '东乡',
  '撒拉',
  '锡伯',
  '各',
  '苗',
  '侗',
  '藏',
  '羌',
  '彝',
  '壮',
  '傣',
  '白',
  '回',
  '佤',
  '瑶',
  '畲',
  '满',
  '黎',
  '水',
  '怒',
  '土',
];
const AUTONOMOUS_RE = new RegExp(`(?:(?:${ETHNIC.join('|')})族?)+自治[州县区旗]$`, 'u');
const GENERIC_SUFFIX_RE = /(?:特别行政区|自治区|地区|省|市|区|县|盟|旗)$/u;

// Names in the source that are generic (several cities have a '高新区'): never matched alone.
const GENERIC_NAMES = /^(?:高新区|开发区|新区|工业园区|经济开发区|经济技术开发区|高新技术开发区|火炬开发区街道办事处)$/u;

// District short forms that are ordinary words far more often than places (市中小企业, 新兴产业,
// 和平发展, 开发区): their full names (市中区, 新兴区) are still recognised.
const WORDLIKE_DISTRICT_SHORT_FORMS = new Set([
  '市中',
  '市南',
  '市北',
  '新兴',
  '振兴',
  '和平',
  '新华',
  '开发',
  '高新',
  '解放',
  '胜利',
  '前进',
  '东风',
  '向阳',
  '红旗',
  '光明',
  '长安',
  '朝阳',
  '城关',
  '新城',
  '城中',
  '城东',
  '城西',
  '城南',
  '城北',
  '白云',
  '青山',
  '太平',
  '平安',
  '安定',
  '长寿',
  '中原',
  '复兴',
  '河口',
  '港口',
  '东港',
  '长城',
  '天元',
  '友好',
  '工农',
  '爱民',
  '永定',
  '东兴',
  '新市',
  '河东',
  '河西',
  '南开',
  '海港',
  '运河',
  '新建',
  '宏伟',
  '清河',
  '站前',
  '西市',
  '建华',
  '龙华',
  '江南',
  '江北',
  '金山',
  '宝山',
  '南山',
  '东山',
  '西山',
  '新区',
  '老城',
  '双桥',
  '铁山',
  '矿区',
  '郊区',
]);

// City short forms that are ordinary words (阿里巴巴, 大理石, 白银, 长治久安, 大庆) or that name
// a province as well (吉林, 海南): only the full name (大理白族自治州, 吉林市) is recognised.
const WORDLIKE_CITY_SHORT_FORMS = new Set([
  '阿里',
  '大理',
  '白银',
  '长治',
  '普洱',
  '日照',
  '来宾',
  '大庆',
  '四平',
  '大同',
  '山南',
  '玉树',
  '红河',
  '怒江',
  '海南',
  '海北',
  '海东',
  '海西',
  '吉林',
  '黄山',
  '中山',
  '北海',
  '兴安',
  '三沙',
  '安康',
  '文山',
  '德宏',
]);

function shortForm(name: string): string | null {
  let s = name.replace(AUTONOMOUS_RE, '');
  if (s === name) s = name.replace(GENERIC_SUFFIX_RE, '');
  if (s === name || s.length < 2) return null;
  return s;
}

function levelOf(code: number): DivisionLevel {
  if (code % 10000 === 0) return 'province';
  if (code % 100 === 0) return 'city';
  return 'district'; // refined in build() from the name: 区 → district, 县/市/旗 → county
}

const PLACES: Place[] = [];
const BY_NAME = new Map<string, NameEntry[]>(); // full names, short forms and nicknames → places

function addName(key: string, place: Place, form: NameForm): void {
  const list = BY_NAME.get(key);
  if (!list) BY_NAME.set(key, [{ place, form }]);
  else if (!list.some((e) => e.place === place)) list.push({ place, form });
}

function build(): void {
  const byCode = new Map<number, string>();
  for (const entry of DIVISIONS.split('|')) {
    const sp = entry.indexOf(' ');
    byCode.set(Number(entry.slice(0, sp)), entry.slice(sp + 1));
  }
  for (const [code, name] of byCode) {
    let level = levelOf(code);
    const provinceName = byCode.get(Math.floor(code / 10000) * 10000) ?? name;
    let cityName: string | null = level === 'province' ? null : (byCode.get(Math.floor(code / 100) * 100) ?? null);
    if (level === 'district') {
      // Counties, county-level cities and banners are 'county'; 区 are districts.
      level = /区$/u.test(name) ? 'district' : 'county';
      // Directly administered county-level cities (仙桃市 under 省直辖县) have no prefecture.
      // Districts and counties of a municipality (彭水苗族土家族自治县 of 重庆市) belong to it.
      if (/市$/u.test(provinceName) && (!cityName || !/市$/u.test(cityName) || cityName === '县' || cityName === '市辖区')) cityName = provinceName;
      if (!cityName) cityName = name;
    }
    if (level === 'city') cityName = name;
    // Municipalities (北京市) are province and city at once.
    if (level === 'province' && /市$/u.test(name)) cityName = name;
    if (GENERIC_NAMES.test(name)) continue;
    const place: Place = { name, code: String(code), level, city: cityName, province: provinceName };
    PLACES.push(place);
    addName(name, place, 'full');
    // County short forms (资源县 → 资源, 合作市 → 合作) are mostly ordinary words: full names only.
    const short = level === 'county' ? null : shortForm(name);
    const wordlike =
      (level === 'district' && WORDLIKE_DISTRICT_SHORT_FORMS.has(short ?? '')) || (level === 'city' && WORDLIKE_CITY_SHORT_FORMS.has(short ?? ''));
    if (short && !wordlike) addName(short, place, 'short');
  }
  // Municipalities appear twice (110000 province and 110100 city); the city row is the useful one.
  // A former city (莱芜市, 襄樊市) is its own entry under its old name, placed in its successor's
  // province: documents keep the name they were written under. Its short form (莱芜) may already
  // name a district of the successor (莱芜区) and is then left to that.
  for (const [former, city] of Object.entries(FORMER_CITIES)) {
    const target = (BY_NAME.get(city) ?? []).find((e) => e.place.level === 'city');
    if (!target || BY_NAME.has(former)) continue;
    const place: Place = { name: former, code: target.place.code, level: 'city', city: former, province: target.place.province, successor: city };
    addName(former, place, 'full');
    const short = shortForm(former);
    if (short && !BY_NAME.has(short)) addName(short, place, 'short');
  }
  // Printed abbreviations of prefectures that no ordinary word shares: an autonomous prefecture
  // as 大理州 / 红河州 (even when 大理 alone is a word), and a prefecture-level city by the 地区 it
  // was before the conversion (海东地区 → 海东市, 山南地区 → 山南市), which older texts print.
  for (const place of PLACES.filter((p) => p.level === 'city')) {
    const short = shortForm(place.name);
    if (!short) continue;
    const form = /自治州$/u.test(place.name) ? `${short}州` : /市$/u.test(place.name) ? `${short}地区` : null;
    if (form && !BY_NAME.has(form)) addName(form, place, 'short');
  }
  for (const [nick, city] of Object.entries(CITY_NICKNAMES)) {
    const target = (BY_NAME.get(city) ?? []).find((e) => e.place.level === 'city');
    if (target) addName(nick, target.place, 'nickname');
  }
}
build();

// findPlaces runs over whole documents at every import, so it must not try every length at every
// position. Names are indexed by their first two UTF-16 units (as one number, so the scan builds
// no strings): a position whose two units start no name is skipped with one lookup, and otherwise
// only the lengths that names with that start actually have are tried, longest first (the same
// longest-match order as trying every length).
const prefixAt = (s: string, i: number) => s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);
const LENGTHS_BY_PREFIX = new Map<number, number[]>();
for (const key of BY_NAME.keys()) {
  if (key.length < 2) continue;
  const prefix = prefixAt(key, 0);
  const lengths = LENGTHS_BY_PREFIX.get(prefix);
  if (!lengths) LENGTHS_BY_PREFIX.set(prefix, [key.length]);
  else if (!lengths.includes(key.length)) lengths.push(key.length);
}
for (const lengths of LENGTHS_BY_PREFIX.values()) lengths.sort((a, b) => b - a);
/** First code units of the names: most characters of a text start none, and are passed over by one array read. */
const STARTS = new Uint8Array(0x10000);
for (const key of BY_NAME.keys()) if (key.length >= 2) STARTS[key.charCodeAt(0)] = 1;

/**
 * Cities whose short form is not indexed because it is also an ordinary word or a county's name:
 * cities with a word-like short form (中山, 日照, 长治) and county-level cities under no prefecture
 * (天门市, 仙桃市, 济源市). A speech that says 我代表市人民政府 names its own city over and over,
 * so there, and only there, these short forms count: `speakerCityMentions` counts them.
 */
const UNINDEXED_CITY_SHORT = new Map<string, Place>();
for (const place of PLACES) {
  const own = place.level === 'city' || (place.level === 'county' && place.city === place.name && /市$/u.test(place.name));
  const short = own ? place.name.replace(AUTONOMOUS_RE, '').replace(GENERIC_SUFFIX_RE, '') : '';
  // A short form that names a province as well (吉林, 海南) would count the province's mentions.
  if (short.length >= 2 && short !== place.name && !BY_NAME.has(short) && !BY_NAME.get(`${short}省`)?.length) UNINDEXED_CITY_SHORT.set(short, place);
}
for (const short of WORDLIKE_CITY_SHORT_FORMS) {
  const place = (BY_NAME.get(`${short}市`) ?? []).find((e) => e.place.level === 'city')?.place;
  if (place && !BY_NAME.get(`${short}省`)?.length) UNINDEXED_CITY_SHORT.set(short, place);
}

/** How often each such city's short form occurs (not followed by a division suffix such as 区/县). */
export function speakerCityMentions(text: string): Array<{ place: Place; count: number }> {
  const out: Array<{ place: Place; count: number }> = [];
  for (const [short, place] of UNINDEXED_CITY_SHORT) {
    let count = 0;
    for (let i = text.indexOf(short); i >= 0; i = text.indexOf(short, i + short.length)) {
      if (!/[区县镇乡路街村山]/u.test(text.charAt(i + short.length))) count++;
    }
    if (count > 0) out.push({ place, count });
  }
  return out;
}

/** Every known place with this name (full name, short form or nickname); best match first. */
export function resolvePlaces(name: string): Place[] {
  const list = (BY_NAME.get(name.trim()) ?? []).map((e) => e.place);
  // Prefer the higher level (a city over a same-named county) and the official full name.
  const rank: Record<DivisionLevel, number> = { province: 0, city: 1, district: 2, county: 3 };
  return [...list].sort((a, b) => Number(b.name === name) - Number(a.name === name) || rank[a.level] - rank[b.level]);
}

/** The most likely place for a name (宁波 → 宁波市, 海曙区 → 海曙区 of 宁波市), or null. */
export function resolvePlace(name: string): Place | null {
  return resolvePlaces(name)[0] ?? null;
}

/** The province-level place with this full name (浙江省), or null. */
export function provinceByName(name: string): Place | null {
  return (BY_NAME.get(name) ?? []).find((e) => e.place.level === 'province')?.place ?? null;
}

// A name ending in 市/区 glued to these characters is a word, not a place (合作市场, 工业园区域).
const WORD_CONTINUATION: Record<string, string> = { 市: '场民级值容政区', 区: '域块间别' };

function isWordNotPlace(text: string, end: number, key: string): boolean {
  const follow = WORD_CONTINUATION[key[key.length - 1]];
  // 中山市政府, 中山市政务数据: the place, then 政府/政务 (only 市政 alone is the word 'municipal').
  if (key.endsWith('市') && text.startsWith('政府', end)) return false;
  if (key.endsWith('市') && text.startsWith('政务', end) && key.length >= 3) return false;
  return !!follow && end < text.length && follow.includes(text[end]) && !/^.{2,}(?:市市|市区)$/u.test(key);
}

/**
 * Counts place names in a text, scanning left to right and taking the longest name at each
 * position (so 宁波市海曙区 counts 宁波市 and 海曙区, and 咸宁高新区 counts 咸宁). A name shared by
 * several places (鼓楼区) is counted for each of them; callers weigh them by context.
 */
export function findPlaces(text: string): PlaceMention[] {
  if (typeof text !== 'string') throw new TypeError('findPlaces: text must be a string');
  // Reading one document's metadata asks for the places of its whole text several times (the
  // province hints of each header it tries, the body's own place): the last answer is kept.
  if (text.length > 200 && text === last.text) return last.mentions.map((m) => ({ ...m }));
  const mentions = scanPlaces(text);
  if (text.length > 200) last = { text, mentions: mentions.map((m) => ({ ...m })) };
  return mentions;
}
let last: { text: string; mentions: PlaceMention[] } = { text: '', mentions: [] };

function scanPlaces(text: string): PlaceMention[] {
  const counts = new Map<Place, PlaceMention>();
  for (let i = 0; i < text.length;) {
    if (STARTS[text.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    let matched = 0;
    const lengths = i + 2 <= text.length ? LENGTHS_BY_PREFIX.get(prefixAt(text, i)) : undefined;
    for (const len of lengths ?? []) {
      if (i + len > text.length) continue;
      const key = text.slice(i, i + len);
      const entries = BY_NAME.get(key);
      if (!entries || isWordNotPlace(text, i + len, key)) continue;
      for (const { place, form } of entries) {
        const m = counts.get(place) ?? { ...place, count: 0, fullCount: 0, nicknameCount: 0 };
        m.count++;
        if (form === 'full') m.fullCount++;
        if (form === 'nickname') m.nicknameCount++;
        counts.set(place, m);
      }
      matched = len;
      break;
    }
    i += matched || 1;
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
