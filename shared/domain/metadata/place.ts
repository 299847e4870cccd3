// Where a document comes from: city, province and administrative level.
// Read from the issuer or title when they name a place (宁波市海曙区人民政府办公室 → district of
// 宁波市); otherwise inferred from the places the body names most (咸宁高新区, 香城 → 咸宁市).
import type { AdminLevel } from '../types';
import type { DivisionLevel } from '../gazetteer/index';
import { findPlaces, speakerCityMentions, type PlaceMention } from '../gazetteer/index';
import { PROVINCE_ABBREVIATIONS } from '../gazetteer/aliases';
import { findDocNumbers } from './docNumbers';

export interface PlaceGuess {
  city: string | null;
  province: string | null;
  level: AdminLevel | null;
  /** The district or county when the document comes from one (海曙区), else null. */
  district: string | null;
  /** True when a name shared by several places was resolved by the rest of the text (鼓楼区 + 闽政). */
  fromContext?: boolean;
}

const EMPTY: PlaceGuess = { city: null, province: null, level: null, district: null };
const RANK: Record<DivisionLevel, number> = { province: 0, city: 1, district: 2, county: 2 };

/**
 * The place named by a short header text (issuer, title): the most specific division whose
 * parents agree with the others named, e.g. 宁波市 + 海曙区 → 海曙区.
 */
export function placeFromHeader(header: string, context = ''): PlaceGuess {
  const mentions = findPlaces(header).filter((m) => m.count - m.nicknameCount > 0);
  if (mentions.length === 0) return EMPTY;
  // A district name shared by several cities (鼓楼区) is kept only when its city is named too,
  // when it is the only reading, or when the rest of the document points at one province.
  const cities = new Set(mentions.filter((m) => m.level === 'city').map((m) => m.city));
  const byName = new Map<string, PlaceMention[]>();
  for (const m of mentions) byName.set(m.name, [...(byName.get(m.name) ?? []), m]);
  const hinted = context ? provinceHints(context) : new Map<string, number>();
  const usable = mentions.filter((m) => {
    const same = byName.get(m.name) ?? [];
    // A district of another city never beats a city the header names (中山市… is not 大连市中山区).
    if ((m.level === 'district' || m.level === 'county') && cities.size > 0 && !(m.city != null && cities.has(m.city))) return false;
    return same.length === 1 || (m.city != null && cities.has(m.city)) || favoured(m, same, hinted);
  });
  if (usable.length === 0) return EMPTY;
  // Same level and strength: the place named first (宁波杭州湾新区 is 宁波's; 杭州湾 is a bay).
  const at = (m: PlaceMention) => {
    const i = header.indexOf(m.name.replace(/(?:市|省|区|县)$/u, ''));
    return i < 0 ? header.length : i;
  };
  const best = [...usable].sort((a, b) => RANK[b.level] - RANK[a.level] || b.fullCount - a.fullCount || at(a) - at(b))[0];
  const district = best.level === 'district' || best.level === 'county' ? best.name : null;
  const guess: PlaceGuess = { city: best.level === 'province' ? null : best.city, province: best.province, level: best.level, district };
  // Chosen among several readings by the province the text points at: an inference.
  const readings = byName.get(best.name) ?? [];
  const severalCities = new Set(readings.map((r) => r.city)).size > 1;
  if (severalCities && !(best.city != null && cities.has(best.city) && best.level !== 'city')) guess.fromContext = true;
  return guess;
}

/**
 * Provinces the text points at: provinces it names in full (福建省人民政府) and the provincial
 * abbreviations that open the issuer codes of the 文号 it cites (闽政〔2020〕11号). Each alone is
 * weak — 青 opens both 青海 and 青岛 codes — so they only choose among readings of one name.
 */
function provinceHints(text: string): Map<string, number> {
  const hints = new Map<string, number>();
  const add = (province: string, n: number): void => void hints.set(province, (hints.get(province) ?? 0) + n);
  for (const m of findPlaces(text)) if (m.level === 'province' && m.fullCount > 0) add(m.province, m.fullCount);
  for (const hit of findDocNumbers(text)) {
    const province = PROVINCE_ABBREVIATIONS[hit.docNumber.charAt(0)];
    if (province) add(province, 1);
  }
  return hints;
}

/** The one reading of a shared name (鼓楼区) whose province the text points at more than any other's. */
function favoured(m: PlaceMention, readings: PlaceMention[], hints: Map<string, number>): boolean {
  const score = (r: PlaceMention): number => hints.get(r.province) ?? 0;
  const mine = score(m);
  return mine > 0 && readings.every((r) => r === m || score(r) < mine);
}

