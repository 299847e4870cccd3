import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { type StartedHost, repoRoot, startHost } from './host';
import { hostApi } from './pages/api';
import { AppPage } from './pages/app';
import { ComparePage, CompareView } from './pages/compare';
import { ExportDialog } from './pages/export';
import { LibraryPage } from './pages/library';
import { NotesPage } from './pages/notes';
import { ReaderPage } from './pages/reader';
import { SearchPage } from './pages/search';
import { ReaderCoding, selectInClause } from './pages/themes';

/*
 * Issue #12's measure: a scripted sitting of typical work — import, compare, code, annotate in every
 * editor, export in every format — ends with every coding and every note character present after a
 * reload and after the backend restarts. Everything is done with clicks and the keyboard.
 */

const ALIGN = join(repoRoot, 'test/fixtures/align-real/docs');
const META = join(repoRoot, 'test/fixtures/metadata-real/docs');
const IMPORTS = [
  ...[
    '济宁市养犬管理条例(2019-06-05).md',
    '宁波市养犬管理条例(2020-04-09).md',
    '烟台市优化营商环境条例(2021-12-06).md',
    '台州市文明行为促进条例(2020-08-20).md',
    '平顶山市节约用水条例(2021-09-06).md',
    '青岛市大气污染防治条例(2018-11-30).md',
    '上海市志愿服务条例(2019-11-15).md',
  ].map((f) => join(ALIGN, f)),
  ...[
    '济南市文明养犬管理条例(2021-07-29).md',
    '关于职工全年月平均工作时间和工资折算问题的通知(2009-03-29).md',
    '山东省公路路政条例(2020-07-24).md',
    '郑州市户外广告和招牌设置管理条例(2017-08-21).md',
    '处方药与非处方药分类管理办法（试行）(1999-06-18).md',
    'art_4969_1495208.txt',
    'art_5400_1565516.txt',
    'art_4969_1499515.txt',
  ].map((f) => join(META, f)),
];

interface Note {
  text: string;
  bold: string;
}

let n = 0;
/** A note of Latin and Chinese text with a bold part; every one is different. */
function nextNote(): Note {
  n++;
  const k = String(n).padStart(2, '0');
  return { text: `N${k} Check 监管 rules — 第3条 differs 人才 `, bold: `粗体Bold${k}` };
}

async function write(notes: NotesPage, editor: ReturnType<NotesPage['editor']>, note: Note): Promise<void> {
  await expect(editor.getByTestId('note-content')).toHaveText('');
  await notes.write(editor, [note.text, { bold: note.bold }]);
  await expect(editor.getByTestId('note-content')).toHaveText(note.text + note.bold);
}

async function download(page: Page, start: () => Promise<unknown>, ext: string): Promise<number> {
  const [d] = await Promise.all([page.waitForEvent('download'), start()]);
  expect(d.suggestedFilename().endsWith(`.${ext}`)).toBe(true);
  return statSync((await d.path())!).size;
}

