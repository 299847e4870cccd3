/**
 * Corpus statistics: in how many clauses of the whole project each character n-gram occurs.
 * Term weights taken from the two documents being aligned would call a phrase "rare" because
 * those two documents use it once each (本条例自…起施行); over the project it is what it is,
 * ordinary wording. The backend builds this from the project's clauses (a sample of them on a
 * very large project) and keeps it until the documents change.
 */
import { charGrams, gramKey, gramRuns, isTrigramKey, substantiveText } from './text';

export interface CorpusStats {
  /** Number of clauses counted. */
  clauses: number;
  /** Clauses containing each n-gram (bigram and trigram keys of text.ts). */
  df: Map<number, number>;
  /** Documents counted, and how many of them contain each trigram (when the texts came with their documents). */
  documents: number;
  docDf: Map<number, number>;
}

export interface CountedText {
  text: string;
  /** The document the clause belongs to. */
  doc?: number;
}

/**
 * Counts in how many clauses each n-gram occurs, and, for texts that name their document, in how
 * many documents each trigram occurs: wording found in a large share of all documents, a few
 * times each, is the mark of a formula (boilerplate.ts).
 */
export function corpusStats(texts: Iterable<string | CountedText>): CorpusStats {
  const df = new Map<number, number>();
  const docDf = new Map<number, number>();
  const seenInDoc = new Map<number, number>();
  const docs = new Set<number>();
  let clauses = 0;
  for (const t of texts) {
    const { text, doc } = typeof t === 'string' ? { text: t, doc: undefined } : t;
    clauses++;
    if (doc != null) docs.add(doc);
    for (const k of charGrams(gramRuns(substantiveText(text))).keys()) {
      df.set(k, (df.get(k) ?? 0) + 1);
      if (doc != null && isTrigramKey(k) && seenInDoc.get(k) !== doc) {
        seenInDoc.set(k, doc);
        docDf.set(k, (docDf.get(k) ?? 0) + 1);
      }
    }
  }
  return { clauses, df, documents: docs.size, docDf };
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

/** Share of documents (0…1) containing a trigram; 0 when the statistics know no documents. */
export function docShare(s: CorpusStats, key: number): number {
  return s.documents ? (s.docDf.get(key) ?? 0) / s.documents : 0;
}
