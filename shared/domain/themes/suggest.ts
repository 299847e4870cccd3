// Suggested themes and instrument class of one clause, from the policy lexicon plus similarity to
// clauses the researcher has already coded. A suggestion is only ever a proposal: the backend never
// lets it replace an accepted or rejected decision.
import type { InstrumentClass } from '../types';
import { extractTargets } from '../quantities/index';
import { DEFAULT_THEMES, SUB_INSTRUMENTS } from './codebook';
import { INSTRUMENT_LEXICON, THEME_LEXICON, type Lexicon, type SubInstrumentId } from './lexicon';
import { similarThemes, type SimilarityIndex } from './similarity';

export interface ClauseForSuggestion {
  /** Key of the clause in a similarity index (its id), so it is not compared with itself. */
  key?: string;
  text: string;
  /** The clause's own heading (就业目标, 拓宽小微企业融资渠道): a stronger signal than the body. */
  heading?: string | null;
  /** The nearest ancestor's heading: the section the clause sits in. */
  sectionHeading?: string | null;
}

export interface ThemeForSuggestion {
  id: string;
  instrument: InstrumentClass;
  /** Extra terms the researcher gave the theme (weight 2 each). */
  keywords?: string[];
}

export interface SuggestOptions {
  themes?: ThemeForSuggestion[];
  similarity?: SimilarityIndex;
}

export interface Suggestion {
  themes: Array<{ id: string; score: number }>;
  instrument: InstrumentClass | null;
  subInstrument: string | null;
  instrumentScore: number;
}

/** Below this lexicon weight a theme is not suggested at all. */
const MIN_RAW = 3;
/** A second theme must weigh at least this share of the first. */
const RELATIVE = 0.55;
const MAX_THEMES = 3;
const HEADING_BONUS = 1;
const SECTION_WEIGHT = 0.4;
/** Similarity to a coded clause above this counts; at 1.0 it weighs as much as SIMILARITY_WEIGHT terms. */
const SIMILARITY_FLOOR = 0.3;
const SIMILARITY_WEIGHT = 12;

function countNonOverlapping(text: string, term: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) at.push(i);
  return at;
}

/** Weighted term hits of one lexicon entry list; a term inside a longer matched term of the same list does not count again. */
export function lexiconWeight(text: string, terms: Array<[string, number]>): number {
  const hits: Array<{ start: number; end: number; w: number }> = [];
  for (const [term, w] of [...terms].sort((a, b) => b[0].length - a[0].length)) {
    let n = 0;
    for (const start of countNonOverlapping(text, term)) {
      const end = start + term.length;
      if (hits.some((h) => h.start <= start && end <= h.end)) continue;
      hits.push({ start, end, w });
      if (++n >= 2) break; // repetition adds little: a clause saying 融资 five times is not five times as much about financing
    }
  }
  return hits.reduce((s, h) => s + h.w, 0);
}

function termsOf(theme: ThemeForSuggestion, lexicon: Lexicon): Array<[string, number]> {
  return [...(lexicon[theme.id] ?? []), ...(theme.keywords ?? []).filter((k) => k.trim()).map((k): [string, number] => [k.trim(), 2])];
}

const DEFAULT_FOR_SUGGESTION: ThemeForSuggestion[] = DEFAULT_THEMES.map((t) => ({ id: t.id, instrument: t.instrument }));

/** Raw evidence per theme: lexicon hits in text, heading and section, target quantities, similarity. */
export function themeEvidence(clause: ClauseForSuggestion, opts: SuggestOptions = {}): Map<string, number> {
  const themes = opts.themes ?? DEFAULT_FOR_SUGGESTION;
  const raw = new Map<string, number>();
  const sims = opts.similarity ? similarThemes(opts.similarity, clause.text, clause.key) : new Map<string, number>();
  for (const theme of themes) {
    if (theme.id === 'other') continue;
    const terms = termsOf(theme, THEME_LEXICON);
    let w = lexiconWeight(clause.text, terms);
    if (clause.heading) w += HEADING_BONUS * lexiconWeight(clause.heading, terms);
    if (clause.sectionHeading) w += SECTION_WEIGHT * lexiconWeight(clause.sectionHeading, terms);
    if (theme.id === 'targets') w += targetEvidence(clause);
    const s = sims.get(theme.id) ?? 0;
    if (s > SIMILARITY_FLOOR) w += SIMILARITY_WEIGHT * (s - SIMILARITY_FLOOR) / (1 - SIMILARITY_FLOOR);
    if (w > 0) raw.set(theme.id, w);
  }
  return raw;
}

