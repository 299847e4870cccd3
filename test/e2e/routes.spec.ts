import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library';

// Addresses typed, pasted or bookmarked by hand: a malformed one shows the app (or a clear
// message), never an uncaught error in the page.
test('malformed hash routes never throw in the page', async ({ app }) => {
  const errors: string[] = [];
  app.page.on('pageerror', (e) => errors.push(e.message));
  await new LibraryPage(app.page).expectDocuments(5);
  for (const hash of ['#/%', '#/reader/%zz', '#/reader/abc', '#/compare/%E0%A4%A', '#/search?q=%E0%A4%A', '#/no-such-section/1', '#/reader/99999']) {
    await app.page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
    await expect(app.page.locator('body')).toBeVisible();
    await app.page.waitForFunction((h) => window.location.hash === h || decodeURI(window.location.hash) !== '', hash);
  }
  await app.page.evaluate(() => {
    window.location.hash = '#/library';
  });
  await new LibraryPage(app.page).expectDocuments(5);
  expect(errors).toEqual([]);
});

// A page whose code cannot be fetched (the host was restarted with a new build) or that fails to
// render shows a clear message in its place; the sidebar and the other pages stay, and Reload brings it back.
test('a page whose code cannot be loaded says so in its place, and the rest of the app keeps working', async ({ app }) => {
  const page = app.page;
  const chunk = /\/assets\/SearchPage-[^/]+\.js$/;
  await page.route(chunk, (r) => r.abort());
  await page.reload();
  await new LibraryPage(page).expectDocuments(5);
  await page.getByTestId('nav-search').click();
  const failed = page.getByTestId('page-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText(/could not be loaded|无法加载/);
  await expect(page.getByTestId('nav-library')).toBeVisible();
  // The other pages still work.
  await page.getByTestId('nav-library').click();
  await new LibraryPage(page).expectDocuments(5);
  // Once the code can be fetched again, Reload brings the page back.
  await page.getByTestId('nav-search').click();
  await page.unroute(chunk);
  await page.getByTestId('page-failed-reload').click();
  await expect(page.getByTestId('page-failed')).toHaveCount(0);
  await expect(page.getByTestId('search-input')).toBeVisible();
});
