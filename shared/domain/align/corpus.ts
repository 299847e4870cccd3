/**
 * Corpus statistics: in how many clauses of the whole project each character n-gram occurs.
 * Term weights taken from the two documents being aligned would call a phrase "rare" because
 * those two documents use it once each (本条例自…起施行); over the project it is what it is,
 * ordinary wording. The backend builds this from the project's clauses (a sample of them on a
 * very large project) and keeps it until the documents change.
 */
import { charGrams, gramKey, gramRuns, substantiveText } from './text';

export interface CorpusStats {
  /** Number of clauses counted. */
  clauses: number;
  /** Clauses containing each n-gram (bigram and trigram keys of text.ts). */
  df: Map<number, number>;
}

/** Counts document frequencies over clause texts. */
export function corpusStats(texts: Iterable<string>): CorpusStats {
  const df = new Map<number, number>();
  let clauses = 0;
  for (const t of texts) {
    clauses++;
    for (const k of charGrams(gramRuns(substantiveText(t))).keys()) df.set(k, (df.get(k) ?? 0) + 1);
  }
  return { clauses, df };
}

/** Adds clause texts to statistics (the two documents being aligned when they are not in the project yet). */
export function withTexts(base: CorpusStats, texts: Iterable<string>): CorpusStats {
  const extra = corpusStats(texts);
  const df = new Map(base.df);
  for (const [k, v] of extra.df) df.set(k, (df.get(k) ?? 0) + v);
  return { clauses: base.clauses + extra.clauses, df };
}

/** Smoothed inverse document frequency of an n-gram key, or of a 2–3 character string. */
export function idfOf(s: CorpusStats, gram: number | string): number {
  const key = typeof gram === 'number' ? gram : gramKey(gram);
  return Math.log((s.clauses + 1) / ((s.df.get(key) ?? 0) + 0.5));
}

/**
 * Weight of a word: the rarest of its bigrams (a word is at most as common as its rarest bigram,
 * so this is the tightest bound the bigram counts give without segmenting the whole corpus).
 */
export function wordIdf(s: CorpusStats, word: string): number {
  const runs = gramRuns(word);
  let best = 0;
  for (const k of charGrams(runs).keys()) if (k < 4294967296) best = Math.max(best, idfOf(s, k));
  return best;
}
