// npx tsx test/eval/try-features.ts [VARIANT…] — candidate pair signals measured against the shipped
// features in ONE run, on the training pairs, cross-validated by pair over the same fold assignments
// (ALIGN_REPEATS, 3: pair i in fold i mod 5, then the seeded shuffles of align.ts), the shipped L2 and
// Platt scaling on each variant's own held-out logits. A dev-data tool: no held-out set is read.
// A variant appends columns to every candidate's features (computed from the pair's prepared
// clauses), so the baseline and the variants see the same pairs, folds and boilerplate model.
// Prints per variant F1 overall / plans / regulations and the unlinked share, at the shipped
// threshold and at the threshold best on average over the assignments.
import { defaultModel } from '../../shared/domain/align';
import { sigmoid } from '../../shared/domain/align/model';
import { openEvalProject, pairData, scorePair, trainingPairs, type PairData } from './align-data';
import { fitBoilerplate, linksFor, outOfFold, plattOn, shuffledFolds, total } from './align-lib';
import { variants } from './try-variants';

const repeats = Number(process.env.ALIGN_REPEATS ?? 3);
const l2 = Number(process.env.ALIGN_L2 ?? defaultModel.l2 ?? 0.003);
const shipped = defaultModel.threshold;
const grid = Array.from({ length: 9 }, (_, k) => 0.2 + k * 0.05);
const names = process.argv.slice(2);
// "a+b" measures variants a and b together.
for (const n of names.flatMap((x) => x.split('+')))
  if (n !== 'base' && !variants[n]) throw new Error(`No variant ${n}; known: ${Object.keys(variants).join(', ')}`);

const project = await openEvalProject({ log: (s) => console.error(s) });
const data = trainingPairs().flatMap((p) => pairData(project, p, defaultModel) ?? []);
fitBoilerplate(data);
const baseX = data.map((pd) => pd.prep.candidates.map((c) => c.x.slice()));
console.log(`${data.length} training pairs; L2 ${l2}; shipped threshold ${shipped}; ${repeats} fold assignments`);

const fmt = (x: number) => (100 * x).toFixed(1);
for (const name of names.length ? names : ['base', ...Object.keys(variants)]) {
  const t0 = performance.now();
  const parts = name === 'base' ? [] : name.split('+').map((v) => data.map((pd) => variants[v](pd)));
  const extra = parts.length ? data.map((pd, i) => pd.prep.candidates.map((_, k) => parts.flatMap((p) => p[i][k]))) : null;
  data.forEach((pd, i) => pd.prep.candidates.forEach((c, k) => (c.x = extra ? [...baseX[i][k], ...extra[i][k]] : baseX[i][k].slice())));
  const featMs = performance.now() - t0;
  // Per threshold of the grid, per assignment: all / plan / regulation F1 and the unlinked share.
  const at = grid.map(() => [] as number[][]);
  for (let r = 0; r < repeats; r++) {
    const foldOf = r === 0 ? (i: number) => i % 5 : shuffledFolds(data.length, r);
    const logits = outOfFold(data, l2, foldOf);
    const platt = plattOn(data, logits);
    const probs = logits.map((zs) => zs.map((z) => sigmoid(platt.a * z + platt.b)));
    grid.forEach((t, g) => {
      const scores = data.map((pd, i) => scorePair(pd, linksFor(pd, probs[i], t, defaultModel.maxPerClause)));
      const f = (shape?: string) => total(scores.filter((_, i) => !shape || data[i].shape === shape)).f;
      const all = total(scores);
      at[g].push([f(), f('plan'), f('regulation'), all.none ? all.noneOk / all.none : 1]);
    });
  }
  const mean = (rows: number[][], k: number) => rows.reduce((s, x) => s + x[k], 0) / rows.length;
  const line = (g: number) =>
    `t ${grid[g].toFixed(2)}: all ${fmt(mean(at[g], 0))} (${at[g].map((x) => fmt(x[0])).join('/')}) plan ${fmt(mean(at[g], 1))} reg ${fmt(mean(at[g], 2))} unlinked ${fmt(mean(at[g], 3))}%`;
  const ship = grid.findIndex((t) => Math.abs(t - shipped) < 1e-9);
  const best = grid.reduce((b, _, g) => (mean(at[g], 0) > mean(at[b], 0) ? g : b), 0);
  console.log(`${name.padEnd(22)} ${ship >= 0 ? line(ship) : ''} | best ${line(best)}  [features ${featMs.toFixed(0)} ms]`);
  if (process.env.ALL_THRESHOLDS) grid.forEach((_, g) => console.log('    ' + line(g)));
}
project.close();
export type { PairData };
