// How to start one of the backend's worker threads: the bundle's `<name>.mjs` beside the bundled
// caller (build/bundle-electron.ts writes them into one folder), or, running from source, a tiny
// script that registers tsx's loader in the worker (a worker does not inherit the parent's
// `--import tsx` hooks) and then imports the TypeScript entry. null where neither can be found (a
// backend bundled to CommonJS has no import.meta.url): callers then do the work in their own thread.
// POLICYLENS_WORKER_BUNDLE_DIR, when set, names a folder of bundles to use first.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WorkerEntry {
  code: string;
  eval: boolean;
}

/** `here`: the caller's import.meta.url; `source`: the entry relative to it (./x.ts); `bundled`: its bundle's file name. */
export function workerEntry(here: string | null, source: string, bundled: string): WorkerEntry | null {
  // A harness running the backend from source names a folder of worker bundles (build/worker-bundles.ts).
  const bundleDir = process.env.POLICYLENS_WORKER_BUNDLE_DIR;
  if (bundleDir && existsSync(join(bundleDir, bundled))) return { code: join(bundleDir, bundled), eval: false };
  if (!here) return null;
  const sourceUrl = new URL(source, here);
  if (here.endsWith('.ts') && existsSync(fileURLToPath(sourceUrl))) {
    let api: string;
    try {
      api = join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs');
    } catch {
      return null;
    }
    if (!existsSync(api)) return null;
    const code = `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(sourceUrl.href)}); })`;
    return { code, eval: true };
  }
  const bundledUrl = new URL(`./${bundled}`, here);
  return existsSync(fileURLToPath(bundledUrl)) ? { code: fileURLToPath(bundledUrl), eval: false } : null;
}
