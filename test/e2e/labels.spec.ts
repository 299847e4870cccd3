import { expect, test } from './fixtures';
import { hostApi, seedDocs } from './pages/api';
import { CompareView } from './pages/compare';
import { SearchPage } from './pages/search';

test('Wenzhou’s four plans: every “三-(三)” is shown with its plan, in Compare and in Search, so no two read the same', async ({ app, host }) => {
  const { page } = app;
  const { qingdao, wenzhou } = await seedDocs(host);
  const cmp = await hostApi(host).compare.create({
    name: '四个方案',
    members: [
      { docId: qingdao.id, partIndex: null },
      { docId: wenzhou.id, partIndex: null },
    ],
  });
  const view = new CompareView(page);
  await view.open(cmp.id);
  await expect(page.getByTestId('clause-label').first()).toBeVisible();
  const labels = await page.getByTestId('compare-clause').locator('[data-testid=clause-label]').allTextContents();
  const wenzhouLabels = labels.filter((l) => l.includes(' · '));
  expect(wenzhouLabels.length).toBeGreaterThan(0);
  const plan = /^(小微企业上规上限|支持小微企业融资破难|培育千家科技型小微企业|实施三万市场主体创业扶持) · /;
  expect(wenzhouLabels.every((l) => plan.test(l))).toBe(true);

  await app.goto('search');
  const search = new SearchPage(page);
  await search.search('小微企业');
  await search.filterCity('温州市');
  await search.showAll();
  const paths = await page.getByTestId('hit-path').allTextContents();
  const ambiguous = paths.filter((p) => p.endsWith(' · 三-(三)'));
  expect(ambiguous.length).toBeGreaterThan(1);
  expect(new Set(ambiguous).size).toBe(ambiguous.length);
  expect(paths.every((p) => p.includes(' · '))).toBe(true);
});
