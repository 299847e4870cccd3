// The UI with a large corpus (issue #13.5), in Chromium against the browser-mode host: the Library's
// first screen and its filter, the Search facets, the compare-document picker and the Search
// page's document filter (the type-to-filter DocumentPicker), with 5,000
// documents (≈ 2,000 real regulations of ../shared/corpus/laws plus synthetic ones, imported
// through the real import path and cached between runs) against the same pages with 50 documents
// in the same run. Latency of a keystroke: from the key event's timestamp to the first animation
// frame at which the page shows the result for the text typed so far (the count of matches the
// backend or the filter's own rule gives for it). Targets: first screen ≤ 1 s, keystroke ≤ 100 ms.
// `npm run bench -- ui`; UI_BENCH_DOCS=2000 for a smaller large project.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { type Page, chromium } from '@playwright/test';
import { filterWords, libraryHaystack } from '../../renderer/features/library/rows';
import { type StartedHost, startHost } from '../e2e/host';
import { hostApi } from '../e2e/pages/api';
import { printTable, repoRoot } from './corpus';
import { uiProject } from './ui-project';

const LARGE = Number(process.env.UI_BENCH_DOCS ?? 5000);
const BASE = 50;
const LOADS = Number(process.env.UI_BENCH_LOADS ?? 5);

function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** Records the timestamp of the first input event after each reset, in the page's clock. */
async function armKeyClock(page: Page): Promise<void> {
  // A string, not a function: the bench runs under tsx, whose helpers do not exist in the page.
  await page.evaluate(`(() => {
    window.__t0 = null;
    for (const type of ['keydown', 'beforeinput', 'input']) window.addEventListener(type, (e) => { if (window.__t0 == null) window.__t0 = e.timeStamp; }, { capture: true });
  })()`);
}

/**
 * Types `keys` one at a time into `input`; after each, waits (polling every frame) for `shows(text)`
 * to be true of the page and returns the latencies in ms.
 */
async function keystrokes(page: Page, selector: string, keys: string[], expected: (text: string) => Promise<string>, probe: string): Promise<number[]> {
  const out: number[] = [];
  await page.focus(selector);
  for (const k of keys) {
    await page.evaluate(() => {
      (window as unknown as { __t0: number | null }).__t0 = null;
    });
    if (k === 'Backspace') await page.keyboard.press('Backspace');
    else if (/^[\x20-\x7e]$/.test(k)) await page.keyboard.press(k === ' ' ? 'Space' : k);
    else await page.keyboard.insertText(k); // what an input method commits
    const text = await page.inputValue(selector);
    const want = await expected(text);
    // A string expression: the page's CSP forbids building functions from strings inside it.
    const t = await page
      .waitForFunction(
        `(() => { const got = (${probe}); return got === ${JSON.stringify(want)} && window.__t0 != null ? performance.now() - window.__t0 : false; })()`,
        undefined,
        { polling: 'raf', timeout: 30_000 },
      )
      .catch(async (e: Error) => {
        await page.screenshot({ path: '/tmp/bigui/bench-fail.png' });
        throw new Error(
          `after typing "${text}" (${out.length} keys measured; focus on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}) the page shows ${JSON.stringify(await page.evaluate(probe))}, expected ${JSON.stringify(want)}: ${e.message}`,
        );
      });
    out.push((await t.jsonValue()) as number);
  }
  return out;
}

/** From navigation start to the first animation frame showing `selector`, over LOADS fresh loads. */
async function firstScreen(page: Page, url: string, selector: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    await page.goto('about:blank');
    await page.goto(url, { waitUntil: 'commit' });
    const t = await page.waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : false), selector, { polling: 'raf', timeout: 60_000 });
    out.push((await t.jsonValue()) as number);
  }
  return out;
}

