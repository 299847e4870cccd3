import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComparisonView } from '../../shared/api/methods/compare';
import { buildRowModel } from '../../shared/domain/align/rows';
import { expect, test } from './fixtures';
import { repoRoot, type StartedHost } from './host';
import { hostApi } from './pages/api';
import { CompareView } from './pages/compare';

const shots = process.env.POLICYLENS_SHOTS; // a folder to save screenshots into, when set

// Each test imports, aligns and reloads the view twice or more: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** Imports real regulations from test/fixtures/align-real/docs and returns their document ids, in the order given. */
async function importRegulations(host: StartedHost, names: string[]): Promise<number[]> {
  const files = names.map((name) => ({ name, dataBase64: readFileSync(join(repoRoot, 'test', 'fixtures', 'align-real', 'docs', name)).toString('base64') }));
  const r = await hostApi(host).documents.importFiles({ files });
  return names.map((n) => r.imported.find((d) => d.file === n)!.id);
}

/** A row of the view (pivot = first document) that has two or more open links, found with the same row model the view uses. */
function rowWithTwoLinks(view: ComparisonView) {
  const columns = view.columns.map((c) => c.clauses.filter((x) => x.alignable).map((x) => ({ id: x.id, boilerplate: x.boilerplate })));
  const model = buildRowModel({ columns, links: view.links, pivot: 0 });
  return model.rows.find((r) => !r.boilerplate && r.links.filter((l) => l.status === 'suggested').length >= 2);
}

/** How many runs of unmatched clauses the view's row model collapses, with `pivot` leading. */
function runsOf(view: ComparisonView, pivot: number): number {
  const columns = view.columns.map((c) => c.clauses.filter((x) => x.alignable).map((x) => ({ id: x.id, boilerplate: x.boilerplate })));
  return buildRowModel({ columns, links: view.links, pivot }).items.filter((i) => i.kind === 'run').length;
}

/**
 * The view renders only the rows near the screen: scrolls it until the first collapsed run of
 * unmatched clauses is there, after checking that the row model (the one the view uses) has one.
 */
