import { type Locator, type Page, expect } from '@playwright/test';

/** How long an import in a test may take before the test fails: work, not UI latency. */
export const IMPORT_DONE_MS = 120_000;

export class LibraryPage {
  readonly rows: Locator;
  constructor(readonly page: Page) {
    this.rows = page.getByTestId('doc-row');
  }
  async expectDocuments(n: number): Promise<void> {
    await expect(this.rows).toHaveCount(n);
  }
  cities(): Promise<string[]> {
    return this.page.getByTestId('doc-city').allTextContents();
  }
  async filter(text: string): Promise<void> {
    await this.page.getByTestId('library-filter').fill(text);
  }
  async open(title: string | RegExp): Promise<void> {
    await this.page.getByTestId('doc-title').filter({ hasText: title }).first().click();
    await expect(this.page.getByTestId('reader')).toBeVisible();
  }
  /**
   * Imports and waits for the report, however long the import takes: the report appears when the
   * work is done, and on a loaded machine that can exceed the 10 s default (the first clean-clone
   * loop of #15 failed twice on it at a load average of 20). The progress bar shows meanwhile.
   */
  async importFiles(files: Array<{ name: string; mimeType: string; buffer: Buffer }>): Promise<void> {
    await this.page.getByTestId('import-input').setInputFiles(files);
    await expect(this.page.getByTestId('import-report')).toBeVisible({ timeout: IMPORT_DONE_MS });
  }
}

/** Deleting from the Library, Undo in the toast, and the Trash. */
export class LibraryTrash {
  constructor(readonly page: Page) {}
  async deleteDocument(title: string | RegExp): Promise<void> {
    await this.page.getByTestId('doc-row').filter({ hasText: title }).first().getByTestId('doc-delete').click();
    await expect(this.page.getByTestId('deleted-toast')).toBeVisible();
  }
  async undo(): Promise<void> {
    await this.page.getByTestId('undo-delete').click();
    await expect(this.page.getByTestId('deleted-toast')).toBeHidden();
  }
  async open(): Promise<void> {
    await this.page.getByTestId('trash-open').click();
    await expect(this.page.getByTestId('trash-panel')).toBeVisible();
  }
  items(): Locator {
    return this.page.getByTestId('trash-item');
  }
  async restore(title: string | RegExp): Promise<void> {
    await this.items().filter({ hasText: title }).getByTestId('trash-restore').click();
    await expect(this.page.getByTestId('trash-message')).toBeVisible();
  }
}
