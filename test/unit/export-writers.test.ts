import { describe, expect, it } from 'vitest';
import { rowsFromLinks } from '../../electron/backend/export/comparison-source';
import { safeFileName } from '../../electron/backend/export/files';
import { reportToHtml } from '../../electron/backend/export/formats/html';
import { reportToMarkdown } from '../../electron/backend/export/formats/markdown';
import { headlessChromiumRenderer } from '../../electron/backend/export/formats/pdf';
import { tableToCsv } from '../../electron/backend/export/formats/tables';
import { defaultReportOptions, type ExportClause, type ExportModel } from '../../electron/backend/export/model';
import { buildReport } from '../../electron/backend/export/report/build';
import { segmentText } from '../../electron/backend/export/report/segments';
import { codingTable } from '../../electron/backend/export/report/tables';
import { ApiError } from '../../shared/api/errors';

// Hand-built models: hostile text where a document's text goes, and the grouping rules.
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> **加粗** [链接](javascript:x) =HYPERLINK("x")';

function clause(id: number, docId: number, text: string, path: string): ExportClause {
  return {
    id,
    docId,
    parentId: null,
    label: '',
    kind: 'measure',
    heading: null,
    text,
    start: 0,
    end: text.length,
    path,
    agencies: { lead: ['市财政局'], responsible: [] },
    instrument: 'supply',
  };
}

function model(): ExportModel {
  const a = clause(1, 10, `安排资金500万元。${HOSTILE}`, '一-(一)');
  const b = clause(2, 20, '安排资金300万元，支持融资担保。', '二-(三)');
  const doc = (id: number, c: ExportClause, title: string) => ({
    id,
    file: `${id}.txt`,
    title,
    city: '青岛市',
    province: null,
    level: 'city',
    issuer: null,
    docNumber: '青政发〔2012〕46号',
    dateWritten: null,
    datePublished: null,
    validity: null,
    period: null,
    year: 2016,
    text: c.text,
    clauses: [c],
  });
  return {
    projectName: 'p',
    appVersion: '0',
    exportedAt: '2026-01-01T00:00:00.000Z',
    comparison: {
      id: 1,
      name: `比较 ${HOSTILE}`,
      documentIds: [10, 20],
      members: [
        { docId: 10, partIndex: null, title: 'A', clauseIds: [1] },
        { docId: 20, partIndex: null, title: 'B', clauseIds: [2] },
      ],
      links: [{ a: 1, b: 2, score: 0.7, status: 'confirmed' }],
      rows: [
        {
          id: 'r',
          cells: [
            { member: 0, docId: 10, clauseIds: [1] },
            { member: 1, docId: 20, clauseIds: [2] },
          ],
          links: [{ a: 1, b: 2, score: 0.7, status: 'confirmed' }],
        },
      ],
    },
    documents: [doc(10, a, `文件 ${HOSTILE}`), doc(20, b, '文件B')],
    themes: [{ id: 'financing', parentId: null, name: '融资', nameEn: 'Financing', color: '#336699', instrument: 'environment', description: null }],
    codings: [{ id: 'c1', docId: 10, clauseId: 1, wholeClause: true, start: 0, end: a.text.length, themeId: 'financing', status: 'accepted', source: 'auto' }],
    annotations: [
      {
        id: 'a1',
        anchor: { kind: 'clause', docId: 10, clauseId: 1 },
        lexical: { root: { children: [{ type: 'paragraph', children: [{ type: 'text', text: HOSTILE, format: 1 }] }] } },
        text: HOSTILE,
        createdAt: null,
      },
    ],
    targets: null,
    comparisons: [],
    warnings: [],
  };
}

describe('export writers', () => {
  it('HTML escapes every text from documents, metadata and notes', () => {
    const html = reportToHtml(buildReport(model(), defaultReportOptions), 'en');
    expect(html).not.toMatch(/<script|<img|href="javascript/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<strong>&lt;script&gt;');
  });

  it('Markdown escapes markup in document text', () => {
    const md = reportToMarkdown(buildReport(model(), defaultReportOptions));
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\*\\*加粗\\*\\*');
    expect(md).toContain('\\[链接\\](javascript:x)');
  });

  it('highlights what differs between the two sides and marks numbers', () => {
    const segs = segmentText('安排资金500万元。', '安排资金300万元，支持融资担保。');
    expect(segs.find((s) => s.text.includes('安排资金'))?.diff).toBe(false);
    expect(
      segs
        .filter((s) => s.number)
        .map((s) => s.text)
        .join(''),
    ).toBe('500万元');
    expect(segs.some((s) => s.diff && /5/.test(s.text))).toBe(true);
  });

  it('CSV has a BOM, quotes fields and defuses formulas', () => {
    const csv = tableToCsv(codingTable(model(), defaultReportOptions)).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFDocument,City,Year,Document number (文号),Clause,Text,Themes,Instrument class,Agencies,Annotation,Status');
    expect(csv).toContain('一-(一)');
    expect(csv).toContain('市财政局');
    expect(tableToCsv({ name: 'x', header: ['a'], rows: [['=1+1'], ['-2'], [-2]] }).toString('utf8')).toBe("\uFEFFa\r\n'=1+1\r\n'-2\r\n-2\r\n");
  });

  it('groups many-to-many links into rows and leaves rejected links out', () => {
    const member = new Map([
      [1, { member: 0, docId: 10 }],
      [2, { member: 1, docId: 20 }],
      [3, { member: 1, docId: 20 }],
      [4, { member: 0, docId: 10 }],
      [5, { member: 1, docId: 20 }],
    ]);
    const rows = rowsFromLinks(
      [
        { a: 1, b: 2, score: 0.9, status: 'confirmed' },
        { a: 1, b: 3, score: 0.5, status: 'suggested' },
        { a: 4, b: 5, score: 0.4, status: 'rejected' },
      ],
      (id) => member.get(id),
      (id) => id,
    );
    expect(rows.map((r) => r.cells.map((c) => c.clauseIds))).toEqual([[[1], [2, 3]]]);
  });

  it('PDF without a Chromium fails with a clear "unavailable" error', async () => {
    const err = await headlessChromiumRenderer(null)
      .render('<p>x</p>')
      .catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('unavailable');
    expect((err as ApiError).message).toMatch(/Chromium|Chrome/);
  });

  it('file names keep Chinese and lose what file systems refuse', () => {
    expect(safeFileName('青岛/温州: 比较?*')).toBe('青岛 温州 比较');
    expect(safeFileName('..\\..\\x')).toBe('x');
  });
});
