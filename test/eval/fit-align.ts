// npm run fit:align — fits the aligner's model on the labelled TRAINING pairs and writes
// shared/domain/align/model.json, which the app loads. Everything tuned here (L2 strength, the
// link threshold) is chosen by cross-validation by document pair. Training = train-*.json and the
// first unseen.json (looked at during development, so training data now); the held-out
// unseen-*.json files are never read here.
// Prints the cross-validated figures (each pair scored by a model fitted without it), the
// baselines on the same pairs, and the reliability table of the held-out scores.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModel } from '../../shared/domain/align';
import { sigmoid, type AlignModel } from '../../shared/domain/align/model';
import { baseFeatureNames, featureNames } from '../../shared/domain/align/score';
import { openEvalProject, pairData, repoRoot, scorePair, trainingPairs, type PairData } from './align-data';
import { firstPass, fit, fitBoilerplate, linksFor, outOfFold, plattOn, report, shuffledFolds, total } from './align-lib';

// maxPerClause and the stars rule stay constants: scanned with the threshold by cross-validation
// (compare-scorers.ts SELECT=1, six fold assignments), 3, 4 and 6 counterparts per clause were
// within 0.1 F1 of each other, 2 lost 0.1–0.3, 1 lost 3–4; without the stars rule F1 fell 0.3–0.5.
const candidates = Number(process.env.FIT_CANDIDATES ?? 5),
  maxPerClause = 3;
const l2Grid = [0.0003, 0.003, 0.03];
const thresholdGrid = Array.from({ length: 15 }, (_, k) => 0.1 + k * 0.05);

const project = await openEvalProject({ fresh: process.argv.includes('--fresh'), log: (s) => console.error(s) });
const start: AlignModel = { ...defaultModel, candidates, maxPerClause };
const data = trainingPairs().flatMap((p) => pairData(project, p, start) ?? []);
const boilerplate = fitBoilerplate(data);
console.log(
  `training pairs: ${data.length} (${[...new Set(data.map((d) => d.set))].map((s) => `${s} ${data.filter((d) => d.set === s).length}`).join(', ')}); project of ${project.documents} documents`,
);
const unlocated = data.flatMap((d) => d.unlocated.map((u) => `${d.name}: ${u}`));
if (unlocated.length) console.log(`anchors that locate no clause (${unlocated.length}):\n  ${unlocated.slice(0, 10).join('\n  ')}`);

// FIT_SECOND_PASS=1: a two-pass model (propagate.ts). Not the default: over five assignments of
// pairs to folds it raised the training CV F1 (76.7 → 77.4, regulations 73.8 → 75.0 with
// citeLink, itemsLink and leadLink) but lowered the plan pairs (48.2 → 46.2). The first pass is
// fitted on the base features, with the L2 cross-validation chose for the one-pass model.
const second = process.env.FIT_SECOND_PASS === '1';
const firstL2 = Number(process.env.FIT_FIRST_L2 ?? 0.0003);
const first = second ? { ...fit(data, firstL2), platt: firstPass(data, firstL2) } : null;
const names = second ? featureNames : baseFeatureNames;
const round = (f: { weights: number[]; bias: number; trees?: AlignModel['trees'] }) => ({
  weights: f.weights.map((w) => Number(w.toFixed(4))),
  bias: Number(f.bias.toFixed(4)),
  trees: f.trees?.map((t) => ({ ...t, threshold: t.threshold.map((v) => Number(v.toPrecision(6))), value: t.value.map((v) => Number(v.toFixed(5))) })),
});