// Latin and Chinese: a file-name extension and dates, a city and a subject, and deleting back.
const LIBRARY_KEYS = [
  '2',
  '0',
  '1',
  '9',
  'Backspace',
  '8',
  ' ',
  'm',
  'd',
  'Backspace',
  'Backspace',
  'Backspace',
  'Backspace',
  'Backspace',
  'Backspace',
  'Backspace',
  '上',
  '海',
  'Backspace',
  'Backspace',
  '条',
  '例',
  ' ',
  '环',
  '境',
  'Backspace',
  'Backspace',
  'Backspace',
  'Backspace',
  'Backspace',
  '青',
  '岛',
];
const PICKER_KEYS = [
  '2',
  '0',
  '1',
  '9',
  'Backspace',
  'Backspace',
  'Backspace',
  'Backspace',
  '条',
  '例',
  'Backspace',
  'Backspace',
  '上',
  '海',
  'Backspace',
  'Backspace',
  'q',
  'w',
  'Backspace',
  'Backspace',
];
const FACET_KEYS = [
  '2',
  '0',
  '1',
  'Backspace',
  'Backspace',
  'Backspace',
  '上',
  '海',
  'Backspace',
  'Backspace',
  '条',
  '例',
  'Backspace',
  'Backspace',
  '青',
  'Backspace',
  'x',
  'Backspace',
  '市',
  'Backspace',
];

interface Figures {
  docs: number;
  library: number[];
  libraryKeys: number[];
  search: number[];
  facetKeys: number[];
  picker: number[];
  pickerKeys: number[];
  searchPicker: number[];
  searchPickerKeys: number[];
}

async function measure(page: Page, host: StartedHost, docs: number): Promise<Figures> {
  const all = await hostApi(host).documents.list({});
  if (all.length !== docs) throw new Error(`the project has ${all.length} documents, expected ${docs}`);
  const hays = all.map(libraryHaystack);
  const base = host.openUrl.split('#')[0];
  const library = await firstScreen(page, host.openUrl, '[data-testid=doc-row]');
  await armKeyClock(page);
  const libraryKeys = await keystrokes(
    page,
    '[data-testid=library-filter]',
    LIBRARY_KEYS,
    async (text) => {
      const words = filterWords(text);
      if (!words.length) return 'all';
      const n = hays.filter((h) => words.every((w) => h.includes(w))).length;
      return n ? `${n} of ${docs}` : 'none';
    },
    `document.querySelector('[data-testid=library-no-match]') ? 'none' : (document.querySelector('[data-testid=library-shown]')?.textContent.split(' shown')[0] ?? 'all')`,
  );

  const query = '企业';
  const search = await firstScreen(page, `${base}#/search?q=${encodeURIComponent(query)}`, '[data-testid=facet-document]');
  await armKeyClock(page);
  const many = (await hostApi(host).search.facets({ query, documentsLimit: 1 })).documentsTotal > 30;
  let facetKeys: number[] = [];
  if (many) {
    facetKeys = await keystrokes(
      page,
      '[data-testid=facet-documents-filter]',
      FACET_KEYS,
      async (text) => String((await hostApi(host).search.facets({ query, documentsLimit: 1, documentsFilter: text || undefined })).documentsTotal),
      `document.querySelector('[data-testid=facet-documents-total]')?.textContent.replace(/[()]/g, '') ?? ''`,
    );
  }

  const picker = await firstScreen(page, `${base}#/compare/new`, '[data-testid^=pick-doc-]');
  await armKeyClock(page);
  const pickerKeys = await keystrokes(
    page,
    '[data-testid=pick-filter]',
    PICKER_KEYS,
    async (text) => {
      const { total, documents } = await hostApi(host).documents.find({ q: text, limit: 50 });
      return total === 0 ? 'No document matches.' : `${documents.length} of ${total} shown`;
    },
    `document.querySelector('[data-testid=pick-count]')?.textContent.replace('Show more', '').trim() ?? ''`,
  );

  // The Search page's document filter: a <select> of every document before the type-to-filter
  // picker, the picker (documents.find a page at a time) after. First screen: navigation to the
  // filter usable (the select filled, or the picker's input shown); keystroke: to the picker's list
  // showing the total documents.find gives for the text typed so far.
  const searchPicker = await firstScreen(
    page,
    `${base}#/search?q=${encodeURIComponent(query)}`,
    'select[data-testid=filter-document] option:nth-child(2), [data-testid=filter-document-input]',
  );
  let searchPickerKeys: number[] = [];
  if (await page.$('[data-testid=filter-document-input]')) {
    await armKeyClock(page);
    searchPickerKeys = await keystrokes(
      page,
      '[data-testid=filter-document-input]',
      PICKER_KEYS,
      async (text) => `${text}|${(await hostApi(host).documents.find({ q: text, limit: 1 })).total}`,
      `(() => { const l = document.querySelector('[data-testid=filter-document-list]'); return l && l.getAttribute('aria-busy') !== 'true' ? l.dataset.q + '|' + l.dataset.total : ''; })()`,
    );
  }
  return { docs, library, libraryKeys, search, facetKeys, picker, pickerKeys, searchPicker, searchPickerKeys };
}

