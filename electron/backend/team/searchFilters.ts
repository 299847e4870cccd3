// The filters of a search in a team project: the document facts (city, province, level, validity,
// years, documents), the researcher's own attributes, and themes — with the desktop's own rules
// (search/filterScope.ts). Attributes and themes come through the contract as the caller, as on
// the desktop, so a coder's theme filter counts their own codings only: blind coding holds in search.
import { createClient } from '../../../shared/api/client';
import type { MethodName } from '../../../shared/api/contract';
import type { DocumentSummary } from '../../../shared/api/methods/documents';
import type { SearchFilters } from '../../../shared/api/methods/search';
import { passesDocumentFilters, themeClauseIds } from '../search/filterScope';
import type { Caller } from './caller';

export interface ResolvedFilters {
  /** The documents searched; undefined: all. An empty list matches nothing. */
  docIds?: number[];
  /** The clauses searched (a theme filter); null: every clause of those documents. */
  clauses: Set<number> | null;
}

type Call = (caller: Caller, method: MethodName, input: unknown) => Promise<unknown>;

export async function resolveSearchFilters(
  filters: SearchFilters | undefined,
  caller: Caller,
  documents: () => Promise<DocumentSummary[]>,
  call: Call,
): Promise<ResolvedFilters> {
  const f = filters ?? {};
  const { themeIds: _t, themeMode: _m, attributes, ...facts } = f;
  const active = Object.values(facts).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  let docIds = active ? (await documents()).filter((d) => passesDocumentFilters(f, d)).map((d) => d.id) : undefined;
  // The contract as the caller: attributes and themes are other features' to answer.
  const api = createClient((method, input) => call(caller, method, input));
  if (attributes?.length) {
    const matched = (await api.attributes.match({ filters: attributes })).docIds;
    docIds = docIds ? docIds.filter((id) => matched.includes(id)) : matched;
  }
  const clauses = await themeClauseIds(f, (mode) => api.themes.heatmap({ mode }));
  return { docIds, clauses: clauses ? new Set(clauses) : null };
}
