// Projects for the UI bench: a data folder the browser-mode host opens, holding N documents imported
// through the real import path — the real regulations of ../shared/corpus/laws (when present) plus
// synthetic documents from the seeds up to N. Built once (minutes for 5,000) and kept in the bench
// folder between runs; rebuilt when the schema changed and the old database no longer opens.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createBackend } from '../../electron/backend';
import { databaseFileName } from '../../electron/backend/paths';
import { benchDir, generateCorpus, repoRoot } from './corpus';

export const lawsDir = resolve(repoRoot, '..', 'shared', 'corpus', 'laws');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

function documentCount(databasePath: string): number | null {
  try {
    const b = createBackend({ databasePath, mode: 'cli' });
    try {
      return b.context.db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    } finally {
      b.close();
    }
  } catch {
    return null;
  }
}

/**
 * A data folder with `documents` documents: up to `real` files of the laws corpus (in path order) and
 * small synthetic ones for the rest. Returns the folder; the first start of the host finds the
 * samples already marked imported, so the count stays exact.
 */
export async function uiProject(opts: { documents: number; real: number; log?: (s: string) => void }): Promise<{ dataDir: string; real: number }> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const laws = existsSync(lawsDir) ? filesUnder(lawsDir).sort().slice(0, Math.min(opts.real, opts.documents)) : [];
  const dataDir = join(benchDir(), `ui-${opts.documents}-${laws.length}`);
  const databasePath = join(dataDir, databaseFileName);
  if (existsSync(databasePath) && documentCount(databasePath) === opts.documents) return { dataDir, real: laws.length };
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const t = performance.now();
  log(`building a ${opts.documents}-document project (${laws.length} real files, synthetic ones for the rest) in ${dataDir} — once, then cached`);
  const b = createBackend({ databasePath, dataDir, mode: 'cli' });
  const count = () => b.context.db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
  // In batches, so a long build shows it is alive.
  const importAll = async (paths: string[]) => {
    for (let i = 0; i < paths.length; i += 500) {
      await b.api.documents.importPaths({ paths: paths.slice(i, i + 500) });
      log(`  ${count()} documents, ${((performance.now() - t) / 1000).toFixed(0)} s`);
    }
  };
  try {
    await importAll(laws);
    // A few law files are duplicates or fail: synthetic documents fill up to the exact count.
    const synthetic = opts.documents - count();
    if (synthetic > 0) {
      const corpusDir = join(benchDir(), `ui-corpus-${synthetic}`);
      // Small documents (≈ 1.5 KB): the Library lists documents, their length does not matter here.
      generateCorpus({ documents: synthetic, seed: 7, outDir: corpusDir, bytesPerDocument: 1500 });
      await importAll(
        readdirSync(corpusDir)
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .slice(0, synthetic)
          .map((f) => join(corpusDir, f)),
      );
    }
    b.context.documents.setSetting('samples_imported', new Date().toISOString());
  } finally {
    b.close();
  }
  const n = documentCount(databasePath);
  if (n !== opts.documents) throw new Error(`the UI bench project has ${n} documents, expected ${opts.documents} (duplicate or failed files?)`);
  log(`  built in ${((performance.now() - t) / 1000).toFixed(0)} s, ${(statSync(databasePath).size / 1e6).toFixed(0)} MB`);
  return { dataDir, real: laws.length };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const documents = Number(process.argv[2] ?? 5000);
  console.log(await uiProject({ documents, real: Number(process.argv[3] ?? 2000) }));
}
