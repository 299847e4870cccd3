// The migration that stores text once and moves "where else" bands into FTS5 (issue 13), applied
// to a project written before it: documents keep everything but the unread raw text, and the band
// index is built when the project is first opened (from the clause texts since 009).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { openDatabase } from '../../electron/backend/db/connection';
import { decodeSketches } from '../../electron/backend/compare/bands';
import { loadMigrations, migrate } from '../../electron/backend/db/migrate';
import { bandSketch, minhash, shingles, signatureToBytes } from '../../shared/domain/similar';

describe('the scale migration', () => {
  it('drops the raw text, keeps the documents, and builds the band index on first open', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'policylens-scale-mig-')), 'p.db');
    const all = loadMigrations();
    const at = all.findIndex((m) => m.name.endsWith('_scale'));
    expect(at).toBeGreaterThan(0);
    const db = openDatabase(path);
    migrate(db, all.slice(0, at));
    const now = new Date().toISOString();
    const texts = ['支持小微企业发展，落实税费优惠政策。', '加强融资担保服务，降低企业融资成本。'];
    const cleaned = texts.join('\n');
    db.prepare(
      `INSERT INTO documents (id, file_name, source_hash, format, imported_at, updated_at, raw_text, cleaned_text)
      VALUES (1, 'a.txt', 'h', 'txt', ?, ?, 'raw', ?)`,
    ).run(now, now, cleaned);
    texts.forEach((text, i) => {
      const start = cleaned.indexOf(text);
      db.prepare(
        `INSERT INTO clauses (id, doc_id, ord, label, level, kind, text, start, text_start, end, path) VALUES (?, 1, ?, '', 1, 'measure', ?, ?, ?, ?, '')`,
      ).run(i + 1, i, text, start, start, start + text.length);
      db.prepare('INSERT INTO clause_signatures (clause_id, doc_id, signature) VALUES (?, 1, ?)').run(
        i + 1,
        Buffer.from(signatureToBytes(minhash(shingles(text)))),
      );
    });
    db.close();

    const backend = createBackend({ databasePath: path, mode: 'cli' });
    try {
      const conn = backend.context.db;
      const columns = conn.prepare("SELECT name FROM pragma_table_info('documents')").pluck().all() as string[];
      expect(columns).toContain('cleaned_text');
      expect(columns).not.toContain('raw_text');
      expect(conn.prepare('SELECT cleaned_text FROM documents WHERE id = 1').pluck().get()).toBe(cleaned);
      expect(conn.prepare("SELECT count(*) FROM settings WHERE key IN ('clause_bands_pending', 'clause_sketches_pending')").pluck().get()).toBe(0);
      // Signatures are no longer stored (009), nor band keys (012): the band sketches are computed from the clause texts.
      const stored = new Map(
        (conn.prepare('SELECT sketch FROM clause_sketches').pluck().all() as Uint8Array[]).flatMap((blob) =>
          decodeSketches(blob).map((r) => [r.clauseId, [...r.sketch]]),
        ),
      );
      texts.forEach((text, i) => expect(stored.get(i + 1)).toEqual([...bandSketch(minhash(shingles(text)))]));
    } finally {
      backend.close();
    }
  });
});
