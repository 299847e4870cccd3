import { expect, test } from './fixtures';
import { InputMethod } from './pages/ime';
import { ReaderPage } from './pages/reader';
import { SearchPage, typeAndEnter } from './pages/search';

test('Enter right after changing the query opens the first hit of the new query, not the previous one', async ({ app }) => {
  const { page } = app;
  await app.goto('search');
  const search = new SearchPage(page);
  await search.search('人才');
  await expect(search.hits.first()).toBeVisible();
  await typeAndEnter(page, '担保');
  const reader = new ReaderPage(page);
  await expect(page.getByTestId('reader')).toBeVisible();
  await expect(page).toHaveURL(/q=%E6%8B%85%E4%BF%9D/);
  await expect(reader.highlighted().first()).toHaveText('担保');
  await expect(reader.selectedClause()).toContainText('担保');

  // Back in Search, Enter on settled results opens the active hit as before.
  await page.goBack();
  await expect(search.hits.first()).toBeVisible();
  await expect(search.input).toHaveValue('担保');
  await search.input.press('Enter');
  await expect(reader.selectedClause()).toContainText('担保');
});

test('Enter that picks an input method candidate in the search box opens nothing; Enter after it opens the hit', async ({ app }) => {
  const { page } = app;
  await app.goto('search');
  const search = new SearchPage(page);
  await search.input.focus();
  const ime = await InputMethod.on(page);
  // An input method that shows the candidate in the box while composing (as most pinyin ones can).
  await ime.compose('担保');
  await expect(search.input).toHaveValue('担保');
  await expect(search.hits.first()).toBeVisible();
  await ime.press('Enter');
  await ime.commit('担保');
  await expect(search.input).toHaveValue('担保');
  await expect(search.hits.first()).toBeVisible();
  await expect(page.getByTestId('reader')).toHaveCount(0);
  await search.input.press('Enter');
  await expect(new ReaderPage(page).selectedClause()).toContainText('担保');
});
