// Stores suggested themes and instrument classes per clause. Runs at import (clausesWritten) and
// again after the researcher codes, because similarity to coded clauses is part of the score.
// Only rows with source 'auto' and status 'suggested' are ever replaced: decisions stay. The
// catch-all suggestion of a clause no theme fits is a flag of its instrument row, not a coding
// row (db/themes.ts shows it).
import {
  FALLBACK_THEME,
  buildSimilarityIndex,
  suggestForClause,
  type SimilarityIndex,
  type Suggestion,
  type ThemeForSuggestion,
} from '../../../shared/domain/themes/index';
import type { ClauseRow, DocumentsRepo } from '../db/documents';
import type { CodingRow, InstrumentRow, ThemeRow, ThemesRepo } from '../db/themes';

/** Clause kinds that carry policy content; preambles and part titles get no suggestions. */
export const SUGGESTED_KINDS = new Set(['measure', 'heading']);

export function themesForSuggestion(repo: ThemesRepo): ThemeForSuggestion[] {
  return suggestionThemes(repo.themes());
}

/** The codebook as suggesting reads it. */
export function suggestionThemes(rows: Array<Pick<ThemeRow, 'id' | 'instrument' | 'keywords'>>): ThemeForSuggestion[] {
  return rows.map((t) => ({ id: t.id, instrument: t.instrument, keywords: JSON.parse(t.keywords) as string[] }));
}

/** Similarity index over every clause (idf) and the clauses with accepted codings (examples). */
export function buildIndex(documents: DocumentsRepo, repo: ThemesRepo): SimilarityIndex {
  return similarityIndexOf(documents.codableClauses(), repo.acceptedPairs());
}

/** The similarity index of codable clauses and the accepted (clause, theme) pairs of the consensus. */
export function similarityIndexOf(clauses: Array<{ id: number; text: string }>, accepted: Array<{ clause_id: number; theme_id: string }>): SimilarityIndex {
  const themesOf = new Map<number, string[]>();
  for (const p of accepted) themesOf.set(p.clause_id, [...(themesOf.get(p.clause_id) ?? []), p.theme_id]);
  const textOf = new Map(clauses.map((c) => [c.id, c.text]));
  const examples = [...themesOf].map(([id, themes]) => ({ key: String(id), text: textOf.get(id) ?? '', themes: [...new Set(themes)] }));
  return buildSimilarityIndex(
    clauses.map((c) => c.text),
    examples,
  );
}

/** What suggesting needs of a clause: the stored row, or the clause as the import just analysed it. */
export type SuggestedClause = Pick<ClauseRow, 'id' | 'parent_id' | 'kind' | 'heading' | 'text'>;

function sectionHeading(c: SuggestedClause, byId: Map<number, SuggestedClause>): string | null {
  const p = c.parent_id == null ? undefined : byId.get(c.parent_id);
  if (!p || p.kind === 'preamble' || p.kind === 'part') return null;
  return p.heading ?? p.text.slice(0, 60);
}

/** A clause's suggestion: a pure function (the import runs it on its worker threads, services/documentExtras.ts). */
export function suggestClause(c: SuggestedClause, byId: Map<number, SuggestedClause>, themes: ThemeForSuggestion[], similarity?: SimilarityIndex): Suggestion {
  return suggestForClause({ key: String(c.id), text: c.text, heading: c.heading, sectionHeading: sectionHeading(c, byId) }, { themes, similarity });
}

/** What recomputing a document's suggestions writes: pure, so the desktop and the team server plan alike. */
export interface SuggestionPlan {
  /** Open suggestions no longer wanted. */
  deletes: number[];
  /** Open suggestions with a new score. */
  rescored: CodingRow[];
  /** New open suggestions (consensus, whole clause). */
  inserts: Array<{ clause_id: number; theme_id: string; score: number }>;
  /** The instrument row of every suggested clause whose suggestion changed (the researcher's choice kept). */
  instruments: InstrumentRow[];
  /** Clauses that got suggestions. */
  clauses: number;
}

/**
 * Plans a document's suggestions from its clauses, the codebook, its stored consensus codings and
 * instrument rows. Only rows with source 'auto' and status 'suggested' are replaced: decisions stay.
 * ready: suggestions computed beforehand by clause id (used instead of computing them again).
 */
