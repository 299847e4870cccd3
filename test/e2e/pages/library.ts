import { type Locator, type Page, expect } from '@playwright/test';

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
  async importFiles(files: Array<{ name: string; mimeType: string; buffer: Buffer }>): Promise<void> {
    await this.page.getByTestId('import-input').setInputFiles(files);
    await expect(this.page.getByTestId('import-report')).toBeVisible();
  }
}
