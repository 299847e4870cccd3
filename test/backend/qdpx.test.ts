import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../electron/backend/export/model-builder';
import { defaultReportOptions, type ExportModel } from '../../electron/backend/export/model';
import { modelToQdpx } from '../../electron/backend/export/qdpx/export';
import { freshProject } from '../contract/harness';
import { hasTool, seedFixture, sharedDir, type SeedFixture } from './export.fixture';

// A REFI-QDA export of real seeds with codings and notes, plus a document with characters outside
// the BMP: the XML must validate against the REFI-QDA schema, positions must be code points, and
// importing the file into an empty project must put every coding back on the same text.
let fx: SeedFixture;
let model: ExportModel;
let zip: JSZip;
let qdpxPath: string;
let astralDocId: number;
const ASTRAL = '关于𠀀𠀁支持小微企业发展的通知\n\n一、总体要求\n(一)𡃁𡃁😀支持融资担保机构发展，安排资金500万元。\n(二)加强人才引进工作，新增人才1000名。\n';

beforeAll(async () => {
  fx = await seedFixture();
  const file = join(fx.dir, 'astral-test.txt');
  writeFileSync(file, ASTRAL);
  const imp = await fx.backend.api.documents.importPaths({ paths: [file] });
  astralDocId = imp.imported[0].id;
  const clauses = await fx.backend.api.documents.clauses({ id: astralDocId });
  const { text } = await fx.backend.api.documents.text({ id: astralDocId });
  const at = text.indexOf('融资担保');
  const clause = clauses.find((c) => c.start <= at && c.end > at)!;
  await fx.backend.api.themes.code({ clauseId: clause.id, themeId: 'financing', start: at, end: at + 4 });
  model = await buildModel(fx.backend.context, { documentIds: [fx.docA.id, fx.docB.id, astralDocId] }, 'qdpx test');
  model.comparison = null;
  const bytes = await modelToQdpx(model, defaultReportOptions);
  qdpxPath = join(fx.dir, 'export.qdpx');
  writeFileSync(qdpxPath, bytes);
  zip = await JSZip.loadAsync(bytes);
}, 120_000);
afterAll(() => fx?.dispose());

const codingKeys = (m: ExportModel) => {
  const docs = new Map(m.documents.map((d) => [d.id, d]));
  const clauses = new Map(m.documents.flatMap((d) => d.clauses.map((c) => [c.id, c] as const)));
  const themes = new Map(m.themes.map((t) => [t.id, t.name]));
  return m.codings
    .filter((c) => c.status !== 'rejected')
    .map((c) => `${themes.get(c.themeId)}|${c.wholeClause ? clauses.get(c.clauseId!)!.text : docs.get(c.docId)!.text.slice(c.start, c.end)}`);
};

describe('REFI-QDA export', () => {
  it('project.qde validates against the REFI-QDA 1.0 schema (xmllint)', () => {
    if (!sharedDir) return console.warn('SKIPPED: ../shared (with eval/refi-qda/Project.xsd) is absent.');
    if (!hasTool('xmllint')) return console.warn('SKIPPED: xmllint (libxml2-utils) is not installed.');
    const out = join(fx.dir, 'project.qde');
    return zip
      .file('project.qde')!
      .async('string')
      .then((xml) => {
        writeFileSync(out, xml);
        const r = spawnSync('xmllint', ['--noout', '--schema', join(sharedDir!, 'eval', 'refi-qda', 'Project.xsd'), out], { encoding: 'utf8' });
        expect(r.stderr).toContain('validates');
        expect(r.status, r.stderr).toBe(0);
      });
  });

  it('holds each document as UTF-8 text named by its GUID, codes with colours, codings and notes', async () => {
    const xml = await zip.file('project.qde')!.async('string');
    const paths = [...xml.matchAll(/plainTextPath="internal:\/\/([0-9A-F-]{36})\.txt"/g)].map((m) => m[1]);
    expect(paths.length).toBe(3);
    for (const guid of paths) expect(zip.file(`sources/${guid}.txt`)).not.toBeNull();
    const texts = await Promise.all(paths.map((g) => zip.file(`sources/${g}.txt`)!.async('string')));
    expect(texts).toContain(model.documents.find((d) => d.id === astralDocId)!.text);
    expect(xml).toMatch(/<Code guid="[0-9A-F-]{36}" name="[^"]+" isCodable="true" color="#[0-9A-F]{6}"/);
    expect((xml.match(/<Coding /g) ?? []).length).toBe(model.codings.filter((c) => c.status !== 'rejected').length);
    expect(xml).toContain('NOTE-CLAUSE');
    expect(xml).toContain('NOTE-RANGE');
  });

  it('counts positions in code points, not UTF-16 units', async () => {
    const xml = await zip.file('project.qde')!.async('string');
    const doc = model.documents.find((d) => d.id === astralDocId)!;
    const u16 = doc.text.indexOf('融资担保');
    const cp = Array.from(doc.text.slice(0, u16)).length;
    expect(cp).toBeLessThan(u16); // the document really has astral characters before the range
    expect(xml).toMatch(new RegExp(`startPosition="${cp}" endPosition="${cp + 4}"`));
  });

  it('round trip: importing the .qdpx into an empty project keeps every coding on the same text', { timeout: 120_000 }, async () => {
    const target = await freshProject({ seeds: false });
    try {
      const report = await target.backend.api.project.importQdpx({ path: qdpxPath });
      expect(report.documents.length).toBe(3);
      const back = await buildModel(target.backend.context, {}, 'round trip');
      const after = new Map<string, number>();
      for (const k of codingKeys(back)) after.set(k, (after.get(k) ?? 0) + 1);
      const missing = codingKeys(model).filter((k) => {
        const n = after.get(k) ?? 0;
        if (n) after.set(k, n - 1);
        return !n;
      });
      expect(missing).toEqual([]);
      expect(codingKeys(back)).toContain('融资|融资担保'.replace('融资|', `${model.themes.find((t) => t.id === 'financing')!.name}|`));
      const notes = back.annotations.map((a) => a.text).join('\n');
      expect(notes).toContain('NOTE-CLAUSE');
      expect(notes).toContain('NOTE-RANGE');
    } finally {
      target.dispose();
    }
  });
});
