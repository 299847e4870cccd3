import Database from 'better-sqlite3';
import type { Db } from './connection';

/** One numbered migration file (declared here, beside the check that replays them, so migrate.ts and this module do not import each other). */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

/**
 * A project file is data from outside: a backup or a copied project can carry a trigger, view or
 * table that PolicyLens never created (`AFTER INSERT ON annotations BEGIN DELETE FROM documents;
 * END`), and SQLite would run it on our next write. So before a file is used, its schema is
 * compared object by object with the schema the recorded migrations create in an empty database.
 */

export class SchemaMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaMismatch';
  }
}

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** SQLite keeps statistics tables of its own (ANALYZE); they hold numbers, never code. */
const tolerated = new Set(['sqlite_stat1', 'sqlite_stat4']);

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`;

export function createMigrationsTable(db: Db): void {
  db.exec(CREATE_MIGRATIONS_TABLE);
}

function normalise(sql: string | null): string {
  return (sql ?? '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([(),]) ?/g, '$1')
    .trim();
}

function objectsOf(db: Db): Map<string, SchemaObject> {
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master').all() as SchemaObject[];
  return new Map(rows.filter((r) => !tolerated.has(r.name)).map((r) => [`${r.type} ${r.name}`, r]));
}

const referenceCache = new Map<string, Map<string, SchemaObject>>();

/** The schema that migrations 1..n create, built once per process in memory. */
function reference(migrations: Migration[]): Map<string, SchemaObject> {
  const key = migrations.map((m) => m.checksum).join(',');
  let ref = referenceCache.get(key);
  if (!ref) {
    const mem = new Database(':memory:');
    try {
      createMigrationsTable(mem);
      for (const m of migrations) mem.exec(m.sql);
      ref = objectsOf(mem);
    } finally {
      mem.close();
    }
    referenceCache.set(key, ref);
  }
  return ref;
}

const kindName: Record<string, string> = { table: 'table', index: 'index', trigger: 'trigger', view: 'view' };

/**
 * Throws SchemaMismatch naming the first objects that differ between the file and what the
 * `applied` migrations create. An empty file (a new project) passes.
 */
export function verifySchema(db: Db, applied: Migration[]): void {
  const actual = objectsOf(db);
  if (applied.length === 0) {
    const foreign = [...actual.values()].filter((o) => o.name !== 'schema_migrations');
    if (foreign.length === 0) return;
    throw new SchemaMismatch(
      `This file is an SQLite database but not a PolicyLens project (it holds ${describe(foreign[0])}${foreign.length > 1 ? ` and ${foreign.length - 1} other objects` : ''}).`,
    );
  }
  const expected = reference(applied);
  const extra = [...actual.values()].filter((o) => !expected.has(`${o.type} ${o.name}`));
  const missing = [...expected.values()].filter((o) => !actual.has(`${o.type} ${o.name}`));
  const changed = [...actual.values()].filter((o) => {
    const e = expected.get(`${o.type} ${o.name}`);
    return e && (e.tbl_name !== o.tbl_name || normalise(e.sql) !== normalise(o.sql));
  });
  const problems: string[] = [];
  if (extra.length) problems.push(`it holds ${list(extra)} that PolicyLens does not create`);
  if (changed.length) problems.push(`${list(changed)} ${changed.length === 1 ? 'differs' : 'differ'} from what PolicyLens creates`);
  if (missing.length) problems.push(`${list(missing)} ${missing.length === 1 ? 'is' : 'are'} missing`);
  if (problems.length === 0) return;
  const risky = [...extra, ...changed].some((o) => o.type === 'trigger' || o.type === 'view');
  throw new SchemaMismatch(
    `Refused: this project's database structure was altered outside PolicyLens — ${problems.join('; ')}.` +
      (risky ? ' A foreign trigger or view could change or delete your data when PolicyLens writes, so the file is not used.' : ' The file is not used.'),
  );
}

function describe(o: SchemaObject): string {
  return `${kindName[o.type] ?? o.type} "${o.name}"${o.type === 'trigger' || o.type === 'index' ? ` on ${o.tbl_name}` : ''}`;
}

function list(objects: SchemaObject[]): string {
  const shown = objects.slice(0, 3).map(describe).join(', ');
  return objects.length > 3 ? `${shown} and ${objects.length - 3} more` : shown;
}
