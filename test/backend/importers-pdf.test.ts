// PDF import: seeds printed to PDF by headless Chromium come back complete and in order (white space
// aside: PDF lines wrap), and damaged, encrypted, scanned or fake PDFs are refused with a reason.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile, listImportableFiles } from '../../electron/backend/importers/index';
import { compareIgnoringWhiteSpace } from './importers/compare-text';
import { expectImportError } from './importers/expect-error';
import { hasChromium, makeMinimalPdf, makePdfs, makeTempDir, printHtmlToPdf, seedNames, seedParagraphs } from './importers/make-fixtures';

if (!hasChromium) console.warn('Skipping the Chromium-made PDF tests: /usr/bin/chromium is not installed (apt-get install chromium).');

describe.skipIf(!hasChromium)('PDF import of the seeds (printed by Chromium)', () => {
  const temp = makeTempDir();
  const files: string[] = [];
  beforeAll(async () => {
    const pdfs = await makePdfs(seedNames().map(seedParagraphs));
    for (const [i, seed] of seedNames().entries()) {
      const file = path.join(temp.dir, seed.replace(/\.txt$/, '.pdf'));
      await writeFile(file, pdfs[i]);
    }
    files.push(...(await listImportableFiles([temp.dir])));
  }, 120_000);
  afterAll(() => temp.cleanup());

  it('marks each page break with a form feed, so cleanup can recognise running headers and page numbers', async () => {
    const result = await extractFile(path.basename(files[0]), new Uint8Array(await readFile(files[0])));
    expect(result.text.split('\n\f').length).toBeGreaterThan(5);
  });

  it('finds the generated PDFs in their folder', () => {
    expect(files.map((f) => path.basename(f))).toEqual(seedNames().map((s) => s.replace(/\.txt$/, '.pdf')));
  });

  for (const [i, seed] of seedNames().entries()) {
    it(`${seed}: every character of the seed comes back, in order`, async () => {
      const progress: number[] = [];
      const result = await extractFile(path.basename(files[i]), await readFile(files[i]), { onProgress: (f) => progress.push(f) });
      expect(result.format).toBe('pdf');
      const paragraphs = seedParagraphs(seed);
      const diff = compareIgnoringWhiteSpace(paragraphs.join('\n'), result.text);
      expect(diff.lost, 'text missing from the PDF import').toEqual([]);
      expect(diff.extra, 'text the PDF import invented').toEqual([]);
      // Glyph sharing in the CJK font may swap a rare character; never more than a handful.
      expect(diff.substitutions.length).toBeLessThanOrEqual(5);
      // Kangxi radicals (⾸ for 首) are what CJK fonts produce without repair; they must be gone.
      expect(result.text).not.toMatch(/[\u2E80-\u2FDF]/);
      // Short paragraphs fit on one PDF line: they must come back as whole lines, with no space
      // inserted between Chinese characters.
      const undoSubstitutions = (line: string) => diff.substitutions.reduce((s, pair) => s.replaceAll(pair.split('→')[1], pair.split('→')[0]), line);
      const lines = new Set(result.text.split(/\n\f?/).map(undoSubstitutions));
      const short = paragraphs.filter((p) => p.length <= 25 && !/\s/.test(p) && /^[\u4e00-\u9fff]/.test(p));
      expect(short.length).toBeGreaterThan(0);
      for (const p of short) expect(lines.has(p), `line "${p}"`).toBe(true);
      // Progress is reported per page, rising to 1.
      expect(progress.length).toBeGreaterThan(2);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress.at(-1)).toBe(1);
    });
  }

  it('stops with "cancelled" when the signal fires between pages', async () => {
    const controller = new AbortController();
    const run = extractFile('long.pdf', await readFile(files[0]), {
      signal: controller.signal,
      onProgress: (f) => f > 0 && controller.abort(),
    });
    await expectImportError(run, 'cancelled', /long\.pdf.*cancelled/);
  });

  it('reads justified and letter-spaced Chinese without spaces between the characters', async () => {
    const sentence = '支持小微企业创业创新，进一步加大财政支持力度，优化营商环境，扶持中小企业发展壮大。';
    const pdf = await printHtmlToPdf(
      `<p style="text-align:justify;width:300px">第五条 Article 5 of the plan ${sentence}</p><p style="letter-spacing:0.5em">${sentence}</p>`,
    );
    const result = await extractFile('spaced.pdf', pdf);
    expect(result.text).toMatch(/^第五条 Article 5 of the plan 支持/);
    const chinese = result.text.split('\n').filter((l) => !l.includes('Article'));
    for (const line of chinese) expect(line, line).not.toMatch(/[\u4e00-\u9fff，。] +[\u4e00-\u9fff，。]/);
    expect(result.text.replace(/\n/g, '')).toContain(sentence + sentence);
  });

  it('refuses the first half of a valid PDF as truncated', async () => {
    const bytes = await readFile(files[1]);
    await expectImportError(extractFile('half.pdf', bytes.subarray(0, bytes.length >> 1)), 'bad_file', /half\.pdf.*truncated/);
  });

  it('refuses a PDF without a text layer as a scan', async () => {
    const scan = await printHtmlToPdf('<div style="width:500px;height:700px;background:linear-gradient(#888,#eee)"></div>');
    await expectImportError(extractFile('scan.pdf', scan), 'bad_file', /no text layer.*scanned PDF; run OCR first/);
  });
});

describe('PDF import refuses bad files', () => {
  it('reads a hand-made minimal PDF (the control for the cases below)', async () => {
    const result = await extractFile('minimal.pdf', makeMinimalPdf({ text: 'Article 1 applies' }));
    expect(result.text).toBe('Article 1 applies');
  });

  it('a password-protected PDF', async () => {
    await expectImportError(extractFile('secret.pdf', makeMinimalPdf({ encrypted: true })), 'bad_file', /secret\.pdf.*password-protected/);
  });

  it('random bytes named .pdf', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    await expectImportError(extractFile('random.pdf', bytes), 'bad_file', /random\.pdf.*not a PDF.*%PDF/);
  });

  it('a PDF whose body is damaged behind an intact end marker', async () => {
    const good = makeMinimalPdf();
    const text = new TextDecoder().decode(good);
    const damaged = new TextEncoder().encode('%PDF-1.4\n' + 'x'.repeat(text.length - 20) + '\n%%EOF\n');
    await expectImportError(extractFile('damaged.pdf', damaged), 'bad_file', /damaged\.pdf.*(damaged|could not be opened)/);
  });

  it('a PDF named .docx or .txt, with a hint to rename it', async () => {
    const pdf = makeMinimalPdf();
    await expectImportError(extractFile('report.docx', pdf), 'bad_file', /report\.docx.*content is a PDF file, not DOCX; rename it to \.pdf/);
    await expectImportError(extractFile('report.txt', pdf), 'bad_file', /content is a PDF file, not TXT/);
  });

  it('an empty file named .pdf', async () => {
    await expectImportError(extractFile('empty.pdf', new Uint8Array(0)), 'bad_file', /not a PDF/);
  });
});
