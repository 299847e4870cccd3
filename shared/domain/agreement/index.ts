// Inter-coder agreement: the statistics a methods section reports when several researchers code
// the same clauses (percent agreement, Cohen's kappa, Fleiss' kappa, Krippendorff's alpha), and
// the reduction of codings to units (clauses, or runs of characters) that they are computed on.
// Pure functions: data in, figures out. Checked against the published worked examples in
// test/unit/agreement.test.ts.

/** A value a coder gave a unit; null where the coder did not code that unit (missing). */
export type Rating = string | number | null;

/**
 * Reliability data as Krippendorff writes it: one row per unit, one column per coder.
 * `weight` lets one row stand for several identical units (a run of characters coded alike),
 * so character-level agreement costs one row per run instead of one per character.
 */
export interface Unit {
  ratings: Rating[];
  weight?: number;
}

export type AlphaMetric = 'nominal' | 'interval';

const weightOf = (u: Unit) => u.weight ?? 1;
const present = (u: Unit) => u.ratings.filter((r): r is string | number => r !== null);

/** Share of units, among those every coder rated, on which all coders gave the same value. */
export function percentAgreement(units: Unit[]): number | null {
  let agree = 0;
  let total = 0;
  for (const u of units) {
    if (u.ratings.some((r) => r === null) || u.ratings.length < 2) continue;
    const w = weightOf(u);
    total += w;
    if (u.ratings.every((r) => r === u.ratings[0])) agree += w;
  }
  return total ? agree / total : null;
}

/**
 * Cohen's kappa for exactly two coders over the units both rated:
 * κ = (p_o − p_e) / (1 − p_e), with p_e from each coder's own marginal distribution.
 * Returns null when it is undefined (no units, or both coders used one and the same value only).
 */
export function cohenKappa(units: Unit[]): number | null {
  const byA = new Map<string, number>();
  const byB = new Map<string, number>();
  let n = 0;
  let agree = 0;
  for (const u of units) {
    if (u.ratings.length !== 2) throw new Error("Cohen's kappa is defined for exactly two coders.");
    const [a, b] = u.ratings;
    if (a === null || b === null) continue;
    const w = weightOf(u);
    n += w;
    if (a === b) agree += w;
    byA.set(String(a), (byA.get(String(a)) ?? 0) + w);
    byB.set(String(b), (byB.get(String(b)) ?? 0) + w);
  }
  if (!n) return null;
  let pe = 0;
  for (const [value, count] of byA) pe += (count / n) * ((byB.get(value) ?? 0) / n);
  const po = agree / n;
  return pe === 1 ? null : (po - pe) / (1 - pe);
}

/**
 * Fleiss' kappa for any number of coders, where every unit was rated by the same number of
 * coders (units with a different number of ratings are left out, as the statistic requires).
 */
export function fleissKappa(units: Unit[]): number | null {
  const counts = units.map((u) => ({ values: present(u), w: weightOf(u) }));
  const m = Math.max(0, ...counts.map((c) => c.values.length));
  const rows = counts.filter((c) => c.values.length === m && m >= 2);
  if (!rows.length) return null;
  const totals = new Map<string, number>();
  let n = 0;
  let pBarSum = 0;
  for (const { values, w } of rows) {
    const perValue = new Map<string, number>();
    for (const v of values) perValue.set(String(v), (perValue.get(String(v)) ?? 0) + 1);
    let agreeing = 0;
    for (const [v, c] of perValue) {
      agreeing += c * (c - 1);
      totals.set(v, (totals.get(v) ?? 0) + c * w);
    }
    pBarSum += (agreeing / (m * (m - 1))) * w;
    n += w;
  }
  const pBar = pBarSum / n;
  let pe = 0;
  for (const c of totals.values()) pe += (c / (n * m)) ** 2;
  return pe === 1 ? null : (pBar - pe) / (1 - pe);
}

