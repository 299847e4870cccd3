import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, expect, test } from '@playwright/test';
import { pgUnavailable } from '../store/pg-cluster';
import { repoRoot } from './host';
import { LibraryPage } from './pages/library';
import { ReaderCoding } from './pages/themes';
import { type StartedTeamHost, startTeamHost } from './team-host';

// A team project on PostgreSQL (issue 14): two coders log in from their own browsers and code the
// same ten clauses blind; the lead logs in, sees kappa and the disagreements, reconciles, exports.
test.describe.configure({ timeout: 300_000 });

const unavailable = pgUnavailable();
const PASSWORD = 'correct horse battery 电池';
const SEED = '000_4d56af254ffdf8b7.txt';

/** Cohen's kappa of two coders over n binary units, from the counts of (1,1), (1,0), (0,1). */
function kappa(n: number, both: number, onlyA: number, onlyB: number): number {
  const po = (n - onlyA - onlyB) / n;
  const a = (both + onlyA) / n;
  const b = (both + onlyB) / n;
  const pe = a * b + (1 - a) * (1 - b);
  return (po - pe) / (1 - pe);
}

async function logIn(browser: Browser, url: string, name: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('team-login')).toBeVisible();
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-password').press('Enter');
  await expect(page.getByTestId('team-user')).toContainText(name);
  await page.getByTestId('locale-switch').selectOption('en');
  return page;
}

test.skip(!!unavailable, unavailable ?? '');

test('two coders code the same ten clauses on the team server; the lead sees kappa and the disagreements, reconciles, and exports', async ({ browser }) => {
  let host: StartedTeamHost | null = null;
  try {
    host = await startTeamHost([
      { name: 'lead', role: 'owner', password: PASSWORD },
      { name: 'Alice Wang', role: 'coder', password: PASSWORD },
      { name: '张伟', role: 'coder', password: PASSWORD },
    ]);
    const report = await host.call('lead', PASSWORD, 'documents.importFiles', {
      files: [{ name: SEED, dataBase64: readFileSync(join(repoRoot, 'seeds', SEED)).toString('base64') }],
    });
    const doc = report.imported[0];
    const title = doc.title!;
    const clauses = await host.call('lead', PASSWORD, 'documents.clauses', { id: doc.id });
    const measures = clauses.filter((c) => c.kind === 'measure').slice(0, 10);
    const codable = clauses.filter((c) => c.kind === 'measure' || c.kind === 'heading').length;
    const themeCount = (await host.call('lead', PASSWORD, 'themes.codebook', {})).themes.length;

    // A wrong password is refused on the login screen, in words.
    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(host.url);
    await stranger.getByTestId('login-name').fill('Alice Wang');
    await stranger.getByTestId('login-password').fill('not the password');
    await stranger.getByTestId('login-submit').click();
    await expect(stranger.getByTestId('login-error')).toContainText('Wrong name or password');

    const plan: Record<string, string[]> = {
      'Alice Wang': measures.map((_, i) => (i < 5 ? 'talent' : 'financing')),
      张伟: measures.map((_, i) => (i < 4 || i === 5 ? 'talent' : 'financing')),
    };
    for (const [name, themes] of Object.entries(plan)) {
      const page = await logIn(browser, host.url, name);
      await new LibraryPage(page).open(title);
      const coding = new ReaderCoding(page);
      const clause = (i: number) => page.locator(`#clause-${measures[i].id}`);
      // Blind: the second coder sees none of the first one's codings.
      for (let i = 0; i < 10; i++) await expect(coding.stripes(clause(i))).toHaveCount(0);
      for (let i = 0; i < 10; i++) await coding.codeClause(clause(i), themes[i]);
      await page.screenshot({ path: test.info().outputPath(`reader-${name === '张伟' ? 'zhang' : 'alice'}.png`) });
      await page.context().close();
    }

    const { coders } = await host.call('lead', PASSWORD, 'coders.list', {});
    const [alice, zhang, leadCoder] = ['Alice Wang', '张伟', 'lead'].map((n) => coders.find((c) => c.name === n)!.id);
    const lead = await logIn(browser, host.url, 'lead');
    await lead.getByTestId('nav-agreement').click();
    // Every account is a coder too; the lead coded nothing and leaves themself out of the comparison.
    await lead.getByTestId(`compare-coder-${leadCoder}`).uncheck();
    await expect(lead.getByTestId('overall-cohen')).toHaveText(kappa(codable * themeCount, 8, 2, 2).toFixed(3));
    await expect(lead.locator('[data-testid=figures-theme][data-theme=talent] [data-testid=theme-cohen]')).toHaveText(kappa(codable, 4, 1, 1).toFixed(3));
    await expect(lead.getByTestId('disagreement')).toHaveCount(4);
    await lead.screenshot({ path: test.info().outputPath('team-agreement.png'), fullPage: true });

    const at = (i: number, theme: string) => lead.locator(`[data-testid=disagreement][data-clause="${measures[i].id}"][data-theme=${theme}]`);
    await at(4, 'talent').getByTestId(`accept-coder-${alice}`).click();
    await at(4, 'financing').getByTestId(`accept-coder-${zhang}`).click();
    await at(5, 'talent').getByTestId('accept-none').click();
    await at(5, 'financing').getByTestId('accept-all').click();
    await lead.getByTestId('reconcile-apply').click();
    await expect(lead.getByTestId('reconcile-message')).toHaveText('Reconciled 4 cases into the consensus.');
    await expect(at(4, 'talent').getByTestId('disagreement-consensus')).toHaveText('consensus: coded');
    await expect(at(5, 'talent').getByTestId('disagreement-consensus')).toHaveText('consensus: not coded');

    const [download] = await Promise.all([lead.waitForEvent('download'), lead.getByTestId('agreement-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect((wb.getWorksheet('Agreement')!.getRow(2).values as unknown[])[6]).toBe(Math.round(kappa(codable * themeCount, 8, 2, 2) * 1000) / 1000);
    expect(wb.getWorksheet('Disagreements')!.rowCount).toBe(5);

    // The consensus is what the lead's Reader shows.
    await lead.getByTestId('nav-library').click();
    await new LibraryPage(lead).open(title);
    const coding = new ReaderCoding(lead);
    await expect(coding.stripes(lead.locator(`#clause-${measures[4].id}`), 'talent')).toHaveCount(1);
    await expect(coding.stripes(lead.locator(`#clause-${measures[5].id}`), 'talent')).toHaveCount(0);
    await lead.screenshot({ path: test.info().outputPath('team-reader-lead.png') });
  } finally {
    await host?.stop();
  }
});
