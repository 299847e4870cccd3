import { expect, test } from './fixtures';
import { AttributesSection } from './pages/attributes';
import { ThemesSection } from './pages/themes';

test('the attribute table edits five documents at once and in place, keeps it through a reload, and Ctrl+Z undoes', async ({ app }) => {
  const { page } = app;
  const table = new AttributesSection(page);
  await table.open();
  // On first run the seeds may still be importing: wait for all five.
  await expect(table.rows()).toHaveCount(5);
  const region = await table.create('东中西部', 'choice', '东部、中部、西部');
  const kind = await table.create('政策类型', 'text');
  await table.create('发文年份', 'number');

  // In place, with the keyboard: click a cell, Enter edits, type Latin and Chinese, Enter saves and moves down.
  await table.cell(0, kind).click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Pilot plan 试点方案');
  await page.keyboard.press('Enter');
  await expect(table.cell(0, kind)).toHaveText('Pilot plan 试点方案');
  await expect(table.cell(1, kind)).toHaveClass(/active/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.keyboard.type('实施意见');
  await page.keyboard.press('Escape');
  await expect(table.cell(1, kind)).toHaveText('');
  await expect(page.getByTestId('attr-cell-editor')).toHaveCount(0);

  // Select five, set 东中西部 = 东部 for all of them in one step.
  const boxes = page.getByTestId('attr-select');
  for (let i = 0; i < 5; i++) await boxes.nth(i).check();
  await expect(page.getByTestId('attr-selected-count')).toContainText('5');
  await table.bulkSet('东中西部', '东部', 'select');
  await expect(table.column(region)).toHaveText(Array(5).fill('东部'));

  // A bad value is refused with the reason and changes nothing.
  await table.bulkSet('发文年份', 'twenty 二〇二一', 'type');
  await expect(page.getByTestId('attr-set-error')).toContainText('takes a number');
  await expect(table.column(region)).toHaveText(Array(5).fill('东部'));

  await app.reload();
  await expect(table.rows()).toHaveCount(5);
  await expect(table.column(region)).toHaveText(Array(5).fill('东部'));
  await expect(table.cell(0, kind)).toHaveText('Pilot plan 试点方案');
  await page.screenshot({ path: 'test-results/attributes-table.png', fullPage: false });

  // Ctrl+Z in the view undoes the whole five-document step; Ctrl+Shift+Z redoes it.
  await page.getByTestId('attr-grid').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('attr-message')).toContainText('东中西部 = 东部');
  await expect(table.column(region)).toHaveText(Array(5).fill(''));
  await expect(table.cell(0, kind)).toHaveText('Pilot plan 试点方案');
  await page.keyboard.press('Control+Shift+z');
  await expect(table.column(region)).toHaveText(Array(5).fill('东部'));
  // The step before it is the in-place edit (the edit cancelled with Escape saved nothing).
  await page.getByTestId('attr-undo').click();
  await expect(table.column(region)).toHaveText(Array(5).fill(''));
  await page.getByTestId('attr-undo').click();
  await expect(page.getByTestId('attr-message')).toContainText('政策类型 = Pilot plan 试点方案');
  await expect(table.cell(0, kind)).toHaveText('');
});

test('a heatmap filtered by an attribute shows only those documents’ cities', async ({ app }) => {
  const { page } = app;
  const table = new AttributesSection(page);
  await app.setLanguage('zh-CN');
  await table.open();
  await expect(table.rows()).toHaveCount(5);
  const region = await table.create('东中西部', 'choice', '东部、中部、西部');
  await table.create('试点城市', 'boolean');
  // Filter the table by typing a Chinese city name, select what is shown, set 中部; the rest 东部.
  await page.getByTestId('attr-filter').click();
  await page.keyboard.type('咸宁');
  await expect(table.rows()).toHaveCount(1);
  await page.getByTestId('attr-select-all').click();
  await table.bulkSet('东中西部', '中部', 'select');
  await expect(table.column(region)).toHaveText(['中部']);
  await page.getByTestId('attr-filter').fill('');
  await expect(table.rows()).toHaveCount(5);
  await page.getByTestId('attr-select-all').click();
  for (let i = 0; i < 5; i++) if ((await table.cell(i, region).textContent()) === '中部') await page.getByTestId('attr-select').nth(i).uncheck();
  await expect(page.getByTestId('attr-selected-count')).toContainText('4');
  await table.bulkSet('东中西部', '东部', 'select');
  await expect(table.column(region).filter({ hasText: '东部' })).toHaveCount(4);
  await table.bulkSet('试点城市', '是', 'select');
  await page.screenshot({ path: 'test-results/attributes-table-zh.png' });

  const themes = new ThemesSection(page);
  await themes.open('heatmap');
  await expect.poll(async () => [...new Set(await themes.heatmapColumns())].sort()).toEqual(['咸宁市', '宁波市', '温州市', '青岛市'].sort());
  await page.getByTestId('heatmap-attr-filter-attribute').selectOption({ label: '东中西部' });
  await page.getByTestId('heatmap-attr-filter-value').selectOption('中部');
  await expect.poll(() => themes.heatmapColumns()).toEqual(['咸宁市']);
  await page.getByTestId('heatmap-attr-filter-value').selectOption('东部');
  await expect.poll(async () => [...(await themes.heatmapColumns())].sort()).toEqual(['宁波市', '温州市', '青岛市'].sort());
  await page.screenshot({ path: 'test-results/attributes-heatmap.png', fullPage: true });

  // Search under the same filter finds only 咸宁市's document.
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-input').click();
  await page.keyboard.type('企业');
  await page.getByTestId('search-attr-filter-attribute').selectOption({ label: '东中西部' });
  await page.getByTestId('search-attr-filter-value').selectOption('中部');
  await expect(page.getByTestId('search-group')).toHaveCount(1);
  await expect(page.getByTestId('search-group')).toContainText('咸宁市');
  // The filter lives in the URL with the query: a reload keeps both.
  await app.reload();
  await expect(page.getByTestId('search-attr-filter-value')).toHaveValue('中部');
  await expect(page.getByTestId('search-group')).toHaveCount(1);
  await expect(page.getByTestId('search-group')).toContainText('咸宁市');
});
