// What the features' import hooks compute from a document's text alone, computed with its analysis
// on an import worker thread (importWorker.ts) instead of in the main thread, which then only
// writes: the band sketches of each clause (near-copy counts, compare/nearCopies.ts), the suggested themes and instrument class of
// each clause when they depend only on the codebook (no accepted codings yet: with them, similarity
// to the coded clauses of the whole corpus is part of the score, and the hook computes them at
// write time as before), the search index's rows of each clause (db/search.ts), and the cleaned
// text deflated as documents store it (db/documentText.ts). Keyed by clause index: clause ids
// exist only once the document is written. An import in the main thread computes the same here.
import type { AnalysedDocument } from '../../../shared/domain/analyze';
import { clauseIndexRow } from '../../../shared/domain/search';
import type { Suggestion, ThemeForSuggestion } from '../../../shared/domain/themes/index';
import { sketchRows } from '../compare/bands';
import { packText } from '../db/documentText';
import { suggestClause, SUGGESTED_KINDS } from '../themes/suggestions';

/** What the hooks tell the workers at the start of an import (hooks.ts, importContext). */
export interface ExtrasContext {
  /** The codebook suggestions are made with; absent when they cannot be made from the text alone. */
  themes?: ThemeForSuggestion[];
}

/**
 * The search index's rows of a document's clauses, by clause index (shared/domain/search/rows.ts),
 * by column: a message between threads copies a typed array and two arrays of strings faster than
 * an object per clause.
 */
export interface SearchRows {
  lengths: Uint32Array;
  bodies: string[];
  levels: string[];
}

export interface DocumentExtras {
  /** Band sketches of each alignable clause, by clause index. */
  sketches: Array<{ clause: number; sketch: Uint8Array }>;
  /** Suggestions by clause index (null for kinds that get none), with the codebook they were made with. */
  suggestions: { themesKey: string; byClause: Array<Suggestion | null> } | null;
  search: SearchRows;
  /** documents.cleaned_z of the cleaned text, in a buffer of its own (moved, not copied, to the main thread). */
  packed: Uint8Array;
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
  const search: SearchRows = { lengths: new Uint32Array(clauses.length), bodies: [], levels: [] };
  clauses.forEach((c, i) => {
    const row = clauseIndexRow(c.text);
    search.lengths[i] = row.len;
    search.bodies.push(row.body);
    search.levels.push(row.levels);
  });
  // A copy of exactly its bytes: zlib's result can share a larger pooled buffer, which a message would copy whole.
  const packed = new Uint8Array(packText(analysed.cleaned).cleaned_z);
  return { sketches, suggestions, search, packed };
}

/** The buffers of extras that can move to another thread instead of being copied (their own, whole). */
export function transferables(extras: DocumentExtras): ArrayBuffer[] {
  return [extras.search.lengths.buffer, extras.packed.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
