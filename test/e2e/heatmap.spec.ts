import { expect, test } from './fixtures';
import { ThemesSection } from './pages/themes';

type Heat = {
  columns: Array<{ key: string; city: string; docId: number | null; clauses: number }>;
  cells: Array<{ themeId: string; column: string; count: number }>;
};

async function heatmap(page: import('@playwright/test').Page, by: 'city' | 'document'): Promise<Heat> {
  return page.evaluate(async (by) => {
    const token = sessionStorage.getItem('policylens.token') ?? '';
    const res = await fetch('/api/call/themes.heatmap', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-policylens-token': token },
      body: JSON.stringify({ mode: 'suggested', by }),
    });
    return (await res.json()).result;
  }, by);
}

test('the heatmap shows counts, shares of each city’s clauses, and one column per document', async ({ app }) => {
  const themes = new ThemesSection(app.page);
  await themes.open('heatmap');
  const table = app.page.getByTestId('heatmap-table');
  await expect.poll(async () => new Set(await themes.heatmapColumns()).size).toBe(4);
  const byCity = await heatmap(app.page, 'city');
  const qingdao = byCity.columns.find((c) => c.city === '青岛市')!;
  const count = byCity.cells.find((c) => c.themeId === 'financing' && c.column === '青岛市')!.count;
  const cell = table.getByTestId('cell-financing-青岛市');
  await expect(cell).toHaveText(String(count));

  // Share: the count over the city's codable clauses, so Qingdao's two documents do not dominate.
  await app.page.getByTestId('heat-measure-share').check();
  await expect(cell).toHaveText(`${((100 * count) / qingdao.clauses).toFixed(1)}%`);
  await expect(cell).toHaveAttribute('data-count', String(count));

  // Per document: five columns; Qingdao's two documents add up to the city's count.
  await app.page.getByTestId('heat-measure-count').check();
  await app.page.getByTestId('heat-by-document').check();
  await expect.poll(async () => (await themes.heatmapColumns()).length).toBe(5);
  const byDoc = await heatmap(app.page, 'document');
  const qingdaoDocs = byDoc.columns.filter((c) => c.city === '青岛市');
  expect(qingdaoDocs.length).toBe(2);
  expect(qingdaoDocs.reduce((n, c) => n + c.clauses, 0)).toBe(qingdao.clauses);
  let sum = 0;
  for (const d of qingdaoDocs) {
    const n = byDoc.cells.find((c) => c.themeId === 'financing' && c.column === d.key)?.count ?? 0;
    if (n) await expect(table.getByTestId(`cell-financing-${d.key}`)).toHaveText(String(n));
    sum += n;
  }
  expect(sum).toBe(count);
  // A document's cell lists that document's clauses only.
  const first = qingdaoDocs.find((d) => byDoc.cells.some((c) => c.themeId === 'financing' && c.column === d.key))!;
  await table.getByTestId(`cell-financing-${first.key}`).click();
  const links = app.page.getByTestId('cell-clauses').locator('a');
  await expect(links.first()).toBeVisible();
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(new RegExp(`^#/reader/${first.docId}\\?`));
  await app.page.getByTestId('heat-measure-share').check();
  await app.page.screenshot({ path: test.info().outputPath('heatmap.png'), fullPage: true });
});

test('the drill-down names a clause of a multi-plan file with its plan, so 三-(三) is never ambiguous', async ({ app }) => {
  const themes = new ThemesSection(app.page);
  await themes.open('heatmap');
  const table = app.page.getByTestId('heatmap-table');
  await expect.poll(async () => new Set(await themes.heatmapColumns()).size).toBe(4);
  // Wenzhou's file holds four plans, each numbered from 一、 again.
  await table.getByTestId('cell-financing-温州市').click();
  const links = app.page.getByTestId('cell-clauses').locator('a');
  await expect(links.first()).toBeVisible();
  const texts = await links.allInnerTexts();
  expect(texts.length).toBeGreaterThan(0);
  for (const t of texts) expect(t).toMatch(/^温州市 · [^·]+ · [一二三四五六七八九十]/u);
});
