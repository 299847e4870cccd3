import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writerFor } from '../../electron/backend/export/formats';
import type { ExportFormat } from '../../shared/api/methods/export';
import { findChromium, headlessChromiumRenderer } from '../../electron/backend/export/formats/pdf';
import { defaultReportOptions } from '../../electron/backend/export/model';
import { hasTool, libreOffice, seedFixture, squash, type SeedFixture } from './export.fixture';

// Every report and table format written from a real comparison of two seeds, then read back by a
// real reader: LibreOffice for DOCX and XLSX, poppler for PDF, the bytes themselves for the rest.
let fx: SeedFixture;
const files: Record<string, string> = {};
const options = { ...defaultReportOptions, includeUnaligned: true, includeRejected: true, csvTable: 'codings' as const };
const chromium = findChromium();

beforeAll(async () => {
  fx = await seedFixture();
  const pdf = headlessChromiumRenderer(chromium);
  for (const format of ['docx', 'html', 'md', 'xlsx', 'csv', ...(chromium ? ['pdf'] : [])] as ExportFormat[]) {
    const bytes = await writerFor(format).write(fx.model, options, { pdf });
    files[format] = join(fx.dir, `report.${format}`);
    writeFileSync(files[format], bytes);
  }
}, 180_000);
afterAll(() => fx?.dispose());

