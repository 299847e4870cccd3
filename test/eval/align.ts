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
import { featureNames, type FeatureName } from '../../shared/domain/align/score';
import { heldOutPairs, openEvalProject, pairData, trainingPairs } from './align-data';
import { fitBoilerplate, linksFor, outOfFold, plattOn, report } from './align-lib';

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
  // ALIGN_ABLATE=semantic,semanticGap: those features set to 0 before the cross-validation, to see what they add.
  const ablate = (process.env.ALIGN_ABLATE ?? '')
    .split(',')
    .filter(Boolean)
    .map((f) => featureNames.indexOf(f as FeatureName));
  if (ablate.some((k) => k < 0)) throw new Error(`ALIGN_ABLATE names a feature the aligner does not have; it has ${featureNames.join(', ')}`);
  if (ablate.length) {
    console.log(`ablation: ${process.env.ALIGN_ABLATE} set to 0`);
    for (const pd of data) for (const c of pd.prep.candidates) for (const k of ablate) c.x[k] = 0;
  }
  const l2 = defaultModel.l2 ?? 0.003;
  const logits = outOfFold(data, l2);
  const platt = plattOn(data, logits);
  const r = report(
    data,
    (pd, i) =>
      linksFor(
        pd,
        logits[i].map((z) => sigmoid(platt.a * z + platt.b)),
        // ALIGN_THRESHOLD: another link threshold, e.g. to compare with an earlier model's figures exactly.
        Number(process.env.ALIGN_THRESHOLD ?? defaultModel.threshold),
        defaultModel.maxPerClause,
        true,
        bp.threshold,
      ),
    { perPair: true, misses },
  );
  console.log(r.text);
}
console.log(`\n(${((performance.now() - t) / 1000).toFixed(1)} s)`);
project.close();
