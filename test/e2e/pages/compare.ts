import { type Locator, type Page, expect } from '@playwright/test';
import type { LinkStatus } from '../../../shared/domain/vocabulary';

/** The Compare section: the list of comparisons, the new-comparison dialog, the side-by-side view. */
export class ComparePage {
  readonly rows: Locator;
  constructor(readonly page: Page) {
    this.rows = page.getByTestId('compare-row');
  }

  /** Creates a comparison from the Compare section by ticking documents and parts by their test ids. */
  async create(name: string, picks: string[]): Promise<void> {
    await this.page.getByTestId('new-comparison').click();
    const dialog = this.page.getByTestId('new-comparison-dialog');
    await expect(dialog).toBeVisible();
    await this.page.getByTestId('new-comparison-name').fill(name);
    for (const p of picks) await this.page.getByTestId(p).check();
    await this.page.getByTestId('create-comparison').click();
    await expect(this.page.getByTestId('compare-view')).toBeVisible();
    await expect(this.page.getByTestId('comparison-title')).toHaveText(name);
  }

  linkRows(status: 'suggested' | 'confirmed'): Locator {
    return this.page.locator(`[data-testid=row-link][data-status=${status}]`);
  }

  /** The test id of the checkbox for a document, found by a piece of its title. */
  async documentCheckbox(titlePart: string): Promise<Locator> {
    return this.page.getByTestId('new-comparison-dialog').locator('li', { hasText: titlePart }).locator('input[type=checkbox]').first();
  }
}

/** The compare view of one comparison: anchored rows, collapsed runs, the coverage summary, versions mode. */
export class CompareView {
  readonly rows: Locator;
  readonly runs: Locator;
  readonly coverage: Locator;
  constructor(readonly page: Page) {
    this.rows = page.getByTestId('compare-row');
    this.runs = page.getByTestId('unmatched-run');
    this.coverage = page.getByTestId('coverage');
  }
  /** Opens a saved comparison by its address, optionally on the row of one clause. */
  async open(comparisonId: number, clause?: number): Promise<void> {
    await this.page.evaluate(
      (h) => {
        window.location.hash = h;
      },
      `#/compare/${comparisonId}${clause ? `?clause=${clause}` : ''}`,
    );
    await expect(this.page.getByTestId('compare-view')).toBeVisible();
  }
  /** The row anchored on a clause of the pivot document. */
  anchoredRow(anchor: number): Locator {
    return this.page.locator(`[data-testid=compare-row][data-anchor="${anchor}"]`);
  }
  /** One link of a row, by the two clauses it links. */
  link(row: Locator, a: number, b: number): Locator {
    return row.locator(`[data-testid=row-link][data-a="${a}"][data-b="${b}"]`);
  }
  activeRow(): Locator {
    return this.page.locator('[data-testid=compare-row].active');
  }
  rowDetails(): Locator {
    return this.page.getByTestId('row-details');
  }
  links(status: LinkStatus): Locator {
    return this.page.locator(`[data-testid=row-link][data-status=${status}]`);
  }
  /** The row at a position of the (filtered) list, by its index rather than its place among the rendered rows. */
  row(index: number): Locator {
    return this.page.locator(`[data-testid=compare-row][data-index="${index}"]`);
  }
  /** Scrolls the list of rows back to its top, as the mouse wheel would (rows out of view are not rendered). */
  async scrollToTop(): Promise<void> {
    await this.page.getByTestId('compare-rows').evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(this.row(0)).toBeVisible();
  }
  /** Makes a row the active one by clicking its corner (its middle may hold a confirm or reject button). */
  async activate(index: number): Promise<void> {
    await this.row(index).click({ position: { x: 3, y: 3 } });
    await expect(this.activeRow()).toHaveAttribute('data-index', String(index));
  }
  /** The id of the first clause of the active row (the one its first "code as…" select codes). */
  async activeFirstClauseId(): Promise<number> {
    return Number(await this.activeRow().getByTestId('compare-clause').first().getAttribute('data-clause-id'));
  }
}
