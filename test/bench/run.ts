// `npm run bench`: runs every test/bench/*.bench.ts in name order (import before search, which
// reuses the imported project). Each prints its own tables with ratios against a baseline
// measured in the same run. BENCH_DOCS=500 npm run bench gives a quick, smaller run.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.startsWith(o)))
  .sort();

for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') throw new Error(`${f} does not export run()`);
  await mod.run();
}
