// The import's analysis worker threads (services/analysisPool.ts): a file analysed on a worker
// gives exactly what the main thread gives, a bad file the same message, and a cancelled import
// stops waiting for its files. Asserts that a worker really ran them (stats), not the fallback.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseFile } from '../../electron/backend/services/analyseFile';
import { type AnalysisPool, createAnalysisPool, importThreads } from '../../electron/backend/services/analysisPool';
import { repoRoot } from '../bench/corpus';

const seeds = join(repoRoot, 'seeds');
const files = readdirSync(seeds)
  .filter((f) => f.endsWith('.txt'))
  .slice(0, 3);
const bytesOf = (f: string) => new Uint8Array(readFileSync(join(seeds, f)));
const never = new AbortController().signal;

let pool: AnalysisPool | null = null;
afterEach(() => pool?.close());

describe('analysis pool', () => {
  it('sizes itself to the cores less one, at least one, unless POLICYLENS_IMPORT_THREADS says otherwise', () => {
    const saved = process.env.POLICYLENS_IMPORT_THREADS;
    try {
      delete process.env.POLICYLENS_IMPORT_THREADS;
      expect(importThreads()).toBeGreaterThanOrEqual(1);
      process.env.POLICYLENS_IMPORT_THREADS = '0';
      expect(importThreads()).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.POLICYLENS_IMPORT_THREADS;
      else process.env.POLICYLENS_IMPORT_THREADS = saved;
    }
  });

  it('analyses files on a worker exactly as the main thread does, in any number at once', async () => {
    pool = createAnalysisPool(1);
    const progress: number[] = [];
    const results = await Promise.all(files.map((f) => pool!.analyse(f, bytesOf(f), { signal: never, onProgress: (x) => progress.push(x) })));
    expect(pool.stats()).toEqual({ inWorkers: files.length, inThread: 0 });
    for (const [i, f] of files.entries()) {
      const here = await analyseFile(f, bytesOf(f));
      expect(results[i]).toEqual(here);
      expect(results[i].analysed.clauses.length).toBeGreaterThan(10);
    }
  }, 60_000);

  it('a file that cannot be read fails with the message the main thread gives, and the worker goes on', async () => {
    pool = createAnalysisPool(1);
    const bad = new TextEncoder().encode('%PDF-1.7 not really a pdf');
    const message = await analyseFile('broken.pdf', bad).then(
      () => 'no error',
      (e: Error) => e.message,
    );
    expect(message).toMatch(/broken\.pdf/);
    await expect(pool.analyse('broken.pdf', bad, { signal: never, onProgress: () => {} })).rejects.toMatchObject({ code: 'bad_file', message });
    const good = await pool.analyse(files[0], bytesOf(files[0]), { signal: never, onProgress: () => {} });
    expect(good.analysed.cleaned.length).toBeGreaterThan(100);
    expect(pool.stats().inWorkers).toBe(2);
  }, 60_000);

  it('a cancelled import stops waiting for its files', async () => {
    pool = createAnalysisPool(1);
    const controller = new AbortController();
    const pending = files.map((f) => pool!.analyse(f, bytesOf(f), { signal: controller.signal, onProgress: () => {} }));
    controller.abort();
    for (const p of pending) await expect(p).rejects.toMatchObject({ code: 'cancelled' });
  }, 60_000);

  it('with no threads, analyses in this thread', async () => {
    pool = createAnalysisPool(0);
    const r = await pool.analyse(files[0], bytesOf(files[0]), { signal: never, onProgress: () => {} });
    expect(r).toEqual(await analyseFile(files[0], bytesOf(files[0])));
    expect(pool.stats()).toEqual({ inWorkers: 0, inThread: 1 });
  });
});
