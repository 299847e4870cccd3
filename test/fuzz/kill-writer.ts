// Child of the kill -9 harness: writes to a project as a researcher would — imports, codings and
// note saves interleaved — and prints one JSON line after each write the backend acknowledged.
// The parent kills it with SIGKILL at a random moment and checks that every acknowledged write is
// there. usage: tsx test/fuzz/kill-writer.ts <project.db> <seed-dir> <seed>
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { createBackend } from '../../electron/backend';
import { prng } from '../support/random';

const [db, seedDir, seedArg] = process.argv.slice(2);
const rand = prng(Number(seedArg));
const b = createBackend({ databasePath: db, mode: 'test' });
const say = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');
const variantDir = join(dirname(db), 'variants');
mkdirSync(variantDir, { recursive: true });
const files = readdirSync(seedDir)
  .filter((f) => /\.(txt|md|html|docx|pdf)$/.test(f))
  .map((f) => join(seedDir, f));
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

const themes = (await b.api.themes.codebook({})).themes;
say({ ready: true });
// The project carries over from run to run: the documents already in it are coded and annotated
// too (a writer that knew only the documents it imported itself did nothing once every source
// was in the project: each import was a duplicate).
const clausesOf = async (id: number) => (await b.api.documents.clauses({ id })).map((c) => c.id);
let docs: Array<{ id: number; clauses: number[] }> = [];
for (const d of await b.api.documents.list({})) docs.push({ id: d.id, clauses: await clausesOf(d.id) });
docs = docs.filter((d) => d.clauses.length > 0);
let noteId: number | null = null;
for (let step = 0; ; step++) {
  const r = rand();
  if (r < 0.3 || docs.length === 0) {
    let file = files[Math.floor(rand() * files.length)];
    if (rand() < 0.5 && /\.(txt|md)$/.test(file)) {
      // The same file name with new bytes: a re-import (replace, re-anchored codings and notes).
      const variant = join(variantDir, `variant${extname(file)}`);
      writeFileSync(variant, `${readFileSync(file, 'utf8')}\n\n附：第${step}次修订。\n`);
      file = variant;
    }
    // An identical file is a duplicate and writes nothing; a variant is a new document or a re-import.
    const report = await b.api.documents.importPaths({ paths: [file] });
    for (const d of [...report.imported, ...report.updated]) {
      const clauses = await clausesOf(d.id);
      docs = docs.filter((x) => x.id !== d.id).concat({ id: d.id, clauses });
      say({ ack: 'doc', id: d.id, clauses: clauses.length, updated: report.updated.some((u) => u.id === d.id) });
    }
  } else if (r < 0.65 && themes.length) {
    const d = docs[Math.floor(rand() * docs.length)];
    const clauseId = d.clauses[Math.floor(rand() * d.clauses.length)];
    const themeId = themes[Math.floor(rand() * themes.length)].id;
    try {
      const { codingId } = await b.api.themes.code({ clauseId, themeId });
      say({ ack: 'coding', id: codingId, clauseId, themeId, docId: d.id });
    } catch {
      // already coded: not a write
    }
  } else {
    if (noteId === null) {
      const d = docs[0];
      noteId = (await b.api.notes.create({ target: { kind: 'document', docId: d.id } })).id;
      say({ ack: 'noteCreated', id: noteId });
    }
    const marker = `NOTE-${step}`;
    await b.api.notes.save({ id: noteId, content: note(marker) });
    say({ ack: 'note', id: noteId, marker, step });
  }
}
