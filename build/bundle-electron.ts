// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS, as sandboxed
// preloads must be) into dist/electron, with the SQL migrations beside main.mjs where the
// backend looks for them. Dependencies stay in node_modules (electron-builder packs them).
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist', 'electron');
mkdirSync(out, { recursive: true });

/** An ESM bundle for Node of one entry; its dependencies stay in node_modules. */
const nodeEsm = (entry: string[], file: string) =>
  build({
    entryPoints: [join(root, ...entry)],
    outfile: join(out, file),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });

await nodeEsm(['electron', 'main', 'main.ts'], 'main.mjs');
// The workers are started from beside their bundled callers (services/workerEntry.ts): the
// import's analysis worker (services/analysisPool.ts) and the PDF reader's (importers/pdf/sandbox.ts).
await nodeEsm(['electron', 'backend', 'services', 'importWorker.ts'], 'importWorker.mjs');
await nodeEsm(['electron', 'backend', 'importers', 'pdf', 'worker.ts'], 'pdfWorker.mjs');

await build({
  entryPoints: [join(root, 'electron', 'preload', 'preload.ts')],
  outfile: join(out, 'preload.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  logLevel: 'warning',
});

cpSync(join(root, 'electron', 'backend', 'db', 'migrations'), join(out, 'migrations'), { recursive: true });
console.log(`Electron bundle written to ${out}`);
