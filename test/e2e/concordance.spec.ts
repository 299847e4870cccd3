import { readFileSync } from 'node:fs';
import { foldForSearch } from '../../shared/domain/search';
import { expect, test } from './fixtures';
import type { StartedHost } from './host';
import { hostApi } from './pages/api';
import { SearchPage } from './pages/search';

/** Occurrences of `q` in every clause's own text, counted through the app's API (not the concordance). */
async function occurrences(host: StartedHost, q: string, city?: string): Promise<number> {
  const api = hostApi(host);
  const needle = foldForSearch(q);
  const fold = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');
  let n = 0;
  for (const d of await api.documents.list({})) {
    if (city && d.city !== city) continue;
    for (const c of await api.documents.clauses({ id: d.id })) n += fold(c.text).split(needle).length - 1;
  }
  return n;
}

test('the Search page exports the query as a concordance: every occurrence, downloaded as CSV and XLSX', async ({ app, host }) => {
  await app.goto('search');
  const search = new SearchPage(app.page);
  await search.search('小微企业');
  await search.filterCity('青岛市');
  await expect.poll(() => app.page.url()).toContain('city');
  const want = await occurrences(host, '小微企业', '青岛市');
  // More occurrences than clauses: the concordance is not one line per hit.
  expect(want).toBeGreaterThan(await search.totalCount());

  await app.page.getByTestId('concordance-format').selectOption('csv');
  const [csv] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('concordance-export').click()]);
  expect(csv.suggestedFilename()).toMatch(/^Concordance 小微企业.*\.csv$/);
  const text = readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split('\r\n').filter(Boolean);
  expect(lines[0].startsWith('Left context,Hit,Right context,Document,City,Year')).toBe(true);
  // One record per occurrence, each with the hit in its own column (no field holds a line break).
  expect(lines.length - 1).toBe(want);
  expect(lines.slice(1).every((l) => l.includes(',小微企业,') && l.includes('青岛市'))).toBe(true);
  await expect(app.page.getByTestId('concordance-status')).toContainText(String(want));

  // Again, as XLSX.
  await app.page.getByTestId('concordance-format').selectOption('xlsx');
  const [xlsx] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('concordance-export').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
  expect(wb.worksheets[0].rowCount - 1).toBe(want);
  await app.page.screenshot({ path: test.info().outputPath('concordance.png') });
});
