/**
 * The fitted model: logistic regression over the pair features (score.ts), then Platt scaling so
 * a score reads as a probability (a link scored 0.8 was right about 80% of the time on the
 * labelled pairs). Fitted by scripts/fit-align.ts (`npm run fit:align`) into model.json; anyone
 * can refit on more labels. The optimiser is plain full-batch gradient descent with L2 on
 * standardised features: a few thousand rows and a dozen features need nothing more.
 */
import type { BoilerplateModel } from './boilerplate';
import { baseFeatureNames, featureNames } from './score';
import { treesValue, type Tree } from './trees';

/** A logistic model with boosted trees and Platt scaling: the first pass, and the full model. */
export interface StageModel {
  /** Weights on the raw (unstandardised) features, in `features` order, and the intercept. */
  weights: number[];
  bias: number;
  /** Boosted trees added to the linear logit (trees.ts): the interactions a weighted sum misses. */
  trees?: Tree[];
  /** Platt scaling of the logit: p = σ(a·z + b). */
  platt: { a: number; b: number };
}

export interface AlignModel extends StageModel {
  features: string[];
  /**
   * The first pass, over the base features only (score.ts): its probabilities feed the second
   * pass's structural signals (propagate.ts), which the full model weighs with the base features.
   * Without it the model is one pass over the base features (`npm run fit:align` fits a two-pass
   * model with FIT_SECOND_PASS=1; it is not shipped while it does not help every genre, see there).
   */
  first?: StageModel;
  /** A link is suggested when its calibrated score reaches this (chosen by cross-validation). */
  threshold: number;
  /** Most counterparts one clause may have (a clause that bundles several measures). */
  maxPerClause: number;
  /** Candidates per clause scored with the full model (by cheap similarity, each side). */
  candidates: number;
  /** Which clauses are boilerplate (boilerplate.ts), fitted on the labellers' marks. */
  boilerplate: BoilerplateModel;
  /** L2 strength chosen by cross-validation (the dev evaluation refits with it). */
  l2?: number;
  /** What it was fitted on, for the record. */
  trainedOn?: string;
}

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function logit(m: Pick<StageModel, 'weights' | 'bias' | 'trees'>, x: number[]): number {
  let z = m.bias;
  for (let k = 0; k < x.length; k++) z += m.weights[k] * x[k];
  return m.trees?.length ? z + treesValue(m.trees, x) : z;
}

/** Calibrated probability that a candidate pair is a right link. */
export function probability(m: StageModel, x: number[]): number {
  return sigmoid(m.platt.a * logit(m, x) + m.platt.b);
}

export interface FitOptions {
  l2: number;
  iterations: number;
  rate: number;
  /** Weight of each row (e.g. to give every document pair equal say); 1 by default. */
  rowWeights?: number[];
}

/**
 * Logistic regression by gradient descent with L2 (the intercept is not penalised). Features are
 * standardised for the descent and the weights mapped back, so the result applies to raw features.
 */
export function fitLogistic(X: number[][], y: number[], opts: FitOptions): { weights: number[]; bias: number } {
  const n = X.length,
    d = n ? X[0].length : 0;
  if (!n) throw new Error('Cannot fit a model on no rows: label some pairs first.');
  const rw = opts.rowWeights ?? X.map(() => 1);
  const totalW = rw.reduce((s, w) => s + w, 0);
  const mean = new Float64Array(d),
    sd = new Float64Array(d);
  for (const x of X) for (let k = 0; k < d; k++) mean[k] += x[k] / n;
  for (const x of X) for (let k = 0; k < d; k++) sd[k] += (x[k] - mean[k]) ** 2 / n;
  for (let k = 0; k < d; k++) sd[k] = Math.sqrt(sd[k]) || 1;
  const Z = X.map((x) => x.map((v, k) => (v - mean[k]) / sd[k]));
  const w = new Float64Array(d);
  let b = 0;
  // Adam: robust to the very different curvature of rare and common features, no tuning of the rate per problem.
  const m1 = new Float64Array(d + 1),
    m2 = new Float64Array(d + 1);
  const b1 = 0.9,
    b2 = 0.999;
  for (let t = 1; t <= opts.iterations; t++) {
    const g = new Float64Array(d + 1);
    for (let r = 0; r < n; r++) {
      const z = Z[r];
      let s = b;
      for (let k = 0; k < d; k++) s += w[k] * z[k];
      const e = (sigmoid(s) - y[r]) * rw[r];
      for (let k = 0; k < d; k++) g[k] += e * z[k];
      g[d] += e;
    }
    for (let k = 0; k <= d; k++) {
      let gk = g[k] / totalW;
      if (k < d) gk += opts.l2 * w[k];
      m1[k] = b1 * m1[k] + (1 - b1) * gk;
      m2[k] = b2 * m2[k] + (1 - b2) * gk * gk;
      const step = (opts.rate * (m1[k] / (1 - b1 ** t))) / (Math.sqrt(m2[k] / (1 - b2 ** t)) + 1e-8);
      if (k < d) w[k] -= step;
      else b -= step;
    }
  }
  const weights = Array.from(w, (v, k) => v / sd[k]);
  const bias = b - weights.reduce((s, v, k) => s + v * mean[k], 0);
  return { weights, bias };
}

/** Platt scaling: a one-feature logistic regression of the labels on held-out logits. */
export function fitPlatt(logits: number[], y: number[]): { a: number; b: number } {
  const r = fitLogistic(
    logits.map((z) => [z]),
    y,
    { l2: 0, iterations: 1500, rate: 0.05 },
  );
  return { a: r.weights[0], b: r.bias };
}

/** Checks a model read from JSON before the app relies on it. */
export function checkModel(m: AlignModel): AlignModel {
  // A one-pass model weighs the base features; a two-pass model (with `first`) all of them.
  const names: string[] = m.first ? [...featureNames] : [...baseFeatureNames];
  if (m.features.length !== names.length || m.features.some((f, k) => f !== names[k])) {
    throw new Error(
      `The alignment model was fitted on features [${m.features.join(', ')}], the aligner computes [${names.join(', ')}]: run npm run fit:align.`,
    );
  }
  const first = m.first;
  if (first && (first.weights.length !== baseFeatureNames.length || ![...first.weights, first.bias, first.platt.a, first.platt.b].every(Number.isFinite))) {
    throw new Error('The alignment model has no valid first pass for its second-pass signals: run npm run fit:align.');
  }
  if (
    m.weights.length !== names.length ||
    m.boilerplate?.weights.length !== 4 ||
    ![...m.weights, m.bias, m.platt.a, m.platt.b, m.threshold, ...m.boilerplate.weights, m.boilerplate.bias, m.boilerplate.threshold].every(Number.isFinite)
  ) {
    throw new Error('The alignment model has missing or non-numeric weights: run npm run fit:align.');
  }
  return m;
}
