// The import with its analysis on worker threads, as the app and the CLI run it: a folder's files
// are reported in order with a clear message for each bad one (the same as with the analysis in the
// main thread), progress counts every file, and a cancelled import keeps the files committed before
// it, each whole, and nothing after. Cancellation is triggered by loading a given file, never by
// the clock. What the workers compute for the writes (search index rows, the packed text) gives the
// same database as the main thread, and the same search index as one computed from the stored text.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/backend/db/connection';
import { createSearchStore } from '../../electron/backend/db/search';
import type { ImportInput } from '../../electron/backend/services/importService';
import { generateCorpus } from '../bench/corpus';
import { freshProject } from '../contract/harness';

type Backend = Awaited<ReturnType<typeof freshProject>>['backend'];
let disposers: Array<() => void> = [];
afterEach(() => {
  disposers.forEach((d) => d());
  disposers = [];
});
async function project(): Promise<Backend> {
  const p = await freshProject({ seeds: false });
  disposers.push(p.dispose);
  return p.backend;
}

let files: Array<{ name: string; bytes: Uint8Array }> = [];
beforeAll(() => {
  const dir = join(mkdtempSync(join(tmpdir(), 'policylens-import-workers-')), 'corpus');
  generateCorpus({ documents: 10, seed: 5, outDir: dir });
  files = readdirSync(dir)
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
  // Bad files among good ones: not a PDF, and a text with nothing in it.
  files.splice(3, 0, { name: 'broken.pdf', bytes: new TextEncoder().encode('%PDF-1.7 this is not really a pdf') });
  files.splice(6, 0, { name: 'blank.txt', bytes: new TextEncoder().encode(' \n\n \u3000 \n') });
}, 60_000);

const inputs = (onLoad: (i: number) => void = () => {}): ImportInput[] =>
  files.map((f, i) => ({
    name: f.name,
    sourcePath: null,
    load: async () => {
      onLoad(i);
      return f.bytes.slice();
    },
  }));

async function importWith(threads: string | undefined, b: Backend, signal = new AbortController().signal) {
  const saved = process.env.POLICYLENS_IMPORT_THREADS;
  if (threads === undefined) delete process.env.POLICYLENS_IMPORT_THREADS;
  else process.env.POLICYLENS_IMPORT_THREADS = threads;
  try {
    return await b.context.imports.run(inputs(), { taskId: 't', signal });
  } finally {
    if (saved === undefined) delete process.env.POLICYLENS_IMPORT_THREADS;
    else process.env.POLICYLENS_IMPORT_THREADS = saved;
  }
}

