// npx tsx test/eval/compare-scorers.ts SPEC… — several scorers of candidate pairs measured in ONE run
// on the training pairs, cross-validated by pair over the same fold assignments (ALIGN_REPEATS, 3;
// the first is pair i in fold i mod 5, the others the seeded shuffles of align.ts; ALIGN_FOLD_SEED0=3
// gives three fresh ones to confirm a choice made on the first three), each with Platt scaling on its
// own held-out logits and the shipped threshold and selection. A dev-data tool: no held-out set is read.
// SPEC: "lr" (the linear model alone), "lr+n150d3r0.1l5m2" (trees boosted from the linear logit, the
// shipped kind), "n300d2r0.1l5m2" (trees alone, from the prior log-odds): n trees, d depth, r rate,
// l L2 on leaves, m least Hessian in a leaf, b bins. Suffixes: "+x" gives the trees clause-length and
// document-shape descriptors besides the features; prefix "bagK:" averages the logits of K fits on
// seeded bootstraps of the document pairs; "@add" adds the kept-out sets named in ALIGN_ADD (e.g.
// real-c) to every training fold (never scored). SELECT=1 also scans the selection's settings
// (threshold, most counterparts per clause, stars); RELIABILITY=1 prints the reliability table.
// Prints F1 overall / plans / regulations and the unlinked share: mean (per assignment).
import { defaultModel } from '../../shared/domain/align';
import { boilerplateFeatures, boilerplateProbability } from '../../shared/domain/align/boilerplate';
import { fitLogistic, sigmoid } from '../../shared/domain/align/model';
import { defaultTreeOptions, fitTrees, treesValue, type TreeOptions } from '../../shared/domain/align/trees';
import { keptOutPairs, openEvalProject, pairData, scorePair, trainingPairs, type PairData } from './align-data';
import { fitBoilerplate, folds, iterations, judge, linksFor, plattOn, reliability, rows, shuffledFolds, total } from './align-lib';

type Scorer = (x: number[]) => number;

function parse(spec: string): { lr: boolean; trees: TreeOptions | null } {
  const lr = spec === 'lr' || spec.startsWith('lr+');
  const t = spec === 'lr' ? '' : spec.replace(/^lr\+/, '');
  if (!t) return { lr, trees: null };
  const o = { ...defaultTreeOptions };
  for (const [, k, v] of t.matchAll(/([ndrlmb])([\d.]+)/g)) {
    const n = Number(v);
    if (k === 'n') o.trees = n;
    else if (k === 'd') o.depth = n;
    else if (k === 'r') o.rate = n;
    else if (k === 'l') o.lambda = n;
    else if (k === 'm') o.minHessian = n;
    else o.bins = n;
  }
  return { lr, trees: o };
}

const base = defaultModel.features.length;

/** Descriptors of the clauses' and the documents' shape, appended for the trees only (spec with "+x"). */
function extras(pd: PairData): void {
  const { fa, fb } = pd.prep;
  const meanLen = (f: typeof fa) => Math.log(1 + f.reduce((s, c) => s + c.length, 0) / Math.max(1, f.length));
  const frag = (f: typeof fa) => f.filter((c) => c.fragment).length / Math.max(1, f.length);
  const la = meanLen(fa),
    lb = meanLen(fb);
  const doc = [Math.max(la, lb), Math.min(la, lb), (frag(fa) + frag(fb)) / 2, Math.abs(Math.log(Math.max(1, fa.length) / Math.max(1, fb.length)))];
  for (const c of pd.prep.candidates) {
    const a = Math.log(1 + fa[c.i].length),
      b = Math.log(1 + fb[c.j].length);
    c.x.push(Math.min(a, b), Math.max(a, b), ...doc);
  }
}

function fitSpec(data: PairData[], spec0: string, l2: number): Scorer {
  const withExtras = spec0.endsWith('+x');
  const spec = spec0.replace(/\+x$/, '');
  const { lr, trees } = parse(spec);
  const r = rows(data);
  const { y, w } = r;
  const X = withExtras ? r.X : r.X.map((x) => x.slice(0, base));
  let lin = { weights: X[0].map(() => 0), bias: 0 };
  if (lr) {
    const l = fitLogistic(
      X.map((x) => x.slice(0, base)),
      y,
      { l2, iterations, rate: 0.05, rowWeights: w },
    );
    lin = { weights: [...l.weights, ...X[0].slice(base).map(() => 0)], bias: l.bias };
  } else {
    const pos = y.reduce((s, v, k) => s + v * w[k], 0),
      all = w.reduce((a, b) => a + b, 0);
    lin.bias = Math.log(pos / (all - pos));
  }
  const linear = (x: number[]) => lin.weights.reduce((z, wk, k) => z + wk * x[k], lin.bias);
  if (!trees) return linear;
  const mean = w.reduce((a, b) => a + b, 0) / w.length;
  const ts = fitTrees(
    X,
    y,
    X.map(linear),
    w.map((v) => v / mean),
    trees,
  );
  return (x) => linear(x) + treesValue(ts, x);
}

/** "bagK:SPEC": the mean logit of K fits, each on a seeded bootstrap of the document pairs. */
function fitBagged(data: PairData[], spec: string, l2: number): Scorer {
  const m = /^bag(\d+):(.+)$/.exec(spec);
  if (!m) return fitSpec(data, spec, l2);
  const k = Number(m[1]);
  let s = 12345;
  const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const fits = Array.from({ length: k }, () =>
    fitSpec(
      Array.from(data, () => data[Math.floor(rand() * data.length)]),
      m[2],
      l2,
    ),
  );
  return (x) => fits.reduce((z, f) => z + f(x), 0) / k;
}

