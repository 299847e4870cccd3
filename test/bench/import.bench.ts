// Import throughput and peak memory on the synthetic corpus (≈ 50 MB, 5,000 documents), against
// a baseline measured in the same run: reading and analysing the same files without a database.
// Leaves the imported project behind for search.bench.ts.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';
import { analyseDocument } from '../../shared/domain/analyze';
import { benchSpec, generateCorpus, printTable } from './corpus';

const mb = (bytes: number) => bytes / 1048576;

export async function run(): Promise<void> {
  const spec = benchSpec();
  let t = performance.now();
  const corpus = generateCorpus({ documents: spec.documents, seed: spec.seed, outDir: spec.corpusDir });
  const generateMs = performance.now() - t;
  console.log(
    `corpus: ${corpus.files.length} documents, ${mb(corpus.totalBytes).toFixed(1)} MB in ${spec.corpusDir} (generated in ${(generateMs / 1000).toFixed(1)} s)`,
  );

  // Baseline: the pure analysis every import does (cleanup, segmentation, metadata), no database.
  t = performance.now();
  for (const f of corpus.files)
    analyseDocument({ text: readFileSync(join(spec.corpusDir, f.file), 'utf8'), format: 'txt', encoding: 'utf-8', warnings: [] }, f.file);
  const analyseMs = performance.now() - t;

  for (const suffix of ['', '-wal', '-shm']) rmSync(spec.databasePath + suffix, { force: true });
  const backend = createBackend({ databasePath: spec.databasePath, mode: 'cli' });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  t = performance.now();
  const report = await backend.api.documents.importPaths({ paths: [spec.corpusDir] });
  const importMs = performance.now() - t;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const clauses = backend.context.db.prepare('SELECT count(*) FROM clauses').pluck().get() as number;
  backend.context.db.pragma('wal_checkpoint(TRUNCATE)');
  backend.close();
  if (report.errors.length) console.log(`import errors: ${report.errors.length}, first: ${report.errors[0].file}: ${report.errors[0].message}`);
  const dbBytes = statSync(spec.databasePath).size + (existsSync(spec.databasePath + '-wal') ? statSync(spec.databasePath + '-wal').size : 0);

  printTable('import (documents.importPaths over the corpus folder, search index included)', [
    {
      step: 'analyse only (baseline, no database)',
      seconds: analyseMs / 1000,
      'MB/s': mb(corpus.totalBytes) / (analyseMs / 1000),
      'docs/s': corpus.files.length / (analyseMs / 1000),
      ratio: 1,
    },
    {
      step: 'full import',
      seconds: importMs / 1000,
      'MB/s': mb(corpus.totalBytes) / (importMs / 1000),
      'docs/s': report.imported.length / (importMs / 1000),
      ratio: importMs / analyseMs,
    },
  ]);
  printTable('import footprint', [
    {
      documents: report.imported.length,
      clauses,
      'source MB': mb(corpus.totalBytes),
      'database MB': mb(dbBytes),
      'peak RSS MB': mb(peak),
      'RSS growth MB': mb(peak - rssBefore),
    },
  ]);
}
