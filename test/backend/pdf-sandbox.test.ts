// A PDF that makes pdf.js loop in synchronous code (fuzz 08529.pdf: an unterminated hex string
// re-read from every place the parser restarts) must fail that file with a message, not freeze the
// backend: PDFs are read on a worker thread that is stopped when it makes no progress within its
// budget (importers/pdf/sandbox.ts). The budgets are made small here so the test takes seconds; the
// file needs minutes of CPU in pdf.js, so it cannot finish within them on any machine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { extractFile } from '../../electron/backend/importers';
import { PDF_BUDGET } from '../../electron/backend/importers/pdf/sandbox';
import { repoRoot } from '../contract/harness';

const general = join(repoRoot, 'test', 'fixtures', 'general');
const shipped = { ...PDF_BUDGET };
afterEach(() => Object.assign(PDF_BUDGET, shipped));

describe('the PDF sandbox', () => {
  it('stops a PDF that makes no progress within its budget, and the next PDF still reads', async () => {
    const looping = gunzipSync(readFileSync(join(general, 'fuzz-08529-unterminated-hex.pdf.gz')));
    Object.assign(PDF_BUDGET, { openMs: 3_000, openMsPerMb: 0, pageMs: 3_000 });
    const err = (await extractFile('08529.pdf', new Uint8Array(looping)).catch((e: unknown) => e)) as Error & { code?: string };
    expect(err.code).toBe('bad_file');
    expect(err.message).toMatch(/Cannot import "08529\.pdf": reading the PDF was stopped: (opening it|one page) took longer than 3 s/);

    // A new worker reads the next file with the shipped budgets.
    Object.assign(PDF_BUDGET, shipped);
    const good = await extractFile('nn-city-plan.pdf', new Uint8Array(readFileSync(join(general, 'nn-city-plan.pdf'))));
    expect(good.format).toBe('pdf');
    expect(good.text.length).toBeGreaterThan(1000);
  }, 120_000);

  it('reads PDFs given at once one after the other, each with its own text', async () => {
    const files = ['nn-city-plan.pdf', 'gd-province-measures-typeset.pdf'];
    const alone = [];
    for (const f of files) alone.push((await extractFile(f, new Uint8Array(readFileSync(join(general, f))))).text);
    const together = await Promise.all(files.map((f) => extractFile(f, new Uint8Array(readFileSync(join(general, f))))));
    expect(together.map((t) => t.text)).toEqual(alone);
  }, 120_000);
});
