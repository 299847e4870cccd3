// Behaviour of the batched import (files analysed ahead, written a batch per commit, one savepoint
// per file) and of the indexes kept in step with it. No timings here: test/bench measures speed.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bandCount, bandSketch } from '../../shared/domain/similar/minhash';
import { decodeSketches, signatureOf } from '../../electron/backend/compare/bands';
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
const importPaths = (b: Backend, paths: string[]) => b.api.documents.importPaths({ paths });
const count = (b: Backend, sql: string, ...args: unknown[]) =>
  b.context.db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

// 72 generated policy documents: more than one batch of files (64).
let files: string[] = [];
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policylens-import-perf-'));
  const corpus = join(dir, 'corpus');
  generateCorpus({ documents: 72, seed: 11, outDir: corpus });
  files = readdirSync(corpus)
    .sort()
    .map((f, i) => {
      const to = join(dir, `f${String(i).padStart(2, '0')}.txt`);
      writeFileSync(to, readFileSync(join(corpus, f)));
      return to;
    });
}, 60_000);

/** Every (clause id, band: bucket) entry of the band sketches (one blob per document, migration 012). */
function bandRows(b: Backend): Array<{ clauseId: number; term: string }> {
  return (b.context.db.prepare('SELECT sketch FROM clause_sketches').pluck().all() as Uint8Array[]).flatMap((blob) =>
    decodeSketches(blob).flatMap((r) => [...r.sketch].map((bucket, band) => ({ clauseId: r.clauseId, term: `${band}:${bucket}` }))),
  );
}
const clauseIdsOf = (b: Backend, docId: number) => new Set(b.context.db.prepare('SELECT id FROM clauses WHERE doc_id = ?').pluck().all(docId) as number[]);

/** Every derived row of the project, without ids' timestamps, in a stable order. */
function snapshot(b: Backend) {
  const db = b.context.db;
  const rows = (sql: string) => db.prepare(sql).raw().all();
  // A clause's text is its document's (packed, compared as bytes) cut at text_start…end.
  return {
    documents: rows(
      'SELECT file_name, source_hash, title, city, province, level, issuer, doc_number, date_written, date_published, validity, period, inferred_fields, cleaned_text, cleaned_z FROM documents ORDER BY file_name',
    ),
    clauses: rows(
      'SELECT d.file_name, c.ord, c.label, c.level, c.kind, c.heading, c.text_start, c.start, c.end, c.path, c.lead_agencies, c.responsible_agencies FROM clauses c JOIN documents d ON d.id = c.doc_id ORDER BY d.file_name, c.ord',
    ),
    suggestions:
      rows(`SELECT d.file_name, c.ord, k.theme_id, k.source, k.status, k.score FROM codings k JOIN clauses c ON c.id = k.clause_id JOIN documents d ON d.id = k.doc_id
      ORDER BY d.file_name, c.ord, k.theme_id`),
    instruments: rows(
      'SELECT d.file_name, c.ord, i.suggested, i.suggested_sub, i.score FROM clause_instruments i JOIN clauses c ON c.id = i.clause_id JOIN documents d ON d.id = i.doc_id ORDER BY d.file_name, c.ord',
    ),
    bands: ((): string[] => {
      const where = new Map(
        (rows('SELECT c.id, d.file_name, c.ord FROM clauses c JOIN documents d ON d.id = c.doc_id') as Array<[number, string, number]>).map(([id, f, o]) => [
          id,
          `${f}#${o}`,
        ]),
      );
      return bandRows(b)
        .map((r) => `${where.get(r.clauseId)} ${r.term}`)
        .sort();
    })(),
  };
}

/** The band sketches are exactly those of the clauses' signatures (computed from their texts), and no others. */
function expectBandsMatchSignatures(b: Backend) {
  const docIds = b.context.db.prepare('SELECT id FROM documents').pluck().all() as number[];
  const signed = docIds
    .flatMap((id) => b.context.documents.clauses(id))
    .flatMap((c) => {
      const sig = signatureOf(c);
      return sig ? [{ id: c.id, sig }] : [];
    });
  expect(signed.length).toBeGreaterThan(0);
  const expected = signed.flatMap((r) => [...bandSketch(r.sig)].map((bucket, band) => `${r.id} ${band}:${bucket}`));
  expect(expected).toHaveLength(signed.length * bandCount);
  expect(
    bandRows(b)
      .map((r) => `${r.clauseId} ${r.term}`)
      .sort(),
  ).toEqual(expected.sort());
}

