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

await build({
  entryPoints: [join(root, 'electron', 'main', 'main.ts')],
  outfile: join(out, 'main.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// The import's analysis worker (services/analysisPool.ts starts it from beside main.mjs).
await build({
  entryPoints: [join(root, 'electron', 'backend', 'services', 'importWorker.ts')],
  outfile: join(out, 'importWorker.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// The PDF reader's worker (importers/pdf/sandbox.ts starts it from beside its bundled caller).
await build({
  entryPoints: [join(root, 'electron', 'backend', 'importers', 'pdf', 'worker.ts')],
  outfile: join(out, 'pdfWorker.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

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
