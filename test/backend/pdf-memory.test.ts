// Memory a PDF may make the reader take (issue 15: at most 1 GB per file in the fuzz run).
// Fuzz 02761.pdf of seed 2027 (nn-city-plan.pdf with the opening of a font descriptor repeated
// 34,379 times, so `<<` nests that deep) overflowed pdf.js's recursive parser on every use of the
// font; each failed parse left its garbage, and the PDF worker's heap grew to 470 MB before the
// page budget stopped it after 20 s: over 1 GB for the fuzz child. The file is rebuilt here from the
// fixture the way the fuzz's amplify mutation made it. Behind the nesting check, the worker's heap
// limit (PDF_MEMORY) stops a file whose live objects pass it.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractFile } from '../../electron/backend/importers';
import { pdfNestingDepth } from '../../electron/backend/importers/pdf/pdf-nesting';
import { checkPdfStreams } from '../../electron/backend/importers/pdf/pdf-streams';
import { PDF_MEMORY } from '../../electron/backend/importers/pdf/sandbox';
import { repoRoot } from '../contract/harness';
import { makeMinimalPdf } from './importers/make-fixtures';

const general = join(repoRoot, 'test', 'fixtures', 'general');
const fixture = (name: string) => new Uint8Array(readFileSync(join(general, name)));
/** nn-city-plan.pdf rewritten by qpdf with object streams (`qpdf --object-streams=generate`): its fonts and pages are compressed objects. */
const objectStreamPdf = () => new Uint8Array(readFileSync(join(repoRoot, 'test', 'fixtures', 'importers', 'nn-city-plan.objstm.pdf')));

