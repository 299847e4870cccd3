// The imported bench project that the search and "where else" benches query. The import bench
// leaves it behind; when it is missing, or was written by another schema version, it is
// (re)imported here, untimed.
import { existsSync, rmSync } from 'node:fs';
import { type Backend, createBackend } from '../../electron/backend';
import { benchSpec, generateCorpus } from './corpus';

function opens(databasePath: string): boolean {
  try {
    createBackend({ databasePath, mode: 'cli' }).close();
    return true;
  } catch {
    return false;
  }
}

export async function openBenchProject(): Promise<{ backend: Backend; spec: ReturnType<typeof benchSpec> }> {
  const spec = benchSpec();
  if (existsSync(spec.databasePath) && !opens(spec.databasePath)) {
    console.log('the imported project is from another schema version: importing again');
    for (const suffix of ['', '-wal', '-shm']) rmSync(spec.databasePath + suffix, { force: true });
  }
  if (!existsSync(spec.databasePath)) {
    console.log('no imported project yet: importing the corpus (untimed; run import.bench.ts for import figures)');
    generateCorpus({ documents: spec.documents, seed: spec.seed, outDir: spec.corpusDir });
    const b = createBackend({ databasePath: spec.databasePath, mode: 'cli' });
    await b.api.documents.importPaths({ paths: [spec.corpusDir] });
    b.close();
  }
  return { backend: createBackend({ databasePath: spec.databasePath, mode: 'cli' }), spec };
}
