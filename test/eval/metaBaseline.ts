// A plain baseline for metadata, scored in the same run as the app: what a researcher gets with
// no reading of the document's structure. Title = the file name without its extension and a
// trailing (YYYY-MM-DD); place = the first place of the gazetteer named in that file name (its
// province, and the level its kind implies); date written = the first full date in the text;
// every other field empty. Pure: file name and text in, fields out.
import { findPlaces } from '../../shared/domain/gazetteer/index';

const DATE_RE = /([12]\d{3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const MUNICIPALITIES = new Set(['北京市', '上海市', '天津市', '重庆市']);

export function baselineFields(fileName: string, text: string): Record<string, unknown> {
  const title =
    fileName
      .replace(/\.[A-Za-z0-9]+$/u, '')
      .replace(/[(（]\d{4}-\d\d-\d\d[)）]$/u, '')
      .trim() || null;
  // The first place by position in the name (findPlaces sorts by count, so find each one's offset).
  const places = title ? findPlaces(title) : [];
  const first = places
    .map((p) => ({ p, at: Math.min(...[p.name, p.name.slice(0, 2)].map((n) => title!.indexOf(n)).filter((i) => i >= 0)) }))
    .sort((a, b) => a.at - b.at)[0]?.p;
  let city: string | null = null;
  let province: string | null = null;
  let level: string | null = null;
  if (first) {
    if (MUNICIPALITIES.has(first.name)) [city, province, level] = [first.name, first.name, 'municipality'];
    else if (first.level === 'province') [province, level] = [first.name, 'province'];
    else [city, province, level] = [first.city ?? first.name, first.province, 'city'];
  }
  const d = DATE_RE.exec(text.normalize('NFKC'));
  const dateWritten = d ? `${d[1]}-${d[2].padStart(2, '0')}-${d[3].padStart(2, '0')}` : null;
  return {
    title,
    city,
    province,
    level,
    issuer: null,
    docNumber: null,
    dateWritten,
    datePublished: null,
    dateEffective: null,
    approvedBy: null,
    dateApproved: null,
    validity: null,
    history: [],
  };
}
