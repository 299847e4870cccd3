import { attributeFilter } from '../../../shared/api/methods/attributes';
import type { SearchFilters } from '../../../shared/api/methods/search';
import { adminLevels } from '../../../shared/domain/vocabulary';

/**
 * A search lives in the URL (#/search?q=人才&city=青岛市&from=2016) so it can be bookmarked,
 * sent from quick open, and restored by Back after opening a hit in the Reader.
 */
export interface SearchState {
  q: string;
  filters: SearchFilters;
}

const list = (v: string | null) => (v ? v.split('|').filter(Boolean) : undefined);
const int = (v: string | null) => (v && /^\d{1,4}$/.test(v) ? Number(v) : undefined);
const levels = adminLevels;
type Level = (typeof levels)[number];

export function stateFromParams(p: URLSearchParams): SearchState {
  const docIds = list(p.get('doc'))
    ?.map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const filters: SearchFilters = {
    cities: list(p.get('city')),
    provinces: list(p.get('province')),
    levels: list(p.get('level'))?.filter((l): l is Level => (levels as readonly string[]).includes(l)),
    validity: list(p.get('validity')),
    yearFrom: int(p.get('from')),
    yearTo: int(p.get('to')),
    docIds: docIds?.length ? docIds : undefined,
    themeIds: list(p.get('theme')),
    themeMode: ((m) => (m === 'coded' || m === 'suggested' || m === 'both' ? m : undefined))(p.get('tm')),
    attributes: attributesParam(p.get('attr')),
  };
  return { q: p.get('q') ?? '', filters: clean(filters) };
}

export function paramsFromState(s: SearchState): Record<string, string | undefined> {
  const f = s.filters;
  const join = (v: Array<string | number> | undefined) => (v?.length ? v.join('|') : undefined);
  return {
    q: s.q || undefined,
    city: join(f.cities),
    province: join(f.provinces),
    level: join(f.levels),
    validity: join(f.validity),
    from: f.yearFrom?.toString(),
    to: f.yearTo?.toString(),
    doc: join(f.docIds),
    theme: join(f.themeIds),
    tm: f.themeIds?.length ? f.themeMode : undefined,
    attr: f.attributes?.length ? JSON.stringify(f.attributes) : undefined,
  };
}

/** Attribute filters travel as JSON (values may hold any character); a damaged one is ignored. */
function attributesParam(v: string | null): SearchFilters['attributes'] {
  if (!v) return undefined;
  try {
    const parsed = attributeFilter.safeParse(JSON.parse(v));
    return parsed.success && parsed.data.length ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Drops empty entries so "no filter" is always {}. */
export function clean(f: SearchFilters): SearchFilters {
  const out: SearchFilters = {};
  for (const [k, v] of Object.entries(f) as Array<[keyof SearchFilters, unknown]>) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
