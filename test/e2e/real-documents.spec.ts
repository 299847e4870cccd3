import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../contract/harness';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library';

// Real documents as researchers get them (issue #11): a PKULaw export, a city regulation with its
// 题注 and a department rule published by decree, imported through the Library's file input.
const docs = join(repoRoot, 'test', 'fixtures', 'metadata-real', 'docs');
const files = [
  '新疆维吾尔自治区质监局关于进一步加强新闻宣...(FBM-CLI.12.1075244).txt',
  '烟台市燃放烟花爆竹管理条例(2021-12-08).md',
  '化妆品生产经营监督管理办法(2021-08-02).md',
];

test('a PKULaw export, a regulation and a decree show their title, place, issuer, number and dates', async ({ app }) => {
  const page = app.page;
  const library = new LibraryPage(page);
  await library.importFiles(
    files.map((name) => ({ name, mimeType: name.endsWith('.md') ? 'text/markdown' : 'text/plain', buffer: readFileSync(join(docs, name)) })),
  );
  await expect(page.getByTestId('import-report')).toContainText('Imported: 3');

  const row = (title: string) => library.rows.filter({ has: page.getByTestId('doc-title').getByText(title, { exact: true }) });
  // The export's doubled title is one title; its place is its province (a province-level document).
  const pkulaw = row('新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知');
  await expect(pkulaw.getByTestId('doc-city')).toHaveText('新疆维吾尔自治区');
  await expect(pkulaw).toContainText('新质监办发〔2012〕24号');
  const regulation = row('烟台市燃放烟花爆竹管理条例');
  await expect(regulation.getByTestId('doc-city')).toHaveText('烟台市');
  await expect(regulation.getByTestId('doc-issuer')).toHaveText('烟台市人民代表大会常务委员会');
  await expect(regulation.getByTestId('doc-date')).toHaveText('2021-10-28');
  const decree = row('化妆品生产经营监督管理办法');
  await expect(decree.getByTestId('doc-city')).toHaveText('National');
  await expect(decree).toContainText('国家市场监督管理总局令第46号');
  await expect(decree.getByTestId('doc-issuer')).toHaveText('国家市场监督管理总局');

  await library.open('烟台市燃放烟花爆竹管理条例');
  const field = (name: string) => page.getByTestId(`metadata-${name}`).locator('dd');
  await expect(field('province')).toHaveText('山东省');
  await expect(field('level')).toHaveText('City');
  await expect(field('dateWritten')).toHaveText('2021-10-28');
  await expect(field('approvedBy')).toHaveText('山东省人民代表大会常务委员会');
  await expect(field('dateApproved')).toHaveText('2021-12-03');
  await expect(page.getByTestId('metadata-history')).toContainText('2016-12-28 adopted');
  await expect(page.getByTestId('metadata-history')).toContainText('2021-10-28 amended');
  await page.screenshot({ path: join(repoRoot, 'test-results', 'real-documents-reader.png') });

  await page.goBack();
  await library.open('新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知');
  await expect(field('sourceId')).toHaveText('CLI.12.1075244');
  await expect(field('sourceUrl')).toContainText('https://www.pkulaw.com/lar/');
  await expect(field('docNumber')).toHaveText('新质监办发〔2012〕24号');
  // The export lines are metadata, never text.
  await expect(page.getByTestId('reader')).not.toContainText('法宝引证码');

  await page.goBack();
  await library.open('化妆品生产经营监督管理办法');
  await expect(field('level')).toHaveText('National');
  await expect(field('docNumber')).toHaveText('国家市场监督管理总局令第46号');
  await expect(field('datePublished')).toHaveText('2021-08-02');
  await expect(field('dateEffective')).toHaveText('2022-01-01');
});
