import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createBackend } from '../../electron/backend';
import { databaseFileName } from '../../electron/backend/paths';
import { type StartedHost, startHost } from './host';
import { AppPage } from './pages/app';

/*
 * The Library, and the compare picker, with a few thousand documents (issue #13.5): no timing here
 * (that is `npm run bench -- ui`), only that a long list still works — scrolled to its end, filtered
 * by typing Latin and Chinese, moved through and selected with the keyboard.
 */

const N = 3000;
const CITIES = ['青岛市', '宁波市', '温州市', '咸宁市', '成都市', '苏州市'];

/**
 * Tiny documents shaped like the seeds (title line, 文号, two measures), numbered in the title;
 * one in 500 has a Latin word in its file name to find.
 */
function writeCorpus(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < N; i++) {
    const city = CITIES[i % CITIES.length];
    const year = 2010 + (i % 12);
    const title = `${city}人民政府关于支持第${i + 1}批小微企业发展的若干措施`;
    const file = `doc${String(i).padStart(5, '0')}${i % 500 === 7 ? '-Pilot' : ''}.txt`;
    writeFileSync(
      join(dir, file),
      `${title}\n${city.slice(0, 1)}政发〔${year}〕${i + 1}号\n\n一、加大财政支持力度，第${i + 1}项。\n二、优化营商环境，编号${i * 7}。\n\n${city}人民政府\n${year}年3月1日\n`,
    );
  }
}

let host: StartedHost;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  dataDir = mkdtempSync(join(tmpdir(), 'policylens-scale-'));
  writeCorpus(join(dataDir, 'corpus'));
  const b = createBackend({ databasePath: join(dataDir, databaseFileName), dataDir, mode: 'cli' });
  try {
    await b.api.documents.importPaths({ paths: [join(dataDir, 'corpus')] });
    b.context.documents.setSetting('samples_imported', new Date().toISOString());
  } finally {
    b.close();
  }
  host = await startHost({ dataDir });
});

test.afterAll(async () => {
  await host?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the Library with 3,000 documents scrolls to the last one, filters by Latin and Chinese text and works by keyboard', async ({ page }) => {
  const app = new AppPage(page, host.openUrl);
  await app.open();
  await expect(page.getByTestId('library-count')).toHaveText(`${N} documents`);
  // Only the rows in view are in the page.
  expect(await page.getByTestId('doc-row').count()).toBeLessThan(100);

  // Ungrouped: End moves to the last document, scrolled to the bottom of the list.
  await page.getByTestId('library-group').selectOption('none');
  const list = page.getByTestId('doc-list');
  await list.focus();
  await page.keyboard.press('End');
  const last = page.locator('[data-testid=doc-row].active');
  await expect(last).toBeInViewport();
  await expect.poll(() => list.evaluate((el) => Math.round(el.scrollHeight - el.scrollTop - el.clientHeight))).toBeLessThanOrEqual(1);
  const lastId = await last.getAttribute('data-doc-id');
  await expect(page.getByTestId('doc-row').last()).toHaveAttribute('data-doc-id', lastId!);
  // Scrolling by the scrollbar, from the top, shows the same last row.
  await list.evaluate((el) => el.scrollTo(0, 0));
  await expect(page.locator(`[data-testid=doc-row][data-doc-id="${lastId}"]`)).toHaveCount(0);
  await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator(`[data-testid=doc-row][data-doc-id="${lastId}"]`)).toBeInViewport();

  // Latin, case-folded: six file names carry "Pilot".
  const filter = page.getByTestId('library-filter');
  await filter.fill('');
  await filter.pressSequentially('pilot');
  await expect(page.getByTestId('library-shown')).toHaveText(`6 of ${N} shown`);
  await expect(page.getByTestId('doc-row')).toHaveCount(6);
  // Chinese, as an input method commits it, narrowing to one city and then one document.
  await filter.fill('');
  await page.keyboard.insertText('咸宁');
  await expect(page.getByTestId('library-shown')).toHaveText(`${N / 6} of ${N} shown`);
  await page.keyboard.insertText(' 第1234批');
  await expect(page.getByTestId('doc-row')).toHaveCount(1);
  await expect(page.getByTestId('doc-city')).toHaveText('咸宁市');
  await page.keyboard.insertText('9');
  await expect(page.getByTestId('library-no-match')).toBeVisible();

  // Keyboard: ↓ from the filter into the list, ↓ ↓, Space selects, another Space on the next one.
  await filter.fill('咸宁 pilot');
  await expect(page.getByTestId('doc-row')).toHaveCount(2);
  await filter.fill('温州');
  await expect(page.getByTestId('library-shown')).toHaveText(`${N / 6} of ${N} shown`);
  await filter.press('ArrowDown');
  await expect(list).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = await page.locator('[data-testid=doc-row].active').getAttribute('data-doc-id');
  await page.keyboard.press(' ');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press(' ');
  await expect(page.locator('[data-testid=doc-row][aria-selected=true]')).toHaveCount(2);
  await expect(page.locator(`[data-testid=doc-row][data-doc-id="${third}"] [data-testid=doc-select]`)).toBeChecked();
  // PageDown far into the list and back Home; the selection survives scrolling and filtering.
  for (let i = 0; i < 20; i++) await page.keyboard.press('PageDown');
  await expect(page.locator('[data-testid=doc-row].active')).toBeInViewport();
  await page.keyboard.press('Home');
  const first = await page.locator('[data-testid=doc-row].active').getAttribute('data-doc-id');
  await filter.fill('');
  await expect(page.getByTestId('compare-selected')).toHaveText('Compare 2 documents');
  await filter.fill('温州');
  await expect(page.locator(`[data-testid=doc-row][data-doc-id="${third}"] [data-testid=doc-select]`)).toBeChecked();

  // Enter opens the active document in the Reader.
  await list.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/reader/${first}\\b`));
});

test('the compare picker filters 3,000 documents as you type and keeps what was chosen', async ({ page }) => {
  const app = new AppPage(page, host.openUrl);
  await app.open();
  await page.evaluate(() => {
    window.location.hash = '#/compare/new';
  });
  const dialog = page.getByTestId('new-comparison-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('pick-count')).toHaveText(`50 of ${N} shown Show more`);
  await page.getByTestId('pick-more').click();
  await expect(page.getByTestId('pick-count')).toContainText(`100 of ${N} shown`);

  const filter = page.getByTestId('pick-filter');
  await filter.focus();
  await page.keyboard.insertText('宁波 第14批');
  await expect(page.getByTestId('pick-list').locator('li')).toHaveCount(1);
  await page.getByTestId('pick-list').locator('input[type=checkbox]').check();
  await filter.fill('');
  await filter.pressSequentially('PILOT');
  await expect(page.getByTestId('pick-count')).toHaveText(`6 of 6 shown`);
  await page.getByTestId('pick-list').locator('li', { hasText: '第2008批' }).locator('input[type=checkbox]').check();
  // The chosen ones stay named while the filter shows others.
  await filter.fill('咸宁');
  await expect(page.getByTestId('chosen-member')).toHaveCount(2);
  await expect(page.getByTestId('chosen-members')).toContainText('第14批');
  await expect(page.getByTestId('chosen-members')).toContainText('第2008批');
  await filter.fill('no such document');
  await expect(page.getByTestId('pick-count')).toHaveText('No document matches.');
  await page.getByTestId('create-comparison').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
});
