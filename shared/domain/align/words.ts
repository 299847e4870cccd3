/**
 * Words of a clause, by the platform's word segmenter (Intl.Segmenter with the 'zh' locale: ICU's
 * dictionary-based segmentation, in Node and Chromium alike, so no dependency). Words give the
 * aligner a signal that character n-grams blur (两个字 across a word boundary), and give the
 * reasons shown to a researcher whole words, never fragments such as 资规模达.
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Segmenting is the slow part of alignment: a clause's words are kept for the texts seen recently, by sentence. */
const cache = new Map<string, { sentences: string[][]; all: string[] }>();
const cacheLimit = 20_000;

/**
 * Word-like segments (letters or digits) of each sentence of a text (split at 。；！？ and line
 * ends, empty pieces left out), in order, digits folded to '0' as in the n-grams.
 */
export function wordsBySentence(text: string): string[][] {
  return segmented(text).sentences;
}

/** Word-like segments of a text, in order. */
export function wordsOf(text: string): string[] {
  return segmented(text).all;
}

function segmented(text: string): { sentences: string[][]; all: string[] } {
  const known = cache.get(text);
  if (known) return known;
  const w: string[][] = [];
  // Segment sentence by sentence: ICU is much slower on one long string than on its pieces.
  for (const piece of text.split(/[。；;！？!?\n]+/u)) {
    if (!piece) continue;
    const words: string[] = [];
    for (const s of segmenter.segment(piece)) {
      if (s.isWordLike) words.push(/^\d/u.test(s.segment) ? '0' : s.segment);
    }
    w.push(words);
  }
  if (cache.size >= cacheLimit) cache.clear();
  const out = { sentences: w, all: w.flat() };
  cache.set(text, out);
  return out;
}

/** Word counts of a text, words of two or more characters only (one-character words are function words or units). */
export function wordCounts(text: string): Map<string, number> {
  return countsOf(wordsOf(text));
}

/** Counts of the words of two or more characters. */
export function countsOf(words: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of words) if (w.length >= 2) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

/**
 * Words two texts share, as they are written in the first text: runs of consecutive shared words
 * are joined into one term (融资 担保 → 融资担保), so a reason reads as the phrase both texts use.
 * Ranked by the caller's weight (rarer first); terms contained in a listed one are dropped.
 */
export function sharedWordTerms(a: string, b: string, weight: (word: string) => number, max = 4): string[] {
  const inB = new Set(wordsOf(b));
  const bText = b.replace(/\d+(?:[.,]\d+)*/gu, '0');
  const terms = new Map<string, number>();
  let run: string[] = [];
  let runWeight = 0;
  const flush = () => {
    const term = run.join('');
    if (run.length && Array.from(term).length >= 2 && !/^[0.]+$/u.test(term) && runWeight > 0) {
      terms.set(term, Math.max(terms.get(term) ?? 0, runWeight));
    }
    run = [];
    runWeight = 0;
  };
  for (const w of wordsOf(a)) {
    if (!inB.has(w) || w === '0') {
      flush();
      continue;
    }
    // Joined only while the joined phrase is also written so in b.
    if (run.length && !bText.includes(run.join('') + w)) flush();
    run.push(w);
    runWeight += w.length >= 2 ? weight(w) : 0;
  }
  flush();
  const ranked = [...terms.entries()].sort((x, y) => y[1] - x[1]).map(([t]) => t);
  return ranked.filter((t, k) => !ranked.slice(0, k).some((u) => u.includes(t))).slice(0, max);
}
