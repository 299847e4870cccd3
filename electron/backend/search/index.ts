import type { searchMethods } from '../../../shared/api/methods/search';
import type { BackendContext } from '../context';
import { createSearchStore } from '../db/search';
import type { HandlerGroup } from '../handlers/types';
import type { DocumentHooks } from '../services/hooks';
import { createSearchEngine } from './engine';

/**
 * The search feature: an FTS5 index of clause bigrams, kept in step with the corpus by document
 * hooks that run inside the import and delete transactions, and the query/facets handlers.
 */
export function createSearchFeature(ctx: BackendContext): { handlers: HandlerGroup<keyof typeof searchMethods>; hooks?: DocumentHooks } {
  const store = createSearchStore(ctx.db);
  // A project written before the index existed (or by a build without it) is indexed once here.
  if (store.needsRebuild()) store.rebuild();
  const engine = createSearchEngine(store);
  return {
    handlers: {
      'search.query': (input) => engine.query(input),
      'search.facets': (input) => engine.facets(input),
    },
    hooks: {
      clausesWritten: (_db, docId) => store.indexDocumentClauses(docId),
      documentDeleting: (_db, docId) => store.unindexDocument(docId),
    },
  };
}
