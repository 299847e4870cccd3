import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { freshProject, repoRoot } from '../contract/harness';
import { richNote } from './export.fixture';

describe('a second process writing the same project never makes a save fail', () => {
  it('saves every note while another process holds write transactions, one longer than the busy timeout', async () => {
    const p = await freshProject({ seeds: false });
    try {
      const b = p.backend;
      const db = join(p.dir, 'policylens.db');
      const note = await b.api.notes.create({ target: { kind: 'alignmentRow', comparisonId: null, rowKey: 'hardening', clauseIds: [] } });
      // 40 transactions of 60 ms, the middle one held 6.5 s (busy_timeout is 5 s).
      const child = spawn(process.execPath, [join(repoRoot, 'test/backend/concurrent-writer.hardening.mjs'), db, '40', '60', '6500'], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise<number>((ok) => child.on('exit', (code) => ok(code ?? -1)));
      await new Promise<void>((ok) => child.stdout.once('data', () => ok()));
      let running = true;
      void exited.then(() => (running = false));
      const failures: string[] = [];
      let saves = 0;
      // The first save starts while the other process writes; a few more make the count independent of timing.
      while (running || saves < 4) {
        const r = await b.api.notes.save({ id: note.id, content: richNote(`SAVE-${saves}`) }).catch((e: Error) => {
          failures.push(e.message);
          return null;
        });
        if (r) saves++;
        await new Promise((ok) => setImmediate(ok));
      }
      expect(await exited).toBe(0);
      expect(failures).toEqual([]);
      expect(saves).toBeGreaterThan(3);
      const saved = await b.api.notes.get({ id: note.id });
      expect(saved.plainText).toContain(`SAVE-${saves - 1}`);
      const check = new Database(db, { readonly: true });
      expect((check.prepare("SELECT value FROM settings WHERE key = 'hardening.writer'").get() as { value: string }).value).toBe('39');
      check.close();
    } finally {
      p.dispose();
    }
  }, 60_000);
});
