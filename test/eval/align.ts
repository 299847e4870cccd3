// npm run eval:align [-- --unseen [--set unseen-3]] [-- --misses N] — measures the aligner on labelled pairs.
// - Without flags (the dev figure): the TRAINING pairs (seed gold, written pairs, every
//   test/fixtures/align-real/train-*.json, and unseen.json, which was looked at while the method was
//   built and is training data now), each pair scored by a model fitted WITHOUT it (5-fold
//   cross-validation by pair, the shipped model's settings), beside the character-bigram TF-IDF
//   baselines on the same pairs in the same run.
// - With --unseen: every held-out `unseen-*.json` of that folder, scored by the shipped model.json
//   exactly as the app runs it (alignClauses with the project's statistics). Run it once, at the
//   end: nothing may be tuned on it.
// Both print per pair and overall P/R/F1 as ../shared/eval/score.mjs counts them, the share of
// clauses without counterpart left unlinked, labelled-boilerplate links among each pair's first 20
// suggestions, and the reliability table of the suggested links' scores. ALIGN_ABLATE (below)
// measures what given features add.
import { alignClauses, defaultModel } from '../../shared/domain/align';
import { sigmoid } from '../../shared/domain/align/model';
import { baseFeatureNames, featureNames, type FeatureName } from '../../shared/domain/align/score';
import { heldOutPairs, openEvalProject, pairData, scorePair, trainingPairs, type PairData } from './align-data';
import { firstPass, fitBoilerplate, folds, linksFor, outOfFold, plattOn, report, shuffledFolds, total } from './align-lib';

const args = process.argv.slice(2);
const unseen = args.includes('--unseen');
const missesArg = args.indexOf('--misses');
const misses = missesArg >= 0 ? Number(args[missesArg + 1]) : unseen ? 20 : 0;

const project = await openEvalProject({ log: (s) => console.error(s) });
const t = performance.now();
console.log(`model: ${defaultModel.trainedOn ?? 'not fitted'}`);
if (unseen) {
  const setArg = args.indexOf('--set');
  const { files, pairs } = heldOutPairs(setArg >= 0 ? args[setArg + 1] : null);
  if (!files.length) throw new Error('No held-out label file (test/fixtures/align-real/unseen-*.json) found.');
  const data = pairs.flatMap((p) => pairData(project, p, defaultModel) ?? []);
  const missing = pairs.length - data.length;
  console.log(
    `HELD-OUT pairs (${files.join(', ')}): ${data.length} of ${pairs.length}${missing ? ` (${missing} with a document not in the evaluation project!)` : ''}; project of ${project.documents} documents; ${data.reduce((n, d) => n + d.unlocated.length, 0)} anchors locate no clause\n`,
  );
  const r = report(
    data,
    (pd) => {
      const near = project.stats.nearCopiesOf([...pd.a, ...pd.b].map((c) => c.id));
      return alignClauses({ a: pd.a, b: pd.b, stats: project.stats.termStats(), nearCopies: (id) => near.get(id) ?? 0 }).map((l) => ({
        a: l.a,
        b: l.b,
        p: l.score,
        bp: l.boilerplate,
      }));
    },
    { perPair: true, misses },
  );
  console.log(r.text);
} else {
  const pairs = trainingPairs();
  const data = pairs.flatMap((p) => pairData(project, p, defaultModel) ?? []);
  const sets = [...new Set(data.map((d) => d.set))].map((s) => `${s} ${data.filter((d) => d.set === s).length}`).join(', ');
  console.log(
    `TRAINING pairs, cross-validated by pair (dev figure): ${data.length} of ${pairs.length} (${sets}); "seen-unseen" = the first unseen set, looked at during development and now training data`,
  );
  console.log(`project of ${project.documents} documents; ${data.reduce((n, d) => n + d.unlocated.length, 0)} anchors locate no clause\n`);
  const bp = fitBoilerplate(data);
  const l2 = defaultModel.l2 ?? 0.003;
  // ALIGN_ABLATE=semantic,semanticGap: those features set to 0 before the cross-validation, to see what they add.
  const ablate = (process.env.ALIGN_ABLATE ?? '')
    .split(',')
    .filter(Boolean)
    .map((f) => featureNames.indexOf(f as FeatureName));
  // ALIGN_SECOND_PASS=1: the two-pass model (propagate.ts) instead of the shipped one-pass one.
  const second = process.env.ALIGN_SECOND_PASS === '1';
  if (!second && ablate.some((k) => k >= baseFeatureNames.length)) throw new Error('ALIGN_ABLATE names a second-pass signal: set ALIGN_SECOND_PASS=1');
  if (ablate.some((k) => k < 0)) throw new Error(`ALIGN_ABLATE names a feature the aligner does not have; it has ${featureNames.join(', ')}`);
  if (ablate.length) console.log(`ablation: ${process.env.ALIGN_ABLATE} set to 0`);
  // ALIGN_THRESHOLD: another link threshold, e.g. to compare with an earlier model's figures exactly.
  const threshold = Number(process.env.ALIGN_THRESHOLD ?? defaultModel.threshold);
  // ALIGN_REPEATS=k: the cross-validation again over k − 1 other assignments of pairs to folds
  // (seeded shuffles); the first is always the usual one (pair i in fold i mod 5). A change worth
  // keeping should hold over the assignments, not owe its figure to one split.
  const repeats = Number(process.env.ALIGN_REPEATS ?? 1);
  const baseX = data.map((pd) => pd.prep.candidates.map((c) => c.x.slice()));
  const runs: Array<Record<string, number>> = [];
  for (let r = 0; r < repeats; r++) {
    const foldOf = r === 0 ? (i: number) => i % folds : shuffledFolds(data.length, r);
    data.forEach((pd, i) => pd.prep.candidates.forEach((c, k) => (c.x = baseX[i][k].slice())));
    if (second) firstPass(data, l2, foldOf);
    for (const pd of data) for (const c of pd.prep.candidates) for (const k of ablate) c.x[k] = 0;
    const logits = outOfFold(data, l2, foldOf);
    const platt = plattOn(data, logits);
    const linksOf = (pd: PairData, i: number) =>
      linksFor(
        pd,
        logits[i].map((z) => sigmoid(platt.a * z + platt.b)),
        threshold,
        defaultModel.maxPerClause,
        true,
        bp.threshold,
      );
    if (r === 0) console.log(report(data, linksOf, { perPair: true, misses }).text);
    const scores = data.map((pd, i) => scorePair(pd, linksOf(pd, i)));
    const f = (shape?: string) => total(scores.filter((_, i) => !shape || data[i].shape === shape)).f;
    runs.push({ all: f(), plan: f('plan'), regulation: f('regulation') });
  }
  if (repeats > 1) {
    const line = (key: string) => {
      const xs = runs.map((x) => 100 * x[key]);
      return `${key} F1 mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
    };
    console.log(`\nover ${repeats} assignments of pairs to folds: ${['all', 'plan', 'regulation'].map(line).join('; ')}`);
  }
}
console.log(`\n(${((performance.now() - t) / 1000).toFixed(1)} s)`);
project.close();
