// Damage that passes SQLite's integrity_check, found by the fuzz harness: rows that refer to rows
// that do not exist (written with foreign keys off), and a header naming no valid text encoding.
// Restore must refuse each with a message and write nothing.
import { copyFileSync, existsSync, openSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import type { ApiError } from '../../shared/api/errors';
import { freshProject, repoRoot } from '../contract/harness';

let disposers: Array<() => void> = [];
afterEach(() => {
  disposers.forEach((d) => d());
  disposers = [];
});

it.each([
  [
    'a document deleted, its clauses left behind',
    'DELETE FROM documents WHERE id = (SELECT min(id) FROM documents)',
    /clauses row \d+, whose documents is missing/,
  ],
  [
    'a clause pointing at a document id that is text',
    "UPDATE clauses SET doc_id = 'abc' WHERE id = (SELECT min(id) FROM clauses)",
    /row\(s\) refer to rows that do not exist/,
  ],
  [
    'a packed document text that does not inflate',
    "UPDATE documents SET cleaned_z = x'00ff00ff1234' WHERE id = (SELECT min(id) FROM documents)",
    /the stored text of document \d+ cannot be read/,
  ],
])('restore refuses a backup with %s', async (_name, sql, message) => {
  const p = await freshProject();
  disposers.push(p.dispose);
  const backup = await p.backend.api.export.backup({ fileName: 'snapshot' });
  const tampered = join(p.dir, 'tampered.policylens');
  copyFileSync(backup.path, tampered);
  const db = new Database(tampered);
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();

  const target = join(p.dir, 'restored.db');
  const err = (await p.backend.api.project.restore({ backupPath: tampered, targetPath: target }).catch((e: unknown) => e)) as ApiError;
  expect(err.code).toBe('bad_file');
  expect(err.message).toMatch(message);
  expect(existsSync(target)).toBe(false);
  // The untouched backup still restores.
  const ok = await p.backend.api.project.restore({ backupPath: backup.path, targetPath: target });
  expect(ok.documentCount).toBeGreaterThan(0);
});

it.each([
  // The fuzz case (00634.policylens, a lying header on schema-002): before the check, the
  // migrations failed with "attached databases must use the same text encoding as main database".
  ['schema-001', [0x33, 0x50, 0xc9, 0x30], /tampered\.policylens is damaged: its header names no valid text encoding \(value 860932400\)/],
  ['schema-002', [0x33, 0x50, 0xc9, 0x30], /tampered\.policylens is damaged: its header names no valid text encoding/],
  ['schema-002', [0, 0, 0, 4], /tampered\.policylens is damaged: its header names no valid text encoding \(value 4\)/],
  ['schema-002', [0, 0, 0, 2], /tampered\.policylens is not a PolicyLens backup: its text is stored as UTF-16/],
])('restore refuses a %s backup whose header says text encoding %j, with a message', async (fixture, bytes, message) => {
  const p = await freshProject();
  disposers.push(p.dispose);
  // A backup of an older schema: without the header check the damage shows when its migrations run.
  const tampered = join(p.dir, 'tampered.policylens');
  copyFileSync(join(repoRoot, `test/fixtures/projects/${fixture}.policylens`), tampered);
  // Offset 56 of an SQLite header: the text encoding (1 UTF-8, 2/3 UTF-16).
  const fd = openSync(tampered, 'r+');
  writeSync(fd, Buffer.from(bytes), 0, 4, 56);
  closeSync(fd);
  const target = join(p.dir, 'restored.db');
  const err = (await p.backend.api.project.restore({ backupPath: tampered, targetPath: target }).catch((e: unknown) => e)) as ApiError;
  expect(err.code).toBe('bad_file');
  expect(err.message).toMatch(message);
  expect(existsSync(target)).toBe(false);
});

it('restore takes a backup whose header leaves the text encoding 0, which SQLite reads as UTF-8', async () => {
  const p = await freshProject();
  disposers.push(p.dispose);
  const backup = join(p.dir, 'zero.policylens');
  copyFileSync(join(repoRoot, 'test/fixtures/projects/schema-002.policylens'), backup);
  const fd = openSync(backup, 'r+');
  writeSync(fd, Buffer.alloc(4), 0, 4, 56);
  closeSync(fd);
  const restored = await p.backend.api.project.restore({ backupPath: backup, targetPath: join(p.dir, 'restored.db') });
  expect(restored.documentCount).toBeGreaterThan(0);
});
