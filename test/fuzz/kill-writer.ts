// Child of the kill -9 harness: writes to a project as a researcher would — imports, codings and
// note saves interleaved — and prints one JSON line after each write the backend acknowledged.
// The parent kills it with SIGKILL at a random moment and checks that every acknowledged write is
// there. usage: tsx test/fuzz/kill-writer.ts <project.db> <seed-dir> <seed>
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend';
import { prng } from '../support/random';

const [db, seedDir, seedArg] = process.argv.slice(2);
const rand = prng(Number(seedArg));
const b = createBackend({ databasePath: db, mode: 'test' });
const say = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');
const files = readdirSync(seedDir).filter((f) => /\.(txt|md|html|docx|pdf)$/.test(f)).map((f) => join(seedDir, f));
const note = (text: string) => JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }] } });

const themes = (await b.api.themes.codebook({})).themes;
say({ ready: true });
let docs: Array<{ id: number; clauses: number[] }> = [];
let noteId: number | null = null;
for (let step = 0; ; step++) {
  const r = rand();
  if (r < 0.3 || docs.length === 0) {
    const file = files[Math.floor(rand() * files.length)];
    const report = await b.api.documents.importPaths({ paths: [file] });
    for (const d of [...report.imported, ...report.updated]) {
      const clauses = (await b.api.documents.clauses({ id: d.id })).map((c) => c.id);
      docs = docs.filter((x) => x.id !== d.id).concat({ id: d.id, clauses });
      say({ ack: 'doc', id: d.id, clauses: clauses.length });
    }
  } else if (r < 0.65 && themes.length) {
    const d = docs[Math.floor(rand() * docs.length)];
    const clauseId = d.clauses[Math.floor(rand() * d.clauses.length)];
    const themeId = themes[Math.floor(rand() * themes.length)].id;
    try {
      const { codingId } = await b.api.themes.code({ clauseId, themeId });
      say({ ack: 'coding', id: codingId, clauseId, themeId });
    } catch {
      // already coded: not a write
    }
  } else {
    if (noteId === null) {
      const d = docs[0];
      noteId = (await b.api.annotations.create({ target: { kind: 'document', docId: d.id } })).id;
      say({ ack: 'noteCreated', id: noteId });
    }
    const marker = `NOTE-${step}`;
    await b.api.annotations.save({ id: noteId, content: note(marker) });
    say({ ack: 'note', id: noteId, marker, step });
  }
}
