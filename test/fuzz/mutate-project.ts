// Mutations of a PolicyLens backup (.policylens, an SQLite file) for the fuzz harness: bytes
// (flips, truncation, a page of garbage, a lying header) and schema or content tampering made
// through SQLite itself (a trigger, view or table smuggled in, a table or index dropped, a newer
// schema version, rows that break the project's invariants, a 20 MB title). Restore must refuse
// or repair each with a message, never crash, never restore something that runs on our writes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { byteMutations, type Rand } from './mutate';

const int = (rand: Rand, n: number) => Math.floor(rand() * n);

const PAGE = 4096;

const bytewise: Record<string, (b: Uint8Array, rand: Rand) => Uint8Array> = {
  bitflips: byteMutations.bitflips,
  overwrite: byteMutations.overwrite,
  truncate: byteMutations.truncate,
  deleteChunk: byteMutations.deleteChunk,
  insertRandom: byteMutations.insertRandom,
  pageGarbage(b, rand) {
    const out = b.slice();
    const pages = Math.floor(out.length / PAGE);
    const page = 1 + int(rand, Math.max(1, pages - 1));
    for (let i = page * PAGE; i < Math.min(out.length, (page + 1) * PAGE); i++) out[i] = int(rand, 256);
    return out;
  },
  lyingHeader(b, rand) {
    const out = b.slice();
    // Page size (offset 16), page count (28), freelist (32) or schema cookie (40).
    const at = [16, 28, 32, 40, 44, 56][int(rand, 6)];
    for (let i = 0; i < 4 && at + i < out.length; i++) out[at + i] = int(rand, 256);
    return out;
  },
};

const tampering: Record<string, string> = {
  trigger: 'CREATE TRIGGER fuzz_t AFTER INSERT ON annotations BEGIN DELETE FROM documents; END',
  triggerOnUpdate: 'CREATE TRIGGER fuzz_u AFTER UPDATE ON codings BEGIN DELETE FROM clauses; END',
  view: 'CREATE VIEW fuzz_v AS SELECT * FROM documents',
  table: 'CREATE TABLE fuzz_extra (x)',
  dropTable: 'DROP TABLE IF EXISTS codings',
  dropIndex: 'SELECT 1', // replaced below by a real index name
  newerSchema: "INSERT INTO schema_migrations (version, name, checksum, applied_at) SELECT max(version) + 50, '999_future', 'x', 'now' FROM schema_migrations",
  noMigrations: 'DELETE FROM schema_migrations',
  orphanClauses: 'DELETE FROM documents WHERE id = (SELECT min(id) FROM documents)',
  hugeTitle: "UPDATE documents SET title = printf('%.*c', 20000000, 'x')",
  emptyText: "UPDATE documents SET cleaned_text = '', cleaned_z = NULL",
  damagedPackedText: "UPDATE documents SET cleaned_z = x'00ff00ff1234' WHERE cleaned_z IS NOT NULL",
  negativeOffsets: 'UPDATE clauses SET start = -5, "end" = 999999999',
  badJson: "UPDATE documents SET edited_fields = '{not json'",
  wrongTypes: "UPDATE clauses SET doc_id = 'abc'",
};

export async function mutateProject(seed: Uint8Array, rand: Rand): Promise<{ bytes: Uint8Array; how: string }> {
  if (rand() < 0.45) {
    const names = Object.keys(bytewise);
    const name = names[int(rand, names.length)];
    return { bytes: bytewise[name](seed, rand), how: name };
  }
  const names = Object.keys(tampering);
  const name = names[int(rand, names.length)];
  const dir = mkdtempSync(join(tmpdir(), 'pl-fuzz-project-'));
  try {
    const file = join(dir, 'p.db');
    writeFileSync(file, seed);
    const db = new Database(file);
    try {
      db.pragma('foreign_keys = OFF');
      let sql = tampering[name];
      if (name === 'dropIndex') {
        const idx = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as Array<{ name: string }>;
        if (idx.length) sql = `DROP INDEX "${idx[int(rand, idx.length)].name}"`;
      }
      try {
        db.exec(sql);
      } catch {
        // A column or table this schema version lacks: the file stays as it was, still a case.
      }
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    return { bytes: new Uint8Array(readFileSync(file)), how: `sql:${name}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
