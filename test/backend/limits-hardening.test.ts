// Inputs within the import limits must cost time and memory linear in their size, and a file
// beyond what can be handled fails alone with a clear message. The large inputs are generated here,
// sized so that a super-linear step would take minutes: the runner's timeout is the hang guard, and
// no test compares wall-clock time (a busy machine must not fail them). The 10 MB import is
// measured in CPU time of its own process, the measure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflate } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { extractFile } from '../../electron/backend/importers/index';
import { readQdpx } from '../../electron/backend/export/qdpx/read';
import { checkPdfStreams } from '../../electron/backend/importers/pdf/pdf-streams';
import { extractQuantities } from '../../shared/domain/quantities';
import { segmentClauses } from '../../shared/domain/segment';
import { levelDocument, MAX_LEVEL } from '../../shared/domain/search';
import { repoRoot } from '../contract/harness';
import { expectImportError } from './importers/expect-error';
import { prng } from '../support/random';

const words = ['支持', '企业', '发展', '资金', '补贴', '人才', '创新', '服务', '政策', '市场', '融资', '担保', '，', '。'];
function chinese(chars: number, seed = 1): string {
  const rand = prng(seed);
  let s = '';
  while (s.length < chars) s += words[Math.floor(rand() * words.length)];
  return s.slice(0, chars);
}

/** Deflates `size` zero bytes in 1 MB steps, so the test never holds the inflated data. */
async function deflatedZeros(size: number): Promise<Buffer> {
  const z = createDeflate();
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((ok) => z.on('end', ok));
  const chunk = Buffer.alloc(1 << 20, 0x20);
  for (let n = 0; n < size; n += chunk.length) if (!z.write(chunk)) await new Promise((ok) => z.once('drain', ok));
  z.end();
  await done;
  return Buffer.concat(out);
}

describe('long single lines', () => {
  it('a line of 3 million characters splits into clauses of bounded size that tile the text', () => {
    const text = chinese(3_000_000);
    const clauses = segmentClauses(text, []);
    expect(clauses.length).toBeGreaterThan(1000);
    expect(Math.max(...clauses.map((c) => c.end - c.start))).toBeLessThanOrEqual(3000);
    let at = 0;
    for (const c of clauses) {
      expect(c.start).toBe(at);
      at = c.end;
    }
    expect(at).toBe(text.length);
    // Pieces end at sentence ends where there is one.
    expect(clauses.slice(0, -1).filter((c) => /[。，]$/.test(text.slice(c.start, c.end))).length).toBeGreaterThan(clauses.length * 0.9);
  });

  it('a clause repeating one character 100,000 times writes at most MAX_LEVEL markers for it', () => {
    const doc = levelDocument('企'.repeat(100_000));
    // The character 企 at levels 1…MAX_LEVEL (level 1 answers one-character queries) and the
    // bigram 企企 at levels 2…MAX_LEVEL: bounded by MAX_LEVEL per term, not by the repetitions.
    expect(doc.split(' ').length).toBeLessThanOrEqual(2 * MAX_LEVEL - 1);
  });

  it('quantities of a 300,000-character line full of numbers in linear time', () => {
    const rand = prng(7);
    let text = '';
    while (text.length < 300_000) text += `资金${Math.floor(rand() * 900) + 1}万元（${Math.floor(rand() * 90)}%）`;
    const qs = extractQuantities(text);
    expect(qs.length).toBeGreaterThan(10_000);
  });

  it('a 10 MB single-line text file imports in under 10 s and 1 GB (child process, measured)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-limits-'));
    try {
      const file = join(dir, 'line.txt');
      writeFileSync(file, chinese(3_400_000, 3)); // 3 bytes each in UTF-8: 10.2 MB, no line break
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/fuzz/import-one.ts'), join(dir, 'p.db'), file], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 900_000,
      });
      // Killed only as a hang guard: on a busy machine the wall time says nothing about this import.
      expect(r.signal, `the import was killed after 900 s: ${r.stderr?.slice(-500)}`).toBeNull();
      const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { importCpuMs: number; maxRssMB: number; imported: number; integrity: string };
      expect(out.imported).toBe(1);
      expect(out.integrity).toBe('ok');
      expect(out.maxRssMB).toBeLessThan(1024);
      // CPU time of the import (not of starting Node and compiling the backend), not wall time:
      // the limit holds on a loaded machine too.
      expect(out.importCpuMs).toBeLessThan(10_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 1_000_000);
});