export function planSuggestions(input: {
  docId: number;
  clauses: SuggestedClause[];
  themes: ThemeForSuggestion[];
  similarity?: SimilarityIndex;
  ready?: Map<number, Suggestion>;
  stored: CodingRow[];
  instruments: InstrumentRow[];
  now: string;
}): SuggestionPlan {
  const { docId, clauses, themes, similarity, ready, now } = input;
  const known = new Set(themes.map((t) => t.id));
  const byId = new Map(clauses.map((c) => [c.id, c]));
  // The document's whole-clause codings by clause, then theme (in the order they are read).
  const existing = new Map<number, Map<string, CodingRow>>();
  for (const c of input.stored) {
    if (c.start !== null) continue;
    if (!existing.has(c.clause_id)) existing.set(c.clause_id, new Map());
    existing.get(c.clause_id)!.set(c.theme_id, c);
  }
  const instruments = new Map(input.instruments.map((r) => [r.clause_id, r]));
  const plan: SuggestionPlan = { deletes: [], rescored: [], inserts: [], instruments: [], clauses: 0 };
  for (const c of clauses) {
    if (!SUGGESTED_KINDS.has(c.kind)) continue;
    plan.clauses++;
    const s = ready?.get(c.id) ?? suggestClause(c, byId, themes, similarity);
    const wanted = new Map(s.themes.filter((t) => known.has(t.id)).map((t) => [t.id, t.score]));
    // Only ever alone: the suggestion of a clause no theme fits, shown from the flag below.
    const fallback = wanted.has(FALLBACK_THEME);
    wanted.delete(FALLBACK_THEME);
    const had = existing.get(c.id);
    for (const row of had?.values() ?? []) {
      if (row.source !== 'auto' || row.status !== 'suggested') continue;
      if (!wanted.has(row.theme_id)) plan.deletes.push(row.id);
      else if (wanted.get(row.theme_id) !== row.score) plan.rescored.push({ ...row, score: wanted.get(row.theme_id)!, updated_at: now });
    }
    for (const [themeId, score] of wanted) {
      if (had?.has(themeId)) continue; // a decision, or a suggestion updated above
      plan.inserts.push({ clause_id: c.id, theme_id: themeId, score });
    }
    const prev = instruments.get(c.id);
    const row = {
      clause_id: c.id,
      doc_id: docId,
      suggested: s.instrument,
      suggested_sub: s.subInstrument,
      score: s.instrumentScore,
      chosen: prev?.chosen ?? null,
      chosen_sub: prev?.chosen_sub ?? null,
      fallback: fallback ? 1 : 0,
    };
    // Only rows that change are written: a recompute of a large corpus otherwise rewrote every
    // clause's row each time a researcher coded one clause.
    if (!prev || prev.suggested !== row.suggested || prev.suggested_sub !== row.suggested_sub || prev.score !== row.score || prev.fallback !== row.fallback)
      plan.instruments.push(row);
  }
  return plan;
}

export interface SuggestionInputs {
  /** The similarity index of the corpus (built here when there are accepted codings and none is given). */
  index?: SimilarityIndex;
  /** The clauses as the import just analysed them (read from the database otherwise). */
  analysed?: SuggestedClause[];
  /** Suggestions by clause id made by the import's workers with the codebook `themesKey` (used when that is still the codebook and no similarity is needed). */
  precomputed?: { themesKey: string; byId: Map<number, Suggestion> };
  /** The codebook as suggesting reads it: a recompute of every document reads it once, not once per document. */
  themes?: ThemeForSuggestion[];
}

export function computeSuggestions(repo: ThemesRepo, documents: DocumentsRepo, docId: number, inputs: SuggestionInputs = {}): number {
  const { index, analysed, precomputed } = inputs;
  const themes = inputs.themes ?? themesForSuggestion(repo);
  const similarity = index ?? (repo.hasAcceptedCodings() ? buildIndex(documents, repo) : undefined);
  const instruments = repo.instrumentsOfDoc(docId);
  const plan = planSuggestions({
    docId,
    clauses: analysed ?? documents.clauses(docId),
    themes,
    similarity,
    ready: !similarity && precomputed?.themesKey === JSON.stringify(themes) ? precomputed.byId : undefined,
    stored: repo.storedCodingsOfDoc(docId),
    instruments,
    now: new Date().toISOString(),
  });
  for (const id of plan.deletes) repo.deleteRow('codings', id);
  for (const row of plan.rescored) repo.putRow('codings', { ...row });
  for (const i of plan.inserts)
    repo.insertCoding({
      doc_id: docId,
      clause_id: i.clause_id,
      theme_id: i.theme_id,
      start: null,
      end: null,
      quote: null,
      source: 'auto',
      status: 'suggested',
      score: i.score,
    });
  const hadRow = new Set(instruments.map((r) => r.clause_id));
  for (const row of plan.instruments) {
    if (hadRow.has(row.clause_id)) repo.putRow('clause_instruments', { ...row });
    else repo.insertInstrument(row);
  }
  return plan.clauses;
}
