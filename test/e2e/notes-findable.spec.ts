import { expect, test } from './fixtures';
import { hostApi, seedDocs } from './pages/api';
import { CompareView } from './pages/compare';
import { NotesPage } from './pages/notes';
import { ReaderPage } from './pages/reader';

const note = (text: string) =>
  JSON.stringify({
    root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 0 }] }] },
  });

test('a clause with a note shows a marker, and the note panel follows the selected clause', async ({ app, host }) => {
  const { page } = app;
  const { wenzhou } = await seedDocs(host);
  const clauses = (await hostApi(host).documents.clauses({ id: wenzhou.id })).filter((c) => c.kind === 'measure');
  await hostApi(host).notes.create({ target: { kind: 'clause', docId: wenzhou.id, clauseId: clauses[3].id }, content: note('这条值得对比') });
  await page.evaluate((h) => {
    window.location.hash = h;
  }, `#/reader/${wenzhou.id}`);
  const reader = new ReaderPage(page);
  await expect(page.locator(`#clause-${clauses[3].id} [data-testid=note-marker]`)).toBeVisible();
  await expect(page.getByTestId('note-marker')).toHaveCount(1);
  await expect(page.locator('[data-testid=note-marker] svg')).toHaveCount(1);

  await page.locator(`#clause-${clauses[3].id}`).click();
  await expect(page.getByTestId('notes-panel-title')).toContainText(clauses[3].path);
  await expect(page.getByTestId('notes-panel')).toContainText('这条值得对比');
  await page.locator(`#clause-${clauses[5].id}`).click();
  await expect(reader.selectedClause()).toHaveAttribute('data-clause-id', String(clauses[5].id));
  await expect(page.getByTestId('notes-panel-title')).toContainText(clauses[5].path);
  await expect(page.getByTestId('notes-panel')).not.toContainText('这条值得对比');
  // A note written here marks its clause at once.
  const notes = new NotesPage(page);
  await notes.write(notes.editor(page.getByTestId('notes-panel')), ['第二条批注']);
  await notes.expectSaved(notes.editor(page.getByTestId('notes-panel')));
  await expect(page.locator(`#clause-${clauses[5].id} [data-testid=note-marker]`)).toBeVisible();
});

test('a row note lists its comparison and both clauses on the Notes page; bold text in it stays inline', async ({ app, host }) => {
  const { page } = app;
  const { qingdao, wenzhou } = await seedDocs(host);
  const cmp = await hostApi(host).compare.create({
    name: '青岛与温州的行批注',
    members: [
      { docId: qingdao.id, partIndex: null },
      { docId: wenzhou.id, partIndex: null },
    ],
  });
  const view = new CompareView(page);
  await view.open(cmp.id);
  await page.getByTestId('filter-status').selectOption('suggested');
  await view.rows.first().click();
  const notes = new NotesPage(page);
  const editor = notes.editor(view.rowDetails());
  await notes.write(editor, ['两市 ', { bold: '差异明显' }, ' 值得写']);
  await notes.expectSaved(editor);
  const bold = editor.locator('.ed-bold');
  await expect(bold).toHaveText('差异明显');
  expect(await bold.evaluate((el) => getComputedStyle(el).display)).toBe('inline');
  const boxes = await editor
    .getByTestId('note-content')
    .locator('p')
    .first()
    .evaluate((p) => p.getClientRects().length);
  expect(boxes).toBe(1);
  const [top1, top2] = await Promise.all([editor.getByText('两市').first().boundingBox(), bold.boundingBox()]);
  expect(Math.abs(top1!.y - top2!.y)).toBeLessThan(4);

  await notes.open('差异明显');
  const card = notes.cards().first();
  await expect(card.getByTestId('row-note-comparison')).toHaveText('青岛与温州的行批注');
  expect(await card.getByTestId('row-note-clause').count()).toBeGreaterThanOrEqual(2);
  await expect(card.getByTestId('row-note-clause').filter({ hasText: '温州市' }).first()).toBeVisible();
  await expect(card.getByTestId('row-note-clause').filter({ hasText: '青岛市' }).first()).toBeVisible();
});
