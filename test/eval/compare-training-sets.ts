// npx tsx test/eval/compare-training-sets.ts SET… — does adding labelled sets to the training data
// help the aligner on the OTHER training pairs? A dev-data decision, made without the held-out sets.
// Each pair of the base training data (every training pair except those of the named sets, e.g.
// real-c) is scored by a model fitted without it, twice: (A) fitted on the base pairs only, (B) on
// the base pairs plus the named sets. Same L2, Platt scaling fitted on each one's own held-out logits,
// the shipped threshold; repeated over several assignments of pairs to folds (ALIGN_REPEATS, 3).
// The named sets may be training sets or sets kept out of training (align-data.ts KEPT_OUT_OF_TRAINING).
// Prints P/R/F1 and the unlinked share on the base pairs, overall and by shape, for A and B.
import { defaultModel } from '../../shared/domain/align';
import { sigmoid } from '../../shared/domain/align/model';
import { keptOutPairs, openEvalProject, pairData, scorePair, trainingPairs, type PairData } from './align-data';
import { linksFor, outOfFold, pct, plattOn, shuffledFolds, total } from './align-lib';

const sets = process.argv.slice(2);
if (!sets.length) throw new Error('Name the training sets to compare, e.g. real-c');
const repeats = Number(process.env.ALIGN_REPEATS ?? 3);
const l2 = defaultModel.l2 ?? 0.0003;
const threshold = defaultModel.threshold;
const maxPerClause = defaultModel.maxPerClause ?? 3;

const project = await openEvalProject({ log: (s) => console.error(s) });
const all = [...trainingPairs(), ...keptOutPairs()].flatMap((p) => pairData(project, p, defaultModel) ?? []);
const base = all.filter((d) => !sets.includes(d.set));
const added = all.filter((d) => sets.includes(d.set));
if (!added.length) throw new Error(`No training pair of ${sets.join(', ')}`);
console.log(`base: ${base.length} pairs; added (${sets.join(', ')}): ${added.length} pairs; L2 ${l2}, threshold ${threshold}, ${repeats} fold assignments`);

const scoresOf = (data: PairData[], seed: number, only: number) => {
  const logits = outOfFold(data, l2, shuffledFolds(data.length, seed));
  const platt = plattOn(data, logits);
  return data.slice(0, only).map((pd, i) => ({
    shape: pd.shape,
    s: scorePair(
      pd,
      linksFor(
        pd,
        logits[i].map((z) => sigmoid(platt.a * z + platt.b)),
        threshold,
        maxPerClause,
        true,
        defaultModel.boilerplate?.threshold,
      ),
    ),
  }));
};
const configs: Array<[string, PairData[]]> = [
  ['A: base only', base],
  [`B: base + ${sets.join(', ')}`, [...base, ...added]],
];
for (const [label, data] of configs) {
  const scored = Array.from({ length: repeats }, (_, r) => scoresOf(data, 1000 + r, base.length)).flat();
  for (const shape of [null, ...new Set(base.map((d) => d.shape))]) {
    const t = total(scored.filter((x) => shape === null || x.shape === shape).map((x) => x.s));
    console.log(
      `${`${label}${shape ? ` — ${shape}` : ' — all base pairs'}`.padEnd(34)} P ${pct(t.p)} R ${pct(t.r)} F1 ${pct(t.f)}; unlinked ${t.noneOk}/${t.none} (${pct(t.none ? t.noneOk / t.none : 1)})`,
    );
  }
}
project.close();