describe('comparison report formats', () => {
  it('HTML is one self-contained, script-free file with the clauses, highlights and formatted notes', () => {
    const html = readFileSync(files.html, 'utf8');
    expect(html).not.toMatch(/<script|\bon[a-z]+=|src="http|href="(?!https:\/\/www\.gov\.cn\/)/i);
    expect(html).toContain("default-src 'none'");
    for (const t of fx.linkedTexts.slice(0, 4)) expect(squash(html.replace(/<[^>]+>/g, ''))).toContain(squash(t).slice(0, 20));
    expect(html).toContain('<mark class="diff">');
    expect(html).toMatch(/<span class="num">[^<]*\d/);
    expect(html).toContain('<strong>融资担保比较</strong>');
    expect(html).toContain('<a href="https://www.gov.cn/" rel="noreferrer noopener">国务院网站</a>');
    expect(html).toMatch(/<ul><li>第一点：贷款贴息<\/li>/);
    for (const m of ['NOTE-CLAUSE', 'NOTE-ROW', 'NOTE-COMPARISON']) expect(html).toContain(m);
    expect(html).toContain(fx.docA.title!);
  });

  it('Markdown carries the clauses, bold differences and the notes as quotes', () => {
    const md = readFileSync(files.md, 'utf8');
    expect(md).toContain(`# ${fx.model.comparison!.name}`);
    expect(md).toContain('**融资担保比较**');
    expect(md).toContain('[国务院网站](<https://www.gov.cn/>)');
    expect(md).toMatch(/^> - 第一点：贷款贴息$/m);
    expect(squash(md.replace(/\*\*|`|\\/g, ''))).toContain(squash(fx.linkedTexts[0]).slice(0, 20));
  });

  it('DOCX converts in LibreOffice to text with the clauses, annotations and Chinese', { timeout: 200_000 }, () => {
    if (!hasTool('soffice')) return console.warn('SKIPPED: LibreOffice (soffice) is not installed; DOCX not checked by a real reader.');
    const r = libreOffice(['--convert-to', 'txt:Text (encoded):UTF8', '--outdir', join(fx.dir, 'lo-docx'), files.docx], fx.dir);
    expect(r.ok, r.output).toBe(true);
    const txt = readFileSync(join(fx.dir, 'lo-docx', 'report.txt'), 'utf8');
    for (const t of fx.linkedTexts) expect(squash(txt)).toContain(squash(t));
    for (const m of ['NOTE-CLAUSE', 'NOTE-RANGE', 'NOTE-ROW', 'NOTE-COMPARISON', '融资担保比较', '第一点：贷款贴息', '国务院网站']) expect(txt).toContain(m);
    expect(txt).toContain(fx.docA.title!);
  });

  it('XLSX converts in LibreOffice to CSV sheets with coded clauses, alignment and targets', { timeout: 200_000 }, () => {
    if (!hasTool('soffice')) return console.warn('SKIPPED: LibreOffice (soffice) is not installed; XLSX not checked by a real reader.');
    // Sheet -1: every sheet to its own CSV (LibreOffice ≥ 7.2), UTF-8 (76).
    const r = libreOffice(
      ['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', join(fx.dir, 'lo-xlsx'), files.xlsx],
      fx.dir,
    );
    expect(r.ok, r.output).toBe(true);
    const sheets = readdirSync(join(fx.dir, 'lo-xlsx')).sort();
    expect(sheets.length).toBe(3);
    const all = sheets.map((s) => readFileSync(join(fx.dir, 'lo-xlsx', s), 'utf8'));
    const [coding, alignment, targets] = ['Coding', 'Comparison', 'Targets'].map((n) => all[sheets.findIndex((s) => s.includes(n))]);
    expect(coding.split('\n')[0]).toContain('Clause');
    expect(squash(coding)).toContain(squash(fx.linkedTexts[0]));
    expect(coding).toContain(fx.docA.city!);
    expect(coding).toContain('NOTE-CLAUSE');
    expect(squash(alignment)).toContain(squash(fx.linkedTexts[1]));
    expect(targets.split('\n').length).toBeGreaterThan(3);
  });

  it('CSV starts with a UTF-8 BOM and has one row per coded clause or range', () => {
    const bytes = readFileSync(files.csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const codedUnits = new Set(fx.model.codings.filter((c) => c.status !== 'rejected').map((c) => (c.wholeClause ? `c${c.clauseId}` : `r${c.start}:${c.end}`)));
    // Rows are records; quoted fields may hold line breaks, so count record starts by document title.
    const rows = text.split('\r\n').filter((l) => l.startsWith(fx.docA.title!) || l.startsWith(fx.docB.title!));
    expect(rows.length).toBe(codedUnits.size);
  });

  it('PDF embeds fonts with CJK glyphs and pdftotext finds the clauses', { timeout: 60_000 }, () => {
    if (!chromium) return console.warn('SKIPPED: no Chromium found (CHROME_PATH); PDF not checked.');
    if (!hasTool('pdffonts') || !hasTool('pdftotext')) return console.warn('SKIPPED: poppler-utils (pdffonts, pdftotext) not installed.');
    // Chromium embeds only TrueType-outlined CJK fonts by name (CFF ones like Noto CJK become Type 3).
    const trueTypeCjk = spawnSync('fc-list', [':lang=zh:fontformat=TrueType', 'family'], { encoding: 'utf8' }).stdout.trim();
    if (!trueTypeCjk)
      return console.warn('SKIPPED: no TrueType CJK font (e.g. fonts-wqy-zenhei) installed; the PDF would carry Chinese as Type 3 glyphs only.');
    const fonts = spawnSync('pdffonts', [files.pdf], { encoding: 'utf8' }).stdout;
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    const cjk = rows.filter((r) => /CJK|Han|Hei|Song|Ming|YaHei|PingFang|WenQuanYi|Fallback/i.test(r) && /CID TrueType|CID Type 0/.test(r));
    expect(cjk.length, fonts).toBeGreaterThan(0);
    // Column "emb" is yes for every font: nothing depends on the reader's fonts.
    for (const r of rows) expect(r, fonts).toMatch(/\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    const txt = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', files.pdf, '-'], { encoding: 'utf8' }).stdout;
    for (const t of fx.linkedTexts) expect(squash(txt)).toContain(squash(t));
    expect(txt).toContain('NOTE-CLAUSE');
    // No page but the last holds only a few lines (the title page used to spill onto one).
    const pages = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', files.pdf, '-'], { encoding: 'utf8' })
      .stdout.split('\f')
      .slice(0, -1)
      .map((p) => squash(p).length);
    const median = [...pages].sort((a, b) => a - b)[Math.floor(pages.length / 2)];
    for (const n of pages.slice(0, -1)) expect(n, pages.join(' ')).toBeGreaterThan(median * 0.2);
  });
});
