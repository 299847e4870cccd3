import { expect, test } from './fixtures';
import { hostApi, seedDocs } from './pages/api';
import { CompareView } from './pages/compare';
import { NotesPage } from './pages/notes';
import { QuickOpen } from './pages/quickopen';

test('typing “Check the Regulatory 监管 措施” in a row note moves no row, rejects no link, and all of it is there after reload', async ({ app, host }) => {
  const { page } = app;
  const { qingdao, wenzhou } = await seedDocs(host);
  const cmp = await hostApi(host).compare.create({
    name: '快捷键',
    members: [
      { docId: qingdao.id, partIndex: null },
      { docId: wenzhou.id, partIndex: null },
    ],
  });
  const view = new CompareView(page);
  await view.open(cmp.id);
  await page.getByTestId('filter-status').selectOption('suggested');
  await view.rows.nth(1).click();
  const activeIndex = await view.activeRow().getAttribute('data-index');
  const decided = async () => (await hostApi(host).compare.view({ id: cmp.id })).links.filter((l) => l.status !== 'suggested').length;
  expect(await decided()).toBe(0);

  const notes = new NotesPage(page);
  const editor = notes.editor(view.rowDetails());
  const text = 'Check the Regulatory 监管 措施';
  await notes.write(editor, [text]);
  await expect(editor.getByTestId('note-content')).toHaveText(text);
  await notes.expectSaved(editor);
  // j/k/c/r typed as text did nothing to the rows.
  await expect(view.activeRow()).toHaveAttribute('data-index', activeIndex!);
  expect(await decided()).toBe(0);
  await expect(page.getByTestId('rejected-link')).toHaveCount(0);

  // Outside the editor the same keys are the row commands again.
  await page.getByTestId('comparison-title').click();
  await page.keyboard.press('j');
  await expect(view.activeRow()).toHaveAttribute('data-index', String(Number(activeIndex) + 1));

  await app.reload();
  await page.getByTestId('filter-status').selectOption('suggested');
  await view.rows.nth(1).click();
  await expect(view.rowDetails().getByTestId('note-content').first()).toHaveText(text);
});

test('single-key shortcuts never fire in a text field anywhere; Ctrl+K still opens quick open from one', async ({ app }) => {
  const { page } = app;
  await app.goto('search');
  await page.getByTestId('search-input').fill('');
  await page.getByTestId('search-input').pressSequentially('jkcr');
  await expect(page.getByTestId('search-input')).toHaveValue('jkcr');
  const qo = new QuickOpen(page);
  await qo.open();
  await qo.type('New comparison');
  await qo.choose(/New comparison/);
  await expect(page.getByTestId('new-comparison-dialog')).toBeVisible();
});

test('a row note being typed is saved when the row changes under it', async ({ app, host }) => {
  const { page } = app;
  const { qingdao, wenzhou } = await seedDocs(host);
  const cmp = await hostApi(host).compare.create({
    name: '换行保存',
    members: [
      { docId: qingdao.id, partIndex: null },
      { docId: wenzhou.id, partIndex: null },
    ],
  });
  const view = new CompareView(page);
  await view.open(cmp.id);
  await page.getByTestId('filter-status').selectOption('suggested');
  await view.rows.nth(0).click();
  const notes = new NotesPage(page);
  await notes.write(notes.editor(view.rowDetails()), ['未保存就换行的批注']);
  // Straight to the next row, before the debounced save: the editor unmounts with unsaved text.
  await view.rows.nth(1).click();
  await expect(view.activeRow()).toHaveAttribute('data-index', '1');
  await app.reload();
  await page.getByTestId('filter-status').selectOption('suggested');
  await view.rows.nth(0).click();
  await expect(view.rowDetails().getByTestId('note-content').first()).toHaveText('未保存就换行的批注');
});