export async function run(): Promise<void> {
  if (!existsSync(join(repoRoot, 'dist', 'renderer', 'index.html'))) {
    console.log('building the renderer (vite build)…');
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  const projects = [await uiProject({ documents: BASE, real: 20 }), await uiProject({ documents: LARGE, real: 2000 })];
  const executablePath = process.env.POLICYLENS_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const figures: Figures[] = [];
  try {
    for (const [i, p] of projects.entries()) {
      const host = await startHost({ dataDir: p.dataDir });
      // bypassCSP: the probes are string expressions polled in the page (the app's CSP forbids eval).
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US', bypassCSP: true });
      try {
        // One untimed load warms the host (the search index, caches) and the browser's cache.
        await page.goto(host.openUrl);
        await page.waitForSelector('[data-testid=doc-row]', { timeout: 120_000 });
        figures.push(await measure(page, host, i === 0 ? BASE : LARGE));
      } finally {
        await page.close();
        await host.stop();
      }
    }
  } finally {
    await browser.close();
  }
  const row = (what: string, target: number, get: (f: Figures) => number[]) => {
    const [b, l] = figures.map(get);
    if (!l.length)
      return { measure: what, [`${BASE} docs p50`]: '—', [`${LARGE} docs p50`]: '—', p95: '—', 'vs baseline': '—', target: ms(target), met: 'n/a' };
    return {
      measure: what,
      [`${BASE} docs p50`]: b.length ? ms(quantile(b, 0.5)) : '—',
      [`${LARGE} docs p50`]: ms(quantile(l, 0.5)),
      p95: ms(quantile(l, 0.95)),
      'vs baseline': b.length ? `${(quantile(l, 0.5) / quantile(b, 0.5)).toFixed(1)}×` : '—',
      target: `p95 ≤ ${ms(target)}`,
      met: quantile(l, 0.95) <= target ? 'yes' : 'NO',
    };
  };
  printTable(
    `UI with ${LARGE} documents (${projects[1].real} real) against ${BASE}, Chromium, ${LOADS} loads, ${LIBRARY_KEYS.length}/${FACET_KEYS.length}/${PICKER_KEYS.length} keystrokes`,
    [
      row('Library: first screen (navigation → first row)', 1000, (f) => f.library),
      row('Library: keystroke → filtered list', 100, (f) => f.libraryKeys),
      row('Search 企业: navigation → document facets', 1000, (f) => f.search),
      row('Search facets: keystroke → filtered documents', 100, (f) => f.facetKeys),
      row('Compare picker: navigation → first documents', 1000, (f) => f.picker),
      row('Compare picker: keystroke → filtered documents', 100, (f) => f.pickerKeys),
      row('Search 企业: navigation → document filter usable', 1000, (f) => f.searchPicker),
      row('Search document picker: keystroke → filtered list', 100, (f) => f.searchPickerKeys),
    ],
  );
}
