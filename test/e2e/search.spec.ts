import { foldForSearch } from '../../shared/domain/search';
import { expect, test } from './fixtures';
import type { StartedHost } from './host';
import { hostApi } from './pages/api';
import { ReaderPage } from './pages/reader';
import { SearchPage } from './pages/search';

/** Clauses of the seeds that contain `q`, counted through the app's own API (the same grep the scorer does). */
async function clausesContaining(host: StartedHost, q: string): Promise<number> {
  const api = hostApi(host);
  const needle = foldForSearch(q);
  let n = 0;
  for (const d of await api.documents.list({})) {
    for (const c of await api.documents.clauses({ id: d.id })) if (c.text.normalize('NFKC').replace(/\s+/gu, '').includes(needle)) n++;
  }
  return n;
}

test('a two-character query finds every clause that contains it (past the first page), grouped by document', async ({ app, host }) => {
  await app.goto('search');
  const search = new SearchPage(app.page);
  await search.search('融资');
  const total = await search.totalCount();
  expect(total).toBeGreaterThan(20);
  await search.showAll();
  await expect(search.hits).toHaveCount(total);
  const want = await clausesContaining(host, '融资');
  expect(total).toBe(want);
  expect(await search.groups.count()).toBeGreaterThan(1);
  const marks = await search.highlights().allTextContents();
  expect(marks.length).toBeGreaterThanOrEqual(total);
  expect(new Set(marks.map((m) => foldForSearch(m)))).toEqual(new Set(['融资']));
});

test('a hit opens the Reader at that clause with the occurrences highlighted', async ({ app }) => {
  await app.goto('search');
  const search = new SearchPage(app.page);
  await search.search('市财政局');
  const first = search.hits.first();
  const snippet = (await first.textContent())!;
  await first.locator('a').click();
  const reader = new ReaderPage(app.page);
  await expect(app.page.getByTestId('reader')).toBeVisible();
  await expect(app.page).toHaveURL(/clause=\d+/);
  await expect(reader.selectedClause()).toBeVisible();
  await expect(reader.selectedClause().locator('mark.hit').first()).toBeVisible();
  expect(foldForSearch((await reader.selectedClause().textContent())!)).toContain(foldForSearch(snippet.replace(/^[^\u4e00-\u9fff]*|…/g, '')).slice(0, 8));
  await expect(reader.highlighted().first()).toHaveText(/市财\s*政局/);
});

test('a city filter narrows the results to that city', async ({ app }) => {
  await app.goto('search');
  const search = new SearchPage(app.page);
  await search.search('人才');
  const all = await search.totalCount();
  await search.filterCity('青岛市');
  await expect.poll(() => search.totalCount()).toBeLessThan(all);
  await expect(app.page).toHaveURL(/city=/);
  const groupHeads = await search.groups.locator('h2').allTextContents();
  expect(groupHeads.every((h) => h.includes('青岛市'))).toBe(true);
});

test('while a new filter’s hits are on their way, the old hits say so and offer no page more of them', async ({ app }) => {
  const page = app.page;
  await app.goto('search');
  const search = new SearchPage(page);
  await search.search('企业');
  const more = page.getByTestId('search-more');
  await expect(more).toBeEnabled();
  // Hold the filtered query's answer until the page has been looked at.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/call/search.query', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByTestId('filter-city').selectOption('青岛市');
  await expect(page.getByTestId('search-results')).toHaveAttribute('aria-busy', 'true');
  await expect(more).toBeDisabled();
  release();
  await search.settled();
  const groupHeads = await search.groups.locator('h2').allTextContents();
  expect(groupHeads.every((h) => h.includes('青岛市'))).toBe(true);
});

test('the keyboard moves through hits and Enter opens one', async ({ app }) => {
  await app.goto('search');
  const search = new SearchPage(app.page);
  await search.search('孵化器');
  await search.input.press('ArrowDown');
  await expect(app.page.locator('[data-testid=search-hit].active')).toHaveCount(1);
  await search.input.press('Enter');
  await expect(app.page.getByTestId('reader')).toBeVisible();
  await expect(app.page.locator('[data-testid=clause] mark.hit').first()).toBeVisible();
});

test('queries full of syntax are searched as text, never an error', async ({ app }) => {
  await app.goto('search');
  const search = new SearchPage(app.page);
  for (const q of ['"(牵头单位', 'NEAR(人才 融资)', '*', '😀']) {
    await search.input.fill(q);
    await expect(search.total).toBeVisible();
    await expect(app.page.getByRole('alert')).toHaveCount(0);
  }
});

test('a search opened by its address fetches the Search page before the app renders, shows no loading placeholder, and asks for the filter bar only once the hits and facets are in', async ({
  app,
}) => {
  const page = app.page;
  // Requests sent and answers received, in the order they happened.
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/call/')) calls.push(r.url().split('/api/call/')[1]);
  });
  page.on('requestfinished', (r) => {
    if (r.url().includes('/api/call/')) calls.push(`answered ${r.url().split('/api/call/')[1]}`);
  });
  const address = page.url().split('#')[0] + '#/search?q=' + encodeURIComponent('融资');
  // Whether the page's loading placeholder was ever shown: the first render waits for the page's
  // code instead (React shows a suspended page no sooner than 300 ms after its placeholder).
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('[data-testid=deferred-loading]')) (window as unknown as { sawLoading: boolean }).sawLoading = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('about:blank');
  await page.goto(address);
  await expect(page.getByTestId('facet-document').first()).toBeVisible();
  const timing = await page.evaluate(() => ({
    chunk: performance.getEntriesByType('resource').find((e) => /\/SearchPage-[^/]+\.js$/.test(e.name))?.startTime ?? null,
    render: performance.getEntriesByName('policylens:render')[0]?.startTime ?? null,
  }));
  expect(timing.chunk).not.toBeNull();
  expect(timing.render).not.toBeNull();
  expect(timing.chunk!).toBeLessThan(timing.render!);
  expect(await page.evaluate(() => (window as unknown as { sawLoading?: boolean }).sawLoading ?? false)).toBe(false);
  // The backend answers one call at a time, and calls sent together reach it in any order: the
  // filter bar's values and the codebook are asked for only after the facets have been answered.
  await expect.poll(() => calls.includes('themes.codebook') && calls.includes('documents.filterValues')).toBe(true);
  const at = (m: string) => calls.indexOf(m);
  expect(at('search.query')).toBeGreaterThanOrEqual(0);
  expect(at('search.query')).toBeLessThan(at('answered search.facets'));
  expect(at('answered search.facets')).toBeLessThan(at('themes.codebook'));
  expect(at('answered search.facets')).toBeLessThan(at('documents.filterValues'));
});
