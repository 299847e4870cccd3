import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library';
import { SearchPage } from './pages/search';

test('on a fresh project the theme filter in Search counts suggestions too, and an empty result says which filter excluded what', async ({ app }) => {
  const { page } = app;
  await app.goto('search');
  const search = new SearchPage(page);
  await search.search('担保');
  const all = await search.totalCount();
  await page.getByTestId('filter-theme').selectOption('financing');
  // Default: confirmed and suggested codings — a fresh project has suggestions only.
  await expect(page.getByTestId('filter-theme-mode')).toHaveValue('both');
  await expect(search.hits.first()).toBeVisible();
  const both = await search.totalCount();
  expect(both).toBeGreaterThan(0);
  expect(both).toBeLessThanOrEqual(all);
  await page.getByTestId('filter-theme-mode').selectOption('coded');
  await expect(page.getByTestId('search-none')).toBeVisible();
  await expect(page.getByTestId('search-none')).toContainText(`“担保” occurs in ${all} clauses, but none of them passes the filters`);
  await expect(page.getByTestId('search-excluded')).toContainText(`Without “Theme (confirmed codings only)”: ${all} clauses`);
  await page.getByTestId('filter-theme-mode').selectOption('suggested');
  await expect(search.hits.first()).toBeVisible();
  // The mode is part of the address: a reload keeps it.
  await app.reload();
  await expect(page.getByTestId('filter-theme-mode')).toHaveValue('suggested');
  await expect(search.hits.first()).toBeVisible();
});

test('the Reader’s theme filter counts suggestions by default and names what a stricter counting excludes', async ({ app }) => {
  const { page } = app;
  await new LibraryPage(page).open('四大专项行动方案');
  await page.getByTestId('filter-financing').check();
  await expect(page.getByTestId('reader-filter-count')).toContainText(/[1-9]\d* clauses? with Financing \(confirmed and suggested\)/);
  await page.getByTestId('reader-filter-mode').selectOption('coded');
  await expect(page.getByTestId('reader-filter-count')).toContainText('0 clauses with Financing (confirmed codings only)');
  await expect(page.getByTestId('reader-filter-excluded')).toContainText('counting confirmed and suggested');
});
