import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import type { Input } from '../../shared/api/contract';
import { freshProject } from '../contract/harness';
import { hasTool, sharedDir } from './export.fixture';
import { projectsPerTest } from '../support/projects';

// Custom document attributes travel in REFI-QDA projects as variables: typed <Variable>s in
// project.qde, <VariableValue>s on each source; the XML validates against the REFI-QDA schema and
// an import into an empty project gives the same attributes with the same values back.
const project = projectsPerTest();

async function withAttributes(b: Backend) {
  const docs = await b.api.documents.list({});
  const make = (input: Input<'attributes.create'>) => b.api.attributes.create(input);
  const a = {
    region: await make({ name: '东中西部', type: 'choice', options: ['东部', '中部', '西部'] }),
    kind: await make({ name: '政策类型', type: 'text' }),
    pilot: await make({ name: '试点城市', type: 'boolean' }),
    year: await make({ name: '发文年份', type: 'number' }),
    day: await make({ name: '批准日期', type: 'date' }),
    share: await make({ name: 'Share & <ratio>', type: 'number' }),
  };
  const west = docs.filter((d) => d.city === '咸宁市').map((d) => d.id);
  const east = docs.filter((d) => d.city !== '咸宁市').map((d) => d.id);
  await b.api.attributes.set({
    docIds: east,
    values: [
      { attributeId: a.region.id, value: '东部' },
      { attributeId: a.pilot.id, value: true },
      { attributeId: a.kind.id, value: '实施方案 "plan" <A&B>' },
    ],
  });
  await b.api.attributes.set({
    docIds: west,
    values: [
      { attributeId: a.region.id, value: '中部' },
      { attributeId: a.pilot.id, value: false },
    ],
  });
  await b.api.attributes.set({
    docIds: [east[0]],
    values: [
      { attributeId: a.year.id, value: 2021 },
      { attributeId: a.day.id, value: '2022年1月21日' },
      { attributeId: a.share.id, value: 0.0000001 },
    ],
  });
  return { docs, a, east, west };
}

/** Title → { attribute name → value } of a project, to compare two projects. */
async function byTitle(b: Backend): Promise<Record<string, Record<string, unknown>>> {
  const docs = await b.api.documents.list({});
  const attrs = new Map((await b.api.attributes.list({})).map((a) => [String(a.id), a.name]));
  const values = await b.api.attributes.values({});
  const out: Record<string, Record<string, unknown>> = {};
  for (const v of values) {
    const d = docs.find((x) => x.id === v.docId)!;
    out[d.title ?? d.file] = Object.fromEntries(Object.entries(v.values).map(([k, x]) => [attrs.get(k), x]));
  }
  return out;
}

describe('REFI-QDA variables from document attributes', () => {
  it('export typed variables that validate (xmllint) and import them back as the same attributes', { timeout: 180_000 }, async () => {
    const { backend: b, dir } = await project();
    await withAttributes(b);
    const out = join(dir, 'attributes.qdpx');
    await b.api.export.project({ format: 'qdpx', path: out });
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = await zip.file('project.qde')!.async('string');
    expect(xml).toContain('name="东中西部" typeOfVariable="Text"');
    expect(xml).toContain('name="试点城市" typeOfVariable="Boolean"');
    expect(xml).toContain('name="发文年份" typeOfVariable="Float"');
    expect(xml).toContain('name="批准日期" typeOfVariable="Date"');
    expect(xml).toMatch(/<DateValue>2022-01-21<\/DateValue>/);
    expect(xml).toMatch(/<FloatValue>0\.0000001<\/FloatValue>/);
    expect(xml).toContain('<BooleanValue>false</BooleanValue>');
    if (!sharedDir) console.warn('SKIPPED validation: ../shared (with eval/refi-qda/Project.xsd) is absent.');
    else if (!hasTool('xmllint')) console.warn('SKIPPED validation: xmllint (libxml2-utils) is not installed.');
    else {
      const qde = join(dir, 'project.qde');
      writeFileSync(qde, xml);
      const r = spawnSync('xmllint', ['--noout', '--schema', join(sharedDir, 'eval', 'refi-qda', 'Project.xsd'), qde], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }

    const target = await freshProject({ seeds: false });
    try {
      const report = await target.backend.api.project.importQdpx({ path: out });
      expect(report.documents.length).toBe(5);
      expect(report.warnings.join('\n')).not.toMatch(/variable value/i);
      const attrs = await target.backend.api.attributes.list({});
      expect(attrs.map((x) => [x.name, x.type, x.options])).toEqual([
        ['东中西部', 'choice', ['东部', '中部', '西部']],
        ['政策类型', 'text', []],
        ['试点城市', 'boolean', []],
        ['发文年份', 'number', []],
        ['批准日期', 'date', []],
        ['Share & <ratio>', 'number', []],
      ]);
      expect(await byTitle(target.backend)).toEqual(await byTitle(b));
      // Importing the same file again reuses the attributes rather than making copies.
      await target.backend.api.project.importQdpx({ path: out });
      expect((await target.backend.api.attributes.list({})).length).toBe(6);
    } finally {
      target.dispose();
    }
  });

  it('export only the documents an attribute filter selects, with attribute columns in the tables', { timeout: 120_000 }, async () => {
    const { backend: b, dir } = await project();
    const { a, docs, west } = await withAttributes(b);
    const out = join(dir, 'west.qdpx');
    await b.api.export.project({ format: 'qdpx', path: out, attributes: [{ attributeId: a.region.id, values: ['中部'] }] });
    const xml = await (await JSZip.loadAsync(readFileSync(out))).file('project.qde')!.async('string');
    const sources = [...xml.matchAll(/<TextSource [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    expect(sources).toEqual(docs.filter((d) => west.includes(d.id)).map((d) => d.title));
    // The tables: only the pilot cities' codings, and one column per attribute.
    const xlsx = join(dir, 'tables.xlsx');
    await b.api.export.project({ format: 'xlsx', path: xlsx, attributes: [{ attributeId: a.pilot.id, values: ['false'] }] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-6)).toEqual(['东中西部', '政策类型', '试点城市', '发文年份', '批准日期', 'Share & <ratio>']);
    expect(sheet.rowCount).toBeGreaterThan(1);
    const regionCol = header.indexOf('东中西部') + 1;
    const pilotCol = header.indexOf('试点城市') + 1;
    const titles = new Set<unknown>();
    for (let r = 2; r <= sheet.rowCount; r++) {
      titles.add(sheet.getRow(r).getCell(1).value);
      expect([sheet.getRow(r).getCell(regionCol).value, sheet.getRow(r).getCell(pilotCol).value]).toEqual(['中部', 'no']);
    }
    expect([...titles]).toEqual(docs.filter((d) => west.includes(d.id)).map((d) => d.title));
  });
});
