import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, expect, test } from '@playwright/test';
import { pgUnavailable } from '../store/pg-cluster';
import { repoRoot } from './host';
import { CompareView } from './pages/compare';
import { type StartedTeamHost, startTeamHost } from './team-host';

// Comparisons on a team server (issue 14): the lead compares two seed documents, a coder opens the
// comparison in their browser and confirms a link with the keyboard, the lead sees it confirmed.
test.describe.configure({ timeout: 300_000 });

const unavailable = pgUnavailable();
const PASSWORD = 'correct horse battery 电池';
const SEEDS = ['000_4d56af254ffdf8b7.txt', '001_8cf9a6de749d0b9f.txt'];

async function logIn(browser: Browser, url: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(url);
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('team-user')).toContainText(name);
  await page.getByTestId('locale-switch').selectOption('en');
  return page;
}

test.skip(!!unavailable, unavailable ?? '');

test('a coder confirms a link of a team comparison in the browser; the lead sees it confirmed', async ({ browser }) => {
  let host: StartedTeamHost | null = null;
  try {
    host = await startTeamHost([
      { name: 'lead', role: 'owner', password: PASSWORD },
      { name: '张伟', role: 'coder', password: PASSWORD },
    ]);
    const report = await host.call('lead', PASSWORD, 'documents.importFiles', {
      files: SEEDS.map((name) => ({ name, dataBase64: readFileSync(join(repoRoot, 'seeds', name)).toString('base64') })),
    });
    const members = report.imported.map((d) => ({ docId: d.id, partIndex: null }));
    const { id } = await host.call('lead', PASSWORD, 'compare.create', { name: '青岛 × 宁波', members });

    const coder = await logIn(browser, host.url, '张伟');
    const compare = new CompareView(coder);
    await compare.open(id);
    await expect(compare.rows.first()).toBeVisible();
    await expect(coder.getByTestId('comparison-title')).toHaveText('青岛 × 宁波');
    const anchor = Number(
      await compare.rows
        .filter({ has: coder.locator('[data-testid=row-link][data-status=suggested]') })
        .first()
        .getAttribute('data-anchor'),
    );
    const row = compare.anchoredRow(anchor);
    await row.locator('.row-number').click();
    const marked = row.locator('[data-testid=row-link][data-active=true]');
    await expect(marked).toHaveCount(1);
    const link = { a: Number(await marked.getAttribute('data-a')), b: Number(await marked.getAttribute('data-b')) };
    await coder.keyboard.press('c');
    const stored = async () => (await host!.call('lead', PASSWORD, 'compare.view', { id })).links.find((l) => l.a === link.a && l.b === link.b)?.status;
    await expect.poll(stored, { timeout: 20_000 }).toBe('confirmed');
    // The window reloads the view on the server's `changed` event.
    await expect(compare.link(row, link.a, link.b)).toHaveAttribute('data-status', 'confirmed', { timeout: 30_000 });
    await coder.screenshot({ path: test.info().outputPath('team-compare-coder.png') });

    const lead = await logIn(browser, host.url, 'lead');
    const leadView = new CompareView(lead);
    await leadView.open(id, link.a);
    await expect(lead.locator(`[data-testid=row-link][data-a="${link.a}"][data-b="${link.b}"]`).first()).toHaveAttribute('data-status', 'confirmed', {
      timeout: 30_000,
    });
    await lead.screenshot({ path: test.info().outputPath('team-compare-lead.png') });
    const view = await host.call('lead', PASSWORD, 'compare.view', { id });
    expect(view.links.find((l) => l.a === link.a && l.b === link.b)?.status).toBe('confirmed');
  } finally {
    await host?.stop();
  }
});
