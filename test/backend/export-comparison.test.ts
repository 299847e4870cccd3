import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../electron/backend/export/formats/pdf';
import type { Output } from '../../shared/api/contract';
import type { ExportFormat } from '../../shared/api/methods/export';
import { hasTool, libreOffice, richNote, seedFixture, sharedDir, squash, type SeedFixture } from './export.fixture';

// The whole path a researcher takes: a real comparison made by the compare feature, a confirmed
// link with a note on its row, accepted codings, and export.comparison to every format.
let fx: SeedFixture;
let linked: { a: string; b: string };
const out: Partial<Record<ExportFormat, Output<'export.comparison'>>> = {};

beforeAll(async () => {
  fx = await seedFixture();
  const b = fx.backend;
  const cmp = await b.api.compare.create({ name: '真实比较', members: [fx.docA, fx.docB].map((d) => ({ docId: d.id, partIndex: null })) });
  const view = await b.api.compare.view({ id: cmp.id });
  const best = [...view.links].sort((x, y) => (y.score ?? 0) - (x.score ?? 0))[0];
  await b.api.compare.decide({ a: best.a, b: best.b, status: 'confirmed' });
  const text = (id: number) => view.columns.flatMap((c) => c.clauses).find((c) => c.id === id)!.text;
  linked = { a: text(best.a), b: text(best.b) };
  const note = await b.api.notes.create({
    target: { kind: 'alignmentRow', comparisonId: cmp.id, rowKey: `${best.a}-${best.b}`, clauseIds: [best.a, best.b] },
  });
  await b.api.notes.save({ id: note.id, content: richNote('NOTE-REAL-ROW') });
  const formats: ExportFormat[] = ['docx', 'html', 'md', 'xlsx', 'csv', 'qdpx', 'json', ...(findChromium() ? (['pdf'] as const) : [])];
  for (const format of formats) {
    out[format] = await b.api.export.comparison({ comparisonId: cmp.id, format, path: join(fx.dir, 'real', `cmp.${format}`), options: { locale: 'zh-CN' } });
  }
}, 180_000);
afterAll(() => fx?.dispose());

