// Metadata accuracy on real documents labelled by reading them (test/fixtures/metadata-real).
// The labelled files are imported through the real import pipeline into a temporary project;
// what the app then reports for each document is compared field by field with the labels.
//
//   npm run eval:meta -- [--split dev|unseen|dev-2|unseen-2] [--json FILE] [--quiet]
//
// Each split is a labels file <split>.json beside docs/. The unseen splits are for the final figure
// only: never tune on their misses. A plain baseline (metaBaseline.ts) is scored in the same run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateMetadata, type MetaEvalResult } from './metaEval';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const fixtures = join(root, 'test', 'fixtures', 'metadata-real');

function arg(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

function print(r: MetaEvalResult, quiet: boolean): void {
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
  console.log(
    `split ${r.split}: ${r.documents} documents, ${r.correct}/${r.total} fields right (${pct(r.correct, r.total)}); plain baseline ${r.baseline.correct}/${r.total} (${pct(r.baseline.correct, r.total)})`,
  );
  console.log('field            right / labelled          baseline');
  for (const [f, s] of Object.entries(r.fields)) {
    const b = r.baseline.fields[f] ?? 0;
    console.log(
      `  ${f.padEnd(14)} ${String(s.correct).padStart(4)} / ${String(s.total).padEnd(4)} ${pct(s.correct, s.total).padStart(6)}   ${String(b).padStart(4)} ${pct(b, s.total).padStart(6)}`,
    );
  }
  if (r.importErrors.length) console.log(`import errors: ${r.importErrors.map((e) => `${e.file}: ${e.message}`).join('; ')}`);
  if (!quiet) {
    console.log(`misses (${r.misses.length}):`);
    for (const m of r.misses) console.log(`  ${m.file} · ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
  }
  console.log(
    `score: meta_${r.split.replace('-', '_')}=${r.total ? (r.correct / r.total).toFixed(4) : 'NaN'} baseline=${r.total ? (r.baseline.correct / r.total).toFixed(4) : 'NaN'}`,
  );
}

async function main(): Promise<void> {
  const split = arg('split') ?? 'dev';
  if (!/^(dev|unseen)(-\d+)?$/u.test(split)) throw new Error('--split must be dev, unseen, dev-2 or unseen-2');
  const labelsFile = join(fixtures, `${split}.json`);
  if (!existsSync(labelsFile)) throw new Error(`no labels at ${labelsFile}`);
  const result = await evaluateMetadata(JSON.parse(readFileSync(labelsFile, 'utf8')), join(fixtures, 'docs'), split);
  print(result, process.argv.includes('--quiet'));
  const out = arg('json');
  if (out) writeFileSync(out, JSON.stringify(result, null, 2));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