// L2 and the threshold by the mean F1 over FIT_REPEATS assignments of pairs to folds (the first is
// the usual one, pair i in fold i mod 5): on one assignment alone the choice follows that split
// (the plan pairs' F1 moves by several points from one split to another).
const repeats = Number(process.env.FIT_REPEATS ?? 3);
const tolerance = Number(process.env.FIT_F1_TOLERANCE ?? 0.5) / 100;
let best = { f: -1, l2: 0, threshold: 0, logits: [] as number[][], platt: { a: 1, b: 0 } };
const tried: Array<typeof best> = [];
for (const l2 of l2Grid) {
  const runs = Array.from({ length: repeats }, (_, r) => {
    const logits = outOfFold(data, l2, r === 0 ? undefined : shuffledFolds(data.length, r));
    const platt = plattOn(data, logits);
    return { logits, platt, probs: logits.map((zs) => zs.map((z) => sigmoid(platt.a * z + platt.b))) };
  });
  const { logits, platt } = runs[0];
  for (const threshold of thresholdGrid) {
    const f = runs.reduce((sum, run) => sum + total(data.map((pd, i) => scorePair(pd, linksFor(pd, run.probs[i], threshold, maxPerClause)))).f, 0) / repeats;
    tried.push({ f, l2, threshold, logits, platt });
    if (f > best.f) best = { f, l2, threshold, logits, platt };
    const probs = runs[0].probs;
    if (process.env.FIT_DEBUG)
      for (const mp of [1, 2, 3, 5])
        for (const stars of [true, false]) {
          const u = total(data.map((pd, i) => scorePair(pd, linksFor(pd, probs[i], threshold, mp, stars))));
          console.log(`    t ${threshold.toFixed(2)} max ${mp} stars ${stars}: F1 ${u.f.toFixed(3)} P ${u.p.toFixed(3)} R ${u.r.toFixed(3)}`);
        }
  }
  console.log(`  l2 ${l2}: best cross-validated F1 so far ${best.f.toFixed(3)} (l2 ${best.l2}, threshold ${best.threshold.toFixed(2)})`);
}
// FIT_F1_TOLERANCE (F1 points, 0.5 by default): with the best L2, the highest threshold whose mean F1
// is within the tolerance of the best — more clauses without counterpart stay unlinked, at an F1 the
// fold assignments cannot tell apart (their spread is about one point). Session 12 (72 pairs, with
// the ranks and shares): 0.40 best (76.9, unlinked 84.6%), 0.45 within 0.3 (76.6, 86.2%; each
// assignment's F1 inside the range of 0.40's), 0.50 at 76.3 (88.0%), 0.55 at 76.1 (90.3%).
const top = best;
for (const t of tried) if (t.l2 === top.l2 && t.threshold > best.threshold && t.f >= top.f - tolerance) best = t;
if (tolerance) console.log(`  within ${100 * tolerance} F1 points of the best: threshold ${best.threshold.toFixed(2)} (mean F1 ${best.f.toFixed(3)})`);

const final = fit(data, best.l2);
const model: AlignModel = {
  features: [...names],
  ...round(final),
  ...(first ? { first: { ...round(first), platt: { a: Number(first.platt.a.toFixed(4)), b: Number(first.platt.b.toFixed(4)) } } } : {}),
  platt: { a: Number(best.platt.a.toFixed(4)), b: Number(best.platt.b.toFixed(4)) },
  threshold: Number(best.threshold.toFixed(2)),
  maxPerClause,
  candidates,
  boilerplate,
  l2: best.l2,
  trainedOn: `${data.length} labelled training pairs (${[...new Set(data.map((d) => d.set))].join(', ')}); L2 ${best.l2}, threshold ${best.threshold.toFixed(2)} by ${5}-fold cross-validation by pair over ${repeats} assignments of pairs to folds (mean F1 ${best.f.toFixed(3)})`,
};
writeFileSync(join(repoRoot, 'shared/domain/align/model.json'), JSON.stringify(model, null, 2) + '\n');
console.log('\nweights:', names.map((n, k) => `${n} ${model.weights[k]}`).join(', '), `bias ${model.bias}; Platt a ${model.platt.a} b ${model.platt.b}`);

const probs = best.logits.map((zs) => zs.map((z) => sigmoid(best.platt.a * z + best.platt.b)));
console.log(`\ncross-validated on the training pairs (each pair scored by a model fitted without it):`);
console.log(report(data, (pd: PairData, i) => linksFor(pd, probs[i], best.threshold, maxPerClause, true, boilerplate.threshold), { perPair: true }).text);
console.log(`\nwrote shared/domain/align/model.json`);
project.close();