/** The stored documents, the near-copy sketches and the search index, as content: FTS5 rows through fts5vocab (every term at every row and offset). */
function contentOf(db: Db) {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, search_fts, 'instance');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.level_terms USING fts5vocab(main, search_levels, 'instance');`);
  const digest = (sql: string) => {
    const h = createHash('sha256');
    let n = 0;
    for (const r of db.prepare(sql).raw().iterate() as Iterable<unknown[]>) {
      h.update(JSON.stringify(r));
      n++;
    }
    return { rows: n, sha256: h.digest('hex') };
  };
  return {
    documents: db.prepare('SELECT id, file_name, source_hash, cleaned_text, hex(cleaned_z) AS z, title, doc_number FROM documents ORDER BY id').all(),
    clauses: digest('SELECT id, doc_id, ord, label, kind, text_start, end, lead_agencies FROM clauses ORDER BY id'),
    searchClauses: digest('SELECT doc_id, clause_id, len FROM search_clauses ORDER BY doc_id, clause_id'),
    searchFts: digest('SELECT term, doc, col, offset FROM temp.fts_terms ORDER BY term, doc, offset'),
    searchLevels: digest('SELECT term, doc FROM temp.level_terms ORDER BY term, doc'),
    sketches: digest('SELECT * FROM clause_sketches ORDER BY 1, 2'),
  };
}

describe('import on worker threads', () => {
  it('writes the same rows as an import analysed in the main thread, and the search index that indexing the stored texts gives', async () => {
    const onWorkers = await project();
    const inThread = await project();
    expect((await importWith('1', onWorkers)).imported.length).toBe(files.length - 2);
    expect((await importWith('0', inThread)).imported.length).toBe(files.length - 2);
    const written = contentOf(onWorkers.context.db);
    expect(written.searchFts.rows).toBeGreaterThan(10_000);
    expect(written.searchLevels.rows).toBeGreaterThan(10_000);
    expect(written.sketches.rows).toBeGreaterThanOrEqual(files.length - 2);
    expect(written.documents.every((d) => (d as { cleaned_text: string; z: string }).cleaned_text === '' && (d as { z: string }).z.length > 0)).toBe(true);
    expect(contentOf(inThread.context.db)).toEqual(written);
    // Two workers (files analysed out of order, in parallel) write the same rows.
    const onTwo = await project();
    expect((await importWith('2', onTwo)).imported.length).toBe(files.length - 2);
    expect(contentOf(onTwo.context.db)).toEqual(written);
    // The index rows the workers computed are those computed here from the stored text, clause by clause.
    createSearchStore(onWorkers.context.db).rebuild();
    expect(contentOf(onWorkers.context.db)).toEqual(written);
  }, 120_000);

  it('reports every file in order, bad ones with the same message as the main thread, and counts progress over all files', async () => {
    const b = await project();
    const progress: Array<{ done: number; total: number }> = [];
    b.context.events.subscribe((e) => {
      if (e.type === 'progress' && e.taskId === 't') progress.push({ done: e.done, total: e.total });
    });
    const onWorkers = await importWith('1', b);
    const inThread = await importWith('0', await project());
    expect(onWorkers.imported.map((d) => d.file)).toEqual(files.filter((f) => !/broken|blank/.test(f.name)).map((f) => f.name));
    expect(onWorkers.errors.map((e) => e.file)).toEqual(['broken.pdf', 'blank.txt']);
    expect(onWorkers.errors).toEqual(inThread.errors);
    expect(onWorkers.errors[0].message).toMatch(/broken\.pdf.*PDF/);
    expect(onWorkers.errors[1].message).toMatch(/blank\.txt.*no text/);
    expect(onWorkers.imported.map((d) => [d.title, d.clauseCount])).toEqual(inThread.imported.map((d) => [d.title, d.clauseCount]));
    expect(progress.every((p) => p.total === files.length)).toBe(true);
    expect(progress.at(-1)!.done).toBe(files.length);
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((x, y) => x - y));
  }, 120_000);

  it('a cancelled import keeps the files written before it, each whole, and writes nothing after', async () => {
    const b = await project();
    const controller = new AbortController();
    // The fifth file's loading cancels the import: files before it may be written, none after it.
    const report = await b.context.imports.run(
      inputs((i) => {
        if (i === 5) controller.abort();
      }),
      { taskId: 't', signal: controller.signal },
    );
    expect(report.cancelled).toBe(true);
    const before = files.slice(0, 5).map((f) => f.name);
    for (const d of report.imported) expect(before).toContain(d.file);
    const db = b.context.db;
    const stored = db.prepare('SELECT file_name FROM documents ORDER BY id').pluck().all() as string[];
    expect(stored).toEqual(report.imported.map((d) => d.file));
    for (const id of db.prepare('SELECT id FROM documents').pluck().all() as number[]) {
      expect(b.context.documents.clauses(id).length).toBeGreaterThan(0);
    }
    // The rest imports when the folder is imported again.
    const again = await importWith(undefined, b);
    expect(again.imported.length + again.duplicates.length).toBe(files.length - 2);
    expect(again.duplicates.map((d) => d.file)).toEqual(report.imported.map((d) => d.file));
  }, 120_000);
});
