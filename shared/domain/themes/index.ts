// Themes: the default codebook, the policy lexicon, suggestions and instrument classification.
export * from './codebook';
export { THEME_LEXICON, INSTRUMENT_LEXICON, type Lexicon, type SubInstrumentId } from './lexicon';
export { buildSimilarityIndex, similarThemes, bigrams, type SimilarityIndex } from './similarity';
export {
  suggestForClause,
  themeEvidence,
  classifyInstrument,
  lexiconWeight,
  FALLBACK_THEME,
  FALLBACK_SCORE,
  type ClauseForSuggestion,
  type Suggestion,
  type SuggestOptions,
  type ThemeForSuggestion,
} from './suggest';
