// The backend's worker threads as ESM bundles for Node: the import's analysis worker
// (services/analysisPool.ts) and the PDF reader's (importers/pdf/sandbox.ts). bundle-electron.ts
// writes them beside main.mjs for the app. Harnesses that run the backend from source (the fuzz
// run, the import bench) write them to a folder of their own and name it in
// POLICYLENS_WORKER_BUNDLE_DIR (services/workerEntry.ts), so their workers start as the app's do:
// from source, each worker registers tsx and compiles its modules again, about a second and
// 400 MB more than the bundle, which the app never pays.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** An ESM bundle for Node of one entry; its dependencies stay in node_modules. */
export const nodeEsm = (entry: string[], outfile: string) =>
  build({
    entryPoints: [join(root, ...entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });

/** Writes importWorker.mjs and pdfWorker.mjs into `dir`. Packages resolve from the repository's node_modules only if `dir` is inside it. */
export async function buildWorkerBundles(dir: string): Promise<void> {
  await nodeEsm(['electron', 'backend', 'services', 'importWorker.ts'], join(dir, 'importWorker.mjs'));
  await nodeEsm(['electron', 'backend', 'importers', 'pdf', 'worker.ts'], join(dir, 'pdfWorker.mjs'));
}

/**
 * A fresh folder of worker bundles inside node_modules/.cache (so the bundles' packages resolve),
 * and a function that removes it. Each caller gets its own, so runs side by side do not share files.
 */
export async function temporaryWorkerBundles(): Promise<{ dir: string; remove: () => void }> {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'policylens-workers-'));
  await buildWorkerBundles(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
