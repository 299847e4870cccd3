import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library';
import { ReaderPage } from './pages/reader';
import { ReaderCoding, ThemesSection, selectInClause } from './pages/themes';

const QINGDAO_2016 = '小微企业创业创新基地城市示范工作推进方案';

test('codes a clause and a text range, accepts and rejects suggestions, and finds all of it after reload', async ({ app }) => {
  await new LibraryPage(app.page).open(QINGDAO_2016);
  const reader = new ReaderPage(app.page);
  const coding = new ReaderCoding(app.page);

  const voucher = reader.clause('开展科技创新券试点');
  await coding.codeClause(voucher, 'credit_system');

  await voucher.click();
  const suggestion = coding.suggestions(voucher).first();
  const acceptedTheme = await suggestion.getAttribute('data-theme');
  await suggestion.getByTestId('accept-suggestion').click();
  await expect(coding.codings(voucher).and(app.page.locator(`[data-theme=${acceptedTheme}]`))).toHaveCount(1);

  const tax = reader.clause('进一步加强小微企业税收政策宣传');
  await tax.click();
  const toReject = coding.suggestions(tax).first();
  const rejectedTheme = await toReject.getAttribute('data-theme');
  await toReject.getByTestId('reject-suggestion').click();
  await expect(tax.locator(`[data-testid=suggestion][data-theme=${rejectedTheme}]`)).toHaveCount(0);

  const talent = reader.clause('实施创业培训计划');
  await talent.click();
  const picked = await selectInClause(talent, 0, 6);
  expect(picked).toHaveLength(6);
  await coding.codeSelection('organisation_support');
  await expect(coding.codedRanges(talent)).toHaveCount(1);
  await expect(coding.codedRanges(talent)).toHaveText(picked);

  await app.reload();
  await expect(app.page.getByTestId('reader')).toBeVisible();
  await expect(coding.stripes(reader.clause('开展科技创新券试点'), 'credit_system')).toHaveCount(1);
  await expect(coding.stripes(reader.clause('开展科技创新券试点'), acceptedTheme!)).toHaveCount(1);
  await reader.clause('进一步加强小微企业税收政策宣传').click();
  await expect(reader.clause('进一步加强小微企业税收政策宣传').locator(`[data-theme=${rejectedTheme}]`)).toHaveCount(0);
  await expect(coding.codedRanges(reader.clause('实施创业培训计划'))).toHaveText(picked);
  await expect(coding.stripes(reader.clause('实施创业培训计划'), 'organisation_support')).toHaveCount(1);
});

test('the heatmap shows the seeds’ cities and lists the clauses of a cell', async ({ app }) => {
  const themes = new ThemesSection(app.page);
  await themes.open('heatmap');
  await expect(app.page.getByTestId('heatmap-table')).toBeVisible();
  // Polled: on first run the seeds may still be importing when the page opens.
  await expect.poll(async () => [...new Set(await themes.heatmapColumns())].sort()).toEqual(['咸宁市', '宁波市', '温州市', '青岛市'].sort());
  await app.page.getByTestId('cell-financing-温州市').click();
  await expect(app.page.getByTestId('cell-clauses').locator('li').first()).toBeVisible();
  await app.page.getByTestId('mode-coded').check();
  await expect(app.page.getByTestId('heatmap-table').locator('button')).toHaveCount(0);
});

test('undo restores a deleted theme with its codings', async ({ app }) => {
  const themes = new ThemesSection(app.page);
  await themes.open('codebook');
  const counts = await themes.themeRow('financing').locator('.counts').textContent();
  expect(counts).toMatch(/[1-9]\d* suggested/);
  await themes.deleteTheme('financing');
  await themes.undoWithKeyboard();
  await expect(themes.themeRow('financing')).toHaveCount(1);
  await expect(themes.themeRow('financing').locator('.counts')).toHaveText(counts!);
  await app.page.keyboard.press('Control+Shift+z');
  await expect(themes.themeRow('financing')).toHaveCount(0);
  await app.page.getByTestId('themes-undo').click();
  await expect(themes.themeRow('financing')).toHaveCount(1);
});
