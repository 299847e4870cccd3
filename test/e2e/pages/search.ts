import { type Locator, type Page, expect } from '@playwright/test';

/** The Search page, in a researcher's steps: type a query, read hits, narrow, open one. */
export class SearchPage {
  readonly input: Locator;
  readonly hits: Locator;
  readonly groups: Locator;
  readonly total: Locator;
  constructor(readonly page: Page) {
    this.input = page.getByTestId('search-input');
    this.hits = page.getByTestId('search-hit');
    this.groups = page.getByTestId('search-group');
    this.total = page.getByTestId('search-total');
  }
  async search(query: string): Promise<void> {
    await this.input.fill(query);
    await expect(this.total).toBeVisible();
    await expect(this.page).toHaveURL(new RegExp(`q=${encodeURIComponent(query).replace(/[()*]/g, '\\$&')}`));
    await this.settled();
  }
  /** The number shown as the total ("19 clauses"). */
  async totalCount(): Promise<number> {
    return Number((await this.total.textContent())!.replace(/\D/g, ''));
  }
  async showAll(): Promise<void> {
    const more = this.page.getByTestId('search-more');
    await this.settled();
    while (await more.isVisible()) {
      const before = await this.hits.count();
      await more.click();
      await expect.poll(() => this.hits.count()).toBeGreaterThan(before);
    }
  }
  async filterCity(city: string): Promise<void> {
    await this.page.getByTestId('filter-city').selectOption(city);
    await expect(this.page).toHaveURL(new RegExp(`city=${encodeURIComponent(city)}`));
    await this.settled();
  }
  /** Until the hits on screen answer the current query and filters. */
  async settled(): Promise<void> {
    await expect(this.page.getByTestId('search-results')).toHaveAttribute('aria-busy', 'false');
  }
  highlights(): Locator {
    return this.page.locator('[data-testid=search-hit] mark.hit');
  }
}

/** Types a query and presses Enter at once, faster than the typing pause, as a quick typist does. */
export async function typeAndEnter(page: Page, query: string): Promise<void> {
  const input = page.getByTestId('search-input');
  await input.fill(query);
  await input.press('Enter');
}
