import { expect, test } from './fixtures';
import { hostApi, seedDocs } from './pages/api';
import { LibraryPage, LibraryTrash } from './pages/library';
import { ReaderCoding } from './pages/themes';

const WENZHOU = '四大专项行动方案';

async function codeAndAnnotate(host: Parameters<typeof seedDocs>[0]) {
  const { wenzhou } = await seedDocs(host);
  const clause = (await hostApi(host).documents.clauses({ id: wenzhou.id })).find((c) => c.kind === 'measure')!;
  await hostApi(host).themes.code({ clauseId: clause.id, themeId: 'talent' });
  const content = JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: '温州这一条要细看', format: 0 }] }],
    },
  });
  await hostApi(host).notes.create({ target: { kind: 'clause', docId: wenzhou.id, clauseId: clause.id }, content });
  return { docId: wenzhou.id, clauseId: clause.id };
}

test('deleting a document can be undone from the toast: its coding and note come back', async ({ app, host }) => {
  const { page } = app;
  const { docId, clauseId } = await codeAndAnnotate(host);
  await app.reload();
  const library = new LibraryPage(page);
  await library.expectDocuments(5);
  const trash = new LibraryTrash(page);
  await trash.deleteDocument(WENZHOU);
  await library.expectDocuments(4);
  await trash.undo();
  await library.expectDocuments(5);
  await page.evaluate((h) => {
    window.location.hash = h;
  }, `#/reader/${docId}?clause=${clauseId}`);
  const clause = page.locator(`#clause-${clauseId}`);
  await expect(new ReaderCoding(page).stripes(clause, 'talent')).toHaveCount(1);
  await expect(page.getByTestId('reader')).toContainText('温州这一条要细看');
});

test('a deleted document waits in the Trash (after a reload too) and is restored from there intact', async ({ app, host }) => {
  const { page } = app;
  const { docId, clauseId } = await codeAndAnnotate(host);
  await app.reload();
  const trash = new LibraryTrash(page);
  await trash.deleteDocument(WENZHOU);
  await app.reload();
  const library = new LibraryPage(page);
  await library.expectDocuments(4);
  await trash.open();
  await expect(trash.items()).toHaveCount(1);
  await expect(trash.items().first()).toContainText('1 codings');
  await expect(trash.items().first()).toContainText('1 notes');
  await trash.restore(WENZHOU);
  await expect(trash.items()).toHaveCount(0);
  await library.expectDocuments(5);
  await page.evaluate((h) => {
    window.location.hash = h;
  }, `#/reader/${docId}?clause=${clauseId}`);
  await expect(new ReaderCoding(page).stripes(page.locator(`#clause-${clauseId}`), 'talent')).toHaveCount(1);
  await expect(page.getByTestId('reader')).toContainText('温州这一条要细看');
});

test('first start: one line says what to do next, and Compare is visible with a hint before documents are ticked', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('next-step')).toContainText('import');
  await expect(page.getByTestId('next-step')).toContainText('Compare');
  await expect(page.getByTestId('compare-selected')).toBeVisible();
  await expect(page.getByTestId('compare-selected')).toBeDisabled();
  await expect(page.getByTestId('compare-hint')).toContainText('Tick 2–6 documents');
  const boxes = page.getByTestId('doc-row').locator('input[type=checkbox]');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await expect(page.getByTestId('compare-hint')).toBeHidden();
  await page.getByTestId('compare-selected').click();
  await expect(page.getByTestId('new-comparison-dialog')).toBeVisible();
});
