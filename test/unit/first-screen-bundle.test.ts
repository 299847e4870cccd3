import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What the browser must fetch and evaluate before the Library's first row (issue #13: first screen
// ≤ 1 s with 5,000 documents): the entry chunk of the built renderer and every chunk it imports
// statically. The editor (Lexical), the charts (ECharts) and the other pages load after the first
// screen (renderer/app/deferred.tsx); importing one of them eagerly again brings back a megabyte of
// JavaScript to evaluate at start, which this catches. `npm test` builds the renderer first.
const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const assets = join(repoRoot, 'dist', 'renderer', 'assets');
const FIRST_SCREEN_BUDGET = 700 * 1024;

function firstScreenChunks(): Map<string, string> {
  if (!existsSync(join(assets, '..', 'index.html'))) throw new Error('The renderer is not built: run `npm run build:renderer` (npm test does it first).');
  const html = readFileSync(join(repoRoot, 'dist', 'renderer', 'index.html'), 'utf8');
  // Every module script of the page: the early calls' chunk (api/early.ts) and the app's entry.
  const entries = [...html.matchAll(/<script type="module"[^>]*src="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  if (!entries.length) throw new Error('dist/renderer/index.html names no module script');
  const seen = new Map<string, string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const code = readFileSync(join(assets, name), 'utf8');
    seen.set(name, code);
    // Static imports only: `import{…}from"./x.js"` / `import"./x.js"`; `import("./x.js")` is deferred.
    for (const m of code.matchAll(/\bimport\s*(?:[\w${},\s*]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(m[1]);
  };
  entries.forEach(visit);
  return seen;
}

describe('the first screen of the built renderer', () => {
  it('sends its calls from a chunk of its own that imports nothing and is fetched before the app', () => {
    const html = readFileSync(join(repoRoot, 'dist', 'renderer', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script type="module"[^>]*src="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts[0]).toMatch(/^early-/);
    expect(scripts.length).toBe(2);
    const early = readFileSync(join(assets, scripts[0]), 'utf8');
    expect(early).not.toMatch(/\bimport\s*[\w${},\s*]*(?:from\s*)?["']/);
    expect(early).toContain('/api/call/');
    // The app takes its answers from the same module instance, not a copy of its own.
    expect(readFileSync(join(assets, scripts[1]), 'utf8')).toContain(`"./${scripts[0]}"`);
  });

  it('loads only the code it needs: under 700 KB, without the editor, the charts or the other pages', () => {
    const chunks = firstScreenChunks();
    const bytes = [...chunks.values()].reduce((n, c) => n + Buffer.byteLength(c), 0);
    expect(bytes, [...chunks.keys()].join(', ')).toBeLessThan(FIRST_SCREEN_BUDGET);
    const names = [...chunks.keys()];
    for (const deferredChunk of ['AnnotationEditor', 'Charts', 'ComparePage', 'ThemesPage', 'ReaderPage', 'SearchPage'])
      expect(
        names.some((n) => n.startsWith(`${deferredChunk}-`)),
        deferredChunk,
      ).toBe(false);
    // They exist as chunks of their own, fetched after the first screen.
    const files = readdirSync(assets);
    for (const deferredChunk of ['AnnotationEditor', 'Charts'])
      expect(
        files.some((f) => f.startsWith(`${deferredChunk}-`) && f.endsWith('.js')),
        deferredChunk,
      ).toBe(true);
  });
});
