// A second process writing to a project, as a CLI import does: it takes the write lock over and
// over, holds it for a while each time, and once holds it longer than SQLite's busy timeout.
// argv: dbPath count holdMs longHoldMs
import Database from 'better-sqlite3';

const [path, count, holdMs, longHoldMs] = process.argv.slice(2);
const db = new Database(path);
db.pragma('busy_timeout = 60000');
const put = db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('hardening.writer', ?)");
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const n = Number(count);
for (let i = 0; i < n; i++) {
  db.exec('BEGIN IMMEDIATE');
  put.run(String(i));
  if (i === 0) process.stdout.write('holding\n');
  pause(i === Math.floor(n / 2) ? Number(longHoldMs) : Number(holdMs));
  db.exec('COMMIT');
  pause(3);
}
db.close();