const specs = process.argv.slice(2);
if (!specs.length) throw new Error('Name the scorers, e.g. lr lr+n150d3r0.1l5m2');
const repeats = Number(process.env.ALIGN_REPEATS ?? 3);
const seed0 = Number(process.env.ALIGN_FOLD_SEED0 ?? 0);
const l2 = defaultModel.l2 ?? 0.0003;
const threshold = Number(process.env.ALIGN_THRESHOLD ?? defaultModel.threshold);
const maxPerClause = Number(process.env.ALIGN_MAX ?? defaultModel.maxPerClause);

const project = await openEvalProject({ log: (s) => console.error(s) });
const data = trainingPairs().flatMap((p) => pairData(project, p, defaultModel) ?? []);
const bp = fitBoilerplate(data);
// ALIGN_ADD=train-c: those kept-out sets join the training folds of the specs ending in "@add" (never scored).
const addSets = (process.env.ALIGN_ADD ?? '').split(',').filter(Boolean);
const added = keptOutPairs()
  .flatMap((p) => pairData(project, p, defaultModel) ?? [])
  .filter((d) => addSets.includes(d.set));
// The boilerplate probabilities of the added pairs from the model fitted on the training pairs, as fitBoilerplate writes them.
const bpAt = defaultModel.features.indexOf('boilerplate');
for (const pd of added) {
  for (const f of [...pd.prep.fa, ...pd.prep.fb]) f.boilerplate = boilerplateProbability(bp, boilerplateFeatures(f));
  for (const c of pd.prep.candidates) c.x[bpAt] = Math.max(pd.prep.fa[c.i].boilerplate, pd.prep.fb[c.j].boilerplate);
}
data.forEach(extras);
added.forEach(extras);
console.log(`${data.length} training pairs; L2 ${l2}, threshold ${threshold}, max ${maxPerClause}, ${repeats} fold assignments from ${seed0}`);
const assignments = Array.from({ length: repeats }, (_, r) => (r + seed0 === 0 ? (i: number) => i % folds : shuffledFolds(data.length, r + seed0)));
const keys = ['all', 'plan', 'regulation'] as const;
type Run = { all: number; plan: number; regulation: number; unlinked: number };
const measure = (probs: number[][], t: number, max: number, stars: boolean): Run => {
  const scores = data.map((pd, i) => scorePair(pd, linksFor(pd, probs[i], t, max, stars, bp.threshold)));
  const tot = (shape?: string) => total(scores.filter((_, i) => !shape || data[i].shape === shape));
  const a = tot();
  return { all: a.f, plan: tot('plan').f, regulation: tot('regulation').f, unlinked: a.noneOk / a.none };
};
const line = (runs: Run[]) =>
  [...keys, 'unlinked' as const]
    .map((key) => {
      const xs = runs.map((x) => 100 * x[key]);
      return `${key} ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)} (${xs.map((v) => v.toFixed(1)).join('/')})`;
    })
    .join('  ');
const mean = (runs: Run[], key: keyof Run) => runs.reduce((s, x) => s + x[key], 0) / runs.length;
for (const spec of specs) {
  const t0 = performance.now();
  // Calibrated held-out probabilities of every candidate, per fold assignment.
  const probsOf = assignments.map((foldOf) => {
    const logits: number[][] = data.map(() => []);
    for (let k = 0; k < folds; k++) {
      const train = data.filter((_, i) => foldOf(i) !== k);
      const s = fitBagged(spec.endsWith('@add') ? [...train, ...added] : train, spec.replace(/@add$/, ''), l2);
      data.forEach((pd, i) => {
        if (foldOf(i) === k) logits[i] = pd.prep.candidates.map((c) => s(c.x));
      });
    }
    const platt = plattOn(data, logits);
    return logits.map((zs) => zs.map((z) => sigmoid(platt.a * z + platt.b)));
  });
  console.log(`${spec.padEnd(24)} ${line(probsOf.map((p) => measure(p, threshold, maxPerClause, true)))}  [${((performance.now() - t0) / 1000).toFixed(0)} s]`);
  // RELIABILITY=1: the reliability table of the suggested links' scores, over every assignment.
  if (process.env.RELIABILITY === '1')
    console.log(
      reliability(
        probsOf.flatMap((probs) =>
          data.flatMap((pd, i) => linksFor(pd, probs[i], threshold, maxPerClause, true, bp.threshold).map((l) => ({ p: l.p, right: judge(pd, l) }))),
        ),
      ),
    );
  // SELECT=1: the selection's settings (threshold, most counterparts per clause, stars) over a grid, best first by mean F1.
  if (process.env.SELECT === '1') {
    const grid: Array<{ label: string; runs: Run[] }> = [];
    for (const max of [1, 2, 3, 4, 6])
      for (const stars of [true, false])
        for (let t = 0.2; t < 0.66; t += 0.05)
          grid.push({ label: `t ${t.toFixed(2)} max ${max} stars ${stars}`, runs: probsOf.map((p) => measure(p, t, max, stars)) });
    grid.sort((x, y) => mean(y.runs, 'all') - mean(x.runs, 'all'));
    for (const g of grid.slice(0, 8)) console.log(`    ${g.label.padEnd(28)} ${line(g.runs)}`);
    // The best threshold of every other (most per clause, stars) setting, to see what each costs.
    console.log('    best threshold per setting:');
    for (const max of [1, 2, 3, 4, 6])
      for (const stars of [true, false]) {
        const g = grid.find((x) => x.label.endsWith(`max ${max} stars ${stars}`))!;
        console.log(`    ${g.label.padEnd(28)} ${line(g.runs)}`);
      }
  }
}
project.close();
