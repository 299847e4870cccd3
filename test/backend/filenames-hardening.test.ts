// A file whose name is not valid UTF-8 (GBK bytes from an old Chinese system) is reported in the
// import report with a reason, never skipped without a word.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { freshProject } from '../contract/harness';

import { readSeed, seedNames } from './importers/make-fixtures';

describe('file names that are not UTF-8', () => {
  it('are reported in the import report, and the other files import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-names-'));
    const p = await freshProject({ seeds: false });
    try {
      writeFileSync(join(dir, 'good.txt'), readSeed(seedNames()[0]));
      // "政策.txt" in GBK bytes: not valid UTF-8.
      const gbkName = Buffer.concat([Buffer.from(join(dir, '/')), iconv.encode('政策', 'gbk'), Buffer.from('.txt')]);
      writeFileSync(gbkName, readSeed(seedNames()[1]));
      const report = await p.backend.api.documents.importPaths({ paths: [dir] });
      expect(report.imported.map((d) => d.file)).toEqual(['good.txt']);
      expect(report.errors.length).toBe(1);
      expect(report.errors[0].message).toMatch(/not valid UTF-8.*rename/);
    } finally {
      p.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
