import { expect, test } from './fixtures';
import { QuickOpen } from './pages/quickopen';

test('Ctrl+K finds a document by a fuzzy title and opens it', async ({ app }) => {
  const qo = new QuickOpen(app.page);
  await qo.open();
  await qo.type('海曙 成长计划');
  await qo.choose(/海曙区/);
  await expect(app.page.getByTestId('reader')).toBeVisible();
  await expect(app.page.getByTestId('reader-title')).toContainText('海曙区');
});

test('quick open runs commands: import, and switching the language', async ({ app }) => {
  const qo = new QuickOpen(app.page);
  await qo.open();
  await qo.type('English');
  await qo.choose(/English/);
  await qo.open();
  await qo.type('简体中文');
  await qo.choose(/简体中文/);
  await expect(app.page.getByTestId('nav-search')).toHaveText(/检索/);
  await qo.open();
  await qo.type('导入');
  await qo.choose(/导入文件/);
  await expect(app.page).toHaveURL(/#\/library\?import=1/);
});

test('quick open offers clause headings and a search for what was typed; Escape closes it', async ({ app }) => {
  const qo = new QuickOpen(app.page);
  await qo.open();
  await qo.type('保障措施');
  await expect(qo.items.filter({ hasText: '保障措施' }).first()).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(qo.dialog).toBeHidden();
  await qo.open();
  await qo.type('担保');
  await qo.choose(/Search clauses for/);
  await expect(app.page.getByTestId('search-page')).toBeVisible();
  await expect(app.page.getByTestId('search-total')).toBeVisible();
});