/**
 * Krippendorff's alpha, α = 1 − D_o / D_e, from the coincidence matrix (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability"). Handles any number of coders, missing values
 * and (with `interval`) numeric values; units coded by fewer than two coders are not pairable
 * and left out, as in the paper.
 */
export function krippendorffAlpha(units: Unit[], metric: AlphaMetric = 'nominal'): number | null {
  // o[c][k]: coincidences of values c and k within units, each unit weighted 1/(m_u − 1).
  const o = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, x: number) => {
    let row = o.get(c);
    if (!row) o.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + x);
  };
  for (const u of units) {
    const values = present(u).map(String);
    const mu = values.length;
    if (mu < 2) continue;
    const w = weightOf(u) / (mu - 1);
    for (let i = 0; i < mu; i++) for (let j = 0; j < mu; j++) if (i !== j) add(values[i]!, values[j]!, w);
  }
  const marginals = new Map<string, number>();
  for (const [c, row] of o)
    marginals.set(
      c,
      [...row.values()].reduce((s, x) => s + x, 0),
    );
  const n = [...marginals.values()].reduce((s, x) => s + x, 0);
  if (n <= 1) return null;
  const delta = (c: string, k: string) => {
    if (metric === 'nominal') return c === k ? 0 : 1;
    const d = Number(c) - Number(k);
    if (Number.isNaN(d)) throw new Error('Interval alpha needs numeric values.');
    return d * d;
  };
  let observed = 0;
  for (const [c, row] of o) for (const [k, x] of row) observed += x * delta(c, k);
  let expected = 0;
  for (const [c, nc] of marginals) for (const [k, nk] of marginals) expected += nc * nk * delta(c, k);
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/** One coder's coding of one theme as a character range of a document's cleaned text. */
export interface CodedRange {
  coder: string;
  start: number;
  end: number;
}

/**
 * Character-level units for one theme in one text: the text is cut at every range boundary,
 * and each run between two cuts becomes one weighted unit whose rating per coder is 1 (the
 * coder applied the theme to these characters) or 0. Linear in the number of ranges (after a
 * sort), never in the length of the text.
 */
export function characterUnits(textLength: number, coders: string[], ranges: CodedRange[]): Unit[] {
  const cuts = new Set<number>([0, textLength]);
  for (const r of ranges) {
    cuts.add(Math.max(0, Math.min(textLength, r.start)));
    cuts.add(Math.max(0, Math.min(textLength, r.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Per coder: +1 at a range's start, −1 at its end; a run is coded where the depth is positive.
  const events = coders.map((coder) => {
    const ev = new Map<number, number>();
    for (const r of ranges) {
      if (r.coder !== coder || r.end <= r.start) continue;
      ev.set(r.start, (ev.get(r.start) ?? 0) + 1);
      ev.set(r.end, (ev.get(r.end) ?? 0) - 1);
    }
    return ev;
  });
  const depth = coders.map(() => 0);
  const units: Unit[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const at = points[i]!;
    events.forEach((ev, c) => (depth[c]! += ev.get(at) ?? 0));
    const weight = points[i + 1]! - at;
    if (weight > 0) units.push({ ratings: depth.map((d) => (d > 0 ? 1 : 0)), weight });
  }
  return units;
}

export interface AgreementFigures {
  units: number;
  percent: number | null;
  cohen: number | null;
  fleiss: number | null;
  alpha: number | null;
}

/** Every statistic that applies to the data (Cohen's kappa only for two coders). */
export function agreementFigures(units: Unit[]): AgreementFigures {
  const coders = Math.max(0, ...units.map((u) => u.ratings.length));
  return {
    units: units.reduce((s, u) => s + weightOf(u), 0),
    percent: percentAgreement(units),
    cohen: coders === 2 ? cohenKappa(units) : null,
    fleiss: fleissKappa(units),
    alpha: krippendorffAlpha(units),
  };
}
