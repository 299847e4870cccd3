import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Output } from '../../shared/api/contract';
import { foldForSearch } from '../../shared/domain/search';
import { freshProject, repoRoot } from '../contract/harness';
import { parse } from './csv-read';
import { hasTool, libreOffice } from './export.fixture';

// Keyword in context on the five seeds: every exact occurrence, counted independently from the
// clause texts, with contexts that are the document's own text around the hit.
let project: Awaited<ReturnType<typeof freshProject>>;
let docs: Output<'documents.list'>;
const clauses = new Map<number, Output<'documents.clauses'>>();
const texts = new Map<number, string>();

beforeAll(async () => {
  project = await freshProject();
  docs = await project.backend.api.documents.list({});
  for (const d of docs) {
    clauses.set(d.id, await project.backend.api.documents.clauses({ id: d.id }));
    texts.set(d.id, (await project.backend.api.documents.text({ id: d.id })).text);
  }
}, 120_000);
afterAll(() => project?.dispose());

/** Occurrences of a term in every clause's own text, the way search folds text. */
function occurrencesIn(term: string): number {
  const needle = foldForSearch(term);
  let n = 0;
  for (const list of clauses.values()) for (const c of list) n += foldForSearch(c.text).split(needle).length - 1;
  return n;
}

const concordance = (input: Input<'export.concordance'>) => project.backend.api.export.concordance(input);

describe('export.concordance', () => {
  it('lists every exact occurrence (several per clause), with the document text left and right of it, as CSV', async () => {
    const res = await concordance({ query: '小微企业', format: 'csv', locale: 'zh-CN', fileName: 'kwic-1' });
    expect(res.occurrences).toBe(occurrencesIn('小微企业'));
    const rows = parse(readFileSync(res.path, 'utf8'));
    expect(rows[0]).toEqual(['左侧语境', '检索词', '右侧语境', '文件', '城市', '年份', '分篇', '条款']);
    const body = rows.slice(1).filter((r) => r.length > 1);
    expect(body.length).toBe(res.occurrences);
    expect(body.every((r) => r[1] === '小微企业')).toBe(true);
    // More lines than clauses: a clause with the phrase twice gives two lines.
    const perClause = new Map<string, number>();
    for (const r of body) perClause.set(`${r[3]}|${r[6]}|${r[7]}`, (perClause.get(`${r[3]}|${r[6]}|${r[7]}`) ?? 0) + 1);
    expect([...perClause.values()].some((n) => n > 1)).toBe(true);
    // Contexts are the running text: left + hit + right occurs in the document (spaces folded).
    for (const r of body.slice(0, 40)) {
      const d = docs.find((x) => x.title === r[3])!;
      expect(d, r[3]).toBeTruthy();
      expect(texts.get(d.id)!.replace(/\s+/gu, ' ')).toContain(`${r[0]}${r[1]}${r[2]}`);
      expect(r[0].length).toBeLessThanOrEqual(30);
      expect(r[2].length).toBeLessThanOrEqual(30);
      expect(r[4]).toBe(d.city ?? '');
    }
  });

  it('names the plan (part) for a file that carries several, and the clause label', async () => {
    const res = await concordance({ query: '融资', format: 'csv', fileName: 'kwic-2' });
    const rows = parse(readFileSync(res.path, 'utf8'))
      .slice(1)
      .filter((r) => r.length > 1);
    expect(res.occurrences).toBe(occurrencesIn('融资'));
    const withParts = docs.find((d) => d.parts.length > 1)!;
    const partTitles = new Set(
      clauses
        .get(withParts.id)!
        .filter((c) => c.kind === 'part')
        .map((c) => (c.heading || c.text).trim()),
    );
    const mine = rows.filter((r) => r[3] === withParts.title);
    expect(mine.length).toBeGreaterThan(0);
    // Every numbered clause of that file lies in one of its plans; its preamble in none.
    const numbered = mine.filter((r) => /[一二三四五六七八九十0-9]/.test(r[7]));
    expect(numbered.length).toBeGreaterThan(10);
    expect(numbered.every((r) => partTitles.has(r[6]))).toBe(true);
    expect(mine.every((r) => r[6] === '' || partTitles.has(r[6]))).toBe(true);
    expect(new Set(mine.map((r) => r[6])).size).toBeGreaterThan(2);
    expect(rows.filter((r) => r[3] !== withParts.title).every((r) => r[6] === '')).toBe(true);
    // A clause without a number (preamble, a plan's title) is named, never left blank.
    expect(rows.every((r) => r[7] !== '')).toBe(true);
  });

  it('a query of two terms lists the occurrences of each; a city filter keeps that city only', async () => {
    const both = await concordance({ query: '融资 担保', format: 'csv', fileName: 'kwic-3' });
    const rows = parse(readFileSync(both.path, 'utf8'))
      .slice(1)
      .filter((r) => r.length > 1);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['融资', '担保']));
    const qd = await concordance({ query: '小微企业', filters: { cities: ['青岛市'] }, format: 'csv', fileName: 'kwic-4' });
    const qdRows = parse(readFileSync(qd.path, 'utf8'))
      .slice(1)
      .filter((r) => r.length > 1);
    expect(qdRows.length).toBeGreaterThan(0);
    expect(qdRows.every((r) => r[4] === '青岛市')).toBe(true);
  });

  it('XLSX opened by LibreOffice has one row per occurrence; an empty query is refused and writes nothing', { timeout: 200_000 }, async () => {
    const res = await concordance({ query: '人才', format: 'xlsx', locale: 'en' });
    expect(res.path.endsWith('Concordance 人才.xlsx')).toBe(true);
    await expect(concordance({ query: '  ', format: 'csv', fileName: 'never' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(existsSync(join(project.dir, 'exports', 'never.csv'))).toBe(false);
    if (!hasTool('soffice')) return console.warn('SKIPPED: LibreOffice (soffice) is not installed; XLSX not read by a real reader.');
    const dir = join(project.dir, 'lo-kwic');
    const r = libreOffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', dir, res.path], project.dir);
    expect(r.ok, r.output).toBe(true);
    const rows = parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8')).filter((x) => x.length > 1);
    expect(rows[0].slice(0, 3)).toEqual(['Left context', 'Hit', 'Right context']);
    expect(rows.length - 1).toBe(occurrencesIn('人才'));
  });

  it('the CLI command writes the same table', { timeout: 60_000 }, () => {
    const out = join(project.dir, 'cli-kwic.csv');
    const r = spawnSync(
      join(repoRoot, 'node_modules', '.bin', 'tsx'),
      ['electron/cli/main.ts', 'concordance', '--db', join(project.dir, 'policylens.db'), '人才', '--out', out],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'csv', occurrences: occurrencesIn('人才') });
    expect(parse(readFileSync(out, 'utf8')).filter((x) => x.length > 1).length - 1).toBe(occurrencesIn('人才'));
  });
});
