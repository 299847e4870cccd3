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
   * Calls another feature's method through the contract (validated, typed at the call site with
   * `as Output<'…'>`). Features read each other's data this way instead of each other's tables.
   */
  call(method: string, input: unknown): Promise<unknown>;
}
