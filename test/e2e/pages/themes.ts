import { type Locator, type Page, expect } from '@playwright/test';

/** Selects characters [from, to) of a clause's first text piece, as a researcher dragging the mouse would. */
export async function selectInClause(clause: Locator, from: number, to: number): Promise<string> {
  const text = await clause
    .locator('.clause-text [data-offset]')
    .first()
    .evaluate(
      (el, [a, b]) => {
        const node = el.firstChild!;
        const range = document.createRange();
        range.setStart(node, a);
        range.setEnd(node, b);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        el.closest('.reader-text')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return sel.toString();
      },
      [from, to] as const,
    );
  return text;
}

/** Coding in the Reader: stripes, suggestion chips and the code-as selects. */
export class ReaderCoding {
  constructor(readonly page: Page) {}
  stripes(clause: Locator, themeId?: string): Locator {
    return clause.locator(themeId ? `[data-testid=coding-stripe][data-theme=${themeId}]` : '[data-testid=coding-stripe]');
  }
  async codeClause(clause: Locator, themeId: string): Promise<void> {
    await clause.click();
    await clause.getByTestId('code-clause').selectOption(themeId);
    await expect(this.stripes(clause, themeId)).toHaveCount(1);
  }
  async codeSelection(themeId: string): Promise<void> {
    await this.page.getByTestId('code-range').selectOption(themeId);
  }
  suggestions(clause: Locator): Locator {
    return clause.getByTestId('suggestion');
  }
  codings(clause: Locator): Locator {
    return clause.getByTestId('coding');
  }
  codedRanges(clause: Locator): Locator {
    return clause.locator('mark.coded-range');
  }
}

/** The Themes section: codebook editor, heatmap, matrix. */
export class ThemesSection {
  constructor(readonly page: Page) {}
  async open(tab: 'codebook' | 'heatmap' | 'matrix' | 'targets' | 'agencies' = 'codebook'): Promise<void> {
    await this.page.getByTestId('nav-themes').click();
    await this.page.getByTestId(`themes-tab-${tab}`).click();
  }
  themeRow(id: string): Locator {
    return this.page.locator(`[data-testid=theme-row][data-theme=${id}]`);
  }
  async deleteTheme(id: string): Promise<void> {
    await this.themeRow(id).getByTestId('delete-theme').click();
    await expect(this.page.getByTestId('confirm-dialog')).toBeVisible();
    await this.page.getByTestId('confirm').click();
    await expect(this.themeRow(id)).toHaveCount(0);
  }
  async undoWithKeyboard(): Promise<void> {
    await this.page.locator('body').click({ position: { x: 5, y: 5 } });
    await this.page.keyboard.press('Control+z');
  }
  heatmapColumns(): Promise<string[]> {
    return this.page.getByTestId('heatmap-table').getByTestId('heat-col').allTextContents();
  }
}
