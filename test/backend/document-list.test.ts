// documents.list keeps every summary until the project changes (db/documents.ts): the Library,
// the attribute table and the compare picker ask for all of them each time they open.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { projectsPerTest } from '../support/projects';

const project = projectsPerTest();

describe('the list of every document', () => {
  it('is read once while nothing changes, and again after a change here or a commit by another process', async () => {
    const { backend: b, dir } = await project();
    const db = b.context.db;
    const first = await b.api.documents.list({});
    const again = await b.api.documents.list({});
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    // Read once: the repository hands out the same summaries.
    const repo = b.context.documents;
    expect(repo.list()[0]).toBe(repo.list()[0]);
    // A caller's changes to its own array do not reach the next caller.
    again.reverse().pop();
    expect(await b.api.documents.list({})).toEqual(first);

    const doc = first[0];
    await b.api.documents.updateMetadata({ id: doc.id, fields: { title: '青岛市 测试标题 Test title' } });
    expect((await b.api.documents.list({})).find((d) => d.id === doc.id)!.title).toBe('青岛市 测试标题 Test title');
    expect(db.inTransaction).toBe(false);

    // Another process (the CLI, a second window) edits the same project.
    const other = createBackend({ databasePath: join(dir, 'policylens.db'), dataDir: dir, mode: 'cli' });
    try {
      await other.api.documents.updateMetadata({ id: doc.id, fields: { city: '温州市' } });
      await other.api.documents.delete({ id: first[1].id });
    } finally {
      other.close();
    }
    const after = await b.api.documents.list({});
    expect(after.find((d) => d.id === doc.id)!.city).toBe('温州市');
    expect(after.map((d) => d.id)).not.toContain(first[1].id);
    expect(after).toHaveLength(first.length - 1);
  });
});
