// npm run eval:align [-- --unseen] [-- --misses N] — the aligner, exactly as the app runs it
// (alignClauses with the project's statistics and the shipped model.json), on the labelled TRAINING
// pairs, or with --unseen on the UNSEEN pairs only (run that once, at the end: nothing may be tuned
// on it). Prints per pair and overall precision, recall and F1 as ../shared/eval/score.mjs counts
// them, the share of clauses without counterpart left unlinked, the character-bigram TF-IDF cosine
// baselines on the same pairs in the same run, labelled-boilerplate links among each pair's first 20
// suggestions, and the reliability table of the suggested links' scores.
// The training figure printed here is in-sample (the model was fitted on these pairs); `npm run
// fit:align` prints the cross-validated one.
import { alignClauses, defaultModel } from '../../shared/domain/align';
import { openEvalProject, pairData, trainingPairs, unseenPairs } from './align-data';
import { report } from './align-lib';

const args = process.argv.slice(2);
const unseen = args.includes('--unseen');
const missesArg = args.indexOf('--misses');
const misses = missesArg >= 0 ? Number(args[missesArg + 1]) : unseen ? 20 : 0;

const project = await openEvalProject({ log: (s) => console.error(s) });
const pairs = unseen ? unseenPairs() : trainingPairs();
const data = pairs.flatMap((p) => pairData(project, p, defaultModel) ?? []);
const unlocated = data.reduce((n, d) => n + d.unlocated.length, 0);
console.log(`${unseen ? 'UNSEEN' : 'training'} pairs: ${data.length} of ${pairs.length}; project of ${project.documents} documents; ${unlocated} anchors locate no clause`);
console.log(`model: ${defaultModel.trainedOn ?? 'not fitted'}\n`);
const t = performance.now();
const r = report(data, (pd) => {
  const near = project.stats.nearCopiesOf([...pd.a, ...pd.b].map((c) => c.id));
  return alignClauses({ a: pd.a, b: pd.b, stats: project.stats.termStats(), nearCopies: (id) => near.get(id) ?? 0 }).map((l) => ({ a: l.a, b: l.b, p: l.score, bp: l.boilerplate }));
}, { perPair: true, misses });
console.log(r.text);
console.log(`\n(${((performance.now() - t) / 1000).toFixed(1)} s)`);
project.close();
