import { type CorpusStats } from '../../../shared/domain/align';
import { charGrams, gramRuns, isTrigramKey, substantiveText } from '../../../shared/domain/align/text';
import { KEY_SPLIT, foldForSearch, minLengthOfKey } from '../../../shared/domain/search';
import { indexCharacters } from '../../../shared/domain/search/terms';
import type { CompareRepo } from '../db/compare';

/**
 * "Where else" candidates from the search index, no index of its own: the search index already
 * lists, for every character bigram, the clauses holding it (with each clause's length band in
 * the key, shared/domain/search/levels.ts). Reading the postings of the query's rarer bigrams and
 * adding up tf·idf² per clause, divided by a power of the clause's length, is a sparse version of
 * the bigram TF-IDF cosine that the measure starts from; its best few hundred are then scored by
 * the measure itself (whereElse.ts). Common bigrams (的 pairs, 人民, 政府) are skipped: reading
 * their long postings costs the most and moves the cosine the least.
 */
export interface CandidateTuning {
  /** Postings read per query at most, rarest terms first (each is one clause id to add to). */
  postingBudget: number;
  /** A bigram in more than this share of clauses is never read. */
  maxShare: number;
  /** Candidates kept, best approximate score first. */
  keep: number;
  /** Score divided by (length + 8)^lengthPower: 0.5 is the cosine's norm, lower favours long clauses that hold the query. */
  lengthPower: number;
}

/** Fitted on the dev sample of test/bench/where-else-real.bench.ts (never on the held-out one). */
export const defaultTuning: CandidateTuning = { postingBudget: 60_000, maxShare: 0.1, keep: 100, lengthPower: 0.5 };

/** The search index term of one of the measure's bigrams (folded as the index folds), or null when it has a digit or folds away. */
function indexTerm(bigram: string): string | null {
  if (bigram.includes('0')) return null; // gramRuns folds every number to 0: not the text's characters
  const chars = indexCharacters(foldForSearch(bigram));
  return chars.length === 2 ? chars[0] + chars[1] : null;
}

/**
 * Ids of the clauses most likely to score high against `text` (the query's alignable text), best
 * first. `stats` gives each bigram's share of clauses (from a sample), to choose which postings to
 * read; the postings read give the exact counts the weights use. `indexClauses` is the number of
 * clauses in the search index.
 */
export function searchCandidates(repo: CompareRepo, stats: CorpusStats, text: string, indexClauses: number, t: CandidateTuning = defaultTuning): number[] {
  const scale = indexClauses / Math.max(1, stats.clauses);
  const terms = new Map<string, { tf: number; estimate: number }>();
  for (const [key, tf] of charGrams(gramRuns(substantiveText(text)))) {
    if (isTrigramKey(key)) continue;
    const term = indexTerm(String.fromCharCode(Math.floor(key / 65536), key % 65536));
    if (term == null) continue;
    const known = terms.get(term);
    // A bigram the sample never met is rare: about one sample step's worth of clauses at most.
    const estimate = ((stats.df.get(key) ?? 0) + 1) * scale;
    if (known) known.tf += tf;
    else terms.set(term, { tf, estimate });
  }
  const chosen = [...terms].filter(([, v]) => v.estimate <= t.maxShare * indexClauses).sort((a, b) => a[1].estimate - b[1].estimate);
  // Accumulated per clause id in flat arrays (ids are small integers, keys are not): a Map keyed
  // by index keys above 2^31 boxed every number and took most of the time.
  if (!scratch.score.length) scratch = freshScratch(1 << 16);
  const touched: number[] = [];
  let read = 0;
  for (const [term, { tf }] of chosen) {
    if (read >= t.postingBudget) break;
    const keys = repo.termKeys(`"${term}"`);
    if (!keys.length) continue;
    read += keys.length;
    const idf = Math.log((indexClauses + 1) / (keys.length + 0.5));
    const w = (1 + Math.log(tf)) * idf * idf;
    for (const k of keys) {
      const id = k % KEY_SPLIT;
      if (id >= scratch.score.length) grow(id);
      if (scratch.score[id] === 0) {
        touched.push(id);
        scratch.norm[id] = Math.pow(minLengthOfKey(k) + 8, t.lengthPower);
      }
      scratch.score[id] += w;
    }
  }
  // The best `keep` without sorting every clause touched (tens of thousands): a typed-array sort
  // of the scores gives the threshold, then only those above it are ordered.
  const values = new Float64Array(touched.length);
  for (let i = 0; i < touched.length; i++) {
    const id = touched[i];
    values[i] = scratch.score[id] / scratch.norm[id];
    scratch.score[id] = 0;
  }
  const threshold = touched.length > t.keep ? Float64Array.from(values).sort()[touched.length - t.keep] : -Infinity;
  const best: Array<{ id: number; s: number }> = [];
  for (let i = 0; i < touched.length; i++) if (values[i] >= threshold) best.push({ id: touched[i], s: values[i] });
  return best
    .sort((a, b) => b.s - a.s || a.id - b.id)
    .slice(0, t.keep)
    .map((r) => r.id);
}

/** Per clause id: accumulated score and length norm; kept between queries (zeroed after each), grown as ids grow. */
let scratch = freshScratch(0);
function freshScratch(n: number) {
  return { score: new Float64Array(n), norm: new Float64Array(n) };
}
function grow(id: number) {
  const next = freshScratch(Math.max(id + 1, scratch.score.length * 2));
  next.score.set(scratch.score);
  next.norm.set(scratch.norm);
  scratch = next;
}
