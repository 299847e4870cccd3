import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { InputMethod } from './pages/ime';
import { LibraryPage } from './pages/library';
import { NotesPage } from './pages/notes';
import { ReaderPage } from './pages/reader';
import { selectInClause } from './pages/themes';

/** Opens the Qingdao plan in the Reader and a note on its 创新券 clause: the note editor. */
async function noteOnInnovationVouchers(page: Page): Promise<{ reader: ReaderPage; notes: NotesPage; editor: Locator }> {
  await new LibraryPage(page).open('小微企业创业创新基地城市示范工作推进方案');
  const reader = new ReaderPage(page);
  const notes = new NotesPage(page);
  const clause = reader.clause('开展科技创新券试点');
  await clause.click();
  await clause.getByTestId('annotate-clause').click();
  return { reader, notes, editor: notes.editor(page.getByTestId('notes-panel')) };
}

test('writes a clause note with bold text and a clause mention, and finds it after reload', async ({ app }) => {
  const { reader, notes, editor } = await noteOnInnovationVouchers(app.page);
  await notes.write(editor, ['与温州相比', { bold: '青岛的创新券更早' }, ' 见 ']);
  await notes.mentionClause(editor, '温州', '创新券');
  await notes.expectSaved(editor);

  await app.reload();
  await notes.open('青岛的创新券');
  await expect(notes.cards()).toHaveCount(1);
  await expect(notes.cards().first().getByTestId('note-text')).toContainText('与温州相比青岛的创新券更早');
  await notes.cards().first().getByTestId('edit-note').click();
  const reopened = notes.editor();
  await expect(reopened.locator('.ed-bold')).toHaveText('青岛的创新券更早');
  await expect(reopened.getByTestId('clause-mention')).toHaveCount(1);
  await reopened.getByTestId('clause-mention').click();
  await expect(app.page.getByTestId('reader')).toBeVisible();
  await expect(reader.selectedClause()).toContainText('创新券');
});

test('annotates a selected text range, marks it, and searches notes from the address bar', async ({ app }) => {
  await new LibraryPage(app.page).open('小微企业创业创新基地城市示范工作推进方案');
  const reader = new ReaderPage(app.page);
  const notes = new NotesPage(app.page);
  const clause = reader.clause('进一步加强小微企业税收政策宣传');
  await clause.click();
  const picked = await selectInClause(clause, 0, 8);
  await app.page.getByTestId('annotate-range').click();
  const editor = notes.editor(app.page.getByTestId('notes-panel'));
  await notes.write(editor, ['税收宣传值得比较']);
  await notes.expectSaved(editor);
  await expect(clause.locator('mark.note-range')).toHaveText(picked);

  await app.page.goto(app.page.url().replace(/#.*$/, '#/notes?q=' + encodeURIComponent('税收宣传')));
  await expect(notes.cards()).toHaveCount(1);
  await expect(notes.cards().first()).toContainText(picked);
  await app.page.goto(app.page.url().replace(/#.*$/, '#/notes?q=nothing-like-this'));
  await expect(notes.cards()).toHaveCount(0);
});

test('in the clause mention picker, Escape while an input method composes cancels the composition, not the picker', async ({ app }) => {
  const { notes, editor } = await noteOnInnovationVouchers(app.page);
  const picker = await notes.pickMentionDocument(editor, '温州');
  const filter = picker.getByTestId('mention-filter');
  await filter.click();
  const ime = await InputMethod.on(app.page);
  await ime.compose('chuangxin');
  await ime.press('Escape');
  await expect(picker).toBeVisible();
  await ime.commit('创新券');
  await expect(filter).toHaveValue('创新券');
  await expect(picker.getByTestId('mention-option')).not.toHaveCount(0);
  // Composition over, Escape closes the picker.
  await filter.press('Escape');
  await expect(picker).toBeHidden();
});
