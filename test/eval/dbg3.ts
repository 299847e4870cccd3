import { defaultModel } from '../../shared/domain/align';
import { probability } from '../../shared/domain/align/model';
import { openEvalProject, pairData, trainingPairs } from './align-data';
const p = await openEvalProject();
let strong = 0,
  inCand = 0,
  lostNotAlignable = 0;
const rows: string[] = [];
for (const pair of trainingPairs().filter((x) => x.set.startsWith('real'))) {
  const pd = pairData(p, { ...pair }, { ...defaultModel, candidates: 12 })!;
  const fa = new Map(pd.prep.fa.map((f, i) => [f.id, i])),
    fb = new Map(pd.prep.fb.map((f, j) => [f.id, j]));
  for (const it of pd.items)
    for (const b of it.strong) {
      strong++;
      const i = fa.get(it.a),
        j = fb.get(b);
      if (i == null || j == null) {
        lostNotAlignable++;
        continue;
      }
      const c = pd.prep.candidates.find((c) => c.i === i && c.j === j);
      if (!c) {
        rows.push(`NOCAND ${pd.prep.fa[i].text.slice(0, 25)} | ${pd.prep.fb[j].text.slice(0, 25)}`);
        continue;
      }
      inCand++;
      const pr = probability(defaultModel, c.x);
      const rankRow = pd.prep.candidates
        .filter((d) => d.i === i)
        .map((d) => probability(defaultModel, d.x))
        .filter((q) => q > pr).length;
      if (pr < defaultModel.threshold)
        rows.push(
          `p=${pr.toFixed(2)} rank${rankRow} x=${c.x.map((v) => v.toFixed(2)).join(',')}\n    ${pd.prep.fa[i].text.slice(0, 40)}\n    ${pd.prep.fb[j].text.slice(0, 40)}`,
        );
    }
}
console.log({ strong, inCand, lostNotAlignable });
console.log(rows.slice(0, 40).join('\n'));
p.close();
