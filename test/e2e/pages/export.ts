import { type Download, type Locator, type Page, expect } from '@playwright/test';

/** The export dialog (Ctrl+E, the menu, or a view's Export button), as a researcher uses it. */
/**
 * An export is real work (a PDF goes through the renderer, a workbook through exceljs): on a loaded
 * 2-core machine it took more than the default 10 s of an expectation and failed a passing run.
 * The wait is still for the export's own "done" signal; only its ceiling is that of a long task.
 */
const EXPORT_DONE_MS = 90_000;

export class ExportDialog {
  readonly dialog: Locator;
  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('export-dialog');
  }

  async openWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+e');
    await expect(this.dialog).toBeVisible();
  }

  /** Opens the comparison and its Export button (the command 'app.export' with the comparison). */
  async openFor(comparisonId: number): Promise<void> {
    await this.page.evaluate((id) => {
      window.location.hash = `#/compare/${id}`;
    }, comparisonId);
    await this.page.getByTestId('compare-export').click();
    await expect(this.dialog).toBeVisible();
  }

  /** What to export: a comparison, the whole project, a backup. */
  async chooseWhat(what: 'comparison' | 'project' | 'backup'): Promise<void> {
    await this.page.getByTestId('export-what').selectOption(what);
  }

  async choose(opts: { format: string; fileName: string; locale?: 'en' | 'zh-CN' }): Promise<void> {
    await this.page.getByTestId('export-format').selectOption(opts.format);
    if (opts.locale) await this.page.getByTestId('export-locale').selectOption(opts.locale);
    await this.page.getByTestId('export-filename').fill(opts.fileName);
  }

  /** Starts the export and returns the browser download it ends with. */
  async exportAndDownload(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('export-start').click();
    await expect(this.page.getByTestId('export-done')).toBeVisible({ timeout: EXPORT_DONE_MS });
    return download;
  }

  async replaceExisting(): Promise<Download> {
    await expect(this.page.getByTestId('export-exists')).toBeVisible();
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('export-replace').click();
    await expect(this.page.getByTestId('export-done')).toBeVisible({ timeout: EXPORT_DONE_MS });
    return download;
  }

  async close(): Promise<void> {
    await this.page.getByTestId('export-close').click();
    await expect(this.dialog).toBeHidden();
  }
}
