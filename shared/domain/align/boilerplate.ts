/**
 * Boilerplate: wording that recurs across many documents of the project whatever their subject
 * (为了…制定本条例, 本条例适用于…, 本条例自…起施行, 本办法由…负责解释, the 法律责任 formulas).
 * Recognised from corpus statistics, not from a phrase list:
 * - near-copies: how many other documents hold a near-copy of the clause (the backend counts them
 *   with the "where else" MinHash index), relative to the size of the project — in a project of
 *   2,000 regulations the nine 营商环境条例 that copy one national clause are not boilerplate,
 *   the 1,500 that end 本条例自…起施行 are;
 * - template wording: the share of the clause's trigrams found in a large share of all the
 *   project's documents (a purpose clause is its topic words set in 为了…根据…结合本市实际，制定本条例);
 * - where it stands: formulas open and close a document;
 * - length.
 * A small logistic model over these, fitted on the labellers' boilerplate marks (fit-align.ts),
 * turns them into a probability.
 */
import { docShare, type CorpusStats } from './corpus';
import { sigmoid } from './model';
import { isTrigramKey } from './text';

/** Near-copies in this many documents (at least) make the near-copy signal one half. */
export function boilerplateScale(documents: number): number {
  return Math.max(4, 0.02 * documents);
}

/** 0…1 from the number of other documents holding a near-copy of the clause. */
export function nearCopyScore(copiesInOtherDocuments: number, documents: number): number {
  return 1 - Math.pow(2, -copiesInOtherDocuments / boilerplateScale(documents));
}

/** A trigram in at least this share of the project's documents is template wording. */
export const templateShare = 0.1;

/** Below this many documents a share of documents says nothing about templates (in 5 documents every word is in 20% of them). */
export const minDocumentsForTemplates = 30;

/** Share of a clause's distinct trigrams that are template wording (0 when the project is too small to tell). */
export function templateScore(grams: Map<number, number>, stats: CorpusStats): number {
  if (stats.documents < minDocumentsForTemplates) return 0;
  let n = 0,
    t = 0;
  for (const k of grams.keys()) {
    if (!isTrigramKey(k)) continue;
    n++;
    if (docShare(stats, k) >= templateShare) t++;
  }
  return n ? t / n : 0;
}

export interface BoilerplateModel {
  /** Weights of [near-copies, template share, closeness to either end, log length], and the intercept. */
  weights: number[];
  bias: number;
  /** A clause whose probability reaches this is marked as boilerplate (chosen on the labelled clauses). */
  threshold: number;
}

export const boilerplateFeatureNames = ['nearCopies', 'template', 'edge', 'logLength'] as const;

export function boilerplateFeatures(c: { nearCopy: number; template: number; position: number; length: number }): number[] {
  return [c.nearCopy, c.template, 1 - 2 * Math.min(c.position, 1 - c.position), Math.log(1 + c.length)];
}

export function boilerplateProbability(m: BoilerplateModel, x: number[]): number {
  let z = m.bias;
  for (let k = 0; k < x.length; k++) z += m.weights[k] * x[k];
  return sigmoid(z);
}
