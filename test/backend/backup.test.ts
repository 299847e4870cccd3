import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { ApiError } from '../../shared/api/errors';
import { freshProject } from '../contract/harness';
import { richNote } from './export.fixture';

let disposers: Array<() => void> = [];
afterEach(() => {
  disposers.forEach((d) => d());
  disposers = [];
});

/** Every user table's rows, in a stable order: two projects are identical when these are. */
function dump(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
        .all() as Array<{ name: string }>
    ).map((t) => t.name);
    const shadow = (n: string) => tables.some((t) => n.startsWith(`${t}_`) && /_(data|idx|docsize|config|content)$/.test(n));
    return Object.fromEntries(
      tables
        .filter((t) => !shadow(t))
        .map((t) => [
          t,
          db
            .prepare(`SELECT * FROM "${t}"`)
            .all()
            .map((r) => JSON.stringify(r))
            .sort(),
        ]),
    );
  } finally {
    db.close();
  }
}

describe('backup and restore', () => {
  it('backs up the running project to one file and restores it as a new, identical project', async () => {
    const p = await freshProject();
    disposers.push(p.dispose);
    const b = p.backend;
    const [doc] = await b.api.documents.list({});
    const clause = (await b.api.documents.clauses({ id: doc.id })).find((c) => c.kind === 'measure')!;
    const note = await b.api.notes.create({ target: { kind: 'clause', docId: doc.id, clauseId: clause.id } });
    await b.api.notes.save({ id: note.id, content: richNote('BACKUP') });
    await b.api.themes.acceptAbove({ minScore: 0.3 });

    const backup = await b.api.export.backup({ fileName: 'snapshot' });
    expect(backup.path.endsWith('snapshot.policylens-backup')).toBe(true);
    expect(backup.downloadName).toBe('snapshot.policylens-backup');
    // Writes after the snapshot must not leak into it.
    await b.api.documents.delete({ id: doc.id });

    const target = join(p.dir, 'restored', 'project.db');
    const restored = await b.api.project.restore({ backupPath: backup.path, targetPath: target });
    expect(restored.documentCount).toBe(5);
    const opened = createBackend({ databasePath: target, mode: 'test' });
    try {
      const notes = await opened.api.notes.list({ q: 'BACKUP' });
      expect(notes.length).toBe(1);
    } finally {
      opened.close();
    }
    // Identical to the project as it was at the backup: compare with a second backup of a restore.
    const again = await b.api.export.backup({ fileName: 'after-delete' });
    expect(dump(target).documents.length).toBe(5);
    expect(dump(again.path).documents.length).toBe(4);
    const before = dump(backup.path);
    const after = dump(target);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const t of Object.keys(before)) expect(after[t], t).toEqual(before[t]);
  });

  it('never overwrites without asking, and refuses a file that is not a project', async () => {
    const p = await freshProject({ seeds: false });
    disposers.push(p.dispose);
    const b = p.backend;
    await b.api.export.backup({ fileName: 'one' });
    const clash = await b.api.export.backup({ fileName: 'one' }).catch((e) => e);
    expect(clash).toBeInstanceOf(ApiError);
    expect((clash as ApiError).code).toBe('conflict');
    const ok = await b.api.export.backup({ fileName: 'one', overwrite: true });
    expect(existsSync(ok.path)).toBe(true);

    const junk = join(p.dir, 'junk.policylens-backup');
    writeFileSync(junk, 'not a database at all, just text '.repeat(100));
    const bad = await b.api.project.restore({ backupPath: junk, targetPath: join(p.dir, 'new.db') }).catch((e) => e);
    expect((bad as ApiError).code).toBe('bad_file');
    expect(existsSync(join(p.dir, 'new.db'))).toBe(false);
    const self = await b.api.project.restore({ backupPath: ok.path, targetPath: join(p.dir, 'policylens.db') }).catch((e) => e);
    expect((self as ApiError).code).toBe('conflict');
  });
});
