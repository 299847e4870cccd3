// Documents' texts are stored deflated since migration 013 (db/documentText.ts): every way the app
// reads a text — the API, clause texts, search, the Trash — must see exactly what was imported,
// and rows stored plainly by an older version are packed in the background without a change.
import { describe, expect, it } from 'vitest';
import { packStep, packText, unpackText } from '../../electron/backend/db/documentText';
import { projectsPerTest } from '../support/projects';

const newProject = projectsPerTest();

describe('packed document texts', () => {
  it('round-trips Chinese, Latin, astral characters and the empty text', () => {
    for (const t of ['', '第一条 为了……制定本条例。\n第二条 Latin & 数字 3.5%', '𠀀𪚥 emoji 😀 end', 'x'.repeat(100_000)]) {
      const packed = packText(t);
      expect(packed.cleaned_text).toBe('');
      expect(unpackText(packed)).toBe(t);
      expect(unpackText({ cleaned_text: t, cleaned_z: null })).toBe(t);
    }
  });

  it('a packed text that does not inflate is a clear bad_file error, not an internal one', async () => {
    const { backend: b } = await newProject(true);
    const [doc] = await b.api.documents.list({});
    b.context.db.prepare("UPDATE documents SET cleaned_z = x'00ff00ff1234' WHERE id = ?").run(doc.id);
    const err = (await b.api.documents.text({ id: doc.id }).catch((e: unknown) => e)) as { code?: string; message?: string };
    expect(err.code).toBe('bad_file');
    expect(err.message).toMatch(/stored text is damaged.*Restore the project from a backup/);
  });

  it('stores imported texts deflated and reads them back exactly through the API, search and the Trash', async () => {
    const { backend: b } = await newProject(true);
    const db = b.context.db;
    const docs = await b.api.documents.list({});
    expect(docs.length).toBeGreaterThan(1);
    const raw = db.prepare('SELECT id, cleaned_text, cleaned_z FROM documents ORDER BY id').all() as Array<{
      id: number;
      cleaned_text: string;
      cleaned_z: Buffer | null;
    }>;
    expect(raw.every((r) => r.cleaned_text === '' && r.cleaned_z instanceof Buffer)).toBe(true);
    const stored = raw.reduce((n, r) => n + r.cleaned_z!.length, 0);
    const texts = new Map<number, string>();
    for (const d of docs) texts.set(d.id, (await b.api.documents.text({ id: d.id })).text);
    const utf8 = [...texts.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
    expect(stored).toBeLessThan(utf8 * 0.6);

    // Clause texts are cut from the unpacked text, and search finds what a scan of them finds.
    const first = docs[0].id;
    const clauses = await b.api.documents.clauses({ id: first });
    for (const c of clauses) expect(texts.get(first)!.includes(c.text.trim())).toBe(true);
    const all = [] as string[];
    for (const d of docs) for (const c of await b.api.documents.clauses({ id: d.id })) all.push(c.text.replace(/\s+/g, ''));
    expect((await b.api.search.count({ query: '企业' })).total).toBe(all.filter((t) => t.includes('企业')).length);

    // The Trash keeps the text and a restore writes it back packed.
    const { trashId } = await b.api.documents.delete({ id: first });
    const restored = await b.api.documents.restore({ trashId });
    expect(restored).toBeTruthy();
    expect((await b.api.documents.text({ id: first })).text).toBe(texts.get(first));
    const row = db.prepare('SELECT cleaned_text, cleaned_z FROM documents WHERE id = ?').get(first) as { cleaned_text: string; cleaned_z: Buffer | null };
    expect(row.cleaned_text).toBe('');
    expect(row.cleaned_z).toBeInstanceOf(Buffer);
  });

  it('packs texts stored plainly (an upgraded project) step by step, changing nothing the app reads', async () => {
    const { backend: b } = await newProject(true);
    const db = b.context.db;
    const docs = await b.api.documents.list({});
    const before = new Map<number, string>();
    for (const d of docs) before.set(d.id, (await b.api.documents.text({ id: d.id })).text);
    // As a project written before migration 013 holds them. (The background upkeep may pack some
    // of them while the API is awaited below; either form reads the same.)
    const plain = db.prepare('UPDATE documents SET cleaned_text = ?, cleaned_z = NULL WHERE id = ?');
    for (const [id, t] of before) plain.run(t, id);
    // Synchronously, so no upkeep step runs in between: one step packs one and says more remain.
    expect(packStep(db, 1)).toBe(true);
    expect(db.prepare('SELECT count(*) FROM documents WHERE cleaned_z IS NULL').pluck().get()).toBe(docs.length - 1);
    for (const [id, t] of before) expect((await b.api.documents.text({ id })).text).toBe(t);

    while (packStep(db, 2));
    expect(db.prepare('SELECT count(*) FROM documents WHERE cleaned_z IS NULL OR cleaned_text <> ?').pluck().get('')).toBe(0);
    for (const [id, t] of before) expect((await b.api.documents.text({ id })).text).toBe(t);
    expect(packStep(db, 2)).toBe(false);
  });
});
