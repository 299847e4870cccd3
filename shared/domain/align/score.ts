import { cosine, idf, type ClauseFeatures, type Frequencies } from './features';
import type { AlignReason } from './types';

/** How much each signal counts. Kept as round numbers: they were chosen from a broad plateau on the labelled pairs (F1 within 0.03 over a wide range), not fitted to the last digit. */
export interface Weights {
  clause: number;
  sentence: number;
  instrument: number;
  numbers: number;
  context: number;
}
export const defaultWeights: Weights = { clause: 0.45, sentence: 0.35, instrument: 0.2, numbers: 0.05, context: 0.1 };

/** Rarity of each instrument among the clauses being aligned: a shared rare instrument says more. */
export function instrumentWeights(features: ClauseFeatures[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const f of features) for (const i of f.instruments) df.set(i, (df.get(i) ?? 0) + 1);
  const n = features.length;
  const out = new Map<string, number>();
  for (const [i, d] of df) out.set(i, Math.log((n + 1) / (d + 0.5)) / Math.log(n + 1));
  return out;
}

export interface PairSignals {
  clause: number;
  sentence: number;
  instrument: number;
  numbers: number;
  context: number;
  sharedInstruments: string[];
  sharedQuantities: string[];
  /** Which sentence of each clause the best sentence match was (0 for one-sentence clauses): a bundled clause may match different counterparts with different sentences. */
  sentenceA: number;
  sentenceB: number;
}

export function signals(a: ClauseFeatures, b: ClauseFeatures, iw: Map<string, number>): PairSignals {
  let sentence = 0, sentenceA = 0, sentenceB = 0;
  for (let x = 0; x < a.sentenceVecs.length; x++) {
    for (let y = 0; y < b.sentenceVecs.length; y++) {
      const c = cosine(a.sentenceVecs[x], b.sentenceVecs[y]);
      if (c > sentence) { sentence = c; sentenceA = x; sentenceB = y; }
    }
  }
  const sharedInstruments = [...a.instruments].filter((i) => b.instruments.has(i));
  // Best shared instrument, by rarity: sharing "bank lending" says little, sharing "innovation vouchers" a lot.
  const instrument = sharedInstruments.reduce((m, i) => Math.max(m, iw.get(i) ?? 0), 0);
  const sharedQuantities = [...a.quantities].filter((q) => b.quantities.has(q) && !/年$/u.test(q));
  return {
    clause: cosine(a.vec, b.vec),
    sentence,
    instrument,
    numbers: sharedQuantities.length ? 1 : 0,
    context: cosine(a.context, b.context),
    sharedInstruments,
    sharedQuantities,
    sentenceA,
    sentenceB,
  };
}

export function combine(s: PairSignals, w: Weights = defaultWeights): number {
  return Math.min(1, w.clause * s.clause + w.sentence * s.sentence + w.instrument * s.instrument + w.numbers * s.numbers + w.context * s.context);
}

/**
 * Shared key terms: maximal runs of text two clauses have in common (at least three characters,
 * or two when rare), ranked by how rare they are. What a person sees first when reading both.
 */
export function sharedTerms(a: string, b: string, f: Frequencies, max = 4): string[] {
  const ca = Array.from(a);
  const found = new Map<string, number>();
  let i = 0;
  while (i < ca.length) {
    let len = 0;
    // Longest run starting at i that occurs in b.
    while (i + len < ca.length && /[\p{L}\p{N}]/u.test(ca[i + len]) && b.includes(ca.slice(i, i + len + 1).join(''))) len++;
    if (len >= 2) {
      const term = ca.slice(i, i + len).join('');
      const weight = idf(f, ca.slice(i, i + Math.min(len, 3)).join(''));
      if (/^[0-9.]+$/u.test(term)) { i += len; continue; }
      if ((len >= 3 && weight > 1) || weight > 2.5) found.set(term, Math.max(found.get(term) ?? 0, weight * Math.min(len, 6)));
      i += len;
    } else i++;
  }
  const terms = [...found.entries()].sort((x, y) => y[1] - x[1]).map(([t]) => t);
  // Drop terms contained in a longer one already listed.
  return terms.filter((t, k) => !terms.slice(0, k).some((u) => u.includes(t))).slice(0, max);
}

export function reasonsFor(a: ClauseFeatures, b: ClauseFeatures, s: PairSignals, f: Frequencies): AlignReason[] {
  const reasons: AlignReason[] = [];
  const terms = sharedTerms(a.text, b.text, f);
  if (terms.length) reasons.push({ kind: 'terms', terms });
  if (s.sharedInstruments.length) reasons.push({ kind: 'instrument', instruments: s.sharedInstruments });
  if (s.sharedQuantities.length) reasons.push({ kind: 'numbers', values: s.sharedQuantities });
  return reasons;
}
