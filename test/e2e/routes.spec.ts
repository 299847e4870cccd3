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
