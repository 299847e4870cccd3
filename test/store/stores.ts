// The two Store implementations, opened fresh for a test: SQLite in a temporary file (migrated by
// the desktop migrations) and PostgreSQL in a new database of a throwaway cluster (pg-cluster.ts).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openDatabase } from '../../electron/backend/db/connection';
import { migrate } from '../../electron/backend/db/migrate';
import { openPgStore } from '../../electron/backend/db/pg/store';
import { extractFile } from '../../electron/backend/importers';
import { createSqliteStore } from '../../electron/backend/store/sqlite';
import type { NewDocumentInput, Store } from '../../electron/backend/store/types';
import { analyseDocument } from '../../shared/domain/analyze';
import { pgUnavailable, startPgCluster, type PgCluster } from './pg-cluster';

export interface StoreFactory {
  kind: 'sqlite' | 'postgres';
  /** Why this store cannot be tested here, or null. */
  unavailable: string | null;
  open(): Promise<Store>;
  /** Closes every store opened and removes their databases. */
  dispose(): Promise<void>;
}

export function sqliteFactory(): StoreFactory {
  const dir = mkdtempSync(join(tmpdir(), 'policylens-store-'));
  const opened: Array<{ store: Store; close: () => void }> = [];
  let n = 0;
  return {
    kind: 'sqlite',
    unavailable: null,
    async open() {
      const db = openDatabase(join(dir, `project-${n++}.db`));
      migrate(db);
      const store = createSqliteStore(db);
      opened.push({ store, close: () => db.close() });
      return store;
    },
    async dispose() {
      for (const o of opened) {
        await o.store.close();
        o.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresFactory(): StoreFactory {
  const unavailable = pgUnavailable();
  let cluster: PgCluster | null = null;
  const opened: Store[] = [];
  let n = 0;
  return {
    kind: 'postgres',
    unavailable,
    async open() {
      cluster ??= startPgCluster();
      const store = await openPgStore({ url: cluster.createDatabase(`project_${n++}`) });
      opened.push(store);
      return store;
    },
    async dispose() {
      for (const s of opened) await s.close();
      cluster?.stop();
    },
  };
}

/** A real file analysed by the app's own pipeline, as an import would store it. */
export async function analysedFile(path: string): Promise<NewDocumentInput> {
  const bytes = readFileSync(path);
  const extracted = await extractFile(basename(path), bytes);
  return {
    fileName: basename(path),
    sourcePath: path,
    sourceHash: createHash('sha256').update(bytes).digest('hex'),
    format: extracted.format,
    encoding: extracted.encoding,
    analysed: analyseDocument(extracted, basename(path)),
    warnings: extracted.warnings,
  };
}

/** A document from literal text (for small, hand-made cases). */
export function textDocument(fileName: string, text: string): NewDocumentInput {
  const extracted = { text, format: 'txt' as const, encoding: 'utf-8', warnings: [] };
  return {
    fileName,
    sourcePath: null,
    sourceHash: createHash('sha256').update(text).digest('hex'),
    format: 'txt',
    encoding: 'utf-8',
    analysed: analyseDocument(extracted, fileName),
    warnings: [],
  };
}
