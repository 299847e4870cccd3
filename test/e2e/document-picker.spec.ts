import { expect, test } from './fixtures';
import { InputMethod } from './pages/ime';
import { hostApi } from './pages/api';
import { DocumentPickerDriver } from './pages/documentPicker';
import { SearchPage } from './pages/search';

const shots = process.env.PICKER_SHOTS;

test('Search: the document filter is typed down (Latin, Chinese, an input method) and picked with the keyboard', async ({ app, host }) => {
  const all = await hostApi(host).documents.list({});
  const wenzhou = all.find((d) => d.city === '温州市')!;
  const search = new SearchPage(app.page);
  await app.goto('search');
  await search.search('企业');
  const before = await search.totalCount();
  const picker = new DocumentPickerDriver(app.page, 'filter-document');

  // Latin: a file name's digits and extension, every word must match.
  await picker.input.click();
  await picker.settled('');
  await expect(picker.options).toHaveCount(all.length);
  await picker.input.pressSequentially('003_ tx');
  await picker.settled('003_ tx');
  await expect(picker.options).toHaveCount(all.filter((d) => d.file.startsWith('003_')).length);
  await picker.input.fill('no-such-document');
  await picker.settled('no-such-document');
  await expect(picker.options).toHaveCount(0);
  await expect(picker.status).toHaveText('No document matches.');

  // Chinese through an input method: nothing is looked up, and Enter picks nothing, while it composes.
  await picker.input.fill('');
  await picker.settled('');
  const ime = await InputMethod.on(app.page);
  await ime.compose('wenzhou');
  await expect(picker.input).toHaveValue('wenzhou');
  await ime.press('Enter');
  await expect(picker.list).toHaveAttribute('data-q', '');
  await expect(picker.list).toBeVisible();
  await ime.commit('温州');
  await expect(picker.input).toHaveValue('温州');
  await picker.settled('温州');
  await expect(picker.options).toHaveCount(all.filter((d) => d.city === '温州市').length);
  if (shots) await app.page.screenshot({ path: `${shots}/search-picker-open.png` });

  // Arrows move the picker's mark, not the Search page's (its ↑/↓ move through the hits); Escape
  // closes without picking; Enter picks — and never opens a search hit.
  const firstHit = await search.hits.first().getAttribute('id');
  await picker.input.press('ArrowDown');
  await picker.input.press('ArrowDown');
  await picker.input.press('ArrowUp');
  await expect(picker.active()).toHaveAttribute('data-doc-id', String(wenzhou.id));
  await expect(app.page.locator('[data-testid=search-hit][aria-selected=true]')).toHaveAttribute('id', firstHit!);
  await picker.input.press('Escape');
  await expect(picker.list).toBeHidden();
  await expect(picker.input).toHaveValue('');
  await picker.input.pressSequentially('温州');
  await picker.settled('温州');
  await picker.input.press('Enter');
  await expect(picker.list).toBeHidden();
  await expect(app.page.getByTestId('search-page')).toBeVisible();
  await expect(picker.input).toHaveValue(/温州市 · .*/);
  await expect(app.page).toHaveURL(new RegExp(`doc=${wenzhou.id}`));
  await expect.poll(() => search.totalCount()).toBeLessThan(before);
  await expect(search.groups).toHaveCount(1);
  await expect(search.groups.first()).toContainText('温州市');
  if (shots) await app.page.screenshot({ path: `${shots}/search-picker-picked.png` });

  // After a reload the filter still names the document; clearing it brings every hit back.
  await app.reload();
  await expect(picker.input).toHaveValue(/温州市 · .*/);
  await app.page.getByTestId('filter-document-clear').click();
  await expect.poll(() => search.totalCount()).toBe(before);
  await expect(picker.input).toHaveValue('');
});

test('Notes and Agreement pick documents from the same picker', async ({ app, host }) => {
  const all = await hostApi(host).documents.list({});
  const wenzhou = all.find((d) => d.city === '温州市')!;
  const ningbo = all.find((d) => d.city === '宁波市')!;
  await app.page.goto(`${app.openUrl.split('#')[0]}#/notes`);
  const notes = new DocumentPickerDriver(app.page, 'notes-doc');
  await notes.input.click();
  await notes.input.pressSequentially('温州');
  await notes.settled('温州');
  await notes.input.press('Enter');
  await expect(app.page).toHaveURL(new RegExp(`doc=${wenzhou.id}`));
  await expect(notes.input).toHaveValue(/温州市/);

  await app.page.goto(`${app.openUrl.split('#')[0]}#/agreement`);
  const agreement = new DocumentPickerDriver(app.page, 'agreement-docs');
  for (const [text, doc] of [
    ['温州', wenzhou],
    ['宁波', ningbo],
  ] as const) {
    await agreement.input.click();
    await agreement.input.pressSequentially(text);
    await agreement.settled(text);
    await agreement.input.press('Enter');
    await expect(app.page.getByTestId('agreement-doc-chip').last()).toContainText(doc.city!);
  }
  await expect(app.page.getByTestId('agreement-doc-chip')).toHaveCount(2);
  if (shots) await app.page.screenshot({ path: `${shots}/agreement-picker.png` });
  await app.page.getByTestId('agreement-doc-chip').first().click();
  await expect(app.page.getByTestId('agreement-doc-chip')).toHaveCount(1);
});
