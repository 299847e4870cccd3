import { expect, test } from './fixtures';
import { InputMethod } from './pages/ime';
import { ThemesSection } from './pages/themes';

test('codebook editing: labelled move, indent and add-child controls, keywords and description in fields of their own', async ({ app }) => {
  const { page } = app;
  const themes = new ThemesSection(page);
  await themes.open('codebook');
  const rows = page.getByTestId('theme-row');
  const second = rows.nth(1);
  const id = await second.getAttribute('data-theme');
  for (const [testId, text] of [
    ['theme-move-up', 'Move up'],
    ['theme-move-down', 'Move down'],
    ['theme-indent', 'Indent'],
    ['theme-outdent', 'Outdent'],
    ['theme-add-child', 'Add sub-theme'],
  ]) {
    await expect(second.getByTestId(testId)).toHaveText(text);
    await expect(second.getByTestId(testId).locator('svg')).toHaveCount(1);
  }
  await expect(second.getByText('Description — what counts as this theme')).toBeVisible();
  await expect(second.getByTestId('theme-description')).toHaveJSProperty('tagName', 'TEXTAREA');
  await expect(second.getByText('Keywords (comma-separated)')).toBeVisible();
  await second.getByTestId('theme-keywords').fill('担保, 贷款');
  await second.getByTestId('theme-description').click();
  await second.getByTestId('theme-description').fill('Loans and guarantees for small firms');
  await second.getByTestId('theme-keywords').click();
  await second.getByTestId('theme-indent').click();
  await expect(themes.themeRow(id!)).toHaveAttribute('style', /margin-left: 1\.5rem/);
  await app.reload();
  await expect(page.getByTestId('codebook')).toBeVisible();
  await expect(themes.themeRow(id!).getByTestId('theme-keywords')).toHaveValue('担保, 贷款');
  await expect(themes.themeRow(id!).getByTestId('theme-description')).toHaveValue('Loans and guarantees for small firms');
});

test('icons are SVG, not emoji glyphs; English UI names themes in English', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('doc-title').filter({ hasText: '四大专项行动方案' }).first().click();
  await page
    .getByTestId('clause')
    .filter({ has: page.getByTestId('suggestion-stripe') })
    .first()
    .click();
  const chip = page.locator('[data-testid=clause].selected [data-testid=suggestion]').first();
  await expect(chip).toBeVisible();
  await expect(chip.getByTestId('accept-suggestion').locator('svg')).toHaveCount(1);
  expect(await chip.getByTestId('accept-suggestion').getAttribute('aria-label')).toMatch(/^Accept [A-Za-z]/);
  await page.locator('[data-testid=clause].selected [data-testid=annotate-clause]').click();
  const toolbar = page.getByTestId('notes-panel').locator('.note-toolbar').first();
  await expect(toolbar.getByTestId('fmt-link').locator('svg')).toHaveCount(1);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/[\u{1F300}-\u{1FAFF}]/u);
});

test('while an input method composes, Enter in a codebook field belongs to it: nothing is saved until the words are chosen', async ({ app }) => {
  const { page } = app;
  const themes = new ThemesSection(page);
  await themes.open('codebook');
  const row = page.getByTestId('theme-row').nth(1);
  const updates: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/call/themes.update')) updates.push(r.postData() ?? '');
  });
  const ime = await InputMethod.on(page);
  for (const [testId, pinyin, words] of [
    ['theme-name-zh', 'rencai', '人才引进'],
    ['theme-keywords', 'danbao', '担保'],
  ] as const) {
    const field = row.getByTestId(testId);
    await field.click();
    await field.fill('');
    await ime.compose(pinyin);
    await expect(field).toHaveValue(pinyin);
    await ime.press('Enter');
    await ime.commit(words);
    await expect(field).toHaveValue(words);
    expect(updates.filter((u) => u.includes(pinyin))).toEqual([]);
    // The words chosen, Enter saves them.
    await field.press('Enter');
    await expect.poll(() => updates.some((u) => u.includes(words))).toBe(true);
  }
  const id = await row.getAttribute('data-theme');
  await app.reload();
  await expect(themes.themeRow(id!).getByTestId('theme-name-zh')).toHaveValue('人才引进');
  await expect(themes.themeRow(id!).getByTestId('theme-keywords')).toHaveValue('担保');
  expect(updates.some((u) => /rencai|danbao/.test(u))).toBe(false);
});
