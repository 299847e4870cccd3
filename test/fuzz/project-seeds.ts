// Seeds for the project formats of the fuzz harness, written by this version of PolicyLens: a
// small project (two seed documents, accepted codings, a note on a clause, a comparison) exported
// as REFI-QDA (.qdpx) and backed up (.policylens). The fixture projects of older schema versions
// (test/fixtures/projects) are seeds of restore too. The project itself is kept (coded.db) as a
// template some fuzz files are imported into (a copy each), beside an empty project (empty.db).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../../electron/backend';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SEEDS = ['000_4d56af254ffdf8b7.txt', '001_8cf9a6de749d0b9f.txt', '003_52b9eff8da68288c.txt'];

const note = (text: string) =>
  JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
        },
      ],
    },
  });

/** Writes project.qdpx, project.policylens and the templates (empty.db, coded.db) into `dir`. */
export async function writeProjectSeeds(dir: string): Promise<{ seeds: string[]; templates: { empty: string; coded: string } }> {
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'pl-fuzz-seedproject-'));
  // A new project as the app makes one (migrated, the codebook seeded); closing checkpoints the
  // WAL into the one file.
  createBackend({ databasePath: join(dir, 'empty.db'), mode: 'test' }).close();
  const b = createBackend({ databasePath: join(work, 'p.db'), mode: 'test' });
  try {
    const report = await b.api.documents.importPaths({ paths: SEEDS.map((s) => join(root, 'seeds', s)) });
    const [a, c] = report.imported.map((d) => d.id);
    await b.api.themes.acceptAbove({ minScore: 0.3 });
    const clauses = await b.api.documents.clauses({ id: a });
    const clause = clauses.find((x) => x.kind === 'measure')!;
    const n = await b.api.notes.create({ target: { kind: 'clause', docId: a, clauseId: clause.id } });
    await b.api.notes.save({ id: n.id, content: note('种子注释 seed note') });
    await b.api.compare.create({
      name: 'seed comparison',
      members: [
        { docId: a, partIndex: null },
        { docId: c, partIndex: null },
      ],
    });
    const qdpx = join(dir, 'project.qdpx');
    const backup = join(dir, 'project.policylens');
    await b.api.export.project({ format: 'qdpx', path: qdpx, overwrite: true });
    await b.api.export.backup({ path: backup, overwrite: true });
    return { seeds: [qdpx, backup], templates: { empty: join(dir, 'empty.db'), coded: join(dir, 'coded.db') } };
  } finally {
    // Closing checkpoints the WAL into p.db, so the one file is the whole project.
    b.close();
    copyFileSync(join(work, 'p.db'), join(dir, 'coded.db'));
    rmSync(work, { recursive: true, force: true });
  }
}
