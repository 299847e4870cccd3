import { type Locator, type Page, expect } from '@playwright/test';

export class ReaderPage {
  readonly outlineItems: Locator;
  readonly clauses: Locator;
  constructor(readonly page: Page) {
    this.outlineItems = page.getByTestId('outline-item');
    this.clauses = page.getByTestId('clause');
  }
  async expectTitle(text: string | RegExp): Promise<void> {
    await expect(this.page.getByTestId('reader-title')).toHaveText(text);
  }
  async pickInOutline(text: string | RegExp): Promise<void> {
    await this.outlineItems.filter({ hasText: text }).first().click();
  }
  selectedClause(): Locator {
    return this.page.locator('[data-testid=clause].selected');
  }
  clause(text: string | RegExp): Locator {
    return this.clauses.filter({ hasText: text }).first();
  }
  highlighted(): Locator {
    return this.page.locator('[data-testid=clause] mark.hit');
  }
}
