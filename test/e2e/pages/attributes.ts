import { type Locator, type Page, expect } from '@playwright/test';
import type { AttributeType } from '../../../shared/domain/vocabulary';

/** The attribute table (#/attributes): attributes, the bulk bar, the grid of documents. */
export class AttributesSection {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-attributes').click();
    await expect(this.page.getByTestId('attributes-page')).toBeVisible();
  }

  /** Adds an attribute by typing its name (and options) with the keyboard. */
  async create(name: string, type: AttributeType, options?: string): Promise<string> {
    await this.page.getByTestId('attr-name').click();
    await this.page.keyboard.type(name);
    await this.page.getByTestId('attr-type').selectOption(type);
    if (options) {
      await this.page.getByTestId('attr-options').click();
      await this.page.keyboard.type(options);
    }
    await this.page.keyboard.press('Enter');
    const item = this.page.getByTestId('attr-item').filter({ hasText: name });
    await expect(item).toHaveCount(1);
    // The column key of the new attribute, from its header button (attr-sort-a<ID>).
    const header = this.page.locator('[data-testid^="attr-sort-a"]', { hasText: name });
    return (await header.getAttribute('data-testid'))!.replace('attr-sort-', '');
  }

  rows(): Locator {
    return this.page.getByTestId('attr-row');
  }
  /** The cells of one column, in row order. */
  column(key: string): Locator {
    return this.page.locator(`[data-testid^="attr-cell-"][data-testid$="-${key}"]`);
  }
  cell(row: number, key: string): Locator {
    return this.rows().nth(row).locator(`[data-testid$="-${key}"]`);
  }

  async bulkSet(fieldLabel: string, value: string, kind: 'select' | 'type'): Promise<void> {
    await this.page.getByTestId('attr-bulk-field').selectOption({ label: fieldLabel });
    const input = this.page.getByTestId('attr-bulk-value');
    if (kind === 'select') await input.selectOption({ label: value });
    else {
      await input.click();
      await this.page.keyboard.type(value);
    }
    await this.page.getByTestId('attr-bulk-apply').click();
  }
}
