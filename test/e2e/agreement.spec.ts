import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { hostApi, seedDocs } from './pages/api';
import { LibraryPage } from './pages/library';
import { ReaderCoding } from './pages/themes';

// Twenty codings, each waited for, by a person's clicks: minutes on a loaded machine, not seconds.
test.describe.configure({ timeout: 240_000 });

const QINGDAO_2016 = '小微企业创业创新基地城市示范工作推进方案';

/** Cohen's kappa of two coders over n binary units, from the counts of (1,1), (1,0), (0,1). */
function kappa(n: number, both: number, onlyA: number, onlyB: number): number {
  const po = (n - onlyA - onlyB) / n;
  const a = (both + onlyA) / n;
  const b = (both + onlyB) / n;
  const pe = a * b + (1 - a) * (1 - b);
  return (po - pe) / (1 - pe);
}

test('two coders code the same ten clauses blind; the lead sees kappa and the disagreements, reconciles them, and exports', async ({ app, host }) => {
  const page = app.page;
  await app.setLanguage('en');
  const { qingdao } = await seedDocs(host);
  const clauses = await hostApi(host).documents.clauses({ id: qingdao.id });
  const measures = clauses.filter((c) => c.kind === 'measure').slice(0, 10);
  expect(measures).toHaveLength(10);
  const codable = clauses.filter((c) => c.kind === 'measure' || c.kind === 'heading').length;
  const themeCount = (await hostApi(host).themes.codebook({})).themes.length;

  // The coders, typed as a person would (a Latin and a Chinese name).
  await app.goto('agreement');
  for (const name of ['Alice Wang', '张伟']) {
    await page.getByTestId('coder-name').fill(name);
    await page.getByTestId('coder-name').press('Enter');
    await expect(page.getByTestId('coder-row').filter({ hasText: name })).toBeVisible();
  }

  // Alice: talent on clauses 0–4, financing on 5–9. 张伟: talent on 0–3 and 5, financing on 4 and 6–9.
  const plan: Record<string, Array<string>> = {
    'Alice Wang': measures.map((_, i) => (i < 5 ? 'talent' : 'financing')),
    张伟: measures.map((_, i) => (i < 4 || i === 5 ? 'talent' : 'financing')),
  };
  await app.goto('library');
  await new LibraryPage(page).open(QINGDAO_2016);
  const coding = new ReaderCoding(page);
  const clause = (i: number) => page.locator(`#clause-${measures[i].id}`);
  for (const [coder, themes] of Object.entries(plan)) {
    await page.getByTestId('coder-panel').getByTestId('coder-switcher').selectOption({ label: coder });
    // Blind: a new coder sees none of the other's codings (nor any suggestion) on these clauses.
    for (let i = 0; i < 10; i++) await expect(coding.stripes(clause(i))).toHaveCount(0);
    await expect(page.locator('[data-testid=suggestion-stripe]')).toHaveCount(0);
    for (let i = 0; i < 10; i++) await coding.codeClause(clause(i), themes[i]);
  }

  // The lead sees both coders' codings of a clause side by side.
  await page.getByTestId('coder-panel').getByTestId('coder-switcher').selectOption({ label: 'Lead (consensus)' });
  await clause(4).click();
  const side = page.getByTestId('coder-side-by-side');
  await expect(side).toContainText('Alice Wang Talent');
  await expect(side).toContainText('张伟 Financing');
  // …and, in the margin, which clauses the coders coded differently.
  await expect(clause(4).getByTestId('coder-mark')).toHaveAttribute('data-differ', 'true');
  await expect(clause(0).getByTestId('coder-mark')).toHaveAttribute('data-differ', 'false');
  await page.screenshot({ path: test.info().outputPath('reader-lead.png') });

  await app.goto('agreement');
  // Pooled over every codable clause × theme: 8 agreed codings, 2 only Alice's, 2 only 张伟's.
  const overall = kappa(codable * themeCount, 8, 2, 2);
  await expect(page.getByTestId('overall-cohen')).toHaveText(overall.toFixed(3));
  await expect(page.locator('[data-testid=figures-theme][data-theme=talent] [data-testid=theme-cohen]')).toHaveText(kappa(codable, 4, 1, 1).toFixed(3));
  const cases = page.getByTestId('disagreement');
  await expect(cases).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath('agreement.png'), fullPage: true });

  const coders = await hostApi(host).coders.list({});
  const [alice, zhang] = ['Alice Wang', '张伟'].map((n) => coders.coders.find((c) => c.name === n)!.id);
  const at = (i: number, theme: string) => page.locator(`[data-testid=disagreement][data-clause="${measures[i].id}"][data-theme=${theme}]`);
  await expect(at(4, 'talent')).toContainText('Alice Wang: whole clause');
  await expect(at(4, 'talent')).toContainText('张伟: not coded');
  await at(4, 'talent').getByTestId(`accept-coder-${alice}`).click();
  await at(4, 'financing').getByTestId(`accept-coder-${zhang}`).click();
  await at(5, 'talent').getByTestId('accept-none').click();
  await at(5, 'financing').getByTestId('accept-all').click();
  await page.getByTestId('reconcile-apply').click();
  await expect(page.getByTestId('reconcile-message')).toHaveText('Reconciled 4 cases into the consensus.');
  await page.getByTestId('disagreements').screenshot({ path: test.info().outputPath('disagreements.png') });
  await expect(at(4, 'talent').getByTestId('disagreement-consensus')).toHaveText('consensus: coded');
  await expect(at(5, 'talent').getByTestId('disagreement-consensus')).toHaveText('consensus: not coded');
  await expect(at(5, 'financing').getByTestId('disagreement-consensus')).toHaveText('consensus: coded');

  // The XLSX names each method and holds the figures shown.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('agreement-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Agreement')!;
  expect(sheet.getRow(1).values).toEqual([
    undefined,
    'Level',
    'Unit',
    'Theme',
    'Units',
    'Percent agreement',
    "Cohen's kappa",
    "Fleiss' kappa",
    "Krippendorff's alpha (nominal)",
    'Coders: Alice Wang',
    'Coders: 张伟',
  ]);
  const row = sheet.getRow(2).values as unknown[];
  expect(row.slice(1, 5)).toEqual(['Clause', 'clause × theme (coded or not)', 'All themes (pooled)', codable * themeCount]);
  expect(row[6]).toBe(Math.round(overall * 1000) / 1000);
  expect(wb.getWorksheet('Method')!.getColumn(1).values).toContain("Krippendorff's alpha (nominal)");
  const dis = wb.getWorksheet('Disagreements')!;
  expect(dis.rowCount).toBe(5);
  expect(dis.getRow(1).values).toEqual(expect.arrayContaining(['Alice Wang', '张伟']));

  // The consensus is the project's coding the Reader (and every export) shows the lead.
  await page.evaluate((id) => (window.location.hash = `#/reader/${id}`), qingdao.id);
  await expect(coding.stripes(clause(4), 'talent')).toHaveCount(1);
  await expect(coding.stripes(clause(5), 'financing')).toHaveCount(1);
  await expect(coding.stripes(clause(5), 'talent')).toHaveCount(0);

  await app.setLanguage('zh-CN');
  await app.goto('agreement');
  await expect(page.getByTestId('disagreement')).toHaveCount(4);
  await page.screenshot({ path: test.info().outputPath('agreement-zh.png'), fullPage: true });
});
