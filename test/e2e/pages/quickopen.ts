import { type Locator, type Page, expect } from '@playwright/test';

/** The quick-open palette (Ctrl+K / ⌘K). */
export class QuickOpen {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly items: Locator;
  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('quickopen');
    this.input = page.getByTestId('quickopen-input');
    this.items = page.getByTestId('quickopen-item');
  }
  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.dialog).toBeVisible();
    await expect(this.items.first()).toBeVisible();
  }
  async type(text: string): Promise<void> {
    await this.input.fill(text);
  }
  async choose(text: string | RegExp): Promise<void> {
    await this.items.filter({ hasText: text }).first().click();
    await expect(this.dialog).toBeHidden();
  }
}