async function scrollToFirstRun(page: import('@playwright/test').Page, host: StartedHost, id: number) {
  const view = await hostApi(host).compare.view({ id });
  expect(runsOf(view, 0), 'the row model has a run of unmatched clauses').toBeGreaterThan(0);
  const runs = new CompareView(page).runs;
  await page.getByTestId('compare-view').hover();
  await expect(async () => {
    if ((await runs.count()) === 0) await page.mouse.wheel(0, 600);
    await expect(runs.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  return runs.first();
}

async function decideTwoLinksAndReload(page: import('@playwright/test').Page, app: { reload(): Promise<void> }, host: StartedHost, id: number) {
  const compare = new CompareView(page);
  const view = await hostApi(host).compare.view({ id });
  const target = rowWithTwoLinks(view);
  expect(target, 'a row with two suggested links').toBeTruthy();
  const [keep, drop] = target!.links.filter((l) => l.status === 'suggested');
  await compare.open(id, target!.anchor);
  const row = compare.anchoredRow(target!.anchor);
  await expect(row).toBeVisible();
  await compare.link(row, keep.a, keep.b).getByTestId('link-confirm').click();
  await expect(compare.link(row, keep.a, keep.b)).toHaveAttribute('data-status', 'confirmed');
  // The other link of the same row is still open: decided one by one, not as a row.
  await expect(compare.link(row, drop.a, drop.b)).toHaveAttribute('data-status', 'suggested');
  await compare.link(row, drop.a, drop.b).getByTestId('link-reject').click();
  await expect(compare.link(row, drop.a, drop.b)).toHaveCount(0);
  await expect(row.getByTestId('rejected-link').first()).toBeVisible();

  await app.reload();
  await compare.open(id, target!.anchor);
  await expect(compare.link(compare.anchoredRow(target!.anchor), keep.a, keep.b)).toHaveAttribute('data-status', 'confirmed');
  await expect(compare.link(compare.anchoredRow(target!.anchor), drop.a, drop.b)).toHaveCount(0);
  await expect(compare.anchoredRow(target!.anchor).getByTestId('rejected-link').first()).toBeVisible();
}

test('two real regulations: anchored rows, collapsed unmatched runs, coverage, one link of a two-link row confirmed and the other rejected, kept after reload', async ({
  app,
  host,
}) => {
  const { page } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  const [hz, ly] = await importRegulations(host, ['杭州市科学技术进步条例(2011-12-07).md', '洛阳市科学技术进步条例(2019-08-19).md']);
  const { id } = await hostApi(host).compare.create({
    name: '杭州 ↔ 洛阳 科技进步条例',
    members: [
      { docId: hz, partIndex: null },
      { docId: ly, partIndex: null },
    ],
  });
  const compare = new CompareView(page);
  await compare.open(id);
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-mode', 'rows');

  // Coverage: one line for all measures, a bar per document.
  await expect(compare.coverage).toBeVisible();
  await expect(compare.coverage.getByTestId('coverage-row').first()).toContainText(/All measures|全部措施/);
  await expect(compare.coverage.getByTestId('coverage-bar')).not.toHaveCount(0);

  // Rows are anchored on Hangzhou's articles: each row holds at most one Hangzhou clause.
  await expect(compare.rows.first()).toBeVisible();
  const firstCells = compare.rows.first().getByTestId('compare-cell').first().getByTestId('compare-clause');
  await expect(firstCells).toHaveCount(1);

  // Unmatched clauses collapse into runs that open on demand, and "matched only" hides them; the
  // first run may be far down, wherever the aligner left clauses unmatched.
  const run = await scrollToFirstRun(page, host, id);
  const n = Number(await run.getAttribute('data-count'));
  expect(n).toBeGreaterThanOrEqual(2);
  await expect(run).toContainText(String(n));
  if (shots) await page.screenshot({ path: join(shots, 'compare-regulations.png') });
  await run.getByTestId('run-toggle').click();
  await expect(run).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('[data-testid=compare-row].in-run')).not.toHaveCount(0);
  await page.getByTestId('matched-only').check();
  await expect(compare.runs).toHaveCount(0);
  await expect(page.locator('[data-testid=compare-row][data-status=unmatched]')).toHaveCount(0);
  await page.getByTestId('matched-only').uncheck();

  // The pivot can be changed: rows then follow Luoyang.
  await page.getByTestId('pivot').selectOption('1');
  await expect(page.locator('.compare-column-title.pivot')).toContainText('洛阳');
  await page.getByTestId('pivot').selectOption('0');

  await decideTwoLinksAndReload(page, app, host, id);
});

test('two seed plans: anchored rows, runs, coverage per theme, per-link decisions kept after reload', async ({ app, host }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  const docs = await hostApi(host).documents.list({});
  const qd = docs.find((d) => d.title?.includes('进一步支持小型微型企业健康发展的意见'))!;
  const wz = docs.find((d) => d.title?.includes('四大专项行动方案'))!;
  const { id } = await hostApi(host).compare.create({
    name: '青岛 ↔ 温州',
    members: [
      { docId: qd.id, partIndex: null },
      { docId: wz.id, partIndex: null },
    ],
  });
  const compare = new CompareView(page);
  await compare.open(id);
  await expect(compare.rows.first()).toBeVisible();
  await scrollToFirstRun(page, host, id);
  // Themes come from suggested codings: the seeds have some, so coverage has lines per theme.
  await expect(compare.coverage.getByTestId('coverage-row')).not.toHaveCount(1);
  if (shots) await page.screenshot({ path: join(shots, 'compare-seeds.png') });
  await decideTwoLinksAndReload(page, app, host, id);

  // Keys: c confirms the marked link of the active row (only that one), r rejects the next marked one, j moves on.
  const view = await hostApi(host).compare.view({ id });
  const target = rowWithTwoLinks(view);
  expect(target, 'another row with two suggested links').toBeTruthy();
  await compare.open(id, target!.anchor);
  const row = compare.anchoredRow(target!.anchor);
  await row.locator('.row-number').click();
  const marked = row.locator('[data-testid=row-link][data-active=true]');
  await expect(marked).toHaveCount(1);
  const first = { a: Number(await marked.getAttribute('data-a')), b: Number(await marked.getAttribute('data-b')) };
  await page.keyboard.press('c');
  await expect(compare.link(row, first.a, first.b)).toHaveAttribute('data-status', 'confirmed');
  await expect(row.locator('[data-testid=row-link][data-status=suggested]')).not.toHaveCount(0); // the row's other links stay open
  const next = { a: Number(await marked.getAttribute('data-a')), b: Number(await marked.getAttribute('data-b')) };
  expect(next).not.toEqual(first);
  await page.keyboard.press('r');
  await expect(compare.link(row, next.a, next.b)).toHaveCount(0);
  await page.keyboard.press('j');
  await expect(row).not.toHaveClass(/active/);
});

test('two versions of 北京市优化营商环境条例 open in versions mode with added, deleted and changed articles', async ({ app, host }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  const [old, neu] = await importRegulations(host, ['北京市优化营商环境条例(2020-03-27).md', '北京市优化营商环境条例(2024-11-29).md']);
  const { id } = await hostApi(host).compare.create({
    name: '北京 2020 ↔ 2024',
    members: [
      { docId: old, partIndex: null },
      { docId: neu, partIndex: null },
    ],
  });
  const compare = new CompareView(page);
  await compare.open(id);
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-mode', 'versions');
  const entries = page.getByTestId('version-entry');
  await expect(entries.first()).toBeVisible();
  for (const kind of ['added', 'deleted', 'changed', 'same'])
    await expect(page.locator(`[data-testid=version-entry][data-kind=${kind}]`).first()).toBeVisible();
  // The last article (entry into force) changed from a fixed date to 自公布之日起: the change is marked on both sides.
  const last = entries.last();
  await expect(last).toHaveAttribute('data-kind', 'changed');
  await expect(last.getByTestId('version-del').first()).toBeVisible();
  await expect(last.getByTestId('version-ins').first()).toBeVisible();
  await expect(last).toContainText('施行');
  await expect(page.getByTestId('versions-summary')).toContainText(/\d+/);
  if (shots) await page.screenshot({ path: join(shots, 'compare-versions.png') });
  await page.getByTestId('versions-changes-only').check();
  await expect(page.locator('[data-testid=version-entry][data-kind=same]')).toHaveCount(0);
  // The side-by-side mode stays available.
  await page.getByTestId('mode-rows').click();
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-mode', 'rows');
  await expect(compare.rows.first()).toBeVisible();
});