describe('batched import', () => {
  it('writes the same documents, clauses, suggestions and signatures as importing the files one by one', async () => {
    const one = await project();
    for (const f of files.slice(0, 70)) await importPaths(one, [f]);
    const all = await project();
    const report = await importPaths(all, files.slice(0, 70));
    expect(report.imported).toHaveLength(70);
    expect(report.imported.map((d) => d.file)).toEqual(files.slice(0, 70).map((f) => f.slice(dir.length + 1)));
    const a = snapshot(one);
    const b = snapshot(all);
    expect(b.clauses.length).toBeGreaterThan(70 * 5);
    expect(b.suggestions.length).toBeGreaterThan(0);
    for (const k of Object.keys(a) as Array<keyof typeof a>) expect(b[k], k).toEqual(a[k]);
    expectBandsMatchSignatures(all);
    // The suggestions the import's workers made are those the themes feature makes itself.
    await all.api.themes.recompute({});
    const c = snapshot(all);
    expect(c.suggestions).toEqual(b.suggestions);
    expect(c.instruments).toEqual(b.instruments);
  }, 120_000);

  it('reports a bad file, a copy and a changed file of the same name in file order, inside one batch', async () => {
    const b = await project();
    const work = mkdtempSync(join(tmpdir(), 'policylens-import-batch-'));
    const empty = join(work, 'empty.txt');
    writeFileSync(empty, '');
    const copy = join(work, 'copy-of-f02.txt');
    writeFileSync(copy, readFileSync(files[2]));
    mkdirSync(join(work, 'newer'));
    const changed = join(work, 'newer', 'f01.txt');
    writeFileSync(changed, readFileSync(files[1], 'utf8').replace(/。/u, '，并做好统计监测工作。'));
    const report = await importPaths(b, [files[0], files[1], empty, files[2], copy, changed, files[3]]);
    expect(report.imported.map((d) => d.file)).toEqual(['f00.txt', 'f01.txt', 'f02.txt', 'f03.txt']);
    expect(report.errors.map((e) => e.file)).toEqual(['empty.txt']);
    expect(report.duplicates).toEqual([{ id: report.imported[2].id, file: 'copy-of-f02.txt' }]);
    expect(report.updated.map((u) => [u.id, u.file])).toEqual([[report.imported[1].id, 'f01.txt']]);
    expect(report.updated[0].kept).toBeGreaterThanOrEqual(0);
    expect(count(b, 'SELECT count(*) FROM documents')).toBe(4);
    const clauses = await b.api.documents.clauses({ id: report.imported[1].id });
    expect(clauses.filter((c) => c.text.includes('并做好统计监测工作'))).toHaveLength(1);
    expectBandsMatchSignatures(b);
  }, 60_000);

  it('a file that fails while being written leaves nothing behind, and the rest of its batch is committed', async () => {
    const b = await project();
    b.context.hooks.push({
      clausesWritten: (db, docId) => {
        const name = db.prepare('SELECT file_name FROM documents WHERE id = ?').pluck().get(docId);
        if (name === 'f05.txt') throw new Error('simulated failure in a feature index');
      },
    });
    const report = await importPaths(b, files.slice(0, 10));
    expect(report.errors).toEqual([{ file: 'f05.txt', message: expect.stringContaining('simulated failure') }]);
    expect(report.imported).toHaveLength(9);
    expect(count(b, "SELECT count(*) FROM documents WHERE file_name = 'f05.txt'")).toBe(0);
    expect(count(b, 'SELECT count(*) FROM documents')).toBe(9);
    expect(count(b, 'SELECT count(*) FROM clauses WHERE doc_id NOT IN (SELECT id FROM documents)')).toBe(0);
    expect(count(b, 'SELECT count(*) FROM codings WHERE doc_id NOT IN (SELECT id FROM documents)')).toBe(0);
    expectBandsMatchSignatures(b);
    // Every reported document is really there, under the id the report gives.
    for (const d of report.imported) expect(count(b, 'SELECT count(*) FROM documents WHERE id = ? AND file_name = ?', d.id, d.file)).toBe(1);
  }, 60_000);

  it('re-importing and deleting documents removes their band sketches', async () => {
    const b = await project();
    const work = mkdtempSync(join(tmpdir(), 'policylens-import-bands-'));
    const file = join(work, 'f00.txt');
    const text = readFileSync(files[0], 'utf8');
    writeFileSync(file, text);
    const { imported } = await importPaths(b, [file, files[1], files[2]]);
    expectBandsMatchSignatures(b);
    const bandsOf = (docId: number) => {
      const ids = clauseIdsOf(b, docId);
      return bandRows(b).filter((r) => ids.has(r.clauseId)).length;
    };
    const before = bandsOf(imported[0].id);
    expect(before).toBeGreaterThan(0);
    // Half of the document's measures are dropped: their signatures and bands must go with them.
    const lines = text.split('\n');
    writeFileSync(file, lines.slice(0, Math.ceil(lines.length / 2)).join('\n'));
    const again = await importPaths(b, [file]);
    expect(again.updated).toHaveLength(1);
    expectBandsMatchSignatures(b);
    expect(bandsOf(imported[0].id)).toBeLessThan(before);
    const deleted = clauseIdsOf(b, imported[1].id);
    expect(bandRows(b).filter((r) => deleted.has(r.clauseId)).length).toBeGreaterThan(0);
    await b.api.documents.delete({ id: imported[1].id });
    expect(bandRows(b).filter((r) => deleted.has(r.clauseId))).toHaveLength(0);
    expectBandsMatchSignatures(b);
  }, 60_000);
});
