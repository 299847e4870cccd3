// Which documents and clauses a search's filters leave, written once for the desktop's engine
// (engine.ts, search/index.ts) and the team server (team/searchFilters.ts).
import type { SearchFilters } from '../../../shared/api/methods/search';

export interface DocumentFacts {
  id: number;
  city: string | null;
  province: string | null;
  level: string | null;
  validity: string | null;
  year: number | null;
}

const inList = <T>(list: T[] | undefined, v: T) => !list?.length || list.includes(v);

/** Whether a document passes the filters on its facts and the document list (not attributes or themes). */
export function passesDocumentFilters(f: SearchFilters, d: DocumentFacts): boolean {
  return (
    inList(f.cities, d.city ?? '') &&
    inList(f.provinces, d.province ?? '') &&
    inList(f.levels as string[] | undefined, d.level ?? '') &&
    inList(f.validity, d.validity ?? '') &&
    inList(f.docIds, d.id) &&
    (f.yearFrom === undefined || (d.year !== null && d.year >= f.yearFrom)) &&
    (f.yearTo === undefined || (d.year !== null && d.year <= f.yearTo))
  );
}

type Heatmap = { cells: Array<{ themeId: string; clauses: Array<{ clauseId: number }> }> };

/**
 * The clauses coded with the filtered themes, as the themes feature's heatmap counts them (in the
 * caller's view: a team coder's own codings), or null without a theme filter.
 */
export async function themeClauseIds(f: SearchFilters | undefined, heatmap: (mode: 'coded' | 'suggested') => Promise<Heatmap>): Promise<number[] | null> {
  if (!f?.themeIds?.length) return null;
  const wanted = new Set(f.themeIds);
  const mode = f.themeMode ?? 'both';
  const pairs = async (m: 'coded' | 'suggested') =>
    new Set((await heatmap(m)).cells.filter((c) => wanted.has(c.themeId)).flatMap((c) => c.clauses.map((r) => `${r.clauseId}:${c.themeId}`)));
  // The heatmap's 'suggested' mode counts accepted and open suggestions alike: that is 'both'.
  const coded = mode === 'both' ? null : await pairs('coded');
  const chosen =
    mode === 'coded' ? coded! : mode === 'both' ? await pairs('suggested') : new Set([...(await pairs('suggested'))].filter((p) => !coded!.has(p)));
  return [...new Set([...chosen].map((p) => Number(p.split(':')[0])))];
}
