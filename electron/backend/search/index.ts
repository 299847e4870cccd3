import type { SearchFilters, searchMethods } from '../../../shared/api/methods/search';
import type { BackendContext } from '../context';
import { createSearchStore, type IndexableClause } from '../db/search';
import type { HandlerGroup } from '../handlers/types';
import { searchRowAt } from '../services/documentExtras';
import type { DocumentHooks, WrittenDocument } from '../services/hooks';
import { createSearchEngine } from './engine';
import { themeClauseIds } from './filterScope';
import { keepIndexCompact } from './upkeep';

/** A written document's clauses with the index rows its import computed (on a worker thread), if any. */
function indexable(doc: WrittenDocument): IndexableClause[] {
  const rows = doc.extras?.search;
  return doc.clauses.map((c, i) => ({ id: c.id, text: c.text, row: rows && searchRowAt(rows, i) }));
}

/**
 * The search feature: an FTS5 index of clause bigrams and term-frequency levels, kept in step
 * with the corpus by document hooks that run inside the import and delete transactions (and
 * merged in the background, upkeep.ts), and the query/count/facets handlers.
 */
export function createSearchFeature(ctx: BackendContext): { handlers: HandlerGroup<keyof typeof searchMethods>; hooks?: DocumentHooks } {
  const store = createSearchStore(ctx.db);
  // A project written before the index existed (or by a build without it) is indexed once here.
  if (store.needsRebuild()) store.rebuild();
  const engine = createSearchEngine(store);
  keepIndexCompact(ctx, store);
  ctx.events.subscribe((e) => {
    if (e.type === 'changed' && e.topic === 'documents') store.documentsChanged();
  });

  /** Themes belong to the themes feature: the clauses coded with them come through its contract. */
  const themeClauses = (filters: SearchFilters | undefined) => themeClauseIds(filters, (mode) => ctx.api.themes.heatmap({ mode }));

  /**
   * Attributes belong to the attributes feature: the documents they select come through its
   * contract and narrow `docIds`. When none is selected no clause can be: an empty clause scope.
   */
  async function resolve<I extends { filters?: SearchFilters }>(input: I): Promise<[I, number[] | null]> {
    const { attributes, ...rest } = input.filters ?? {};
    if (!attributes?.length) return [input, await themeClauses(input.filters)];
    const { docIds } = await ctx.api.attributes.match({ filters: attributes });
    const allowed = rest.docIds ? rest.docIds.filter((id) => docIds.includes(id)) : docIds;
    return [{ ...input, filters: { ...rest, docIds: allowed } }, allowed.length ? await themeClauses(rest) : []];
  }

  return {
    handlers: {
      'search.query': async (input) => engine.query(...(await resolve(input))),
      'search.count': async (input) => engine.count(...(await resolve(input))),
      'search.facets': async (input) => engine.facets(...(await resolve(input))),
    },
    hooks: {
      clausesWritten: (_db, docId, doc) => store.indexDocumentClauses(docId, doc && indexable(doc)),
      batchWritten: (_db, docIds, docs) => store.indexDocumentsClauses(docIds, new Map([...docs].map(([id, d]) => [id, indexable(d)]))),
      documentDeleting: (_db, docId) => store.unindexDocument(docId),
    },
  };
}
