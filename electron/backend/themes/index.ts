import type { themesMethods } from '../../../shared/api/methods/themes';
import type { BackendContext } from '../context';
import { createThemesRepo } from '../db/themes';
import type { HandlerGroup } from '../handlers/types';
import type { DocumentHooks } from '../services/hooks';
import { codebookHandlers, seedCodebook } from './codebook';
import { codingHandlers } from './coding';
import { reanchorCodings } from './reanchor';
import { createRecompute } from './recompute';
import { computeSuggestions, themesForSuggestion } from './suggestions';
import { historyState, redo, undo } from './undo';
import { viewHandlers } from './views';

/** The themes feature: codebook, codings, suggestions, undo, and the cross-document views. */
export function createThemesFeature(ctx: BackendContext): { handlers: HandlerGroup<keyof typeof themesMethods>; hooks?: DocumentHooks } {
  const { db, documents, events } = ctx;
  const repo = createThemesRepo(db);
  seedCodebook(db, repo);

  // Similarity to coded clauses is part of a suggestion's score: after the researcher codes,
  // suggestions are recomputed once the burst of clicks is over, in the background (recompute.ts).
  const recompute = createRecompute(db, repo, documents);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const scheduleRecompute = () => {
    if (timer) clearTimeout(timer);
    // A run under way read the codings before this change: stop it, a new one follows.
    recompute.cancel();
    timer = setTimeout(() => {
      timer = null;
      recompute.all().then(
        () => events.changed('themes'),
        () => undefined, // the database was closed meanwhile (tests, shutdown): nothing to recompute
      );
    }, 800);
    timer.unref?.();
  };
  const changed = () => {
    events.changed('themes');
    scheduleRecompute();
  };
  const withDone = (label: string | null) => ({ ...historyState(repo), done: label });
  const views = viewHandlers(repo, documents);

  return {
    handlers: {
      ...codebookHandlers(db, repo, changed),
      ...codingHandlers(db, repo, documents, changed),
      ...views,
      // An attribute filter is the attributes feature's: its documents come through the contract.
      'themes.heatmap': async (input) => {
        if (!input.attributes?.length) return views['themes.heatmap'](input);
        const { docIds } = await ctx.api.attributes.match({ filters: input.attributes });
        return views['themes.heatmap'](input, new Set(docIds));
      },
      'themes.recompute': async ({ docId }) => {
        const clauses = docId === undefined ? await recompute.all() : db.transaction(() => computeSuggestions(repo, documents, docId))();
        events.changed('themes');
        return { clauses };
      },
      'themes.undo': () => {
        const label = undo(db, repo);
        changed();
        return withDone(label);
      },
      'themes.redo': () => {
        const label = redo(db, repo);
        changed();
        return withDone(label);
      },
      'themes.history': () => historyState(repo),
    },
    hooks: {
      clausesWritten: (_db, docId, doc) => {
        computeSuggestions(repo, documents, docId, { analysed: doc?.clauses, precomputed: doc?.extras?.suggestions ?? undefined });
      },
      // With accepted codings, suggestions depend on the corpus: the workers leave them to the hook.
      importContext: () => (repo.hasAcceptedCodings() ? {} : { themes: themesForSuggestion(repo) }),
      reanchor: (_db, rctx) => reanchorCodings(repo, rctx),
    },
  };
}