test('a sitting of typical work keeps every coding and every note character after reload and restart', async ({ page }) => {
  test.setTimeout(420_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'policylens-sitting-'));
  let host: StartedHost = await startHost({ dataDir });
  try {
    let app = new AppPage(page, host.openUrl);
    await app.open();
    const library = new LibraryPage(page);
    await expect(page.getByTestId('library-count')).toHaveText('5 documents');

    // 1. Import fifteen real documents through the Library.
    await library.importFiles(
      IMPORTS.map((p) => ({ name: basename(p), mimeType: p.endsWith('.md') ? 'text/markdown' : 'text/plain', buffer: readFileSync(p) })),
    );
    await expect(page.getByTestId('import-report')).toContainText(`Imported: ${IMPORTS.length}`);
    await expect(page.getByTestId('library-count')).toHaveText(`${5 + IMPORTS.length} documents`);
    const docs = await hostApi(host).documents.list({});
    const docByTitle = (part: string) => docs.find((d) => d.title?.includes(part))!;
    const codebook = await hostApi(host).themes.codebook({});
    const themeIds = codebook.themes.map((t) => t.id);

    const notes = new NotesPage(page);
    const reader = new ReaderPage(page);
    const coding = new ReaderCoding(page);
    const written: Note[] = [];
    const wholeCodings: Array<{ clauseId: number; themeId: string; docId?: number }> = [];
    const rangeCodings: Array<{ clauseId: number; themeId: string; text: string; docId: number }> = [];

    // 2. The Reader: code clauses and passages, write document, clause and passage notes.
    const readerDocs = [
      { title: '平顶山市节约用水条例', clauses: 10, ranges: 2, clauseNotes: 2 },
      { title: '台州市文明行为促进条例', clauses: 10, ranges: 2, clauseNotes: 2 },
      { title: '青岛市大气污染防治条例', clauses: 10, ranges: 1, clauseNotes: 1 },
    ];
    for (const spec of readerDocs) {
      const doc = docByTitle(spec.title);
      const measures = (await hostApi(host).documents.clauses({ id: doc.id })).filter((c) => c.kind === 'measure' && c.text.length > 20);
      expect(measures.length).toBeGreaterThan(spec.clauses + spec.ranges + spec.clauseNotes);
      await app.goto('library');
      await library.filter(spec.title);
      await library.open(spec.title);
      const clauseEl = (id: number) => page.locator(`#clause-${id}`);
      const panel = page.getByTestId('notes-panel');

      // Whole-clause codings, one theme each, cycling through the codebook.
      for (let i = 0; i < spec.clauses; i++) {
        const themeId = themeIds[wholeCodings.length % themeIds.length];
        await coding.codeClause(clauseEl(measures[i].id), themeId);
        wholeCodings.push({ clauseId: measures[i].id, themeId, docId: doc.id });
      }
      // Range codings: select a few characters with the mouse and code them.
      for (let i = 0; i < spec.ranges; i++) {
        const c = measures[spec.clauses + i];
        const themeId = themeIds[(rangeCodings.length + 3) % themeIds.length];
        await clauseEl(c.id).click();
        const picked = await selectInClause(clauseEl(c.id), 2, 9);
        await coding.codeSelection(themeId);
        await expect(coding.codedRanges(clauseEl(c.id))).toHaveText(picked);
        rangeCodings.push({ clauseId: c.id, themeId, text: picked, docId: doc.id });
      }
      // A passage note, then straight to another clause.
      const passageClause = clauseEl(measures[spec.clauses + spec.ranges + spec.clauseNotes].id);
      await passageClause.click();
      await selectInClause(passageClause, 0, 5);
      await page.getByTestId('annotate-range').click();
      const passageNote = nextNote();
      await write(notes, notes.editor(panel), passageNote);
      written.push(passageNote);
      // Clause notes: select a clause, type, and move on to the next clause at once.
      for (let i = 0; i < spec.clauseNotes; i++) {
        await clauseEl(measures[spec.clauses + spec.ranges + i].id).click();
        const note = nextNote();
        await write(notes, notes.editor(panel), note);
        written.push(note);
      }
      // The document's note, then a clause click takes the panel elsewhere.
      await page.getByTestId('notes-of-document').click();
      const docNote = nextNote();
      await write(notes, notes.editor(panel), docNote);
      written.push(docNote);
      await clauseEl(measures[0].id).click();
      await expect(page.getByTestId('notes-of-document')).toBeVisible();
    }

    // 3. Compare: three comparisons; code row clauses, write row and comparison notes, j/k/c/r.
    const comparisons = [
      { name: '两份方案 plans 青岛↔温州', titles: ['小微企业创业创新基地城市示范工作推进方案', '四大专项行动方案'] },
      { name: '两部条例 养犬 rules', titles: ['济宁市养犬管理条例', '宁波市养犬管理条例'] },
      { name: '三份文件 养犬 three', titles: ['济宁市养犬管理条例', '宁波市养犬管理条例', '济南市文明养犬管理条例'] },
    ];
    const compare = new ComparePage(page);
    const view = new CompareView(page);
    const comparisonIds: number[] = [];
    const compareCoded = new Set<number>();
    for (const [ci, spec] of comparisons.entries()) {
      await app.goto('compare');
      await page.getByTestId('new-comparison').click();
      for (const title of spec.titles) await (await compare.documentCheckbox(title)).check();
      await page.getByTestId('new-comparison-name').fill(spec.name);
      await page.getByTestId('create-comparison').click();
      await expect(page.getByTestId('comparison-title')).toHaveText(spec.name);
      await expect(page.getByTestId('compare-column')).toHaveCount(spec.titles.length);
      comparisonIds.push(Number(/#\/compare\/(\d+)/.exec(page.url())![1]));
      // Matched rows only: runs of clauses without counterpart collapse into lines of their own,
      // and the steps below walk rows that have links.
      await page.getByTestId('matched-only').check();

      // Five rows: code the first clause not coded yet; a note on two of them; switch rows right after typing.
      let coded = 0;
      for (let r = 0; coded < 5; r++) {
        await view.activate(r);
        const clauseId = await view.activeFirstClauseId();
        if (!compareCoded.has(clauseId)) {
          const themeId = themeIds[(wholeCodings.length + 5) % themeIds.length];
          await view.rowDetails().getByTestId('code-clause').first().selectOption(themeId);
          await expect(view.rowDetails().getByTestId('theme-actions').first().locator(`[data-testid=coding][data-theme="${themeId}"]`)).toHaveCount(1);
          wholeCodings.push({ clauseId, themeId });
          compareCoded.add(clauseId);
          coded++;
        }
        if (r < 2) {
          const note = nextNote();
          await write(notes, notes.editor(view.rowDetails()), note);
          written.push(note);
        }
      }
      // The comparison's note, then straight to another row.
      await page.getByTestId('comparison-notes-toggle').click();
      const cmpNote = nextNote();
      await write(notes, notes.editor(page.getByTestId('comparison-notes')), cmpNote);
      written.push(cmpNote);
      await view.scrollToTop();
      await view.activate(0);

      // The keyboard: step with j/k, confirm with c and reject with r the suggested links of a row.
      await page.getByTestId('filter-status').selectOption('suggested');
      await view.scrollToTop();
      await view.activate(0);
      await page.getByTestId('comparison-title').click();
      await page.keyboard.press('j');
      await expect(view.activeRow()).toHaveAttribute('data-index', '1');
      await page.keyboard.press('k');
      await expect(view.activeRow()).toHaveAttribute('data-index', '0');
      const decided = async (s: string) => (await hostApi(host).compare.view({ id: comparisonIds[ci] })).links.filter((l) => l.status === s).length;
      await page.keyboard.press('c');
      await expect.poll(() => decided('confirmed')).toBeGreaterThan(0);
      await page.keyboard.press('j');
      await page.keyboard.press('r');
      await expect.poll(() => decided('rejected')).toBeGreaterThan(0);
      await page.getByTestId('filter-status').selectOption('all');
    }
    expect(wholeCodings.length + rangeCodings.length).toBe(50);
    expect(written).toHaveLength(20);

    // 4. Export in every format.
    const dialog = new ExportDialog(page);
    for (const format of ['docx', 'html', 'md', 'pdf', 'xlsx', 'csv']) {
      await dialog.openFor(comparisonIds[0]);
      await dialog.choose({ format, fileName: `sitting ${format}` });
      expect(await download(page, () => dialog.exportAndDownload(), format)).toBeGreaterThan(0);
      await dialog.close();
    }
    for (const format of ['qdpx', 'xlsx']) {
      await dialog.openFor(comparisonIds[1]);
      await dialog.chooseWhat('project');
      await dialog.choose({ format, fileName: `sitting project ${format}` });
      expect(await download(page, () => dialog.exportAndDownload(), format)).toBeGreaterThan(0);
      await dialog.close();
    }
    await app.goto('search');
    const search = new SearchPage(page);
    await search.search('养犬');
    await page.getByTestId('concordance-format').selectOption('csv');
    expect(await download(page, () => page.getByTestId('concordance-export').click(), 'csv')).toBeGreaterThan(0);

    // 5. Reload, then restart the backend on the same data folder; check the UI and the API each time.
    const check = async () => {
      // API: exactly the codings made, and every note with its text and its bold run.
      const accepted: string[] = [];
      const ranges: string[] = [];
      for (const d of docs) {
        for (const c of await hostApi(host).themes.clauses({ docId: d.id })) {
          for (const x of c.themes) if (x.status === 'accepted') accepted.push(`${c.clauseId}:${x.id}`);
          for (const g of c.ranges) ranges.push(`${c.clauseId}:${g.themeId}:${g.text}`);
        }
      }
      expect(accepted.sort()).toEqual(wholeCodings.map((c) => `${c.clauseId}:${c.themeId}`).sort());
      expect(ranges.sort()).toEqual(rangeCodings.map((c) => `${c.clauseId}:${c.themeId}:${c.text}`).sort());
      const saved = await hostApi(host).notes.list({ limit: 5000 });
      expect(saved.map((s) => s.plainText.trim()).sort()).toEqual(written.map((w) => (w.text + w.bold).trim()).sort());
      for (const s of saved) {
        const full = await hostApi(host).notes.get({ id: s.id });
        expect(full.content).toMatch(/"format":1,[^}]*"text":"粗体Bold\d\d"|"text":"粗体Bold\d\d"[^}]*"format":1/);
      }

      // UI: the Reader shows every stripe and coded range; the Notes page every note.
      for (const spec of readerDocs) {
        const doc = docByTitle(spec.title);
        await page.evaluate((h) => {
          window.location.hash = h;
        }, `#/reader/${doc.id}`);
        await reader.expectTitle(new RegExp(spec.title));
        for (const c of wholeCodings.filter((x) => x.docId === doc.id))
          await expect(coding.stripes(page.locator(`#clause-${c.clauseId}`), c.themeId)).toHaveCount(1);
        for (const g of rangeCodings.filter((x) => x.docId === doc.id))
          await expect(coding.codedRanges(page.locator(`#clause-${g.clauseId}`))).toHaveText(g.text);
      }
      await notes.open();
      await expect(notes.cards()).toHaveCount(20);
      await page.screenshot({ path: test.info().outputPath('sitting-notes.png'), fullPage: true });
      const shown = await notes.cards().getByTestId('note-text').allTextContents();
      expect(shown.map((s) => s.trim()).sort()).toEqual(written.map((w) => (w.text + w.bold).trim()).sort());
      // Compare: the row codings and the comparison note.
      for (const id of comparisonIds) {
        await view.open(id);
        const toggle = page.getByTestId('comparison-notes-toggle');
        if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
        await expect(page.getByTestId('comparison-notes').locator('.ed-bold')).toHaveText(/^粗体Bold\d\d$/);
      }
    };
    await app.reload();
    await expect(page.getByTestId('nav-library')).toBeVisible();
    await check();

    await host.stop();
    host = await startHost({ dataDir });
    app = new AppPage(page, host.openUrl);
    await app.open();
    await check();
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
