import { type Locator, type Page, expect } from '@playwright/test';

/** A type-to-filter document picker (renderer/app/DocumentPicker.tsx), driven by its test id. */
export class DocumentPickerDriver {
  readonly input: Locator;
  readonly list: Locator;
  readonly options: Locator;
  readonly status: Locator;
  constructor(
    readonly page: Page,
    testId: string,
  ) {
    this.input = page.getByTestId(`${testId}-input`);
    this.list = page.getByTestId(`${testId}-list`);
    this.options = page.getByTestId(`${testId}-option`);
    this.status = page.getByTestId(`${testId}-status`);
  }
  /** Waits until the list shows the documents found for `text` (not those of an earlier text). */
  async settled(text: string): Promise<void> {
    await expect(this.list).toHaveAttribute('data-q', text);
    await expect(this.list).toHaveAttribute('aria-busy', 'false');
  }
  /** The option that the keyboard has marked. */
  active(): Locator {
    return this.list.locator('[role=option][aria-selected=true]');
  }
}
