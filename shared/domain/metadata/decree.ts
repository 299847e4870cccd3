// Decrees and announcements carry their own number instead of a 文号: 中山市人民政府令第16号,
// 上海市人民政府令（第19号）, …人民代表大会常务委员会公告第16号, printed on the head's first lines
// (often the header on one line and the number on the next). And the level a place stands for.
import type { AdminLevel } from '../types';
import { isNationalIssuer } from './inference';
import type { PlaceGuess } from './place';
import { DECREE_RE, normaliseDecree } from './promulgation';

const compact = (s: string) => s.replace(/[\s\u00a0\u3000]+/gu, '');
const HEADER_RE = /^[\u4e00-\u9fff]{2,40}(?:令|公告)$/u;
const NUMBER_RE = /^[(（]?(第[0-9０-９一二三四五六七八九十百零〇]+号)[)）]?$/u;

/** The decree or announcement number printed alone in the head (header and number on one line or two). */
export function decreeNumberLine(lines: string[], head: number): string | null {
  for (let i = 0; i < Math.min(lines.length, Math.max(head, 12)); i++) {
    const t = compact(lines[i]);
    if (!t) continue;
    // Only a match that is the whole line counts, and one ends in 号 or a closing bracket: the
    // unanchored search (up to 40 characters tried from every position) is skipped for other lines.
    const whole = /[号)）]$/u.test(t) ? DECREE_RE.exec(t) : null;
    if (whole && whole.index === 0 && whole[0].length === t.length) return normaliseDecree(whole[1], whole[2]);
    if (HEADER_RE.test(t) && i + 1 < lines.length) {
      const n = NUMBER_RE.exec(compact(lines[i + 1]));
      if (n) return normaliseDecree(t, n[1]);
    }
  }
  return null;
}

/**
 * The level of the place a document comes from: central bodies are national; a municipality
 * (北京市, a province-level 市) is its own level whether read as province or city; districts and
 * counties keep theirs.
 */
export function levelOfPlace(place: PlaceGuess, issuer: string | null): AdminLevel | null {
  if (!place.province) return issuer && isNationalIssuer(issuer) ? 'national' : place.level;
  const municipality = /市$/u.test(place.province);
  if (municipality && (place.level === 'province' || place.level === 'city')) return 'municipality';
  // A county-level city no prefecture stands between (潜江市, 省直管市) is read as a city.
  // So is a forest district directly under the province (神农架林区).
  if ((place.level === 'county' || place.level === 'district') && place.district && place.city === place.district && !municipality) return 'city';
  return place.level;
}
