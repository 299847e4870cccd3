import { type Page, expect } from '@playwright/test';

/** The app shell: navigation and language. Feature page objects live beside this file. */
export class AppPage {
  constructor(
    readonly page: Page,
    readonly openUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(this.openUrl);
    await expect(this.page.getByTestId('library')).toBeVisible();
  }

  async goto(section: string): Promise<void> {
    await this.page.getByTestId(`nav-${section}`).click();
  }

  async setLanguage(locale: 'en' | 'zh-CN'): Promise<void> {
    await this.page.getByTestId('locale-switch').selectOption(locale);
  }

  /** Reload the page, as a researcher pressing F5 would; the token stays in the tab's session. */
  async reload(): Promise<void> {
    await this.page.reload();
  }
}
