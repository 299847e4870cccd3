// The kill -9 harness (`npm run killtest` or `npm run fuzz -- --killtest`): N runs of a writer
// (kill-writer.ts) importing, coding and saving notes into one project, each killed with SIGKILL
// at a random moment (0.2–6.2 s of the writer's CPU time after it is ready); after each kill the
// project must hold every acknowledged write, no partial document (a document without clauses, or clauses without their search rows), and pass
// PRAGMA integrity_check. The project carries over from run to run, as a real one would.
//   npm run killtest -- [--runs 30] [--seed 1]
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { prng } from '../support/random';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', '30'));
const SEED = Number(arg('seed', '1'));
const rand = prng(SEED);
const dir = mkdtempSync(join(tmpdir(), 'pl-killtest-'));
const db = join(dir, 'project.db');
// The seeds and the general fixtures (PDF, DOCX, HTML, Markdown): every importer writes under the kill.
const seedDir = join(dir, 'sources');
mkdirSync(seedDir);
for (const from of [join(root, 'seeds'), join(root, 'test/fixtures/general')]) {
  for (const f of readdirSync(from)) if (/\.(txt|md|html|docx|pdf)$/.test(f)) copyFileSync(join(from, f), join(seedDir, f));
}

/** CPU time (user + system) a process has used so far, from /proc (USER_HZ 100). */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.POSITIVE_INFINITY; // gone: nothing left to kill
  }
}

interface Ack {
  ack: string;
  id: number;
  marker?: string;
  step?: number;
  clauses?: number;
  clauseId?: number;
  themeId?: string;
  docId?: number;
  updated?: boolean;
}

function runOnce(run: number): Promise<{ acks: Ack[]; killedAfterMs: number }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/fuzz/kill-writer.ts'), db, seedDir, String(SEED * 1000 + run)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const acks: Ack[] = [];
    let killedAfterMs = 0;
    let timer: NodeJS.Timeout | undefined;
    createInterface({ input: child.stdout }).on('line', (line) => {
      const o = JSON.parse(line) as Ack & { ready?: boolean };
      if (o.ready) {
        // The moment is measured in the writer's own CPU time: on a busy machine a wall-clock
        // delay would often end before the writer has done anything.
        killedAfterMs = Math.round(200 + rand() * 6000);
        const from = cpuMsOf(child.pid!);
        const since = performance.now();
        timer = setInterval(() => {
          if (cpuMsOf(child.pid!) - from >= killedAfterMs || performance.now() - since > 600_000) {
            clearInterval(timer);
            child.kill('SIGKILL');
          }
        }, 10);
      } else if (o.ack) acks.push(o);
    });
    child.on('exit', () => {
      clearInterval(timer);
      done({ acks, killedAfterMs });
    });
  });
}

const problems: string[] = [];
let totalAcks = 0;
const counts = { doc: 0, coding: 0, note: 0, reanchored: 0 };
const started = performance.now();
for (let run = 0; run < RUNS; run++) {
  const { acks, killedAfterMs } = await runOnce(run);
  const before = problems.length;
  totalAcks += acks.length;
  const p = new Database(db, { readonly: false });
  try {
    const integrity = p.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`run ${run}: integrity_check ${integrity}`);
    for (const a of acks) {
      if (a.ack === 'doc') {
        counts.doc++;
        const n = (p.prepare('SELECT count(*) AS n FROM clauses WHERE doc_id = ?').get(a.id) as { n: number }).n;
        if (n === 0) problems.push(`run ${run}: acknowledged document ${a.id} is missing or has no clauses`);
      } else if (a.ack === 'coding') {
        counts.coding++;
        // A later re-import of its document re-anchors the coding (and reports the ones it
        // cannot place): that is the import's doing, not a lost write.
        const reimported = acks.slice(acks.indexOf(a) + 1).some((b) => b.ack === 'doc' && b.updated && b.id === a.docId);
        const row = p.prepare('SELECT 1 FROM codings WHERE id = ?').get(a.id);
        if (!row && reimported) counts.reanchored++;
        else if (!row) problems.push(`run ${run}: acknowledged coding ${a.id} is lost`);
      }
    }
    const lastNote = acks.filter((a) => a.ack === 'note').pop();
    if (lastNote) {
      counts.note += acks.filter((a) => a.ack === 'note').length;
      const text = (p.prepare('SELECT plain_text FROM annotations WHERE id = ?').get(lastNote.id) as { plain_text: string } | undefined)?.plain_text ?? '';
      const step = Number(/NOTE-(\d+)/.exec(text)?.[1] ?? -1);
      // The last acknowledged save, or a later one that committed just before the kill.
      if (step < lastNote.step!) problems.push(`run ${run}: note ${lastNote.id} holds "${text}", older than the acknowledged ${lastNote.marker}`);
    }
    // No partial document: every document has clauses, and every clause its search row.
    const partial = p
      .prepare(
        `SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM clauses c WHERE c.doc_id = d.id)
      OR (SELECT count(*) FROM clauses c WHERE c.doc_id = d.id) != (SELECT count(*) FROM search_clauses s WHERE s.doc_id = d.id)`,
      )
      .all() as Array<{ id: number }>;
    for (const d of partial) problems.push(`run ${run}: document ${d.id} is partial (clauses or search rows missing)`);
  } finally {
    p.close();
  }
  const found = problems.length - before;
  // Printed as it goes, so a run stopped early still tells what it found.
  console.log(
    `run ${run + 1}/${RUNS}: killed after ${killedAfterMs} ms of the writer's CPU time, ${acks.length} acknowledged writes checked, ${found} problems${found ? `: ${problems.slice(before).join('; ')}` : ''}`,
  );
}
console.log(
  `\nkilltest: ${RUNS} runs in ${Math.round((performance.now() - started) / 1000)} s, ${totalAcks} acknowledged writes (${counts.doc} documents, ${counts.coding} codings of which ${counts.reanchored} gone with a later re-import of their document, ${counts.note} note saves)`,
);
console.log(`lost acknowledged writes / partial documents / integrity failures: ${problems.length}`);
for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
rmSync(dir, { recursive: true, force: true });
process.exitCode = problems.length ? 1 : 0;