/** Dated or bounded numeric goals make a clause a target statement. */
function targetEvidence(clause: ClauseForSuggestion): number {
  const targets = extractTargets(clause.text).filter((t) => t.year !== undefined || t.bound === 'min');
  const dense = targets.length / Math.max(1, clause.text.length / 60);
  return Math.min(4, targets.length * 1.5) * Math.min(1, dense);
}

const toScore = (raw: number): number => Math.round((1 - Math.exp(-raw / 5)) * 1000) / 1000;

export function suggestForClause(clause: ClauseForSuggestion, opts: SuggestOptions = {}): Suggestion {
  const raw = themeEvidence(clause, opts);
  const ranked = [...raw.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0]?.[1] ?? 0;
  const chosen = ranked.filter(([, w]) => w >= MIN_RAW && w >= RELATIVE * top).slice(0, MAX_THEMES);
  const themes = chosen.map(([id, w]) => ({ id, score: toScore(w) }));
  const hasOther = (opts.themes ?? DEFAULT_FOR_SUGGESTION).some((t) => t.id === 'other');
  if (themes.length === 0 && hasOther && clause.text.length > 0) themes.push({ id: 'other', score: 0.3 });
  const instrument = classifyInstrument(clause, chosen, opts.themes ?? DEFAULT_FOR_SUGGESTION);
  return { themes, ...instrument };
}

/**
 * Instrument class: each chosen theme votes for its usual class in proportion to its weight, and
 * cues of the tool used (立法 → regulation, 采购 → procurement, 补贴 → funds) vote for theirs.
 */
export function classifyInstrument(
  clause: ClauseForSuggestion,
  chosen: Array<[string, number]>,
  themes: ThemeForSuggestion[],
): Pick<Suggestion, 'instrument' | 'subInstrument' | 'instrumentScore'> {
  const votes: Record<InstrumentClass, number> = { supply: 0, environment: 0, demand: 0 };
  const top = chosen[0]?.[1] ?? 0;
  for (const [id, w] of chosen) {
    const theme = themes.find((t) => t.id === id);
    if (theme) votes[theme.instrument] += THEME_VOTE * (w / top);
  }
  const cueWeight = new Map(SUB_INSTRUMENTS.map((s) => [s.id, lexiconWeight(clause.text, INSTRUMENT_LEXICON[s.id as SubInstrumentId])]));
  for (const sub of SUB_INSTRUMENTS) votes[sub.instrument] += CUE_VOTE * (cueWeight.get(sub.id) ?? 0);
  const total = votes.supply + votes.environment + votes.demand;
  if (total === 0) return { instrument: chosen.length ? null : 'environment', subInstrument: null, instrumentScore: 0 };
  const instrument = (Object.keys(votes) as InstrumentClass[]).reduce((a, b) => (votes[b] > votes[a] ? b : a));
  // The sub-instrument: the strongest cue within the class, else the usual one of the top theme.
  const inClass = SUB_INSTRUMENTS.filter((s) => s.instrument === instrument).sort((a, b) => (cueWeight.get(b.id) ?? 0) - (cueWeight.get(a.id) ?? 0));
  const sub = (cueWeight.get(inClass[0]?.id) ?? 0) > 0 ? inClass[0] : undefined;
  return { instrument, subInstrument: sub?.id ?? null, instrumentScore: Math.round((votes[instrument] / total) * 1000) / 1000 };
}

const THEME_VOTE = 4;
const CUE_VOTE = 0.5;
