import { type Client, createClient } from '../../shared/api/client';
import { ApiError, type ApiErrorData } from '../../shared/api/errors';
import { contract, isMethodName, type MethodName } from '../../shared/api/contract';
import type { ApiEvent } from '../../shared/api/events';
import { createAgreementFeature } from './agreement';
import { createNotesFeature } from './notes';
import { createAttributesFeature } from './attributes';
import { createCompareFeature } from './compare';
import type { BackendContext, BackendInfo } from './context';
import { openDatabase, retryWhileBusy } from './db/connection';
import { createDocumentsRepo } from './db/documents';
import { createTrashRepo } from './db/trash';
import { loadMigrations, migrate } from './db/migrate';
import { createExportFeature } from './export';
import { createExtractionFeature } from './extraction';
import { createProjectFeature } from './project';
import { documentsHandlers } from './handlers/documents';
import { systemHandlers } from './handlers/system';
import { teamHandlers } from './handlers/team';
import type { Handlers } from './handlers/types';
import { createSearchFeature } from './search';
import { EventBus, TaskRegistry } from './services/events';
import type { DocumentHooks } from './services/hooks';
import { createImportService } from './services/importService';
import { createTrashService } from './services/trash';
import { createThemesFeature } from './themes';
import { version } from './version';

export interface BackendOptions {
  databasePath: string;
  dataDir?: string;
  mode?: BackendInfo['mode'];
  migrationsDir?: string;
  /** Open without writing anything; also chosen by itself when the file or its folder is not writable. */
  readOnly?: boolean;
}

export interface Backend {
  /** Validates the input against the contract, runs the handler, and returns its result. Throws ApiError only. */
  invoke(method: string, input: unknown): Promise<unknown>;
  /** The typed client over `invoke`, for in-process callers (CLI, tests, scripts). */
  api: Client;
  subscribe(listener: (e: ApiEvent) => void): () => void;
  context: BackendContext;
  close(): void;
}

function describeZodIssues(issues: Array<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** The composition root: builds the whole backend from a database path. */
export function createBackend(opts: BackendOptions): Backend {
  const db = openDatabase(opts.databasePath, { readOnly: opts.readOnly });
  try {
    migrate(db, loadMigrations(opts.migrationsDir));
  } catch (e) {
    db.close();
    throw e;
  }
  const events = new EventBus();
  const hooks: DocumentHooks[] = [];
  const documents = createDocumentsRepo(db);
  const trash = createTrashService({ db, trash: createTrashRepo(db), hooks });
  const imports = createImportService({ db, documents, hooks, events, trash });
  const ctx: BackendContext = {
    db,
    events,
    hooks,
    documents,
    imports,
    trash,
    tasks: new TaskRegistry(),
    api: createClient((method, input) => invoke(method, input)),
    info: { version, mode: opts.mode ?? 'test', dataDir: opts.dataDir ?? '', databasePath: opts.databasePath },
  };
  const search = createSearchFeature(ctx);
  const compare = createCompareFeature(ctx);
  const themes = createThemesFeature(ctx);
  const extraction = createExtractionFeature(ctx);
  const notes = createNotesFeature(ctx);
  const project = createProjectFeature(ctx);
  const exporter = createExportFeature(ctx);
  const attributes = createAttributesFeature(ctx);
  const agreement = createAgreementFeature(ctx);
  for (const f of [search, compare, themes, notes, exporter, attributes]) if (f.hooks) hooks.push(f.hooks);
  const handlers: Handlers = {
    ...systemHandlers(ctx),
    ...documentsHandlers(ctx),
    ...search.handlers,
    ...compare.handlers,
    ...themes.handlers,
    ...extraction.handlers,
    ...notes.handlers,
    ...exporter.handlers,
    ...project.handlers,
    ...attributes.handlers,
    ...agreement.handlers,
    ...teamHandlers(),
  };

  async function invoke(method: string, input: unknown): Promise<unknown> {
    if (!isMethodName(method)) throw new ApiError('not_found', `Unknown method: ${method}`);
    const spec = contract[method as MethodName];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw new ApiError('invalid_input', `Invalid input for ${method}: ${describeZodIssues(parsed.error.issues)}`, parsed.error.issues);
    try {
      // Another process (a CLI import) holding the write lock delays a call; it never fails it.
      const result = await retryWhileBusy(() => (handlers[method as MethodName] as (i: unknown) => unknown)(parsed.data));
      // The output schema is the contract too: a handler that drifts from it is a bug we want loud.
      const out = spec.output.safeParse(result);
      if (!out.success) throw new Error(`${method} returned a result that does not match the contract: ${describeZodIssues(out.error.issues)}`);
      return out.data;
    } catch (e) {
      if (e instanceof ApiError) throw e;
      const known = storageError(e);
      if (known) throw known;
      const message = e instanceof Error ? e.message : String(e);
      console.error(`[policylens] ${method} failed:`, e);
      throw new ApiError('internal', `PolicyLens hit an internal error in ${method}: ${message}`);
    }
  }

  return {
    invoke,
    api: ctx.api,
    subscribe: (l) => events.subscribe(l),
    context: ctx,
    close: () => {
      if (db.open) db.close();
    },
  };
}

/** Failures of the disk or the project file, said plainly instead of as an internal error with a stack. */
export function storageError(e: unknown): ApiError | null {
  const code = String((e as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new ApiError('unavailable', 'The disk is full: nothing was saved. Free some space and try again.');
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS')
    return new ApiError(
      'unavailable',
      'This project is open read-only (its file or folder cannot be written): changes cannot be saved. Copy it to a writable folder to edit it.',
    );
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new ApiError('bad_file', 'The project file is damaged (SQLite reports a malformed database). Restore it from a backup.');
  if (code.startsWith('SQLITE_IOERR'))
    return new ApiError('unavailable', `The project file could not be read or written (${code}): the disk or folder may have gone away.`);
  return null;
}

export function errorData(e: unknown): ApiErrorData {
  if (e instanceof ApiError) return e.toJSON();
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