/**
 * Which level the text speaks from. 我市/本市 (and 我州, 我盟) say who speaks; 全省/全市 are weaker:
 * a city's report ranks itself 全省第三 dozens of times, while no report in the corpus says 我省
 * more often than 我市. So 我/本 decide when they occur at all, 全 only when they do not.
 */
function selfReferenceLevel(text: string): AdminLevel | null {
  const count = (re: RegExp): number => (text.match(re) ?? []).length;
  const levels = (own: string): Array<[AdminLevel, number]> => [
    ['province', count(new RegExp(`[${own}]省`, 'gu'))],
    // An autonomous prefecture (我州) or a league (全盟) speaks as a prefecture-level city.
    ['city', count(new RegExp(`[${own}]市`, 'gu')) + count(new RegExp(`[${own}][州盟](?![长委])`, 'gu'))],
    ['district', count(new RegExp(`[${own}]区(?!域)`, 'gu'))],
    ['county', count(new RegExp(`[${own}]县`, 'gu'))],
  ];
  for (const own of ['我本', '全']) {
    const scores = levels(own).sort((a, b) => b[1] - a[1]);
    if (scores[0][1] > 0) return scores[0][0];
  }
  return null;
}

/**
 * Infers the place from the body: each city scores its own mentions (full names count double)
 * plus mentions of its districts; a district's short form (海曙, 鼓楼) counts only when its city is
 * named too, because many short forms are also ordinary words.
 */
export function placeFromBody(text: string, speaking: AdminLevel | null = null): PlaceGuess {
  const mentions = findPlaces(text);
  const cityScore = new Map<string, number>();
  const provinceOf = new Map<string, string>();
  const add = (city: string, province: string, v: number): void => {
    cityScore.set(city, (cityScore.get(city) ?? 0) + v);
    provinceOf.set(city, province);
  };
  const cityNamed = new Set(mentions.filter((m) => m.level === 'city').map((m) => m.name));
  for (const m of mentions) {
    const shortCount = m.count - m.fullCount - m.nicknameCount;
    if (m.level === 'city') add(m.name, m.province, 2 * m.fullCount + shortCount + m.nicknameCount);
    else if ((m.level === 'district' || m.level === 'county') && m.city) {
      const trusted = cityNamed.has(m.city) ? m.fullCount + 0.5 * shortCount : 0.5 * m.fullCount;
      if (trusted > 0) add(m.city, m.province, trusted);
    }
  }
  // A speaker for a 市 names its own city again and again, also by a short form kept out of the
  // index because it is a word elsewhere (中山) or a county's (天门市 under no prefecture).
  if (speaking === 'city') for (const { place, count } of speakerCityMentions(text)) add(place.name, place.province, count);
  const ranked = [...cityScore].sort((a, b) => b[1] - a[1]);
  // A speaker who says on whose behalf it speaks (我代表市人民政府) settles the level; 全省第一 does not.
  const selfLevel = speaking ?? selfReferenceLevel(text);
  if (ranked.length === 0 || selfLevel === 'province') {
    const provinces = mentions.filter((m) => m.level === 'province').sort((a, b) => b.count - a.count);
    if (provinces.length > 0 && (selfLevel === 'province' || ranked.length === 0)) {
      return { city: null, province: provinces[0].province, level: 'province', district: null };
    }
    if (ranked.length === 0) return EMPTY;
  }
  const [city] = ranked[0];
  const level = selfLevel ?? 'city';
  // Speaking as 我区/我县: the district of that city named most often.
  const district =
    level === 'district' || level === 'county'
      ? (mentions.filter((m) => m.city === city && m.level === level).sort((a, b) => b.count - a.count)[0]?.name ?? null)
      : null;
  return { city, province: provinceOf.get(city) ?? null, level: district ? level : 'city', district };
}

/**
 * A speaker who says 我代表市人民政府 in a prefecture that is not a 市 (恩施土家族苗族自治州, a 地区 or
 * 盟) is the government of a county-level city inside it (恩施市): the one of that prefecture the
 * text names in full most often. Otherwise the guess stays.
 */
export function countyCitySpeaking(guess: PlaceGuess, speakerBody: string, text: string): PlaceGuess {
  if (!/^市/u.test(speakerBody) || !guess.city || guess.district || /市$/u.test(guess.city)) return guess;
  const own = findPlaces(text)
    .filter((m) => m.level === 'county' && m.city === guess.city && /市$/u.test(m.name) && m.fullCount > 0)
    .sort((a, b) => b.fullCount - a.fullCount)[0];
  return own ? { ...guess, level: 'county', district: own.name } : guess;
}
