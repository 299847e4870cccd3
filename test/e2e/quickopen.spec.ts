import { expect, test } from './fixtures';
import { InputMethod } from './pages/ime';
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

test('while an input method composes, Enter and Escape in quick open belong to it: nothing runs, nothing closes', async ({ app }) => {
  const qo = new QuickOpen(app.page);
  await qo.open();
  const ime = await InputMethod.on(app.page);
  await ime.compose('haishu');
  await expect(qo.input).toHaveValue('haishu');
  for (const key of ['Enter', 'Escape'] as const) await ime.press(key);
  await expect(qo.dialog).toBeVisible();
  await expect(app.page.getByTestId('library')).toBeVisible();
  await ime.commit('海曙');
  await expect(qo.input).toHaveValue('海曙');
  await expect(qo.items.first()).toContainText('海曙');
  // Composition over, the keys are the dialog's again.
  await qo.input.press('Escape');
  await expect(qo.dialog).toBeHidden();
});
