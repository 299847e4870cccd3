// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS, as sandboxed
// preloads must be) into dist/electron, with the SQL migrations beside main.mjs where the
// backend looks for them. Dependencies stay in node_modules (electron-builder packs them).
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildWorkerBundles, nodeEsm } from './worker-bundles';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist', 'electron');
mkdirSync(out, { recursive: true });

await nodeEsm(['electron', 'main', 'main.ts'], join(out, 'main.mjs'));
// The workers are started from beside their bundled callers (services/workerEntry.ts).
await buildWorkerBundles(out);

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
