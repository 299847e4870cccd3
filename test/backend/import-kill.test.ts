// kill -9 in the middle of a bulk import (issue 13): the CLI imports a folder in a child process,
// which is killed with SIGKILL at a random moment after its first batch committed. The project must
// open, pass SQLite's integrity check, hold exactly the files of the batches committed before the
// kill (a prefix of the import order), each intact (text, clauses, search and where-else entries),
// and import the rest when the folder is imported again. Waits on conditions, never on the clock:
// wherever the kill lands (even after the import finished), every assertion holds.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { type StoredText, unpackText } from '../../electron/backend/db/documentText';
import { decodeSketches } from '../../electron/backend/compare/bands';
import { listImportableFiles } from '../../electron/backend/importers';
import { analyseDocument } from '../../shared/domain/analyze';
import { generateCorpus, repoRoot } from '../bench/corpus';
import { prng } from '../support/random';

const FILES = 150;
let corpus = '';
let order: string[] = [];
beforeAll(async () => {
  corpus = join(mkdtempSync(join(tmpdir(), 'policylens-kill-')), 'corpus');
  generateCorpus({ documents: FILES, seed: 23, outDir: corpus });
  order = (await listImportableFiles([corpus])).map((f) => basename(f));
}, 60_000);

let child: ChildProcess | null = null;
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Documents committed so far, read by a connection of our own (WAL: never blocks the writer). */
function committed(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet, or its schema not yet migrated
  }
}

const exited = (p: ChildProcess) => new Promise<void>((done) => (p.exitCode !== null || p.signalCode !== null ? done() : p.once('exit', () => done())));

describe('kill -9 during a bulk import', () => {
  it('leaves a sound project holding the committed batches, and the rest imports again', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'policylens-kill-db-')), 'p.db');
    const seed = Number(process.env.KILL_SEED ?? Date.now() % 100_000);
    const stopAfter = 1 + Math.floor(prng(seed)() * (FILES / 2)); // documents seen committed before the kill
    const proc = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'electron/cli/main.ts'), 'import', '--db', path, corpus], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = proc;
    let stderr = '';
    proc.stderr!.on('data', (d) => (stderr += String(d)));
    // Poll for the condition; a finished import (exit) also ends the wait.
    while (proc.exitCode === null && committed(path) < stopAfter) await new Promise((r) => setTimeout(r, 25));
    proc.kill('SIGKILL');
    await exited(proc);
    expect(stderr, `seed ${seed}`).not.toMatch(/Error/);

    const backend = createBackend({ databasePath: path, mode: 'cli' });
    try {
      const db = backend.context.db;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const files = db.prepare('SELECT file_name FROM documents ORDER BY id').pluck().all() as string[];
      expect(files.length, `seed ${seed}`).toBeGreaterThanOrEqual(Math.min(stopAfter, FILES));
      // Batches commit in the import's order: what is there is a prefix of it.
      expect(files).toEqual(order.slice(0, files.length));
      for (const d of (
        db.prepare('SELECT id, file_name, cleaned_text, cleaned_z FROM documents').all() as Array<StoredText & { id: number; file_name: string }>
      ).map((r) => ({ ...r, cleaned_text: unpackText(r) }))) {
        const a = analyseDocument({ text: readFileSync(join(corpus, d.file_name), 'utf8'), format: 'txt', encoding: 'utf-8', warnings: [] }, d.file_name);
        expect(d.cleaned_text).toBe(a.cleaned);
        expect(db.prepare('SELECT count(*) FROM clauses WHERE doc_id = ?').pluck().get(d.id)).toBe(a.clauses.length);
        expect(db.prepare('SELECT count(*) FROM search_clauses WHERE doc_id = ?').pluck().get(d.id)).toBe(a.clauses.length);
      }
      // No band sketch names a clause that is not there.
      const banded = new Set(
        (db.prepare('SELECT sketch FROM clause_sketches').pluck().all() as Uint8Array[]).flatMap((blob) => decodeSketches(blob).map((r) => r.clauseId)),
      );
      const clauseIds = new Set(db.prepare('SELECT id FROM clauses').pluck().all() as number[]);
      expect([...banded].filter((id) => !clauseIds.has(id))).toEqual([]);

      const again = await backend.api.documents.importPaths({ paths: [corpus] });
      expect(again.errors).toEqual([]);
      expect(again.duplicates).toHaveLength(files.length);
      expect(again.imported).toHaveLength(FILES - files.length);
      expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(FILES);
      expect(db.prepare('SELECT count(*) FROM search_clauses').pluck().get()).toBe(db.prepare('SELECT count(*) FROM clauses').pluck().get());
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const hits = await backend.api.search.query({ query: '小微企业' });
      expect(hits.hits.length).toBeGreaterThan(0);
    } finally {
      backend.close();
    }
  }, 240_000);
});