describe('export.comparison on a real comparison of the seeds', () => {
  it('Markdown and HTML show the confirmed link side by side with its row note', () => {
    for (const f of ['md', 'html'] as const) {
      const text = squash(readFileSync(out[f]!.path, 'utf8').replace(/<[^>]+>|\*\*|`|\\/g, ''));
      expect(text).toContain(squash(linked.a));
      expect(text).toContain(squash(linked.b));
      expect(text).toContain('NOTE-REAL-ROW');
      expect(text).toContain('已确认');
    }
  });

  it('DOCX read by LibreOffice has both clauses and the note', { timeout: 200_000 }, () => {
    if (!hasTool('soffice')) return console.warn('SKIPPED: LibreOffice (soffice) is not installed.');
    const r = libreOffice(['--convert-to', 'txt:Text (encoded):UTF8', '--outdir', join(fx.dir, 'real-lo'), out.docx!.path], fx.dir);
    expect(r.ok, r.output).toBe(true);
    const txt = squash(readFileSync(join(fx.dir, 'real-lo', 'cmp.txt'), 'utf8'));
    expect(txt).toContain(squash(linked.a));
    expect(txt).toContain(squash(linked.b));
    expect(txt).toContain('NOTE-REAL-ROW');
  });

  it('the .qdpx validates and carries the link; the PDF has the clauses', { timeout: 60_000 }, async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(out.qdpx!.path));
    const xml = await zip.file('project.qde')!.async('string');
    expect(xml).toMatch(/<Link [^>]*name="confirmed/);
    if (sharedDir && hasTool('xmllint')) {
      const qde = join(fx.dir, 'real.qde');
      (await import('node:fs')).writeFileSync(qde, xml);
      const r = spawnSync('xmllint', ['--noout', '--schema', join(sharedDir, 'eval', 'refi-qda', 'Project.xsd'), qde], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    } else console.warn('SKIPPED: xmllint or ../shared missing; schema not checked.');
    if (!out.pdf || !hasTool('pdftotext')) return console.warn('SKIPPED: no Chromium or pdftotext; PDF not checked.');
    const txt = squash(spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', out.pdf.path, '-'], { encoding: 'utf8' }).stdout);
    // -raw keeps the content order: each side-by-side cell's text stays whole.
    expect(txt).toContain(squash(linked.a));
    expect(txt).toContain(squash(linked.b));
  });

  it(
    'the XLSX comparison table, read by LibreOffice: a row per aligned row, a column per document, score, status, themes, reasons and row notes in Chinese',
    { timeout: 200_000 },
    async () => {
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(out.xlsx!.path) as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      expect(sheet.name).toBe('比较表');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(out.xlsx!.path.endsWith('cmp.xlsx')).toBe(true);
      if (!hasTool('soffice')) return console.warn('SKIPPED: LibreOffice (soffice) is not installed; XLSX not read by a real reader.');
      const dir = join(fx.dir, 'real-xlsx');
      const r = libreOffice(
        ['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, out.xlsx!.path],
        fx.dir,
      );
      expect(r.ok, r.output).toBe(true);
      const file = (await import('node:fs')).readdirSync(dir).find((f) => f.includes('比较表'))!;
      const { parse } = await import('./csv-read');
      const rows = parse(readFileSync(join(dir, file), 'utf8'));
      const header = rows[0];
      expect(header.slice(-5)).toEqual(['得分', '状态', '主题', '对齐理由', '行批注']);
      expect(header.length).toBe(1 + 2 + 5);
      const [cityA, cityB] = [fx.docA.city!, fx.docB.city!];
      expect(header[1]).toContain(cityA);
      expect(header[2]).toContain(cityB);
      const confirmed = rows.find((row) => squash(row[1]).includes(squash(linked.a)) && squash(row[2]).includes(squash(linked.b)))!;
      expect(confirmed, 'the confirmed pair is one row').toBeTruthy();
      expect(confirmed[4]).toBe('已确认');
      expect(confirmed[7]).toContain('NOTE-REAL-ROW');
      expect(confirmed[6]).toMatch(/共同词语|相同|互为最佳匹配|所在章节/);
      expect(Number(confirmed[3])).toBeGreaterThan(0);
      const body = rows.slice(1).filter((row) => row.some(Boolean));
      expect(body.length).toBeGreaterThan(3);
      // Values in the interface language, never the internal codes.
      for (const row of body) expect(row[4]).not.toMatch(/suggested|confirmed|rejected/);
      expect(body.some((row) => row[5])).toBe(true);
    },
  );

  it('XLSX, CSV and JSON hold the comparison', () => {
    expect(out.xlsx!.bytes).toBeGreaterThan(5000);
    expect(readFileSync(out.csv!.path, 'utf8').charCodeAt(0)).toBe(0xfeff);
    const json = JSON.parse(readFileSync(out.json!.path, 'utf8'));
    expect(json.comparison.links.some((k: { status: string }) => k.status === 'confirmed')).toBe(true);
    expect(json.annotations.some((a: { text: string }) => a.text.includes('NOTE-REAL-ROW'))).toBe(true);
  });

  it('the JSON export of the whole project has every document, theme, coding, note and comparison', async () => {
    const res = await fx.backend.api.export.project({ format: 'json', path: join(fx.dir, 'real', 'project.json') });
    const json = JSON.parse(readFileSync(res.path, 'utf8'));
    expect(json.documents.length).toBe(5);
    expect(json.documents.every((d: { text: string; clauses: unknown[] }) => d.text.length > 1000 && d.clauses.length > 10)).toBe(true);
    expect(json.themes.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['financing', 'talent']));
    expect(json.codings.length).toBeGreaterThan(50);
    expect(json.comparisons.map((c: { name: string }) => c.name)).toContain('真实比较');
    const note = json.annotations.find((a: { text: string }) => a.text.includes('NOTE-CLAUSE'));
    expect(note.lexical.root.children[0].children[1]).toMatchObject({ text: '融资担保比较', format: 1 });
  });
});
