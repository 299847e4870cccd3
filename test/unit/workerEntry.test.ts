import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { workerEntry } from '../../electron/backend/services/workerEntry';

const here = pathToFileURL(join(__dirname, '../../electron/backend/services/analysisPool.ts')).href;

describe('workerEntry', () => {
  const saved = process.env.POLICYLENS_WORKER_BUNDLE_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.POLICYLENS_WORKER_BUNDLE_DIR;
    else process.env.POLICYLENS_WORKER_BUNDLE_DIR = saved;
  });

  it('starts a worker from source through tsx when running from source', () => {
    delete process.env.POLICYLENS_WORKER_BUNDLE_DIR;
    const entry = workerEntry(here, './importWorker.ts', 'importWorker.mjs');
    expect(entry?.eval).toBe(true);
    expect(entry?.code).toContain('importWorker.ts');
  });

  it('starts it from the bundle folder a harness names, when that folder has the bundle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-bundles-'));
    try {
      writeFileSync(join(dir, 'importWorker.mjs'), '');
      process.env.POLICYLENS_WORKER_BUNDLE_DIR = dir;
      expect(workerEntry(here, './importWorker.ts', 'importWorker.mjs')).toEqual({ code: join(dir, 'importWorker.mjs'), eval: false });
      // A folder without this worker's bundle: from source as before.
      const pdf = workerEntry(pathToFileURL(join(__dirname, '../../electron/backend/importers/pdf/sandbox.ts')).href, './worker.ts', 'pdfWorker.mjs');
      expect(pdf?.eval).toBe(true);
      expect(pdf?.code).toContain('worker.ts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
