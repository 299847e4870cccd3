import { expect, test } from './fixtures';
import { hostApi, seedDocs } from './pages/api';

test('opening documents quickly in turn and reloading shows every coding stripe and chip', async ({ app, host }) => {
  const { page } = app;
  const { all } = await seedDocs(host);
  const docs = all.slice(0, 3);
  const codebook = await hostApi(host).themes.codebook({});
  const theme = codebook.themes[0].id;
  // Two coded clauses per document, coded by hand before the Reader opens them.
  const coded = new Map<number, number[]>();
  for (const d of docs) {
    const clauses = (await hostApi(host).documents.clauses({ id: d.id })).filter((c) => c.kind === 'measure').slice(0, 2);
    for (const c of clauses) await hostApi(host).themes.code({ clauseId: c.id, themeId: theme });
    coded.set(
      d.id,
      clauses.map((c) => c.id),
    );
  }

  // The codebook answers after the document's codings did (as when it is the slower request):
  // the order in which a store that copies its state before an await loses the codings.
  let clausesAnswered = 0;
  page.on('requestfinished', (r) => {
    if (r.url().endsWith('/api/call/themes.clauses')) clausesAnswered++;
  });
  // A codebook request that no codings request follows (the undo panel loads the codebook too)
  // is let through when the wait runs out, so no request hangs.
  await page.route('**/api/call/themes.codebook', async (route) => {
    const seen = clausesAnswered;
    await expect
      .poll(() => clausesAnswered, { timeout: 3_000 })
      .toBeGreaterThan(seen)
      .catch(() => undefined);
    await route.continue();
  });

  const stripesOf = (clauseId: number) => page.locator(`#clause-${clauseId} [data-testid=coding-stripe][data-theme="${theme}"]`);
  const expectAllCoded = async (docId: number) => {
    await expect(page.getByTestId('reader')).toBeVisible();
    for (const id of coded.get(docId)!) await expect(stripesOf(id)).toHaveCount(1);
  };
  // Quickly, one after another, without waiting for each to finish loading.
  for (const d of docs)
    await page.evaluate((h) => {
      window.location.hash = h;
    }, `#/reader/${d.id}`);
  await expectAllCoded(docs[2].id);
  await app.reload();
  await expectAllCoded(docs[2].id);
  for (const d of docs) {
    await page.evaluate((h) => {
      window.location.hash = h;
    }, `#/reader/${d.id}`);
    await expectAllCoded(d.id);
    // The selected clause shows its coding as a chip.
    await page.locator(`#clause-${coded.get(d.id)![0]}`).click();
    await expect(page.locator(`#clause-${coded.get(d.id)![0]} [data-testid=coding][data-theme="${theme}"]`)).toBeVisible();
  }
});
