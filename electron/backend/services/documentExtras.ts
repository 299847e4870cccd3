// What the features' import hooks compute from a document's text alone, computed with its analysis
// on an import worker thread (importWorker.ts) instead of in the main thread, which then only
// writes: the band sketches of each clause (near-copy counts, compare/nearCopies.ts), the suggested themes and instrument class of
// each clause when they depend only on the codebook (no accepted codings yet: with them, similarity
// to the coded clauses of the whole corpus is part of the score, and the hook computes them at
// write time as before), the search index's rows of each clause (db/search.ts), and the cleaned
// text deflated as documents store it (db/documentText.ts). Keyed by clause index: clause ids
// exist only once the document is written. An import in the main thread computes the same here.
import type { AnalysedDocument } from '../../../shared/domain/analyze';
import { Utf8Rows, writeClauseIndexRow } from '../../../shared/domain/search';
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
 * by column, in three buffers that a message moves instead of copying: the folded lengths, and
 * both FTS5 documents of every clause as UTF-8 in one buffer (bound to SQLite as they are, see
 * shared/domain/search/utf8.ts), clause i's body ending at ends[2i] and its levels at ends[2i + 1].
 */
export interface SearchRows {
  lengths: Uint32Array;
  bytes: Uint8Array;
  ends: Uint32Array;
}

/** Clause i's index row, its documents views into the buffer (no copy). */
export function searchRowAt(rows: SearchRows, i: number): { len: number; body: Uint8Array; levels: Uint8Array } {
  const start = i ? rows.ends[2 * i - 1] : 0;
  return { len: rows.lengths[i], body: rows.bytes.subarray(start, rows.ends[2 * i]), levels: rows.bytes.subarray(rows.ends[2 * i], rows.ends[2 * i + 1]) };
}

/** Reused by every document this thread analyses. */
const rowWriter = new Utf8Rows();

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
  const lengths = new Uint32Array(clauses.length);
  const ends = new Uint32Array(2 * clauses.length);
  clauses.forEach((c, i) => (lengths[i] = writeClauseIndexRow(c.text, rowWriter, ends, i)));
  const search: SearchRows = { lengths, bytes: rowWriter.take(), ends };
  // A copy of exactly its bytes: zlib's result can share a larger pooled buffer, which a message would copy whole.
  const packed = new Uint8Array(packText(analysed.cleaned).cleaned_z);
  return { sketches, suggestions, search, packed };
}

/** The buffers of extras that can move to another thread instead of being copied (their own, whole). */
export function transferables(extras: DocumentExtras): ArrayBuffer[] {
  const { lengths, bytes, ends } = extras.search;
  return [lengths.buffer, bytes.buffer, ends.buffer, extras.packed.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
