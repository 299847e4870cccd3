// What the features' import hooks compute from a document's text alone, computed with its analysis
// on an import worker thread (importWorker.ts) instead of in the main thread, which then only
// writes: the band sketches of each clause (near-copy counts, compare/nearCopies.ts), and the suggested themes and instrument class of
// each clause when they depend only on the codebook (no accepted codings yet: with them, similarity
// to the coded clauses of the whole corpus is part of the score, and the hook computes them at
// write time as before). Keyed by clause index: clause ids exist only once the document is written.
import type { AnalysedDocument } from '../../../shared/domain/analyze';
import type { Suggestion, ThemeForSuggestion } from '../../../shared/domain/themes/index';
import { sketchRows } from '../compare/bands';
import { suggestClause, SUGGESTED_KINDS } from '../themes/suggestions';

/** What the hooks tell the workers at the start of an import (hooks.ts, importContext). */
export interface ExtrasContext {
  /** The codebook suggestions are made with; absent when they cannot be made from the text alone. */
  themes?: ThemeForSuggestion[];
}

export interface DocumentExtras {
  /** Band sketches of each alignable clause, by clause index. */
  sketches: Array<{ clause: number; sketch: Uint8Array }>;
  /** Suggestions by clause index (null for kinds that get none), with the codebook they were made with. */
  suggestions: { themesKey: string; byClause: Array<Suggestion | null> } | null;
}

/** The codebook as suggestions see it, to check at write time that the workers used the current one. */
export const themesKey = (themes: ThemeForSuggestion[]) => JSON.stringify(themes);

export function computeExtras(analysed: AnalysedDocument, ctx: ExtrasContext): DocumentExtras {
  // Indexes stand in for ids: neither the sketches nor suggestions without similarity depend on them.
  const clauses = analysed.clauses.map((c, i) => ({ id: i, parent_id: c.parentIndex, kind: c.kind, heading: c.heading, text: c.text }));
  const sketches = sketchRows(clauses).map((b) => ({ clause: b.clauseId, sketch: b.sketch }));
  let suggestions: DocumentExtras['suggestions'] = null;
  if (ctx.themes) {
    const byId = new Map(clauses.map((c) => [c.id, c]));
    const themes = ctx.themes;
    suggestions = { themesKey: themesKey(themes), byClause: clauses.map((c) => (SUGGESTED_KINDS.has(c.kind) ? suggestClause(c, byId, themes) : null)) };
  }
  return { sketches, suggestions };
}
