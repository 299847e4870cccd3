import { type Locator, type Page, expect } from '@playwright/test';

/** The note editor (embedded in the Reader and the Notes page) and the Notes section. */
export class NotesPage {
  constructor(readonly page: Page) {}
  editor(scope: Locator | Page = this.page): Locator {
    return scope.getByTestId('note-editor').last();
  }
  async write(editor: Locator, steps: Array<string | { bold: string }>): Promise<void> {
    await editor.getByTestId('note-content').click();
    for (const s of steps) {
      if (typeof s === 'string') await this.page.keyboard.type(s);
      else {
        await this.page.keyboard.press('Control+b');
        await this.page.keyboard.type(s.bold);
        await this.page.keyboard.press('Control+b');
      }
    }
  }
  /** Opens the clause mention picker, types `document` into its document picker and takes the first match with Enter. */
  async pickMentionDocument(editor: Locator, document: string): Promise<Locator> {
    await editor.getByTestId('mention-clause').click();
    const picker = editor.getByTestId('mention-picker');
    const input = picker.getByTestId('mention-doc-input');
    await input.fill(document);
    await expect(picker.getByTestId('mention-doc-option').first()).toContainText(document);
    await input.press('Enter');
    await expect(input).toHaveValue(new RegExp(document));
    return picker;
  }
  /** Picks `document` in the mention picker, then its first clause matching `clauseFilter`. */
  async mentionClause(editor: Locator, document: string, clauseFilter: string): Promise<void> {
    const picker = await this.pickMentionDocument(editor, document);
    await picker.getByTestId('mention-filter').fill(clauseFilter);
    await picker.getByTestId('mention-option').first().click();
    await expect(editor.getByTestId('clause-mention')).toHaveCount(1);
  }
  async expectSaved(editor: Locator): Promise<void> {
    await expect(editor.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  }
  async open(q?: string): Promise<void> {
    await this.page.getByTestId('nav-notes').click();
    if (q !== undefined) {
      await this.page.getByTestId('notes-search').fill(q);
      await this.page.getByTestId('notes-search').press('Enter');
    }
  }
  cards(): Locator {
    return this.page.getByTestId('note-card');
  }
}