describe('markup that used to backtrack', () => {
  it.each([
    ['200,000 brackets', '正文' + '['.repeat(200_000)],
    ['70,000 unclosed tags', '正文' + '<a '.repeat(70_000)],
    ['200,000 angle brackets', '正文' + '<'.repeat(200_000)],
  ])('Markdown with %s imports in linear time', async (_name, text) => {
    const out = await extractFile('m.md', new TextEncoder().encode(text), {});
    expect(out.text).toContain('正文');
  });

  it('10 MB of &amp; in HTML', async () => {
    const html = `<html><body><p>正文${'&amp;'.repeat(2_000_000)}</p></body></html>`;
    const out = await extractFile('amp.html', new TextEncoder().encode(html), {});
    expect(out.text.startsWith('正文&&&')).toBe(true);
  });

  it('tables left open, each nested in the cell before it, 16,000 deep (fuzz 02339.html), in linear time', async () => {
    // Every cell holds several lines and all the cells after it: a cell that re-read its whole
    // content when it ended made this quadratic (a 5 MB page took over 5 minutes).
    const cell = (i: number) => `<table><tr><td><p>第${i}段 ${chinese(40, i)}</p><p>附注${i}</p>`;
    const html = `<html><body>${Array.from({ length: 16_000 }, (_, i) => cell(i)).join('')}</body></html>`;
    const out = await extractFile('nested.html', new TextEncoder().encode(html), {});
    const lines = out.text.split('\n').filter((l) => l.trim() !== '');
    expect(lines.filter((l) => /^第\d+段/.test(l)).length).toBe(16_000);
    expect(lines.indexOf('附注0')).toBeLessThan(lines.indexOf('附注15999'));
  });
});

describe('archives and streams are not trusted as declared', () => {
  it('a .qdpx whose project.qde inflates beyond the cap is refused with a message, without inflating it all', async () => {
    const zip = new JSZip();
    zip.file('project.qde', `<?xml version="1.0"?><Project name="x">${' '.repeat(80 * 1024 * 1024)}</Project>`, { compression: 'DEFLATE' });
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    await expect(readQdpx(bytes, 'bomb.qdpx')).rejects.toThrow(/project\.qde unpacks to more than 64 MB/);
  });

  it('a PDF with a stream that inflates to 300 MB is refused before pdf.js opens it', async () => {
    const data = await deflatedZeros(300 * 1024 * 1024);
    const head = Buffer.from(`%PDF-1.4\n1 0 obj << /Length ${data.length} /Filter /FlateDecode >>\nstream\n`);
    const pdf = new Uint8Array(Buffer.concat([head, data, Buffer.from('\nendstream\nendobj\ntrailer << >>\n%%EOF\n')]));
    expect(pdf.length).toBeLessThan(2 * 1024 * 1024);
    await expectImportError(extractFile('bomb.pdf', pdf, {}), 'bad_file', /unpacks to more than 256 MB/);
  }, 60_000);

  it('the PDF stream budget counts every stream, and passes ordinary PDFs', async () => {
    const small = await deflatedZeros(3 * 1024 * 1024);
    const one = Buffer.concat([Buffer.from('1 0 obj <<>>\nstream\r\n'), small, Buffer.from('\nendstream\n')]);
    expect(() => checkPdfStreams(new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.4\n'), one, one])), 'two.pdf', 5 * 1024 * 1024)).toThrow(
      /unpacks to more than 5 MB/,
    );
    expect(() => checkPdfStreams(new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.4\n'), one])), 'one.pdf', 5 * 1024 * 1024)).not.toThrow();
    const real = await import('node:fs').then((fs) => fs.readFileSync(join(repoRoot, 'test/fixtures/general/nn-city-plan.pdf')));
    expect(() => checkPdfStreams(new Uint8Array(real), 'real.pdf')).not.toThrow();
  });
});

describe('a damaged PDF does not take the process down after its import failed', () => {
  it('pdf.js rejections left behind by a bad XRef entry are dropped; the next file imports (fuzz 04595.pdf, child process)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-pdf-bg-'));
    try {
      const pdf = join(repoRoot, 'test/fixtures/general/damaged-xref-entry.pdf');
      const txt = join(
        repoRoot,
        'seeds',
        readdirSync(join(repoRoot, 'seeds')).find((f) => f.endsWith('.txt'))!,
      );
      // The fuzz child imports one file per line, each into a copy of the template project, and
      // answers each with a JSON line; both files go through the one process.
      const template = join(dir, 'empty.db');
      createBackend({ databasePath: template, mode: 'test' }).close();
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/fuzz/import-many.ts'), dir, template], {
        cwd: repoRoot,
        encoding: 'utf8',
        input: `${pdf}\n${txt}\n`,
        // Both files in this one process, however much memory the first leaves taken.
        env: { ...process.env, POLICYLENS_FUZZ_RECYCLE_MB: '1000000' },
        timeout: 300_000,
      });
      expect(r.status, r.stderr.slice(-800)).toBe(0);
      const lines = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { file?: string; imported?: number; error?: string | null; integrity?: string })
        .filter((o) => o.file);
      expect(lines).toHaveLength(2);
      expect(lines[0].file).toBe(pdf);
      expect(lines[0].error).toMatch(/damaged/);
      expect(lines[1]).toMatchObject({ file: txt, imported: 1, error: null, integrity: 'ok' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 400_000);
});
