// npx tsx test/eval/diagnose-misses.ts [SHAPE] — where the dev misses of one shape of document pair come
// from (the first fold assignment of align.ts, shipped L2 and threshold): a strong counterpart that is
// not a clause the aligner compares (heading, preamble), that is off the short list, that scores
// under the threshold, or that scores above it but loses the selection to a rival; and the false
// links' and right links' mean features, to see which signals tell them apart. A dev-data tool.
import { defaultModel } from '../../shared/domain/align';
import { sigmoid } from '../../shared/domain/align/model';
import { baseFeatureNames } from '../../shared/domain/align/score';
import { openEvalProject, pairData, trainingPairs } from './align-data';
import { fitBoilerplate, linksFor, outOfFold, plattOn } from './align-lib';

const shape = process.argv[2] ?? 'plan';
const project = await openEvalProject({ log: (s) => console.error(s) });
const data = trainingPairs().flatMap((p) => pairData(project, p, defaultModel) ?? []);
const bp = fitBoilerplate(data);
const logits = outOfFold(data, defaultModel.l2 ?? 0.003);
const platt = plattOn(data, logits);
const t = defaultModel.threshold;
const count = { strong: 0, notCompared: 0, offList: 0, below: 0, lostSelection: 0, linked: 0 };
const mean = (rows: number[][]) => rows[0]?.map((_, k) => rows.reduce((s, r) => s + r[k], 0) / rows.length) ?? [];
const right: number[][] = [],
  wrong: number[][] = [],
  missedX: number[][] = [];
const ranks: number[] = [];
data.forEach((pd, d) => {
  if (pd.shape !== shape) return;
  const probs = logits[d].map((z) => sigmoid(platt.a * z + platt.b));
  const links = linksFor(pd, probs, t, defaultModel.maxPerClause, true, bp.threshold);
  const ia = new Map(pd.prep.fa.map((f, i) => [f.id, i])),
    jb = new Map(pd.prep.fb.map((f, j) => [f.id, j]));
  const cand = new Map(pd.prep.candidates.map((c, k) => [c.i * 1e6 + c.j, k]));
  for (const it of pd.items) {
    for (const b of it.strong) {
      count.strong++;
      const i = ia.get(it.a),
        j = jb.get(b);
      if (i == null || j == null) {
        count.notCompared++;
        continue;
      }
      const k = cand.get(i * 1e6 + j);
      if (k == null) {
        count.offList++;
        continue;
      }
      const p = probs[k];
      const rowPs = pd.prep.candidates.flatMap((c, q) => (c.i === i ? [probs[q]] : []));
      ranks.push(rowPs.filter((x) => x > p).length);
      if (links.some((l) => l.a === it.a && l.b === b)) {
        count.linked++;
        right.push(pd.prep.candidates[k].x);
      } else if (p < t) {
        count.below++;
        missedX.push(pd.prep.candidates[k].x);
      } else count.lostSelection++;
    }
    for (const l of links)
      if (l.a === it.a && !it.strong.has(l.b) && !it.partial.has(l.b)) {
        const k = cand.get(ia.get(l.a)! * 1e6 + jb.get(l.b)!)!;
        wrong.push(pd.prep.candidates[k].x);
      }
  }
});
console.log(`shape ${shape}: ${JSON.stringify(count)}`);
const hist = new Map<number, number>();
for (const r of ranks) hist.set(Math.min(r, 5), (hist.get(Math.min(r, 5)) ?? 0) + 1);
console.log(
  `rank of the strong counterpart among its clause's candidates by probability (5 = 5 or more): ${[...hist]
    .sort((a, b) => a[0] - b[0])
    .map(([r, n]) => `${r}:${n}`)
    .join(' ')}`,
);
const [mr, mw, mm] = [mean(right), mean(wrong), mean(missedX)];
console.log('feature                   right   false   missed(below t)');
baseFeatureNames.forEach((n, k) =>
  console.log(`${n.padEnd(22)} ${mr[k]?.toFixed(3).padStart(7)} ${mw[k]?.toFixed(3).padStart(7)} ${mm[k]?.toFixed(3).padStart(7)}`),
);
console.log(`links right ${right.length}, false ${wrong.length}, missed below threshold ${missedX.length}`);
project.close();
