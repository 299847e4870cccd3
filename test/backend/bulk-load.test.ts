// The connection settings of a bulk import (db/bulk.ts): in force while batches are written, and
// the connection's own again once the last of overlapping imports ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { beginBulkLoad } from '../../electron/backend/db/bulk';
import { openDatabase, type Db } from '../../electron/backend/db/connection';

let dir = '';
let db: Db;
afterEach(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
const open = () => {
  dir = mkdtempSync(join(tmpdir(), 'policylens-bulk-'));
  db = openDatabase(join(dir, 'p.db'));
  return db;
};
const settings = (d: Db) => ({
  cache: d.pragma('cache_size', { simple: true }),
  temp: d.pragma('temp_store', { simple: true }),
  sync: d.pragma('synchronous', { simple: true }),
});

describe('bulk load settings', () => {
  it('keeps savepoint journals in memory and a large cache while importing, and restores the connection after the last import', () => {
    const d = open();
    const before = settings(d);
    expect(before.temp).not.toBe(2);
    const first = beginBulkLoad(d);
    const second = beginBulkLoad(d);
    // 2 = MEMORY; synchronous NORMAL (1) only while a batch is written.
    const during = first.batch(() => settings(d));
    expect(during).toEqual({ cache: -65536, temp: 2, sync: 1 });
    first.end();
    expect(settings(d)).toEqual({ ...before, cache: -65536, temp: 2 });
    second.end();
    expect(settings(d)).toEqual(before);
  });

  it('an import that begins inside a transaction leaves temp_store alone (SQLite refuses to change it there)', () => {
    const d = open();
    const before = settings(d);
    d.exec('BEGIN');
    const load = beginBulkLoad(d);
    expect(settings(d).temp).toBe(before.temp);
    d.exec('COMMIT');
    load.end();
    expect(settings(d)).toEqual(before);
  });
});
