// A backup whose rows refer to rows that do not exist (written with foreign keys off, as the fuzz
// harness did) passes SQLite's integrity_check; restore must still refuse it and write nothing.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import type { Output } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { freshProject } from '../contract/harness';
import { call } from './export.fixture';

let disposers: Array<() => void> = [];
afterEach(() => {
  disposers.forEach((d) => d());
  disposers = [];
});

it.each([
  ['a document deleted, its clauses left behind', 'DELETE FROM documents WHERE id = (SELECT min(id) FROM documents)', /clauses row \d+, whose documents is missing/],
  ['a clause pointing at a document id that is text', "UPDATE clauses SET doc_id = 'abc' WHERE id = (SELECT min(id) FROM clauses)", /row\(s\) refer to rows that do not exist/],
])('restore refuses a backup with %s', async (_name, sql, message) => {
  const p = await freshProject();
  disposers.push(p.dispose);
  const backup = await call<Output<'export.backup'>>(p.backend, 'export.backup', { fileName: 'snapshot' });
  const tampered = join(p.dir, 'tampered.policylens');
  copyFileSync(backup.path, tampered);
  const db = new Database(tampered);
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();

  const target = join(p.dir, 'restored.db');
  const err = (await call(p.backend, 'export.restore', { backupPath: tampered, targetPath: target }).catch((e: unknown) => e)) as ApiError;
  expect(err.code).toBe('bad_file');
  expect(err.message).toMatch(message);
  expect(existsSync(target)).toBe(false);
  // The untouched backup still restores.
  const ok = await call<Output<'export.restore'>>(p.backend, 'export.restore', { backupPath: backup.path, targetPath: target });
  expect(ok.documentCount).toBeGreaterThan(0);
});
