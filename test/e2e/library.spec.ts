import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { repoRoot } from './host';
import { hostApi } from './pages/api';
import { LibraryPage } from './pages/library';
import { ReaderPage } from './pages/reader';

test('a new user sees the five seed documents with their cities', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.expectDocuments(5);
  const cities = await library.cities();
  expect(new Set(cities)).toEqual(new Set(['青岛市', '宁波市', '温州市', '咸宁市']));
  await expect(app.page.getByTestId('doc-group')).toHaveCount(4); // grouped by city
});

test("the Library asks for its documents once, before the app's code has started, and again after a change", async ({ app, host }) => {
  const page = app.page;
  const listCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/call/documents.list')) listCalls.push(r.url());
  });
  await page.reload();
  const library = new LibraryPage(page);
  await library.expectDocuments(5);
  // Sent by api/early.ts while the app's modules were still loading, and taken by the app: one request.
  expect(listCalls).toHaveLength(1);
  const order = await page.evaluate(() => {
    const call = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/call/documents.list'));
    const appStart = performance.getEntriesByName('policylens:app-start')[0];
    return { call: call?.startTime ?? null, appStart: appStart?.startTime ?? null };
  });
  expect(order.call).not.toBeNull();
  expect(order.appStart).not.toBeNull();
  expect(order.call!).toBeLessThan(order.appStart!);
  // An early answer is used once: a change reloads the list with a call of its own.
  const before = listCalls.length;
  const api = hostApi(host);
  await api.documents.updateMetadata({ id: (await api.documents.list({}))[0].id, fields: { title: '改过的标题' } });
  await expect(page.getByText('改过的标题')).toBeVisible();
  expect(listCalls.length).toBeGreaterThan(before);
});

test('filtering the library narrows it to matching documents', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.filter('青岛');
  await library.expectDocuments(2);
  await library.filter('no-such-document');
  await library.expectDocuments(0);
});

test('opening a document shows its clause outline and scrolls to a picked clause', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.open('小微企业创业创新基地城市示范工作推进方案');
  const reader = new ReaderPage(app.page);
  await reader.expectTitle(/小微企业创业创新基地城市示范工作推进方案/);
  await expect(reader.outlineItems.first()).toBeVisible();
  expect(await reader.outlineItems.count()).toBeGreaterThan(50);
  await reader.pickInOutline('三、示范目标');
  await expect(reader.selectedClause()).toContainText('示范目标');
  await expect(reader.selectedClause()).toBeInViewport();
  await expect(app.page.getByTestId('metadata-docNumber')).toContainText('青双创联办字〔2016〕2号');
});

test('switching language changes the interface', async ({ app }) => {
  await app.setLanguage('zh-CN');
  await expect(app.page.getByTestId('nav-library')).toHaveText(/文库/);
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('文库');
  await app.setLanguage('en');
  await expect(app.page.getByTestId('nav-library')).toHaveText(/Library/);
});

test('importing a GB18030 file and a broken PDF reports each, and the good one is readable', async ({ app }) => {
  const iconv = await import('iconv-lite');
  const text = readFileSync(join(repoRoot, 'seeds', '001_8cf9a6de749d0b9f.txt'), 'utf8').replaceAll('海曙区', '江北区');
  const library = new LibraryPage(app.page);
  await library.importFiles([
    { name: 'jiangbei-gbk.txt', mimeType: 'text/plain', buffer: iconv.default.encode(text, 'gb18030') },
    { name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nthis is not really a pdf') },
  ]);
  await expect(app.page.getByTestId('import-report')).toContainText('Imported: 1');
  await expect(app.page.getByTestId('import-errors')).toContainText('broken.pdf');
  await library.expectDocuments(6);
  await library.open(/江北区/);
  await expect(app.page.getByTestId('metadata-encoding')).toHaveText('gb18030');
});

test('edited metadata is kept after reload', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.open('加快构建大众创业万众创新支撑平台');
  await app.page.getByTestId('metadata-edit').click();
  await app.page.getByTestId('metadata-input-issuer').fill('咸宁市人民政府');
  await app.page.getByTestId('metadata-save').click();
  await expect(app.page.getByTestId('metadata-issuer')).toContainText('咸宁市人民政府');
  await app.reload();
  await expect(app.page.getByTestId('metadata-issuer')).toContainText('咸宁市人民政府');
});

test('no layout breaks at 1920×1080 and 1280×800', async ({ app }) => {
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 800 },
  ]) {
    await app.page.setViewportSize(size);
    const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
});

test('a library of hundreds of documents renders only the rows in view and stays filterable', async ({ app, host }) => {
  const cities = ['杭州市', '成都市', '武汉市', '西安市', '苏州市', '长沙市'];
  const files = Array.from({ length: 400 }, (_, i) => ({
    name: `generated-${String(i).padStart(3, '0')}.md`,
    dataBase64: Buffer.from(
      `# ${cities[i % cities.length]}关于支持小微企业发展的第${i + 1}号实施意见\n\n为支持${cities[i % cities.length]}小微企业发展，制定本意见。\n\n一、加大财税支持\n\n落实小微企业税收优惠政策。\n\n二、缓解融资难题\n\n设立贷款风险补偿资金${i + 1}万元。\n`,
    ).toString('base64'),
  }));
  const res = await fetch(`${host.url}api/call/documents.importFiles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-policylens-token': host.token },
    body: JSON.stringify({ files }),
  });
  expect((await res.json()).result.imported).toHaveLength(400);
  const library = new LibraryPage(app.page);
  await expect(app.page.getByTestId('library-count')).toHaveText('405 documents');
  const rendered = await library.rows.count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);
  await library.filter('第400号');
  await library.expectDocuments(1);
});

test('a link to a clause deep in a document opens the Reader scrolled to it', async ({ app, host }) => {
  const res = await fetch(`${host.url}api/call/documents.list`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-policylens-token': host.token },
    body: '{}',
  });
  const docs = (await res.json()).result as Array<{ id: number; docNumber: string | null }>;
  const qingdao = docs.find((d) => d.docNumber === '青双创联办字〔2016〕2号')!;
  const clauses = await fetch(`${host.url}api/call/documents.clauses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-policylens-token': host.token },
    body: JSON.stringify({ id: qingdao.id }),
  });
  const deep = ((await clauses.json()).result as Array<{ id: number; kind: string }>).filter((c) => c.kind === 'measure').at(-5)!;
  await app.page.evaluate((h) => {
    window.location.hash = h;
  }, `#/reader/${qingdao.id}?clause=${deep.id}`);
  const reader = new ReaderPage(app.page);
  await expect(reader.selectedClause()).toBeInViewport();
});

test('selecting two documents in the Library starts a comparison of them', async ({ app }) => {
  const library = new LibraryPage(app.page);
  await library.filter('青岛');
  await library.expectDocuments(2);
  for (const box of await app.page.getByTestId('doc-select').all()) await box.check();
  await app.page.getByTestId('compare-selected').click();
  await expect(app.page).toHaveURL(/#\/compare\/new\?docs=\d+(%2C|,)\d+/);
  const dialog = app.page.getByTestId('new-comparison-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('input[type=checkbox][data-testid^=pick-doc-]:checked')).toHaveCount(2);
  await app.page.getByTestId('create-comparison').click();
  await expect(app.page.getByTestId('compare-view')).toBeVisible();
});