/** A PDF's bytes with one Flate-compressed object stream holding `objects` (the rest of a file is not needed by the checks). */
function withObjectStream(objects: string): Uint8Array {
  const data = deflateSync(Buffer.from(`6 0 ${objects}`, 'latin1'));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from(`%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
    ]),
  );
}
const shipped = { ...PDF_MEMORY };
afterEach(() => Object.assign(PDF_MEMORY, shipped));

/** nn-city-plan.pdf with the bytes from the end of `15 0 obj` to `/ItalicAngle` repeated 34,379 times (fuzz 02761.pdf, 4.3 MB). */
function fuzz02761(): Uint8Array {
  const seed = Buffer.from(fixture('nn-city-plan.pdf'));
  const start = seed.indexOf('15 0 obj') + '15 0 ob'.length;
  const end = seed.indexOf('/ItalicAngle', start) + '/ItalicAngle'.length;
  const chunk = seed.subarray(start, end);
  expect(chunk.toString('latin1')).toMatch(/^j\n<<\/Type\/FontDescriptor\/FontName\/\S+\n\/Flags 4\n\/FontBBox\[[^\]]*\]\/ItalicAngle$/);
  return new Uint8Array(Buffer.concat([seed.subarray(0, start), ...Array<Buffer>(34_379).fill(chunk), seed.subarray(start)]));
}

/** Runs `work` while sampling this process's RSS (the PDF worker is a thread of it); resolves with its outcome and the growth in MB. */
async function rssGrowth<T>(work: () => Promise<T>): Promise<{ outcome: T | Error; growthMb: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    const outcome = await work().catch((e: Error) => e);
    return { outcome, growthMb: (Math.max(peak, process.memoryUsage.rss()) - before) / 1048576 };
  } finally {
    clearInterval(timer);
  }
}

describe('memory a PDF can make the reader take', () => {
  it('a worker whose live objects pass its heap limit is stopped: that file fails with a message, the next PDF reads', async () => {
    // One page whose dictionary holds an array of 6 million numbers: pdf.js keeps it whole.
    const huge = Buffer.from(makeMinimalPdf({ text: 'Hello policy' }))
      .toString('latin1')
      .replace('/Type /Page /Parent 2 0 R', `/Type /Page /Junk [${'0 '.repeat(6_000_000)}] /Parent 2 0 R`);
    // Above what the worker needs to start (about 100 MB under tsx), below what the array needs.
    Object.assign(PDF_MEMORY, { heapMb: 128, heapMbPerFileMb: 0, maxHeapMb: 128 });
    const err = (await extractFile('huge-array.pdf', new Uint8Array(Buffer.from(huge, 'latin1'))).catch((e: unknown) => e)) as Error & { code?: string };
    expect(err.code).toBe('bad_file');
    expect(err.message).toMatch(/Cannot import "huge-array\.pdf": reading the PDF was stopped: it needed more than 128 MB of memory/);

    Object.assign(PDF_MEMORY, shipped);
    const good = await extractFile('nn-city-plan.pdf', fixture('nn-city-plan.pdf'));
    expect(good.text.length).toBeGreaterThan(1000);
  }, 120_000);

  it('fuzz 02761.pdf (a font descriptor nested 34,379 deep) is refused at once, the reader taking no memory for it', async () => {
    const bytes = fuzz02761();
    expect(bytes.byteLength).toBe(4_311_358);
    // The worker is started (and pdf.js loaded) by a sound PDF first, so only the file's own cost is measured.
    await extractFile('nn-city-plan.pdf', fixture('nn-city-plan.pdf'));
    const { outcome, growthMb } = await rssGrowth(() => extractFile('02761.pdf', bytes));
    // Before: 300-500 MB of growth (pdf.js parsed the descriptor 71 times, 20 s); the copies of the
    // 4 MB file and the scan are all it costs now.
    expect(growthMb).toBeLessThan(100);
    expect((outcome as Error & { code?: string }).code).toBe('bad_file');
    expect((outcome as Error).message).toMatch(/Cannot import "02761\.pdf": the PDF is damaged: it nests dictionaries or arrays 34,381 levels deep/);
  }, 120_000);

  it('measures nesting in the syntax only: strings, comments and stream data do not count, and every object starts again', () => {
    const depth = (s: string) => pdfNestingDepth(new Uint8Array(Buffer.from(s, 'latin1')));
    expect(depth('1 0 obj << /A [ [ 1 ] << /B 2 >> ] >> endobj')).toBe(3);
    expect(depth(`1 0 obj << /S (${'[<<'.repeat(500)}) /H <5B5B> >> endobj % ${'['.repeat(500)}\n`)).toBe(1);
    expect(depth(`1 0 obj << /Length 500 >> stream\n${'[<<'.repeat(500)}\nendstream endobj`)).toBe(1);
    // Unclosed levels of a damaged object end with it.
    expect(depth(`1 0 obj ${'['.repeat(60)} endobj 2 0 obj ${'['.repeat(60)} endobj`)).toBe(60);
    expect(depth(`1 0 obj ${'<<'.repeat(5000)} endobj`)).toBe(5000);
    // Escaped and nested parentheses inside a string.
    expect(depth('1 0 obj << /S (a \\) [ (b) [) /T [ 1 ] >> endobj')).toBe(2);
    for (const name of ['nn-city-plan.pdf', 'gd-province-measures-typeset.pdf', 'damaged-xref-entry.pdf'])
      expect(pdfNestingDepth(fixture(name))).toBeLessThan(5);
  });

  it('objects compressed in object streams are measured too: a deep one is refused, a sound file with object streams reads as before', async () => {
    // pdf-nesting.ts reads the file's bytes, where an object stream's objects are compressed.
    const deep = withObjectStream(`<< /Type /FontDescriptor /X ${'<<'.repeat(5000)} >>`);
    expect(pdfNestingDepth(deep)).toBeLessThan(5);
    expect(() => checkPdfStreams(deep, 'deep.pdf')).toThrow(/deep\.pdf.*nests dictionaries or arrays 5,001 levels deep/);
    expect(() => checkPdfStreams(withObjectStream('<< /Type /Font /Widths [ 1 2 [ 3 ] ] >>'), 'ok.pdf')).not.toThrow();
    // The same stream, not an object stream (a page's content): its bytes are not syntax and not measured.
    expect(() =>
      checkPdfStreams(new Uint8Array(Buffer.from(Buffer.from(deep).toString('latin1').replace('/Type /ObjStm', '/Type /XObject'), 'latin1')), 'x.pdf'),
    ).not.toThrow();

    const rewritten = objectStreamPdf();
    expect(Buffer.from(rewritten).includes('/ObjStm')).toBe(true);
    expect(() => checkPdfStreams(rewritten, 'nn-city-plan.objstm.pdf')).not.toThrow();
    const [plain, packed] = await Promise.all([
      extractFile('nn-city-plan.pdf', fixture('nn-city-plan.pdf')),
      extractFile('nn-city-plan.objstm.pdf', rewritten),
    ]);
    expect(packed.text).toBe(plain.text);
    const err = (await extractFile('deep.pdf', deep).catch((e: unknown) => e)) as Error & { code?: string };
    expect(err.code).toBe('bad_file');
    expect(err.message).toMatch(/levels deep/);
  }, 60_000);
});
