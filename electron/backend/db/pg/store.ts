import pg from 'pg';
import type { Repositories, Store } from '../../store/types';
import { createPgAttributes } from './attributes';
import { createPgCompare } from './compare';
import { createPgDocuments } from './documents';
import { migratePg } from './migrate';
import { createPgCoders, createPgCodings, createPgNotes, createPgThemes, createPgWhereElse } from './repos';
import { clientRunner, inTransaction, poolRunner, type Runner } from './runner';
import { createPgSearch } from './search';
import { createPgThemeRows, createPgUndoLog } from './themes';
import { createPgTrash } from './trash';

/**
 * The team project's store on PostgreSQL (node-postgres). Every statement is parameterised;
 * every write runs in a SERIALIZABLE transaction (retried when it collides with a concurrent
 * one), with row locks where two coders edit the same row (a note, a document's metadata).
 */
function repositories(run: Runner): Repositories {
  return {
    documents: createPgDocuments(run),
    coders: createPgCoders(run),
    themes: createPgThemes(run),
    codings: createPgCodings(run),
    notes: createPgNotes(run),
    search: createPgSearch(run),
    whereElse: createPgWhereElse(run),
    themeRows: createPgThemeRows(run),
    undoLog: createPgUndoLog(run),
    attributes: createPgAttributes(run),
    trash: createPgTrash(run),
    ...createPgCompare(run),
  };
}

export interface PgStoreOptions {
  /** postgresql://user:password@host:port/database (or ?host=/socket/dir). */
  url: string;
  /** Pooled connections (default 10). */
  maxConnections?: number;
  /** Apply pending migrations on opening (default true). */
  migrate?: boolean;
}

export async function openPgStore(opts: PgStoreOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: opts.url, max: opts.maxConnections ?? 10 });
  // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', (e) => console.error(`[policylens] PostgreSQL connection lost: ${e.message}`));
  try {
    if (opts.migrate !== false) await migratePg(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  return {
    kind: 'postgres',
    ...repositories(poolRunner(pool)),
    transaction: (fn) => inTransaction(pool, (client) => fn(repositories(clientRunner(client)))),
    close: () => pool.end(),
  };
}
