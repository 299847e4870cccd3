import type { Client } from '../../shared/api/client';
import type { Db } from './db/connection';
import type { DocumentsRepo } from './db/documents';
import type { EventBus, TaskRegistry } from './services/events';
import type { DocumentHooks } from './services/hooks';
import type { ImportService } from './services/importService';
import type { TrashService } from './services/trash';

export interface BackendInfo {
  version: string;
  mode: 'electron' | 'browser' | 'cli' | 'test';
  dataDir: string;
  databasePath: string;
}

/** What every feature module gets from the composition root. */
export interface BackendContext {
  db: Db;
  info: BackendInfo;
  events: EventBus;
  tasks: TaskRegistry;
  documents: DocumentsRepo;
  imports: ImportService;
  /** Deleted documents, restorable with their codings and notes. */
  trash: TrashService;
  /** Features push their hooks here; the import service runs them in its transactions. */
  hooks: DocumentHooks[];
  /**
   * The contract as a typed client (`ctx.api.themes.clauses({ docId })`), validated like a
   * transport call. Features read each other's data this way instead of each other's tables.
   */
  api: Client;
}
