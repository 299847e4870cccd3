// A team project's document records on the asynchronous Store: metadata edits, the Trash (a
// deleted document goes with everything that hangs on it: every coder's codings, notes,
// decisions), notes back from their bin, the extraction tables, cancelling long tasks, the
// project as a desktop file for its owner — and clear refusals, naming what to do instead, for
// what has no meaning on a server.
import { statSync } from 'node:fs';
import type { MethodName, Output } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { agencyRows, targetRows } from '../extraction';
import type { TeamContext, TeamHandlers, TeamDispatch } from './caller';
import { documentHandlers, requireDocument } from './documents';
import { exportTarget } from './exports';

/**
 * Methods that cannot mean on a server what they mean on the desktop: each is refused before its
 * input is read, with what to do instead.
 */
export const refusedOnServer: ReadonlyMap<MethodName, string> = new Map<MethodName, string>([
  ['documents.importPaths', 'A team server cannot read files on your computer: upload them instead (Import → choose files, documents.importFiles).'],
  [
    'project.restore',
    'A team project is restored on its PostgreSQL server (pg_dump/pg_restore of the database), or a desktop project is uploaded into a new, empty team database with `npm run serve -- --postgres URL --upload-project FILE`.',
  ],
  [
    'coders.add',
    "A team project's coders are its accounts: the server's administrator adds one with `npm run serve -- --postgres URL --add-user NAME --role coder`.",
  ],
  ['coders.rename', "A team project's coders are its accounts, named by their login: a coder cannot be renamed through the API."],
]);

export interface RecordOptions {
  /** Writes the team project as a desktop project file (team/move.ts downloadProject); absent: export.backup is refused. */
  download?: (file: string, opts: { overwrite: boolean }) => Promise<unknown>;
}

export function recordHandlers(ctx: TeamContext, dispatch: Pick<TeamDispatch, 'call'>, opts: RecordOptions = {}): TeamHandlers {
  const { store, events } = ctx;
  const documents = documentHandlers(ctx, dispatch);
  // A document takes (and gives back) codings, notes and links: every view of them reloads, as on the desktop.
  const changedAll = () => {
    for (const topic of ['documents', 'themes', 'notes', 'compare'] as const) events.changed(topic);
  };
  const listedDocuments = async (docIds: number[] | undefined) => {
    const listed = await store.documents.list();
    return listed.filter((d) => !docIds || docIds.includes(d.id));
  };
  const handlers: TeamHandlers = {
    'documents.updateMetadata': async ({ id, fields }, caller) => {
      await requireDocument(ctx, id);
      await store.documents.updateMetadata(id, fields);
      events.changed('documents');
      return documents['documents.get']!({ id }, caller) as Promise<Output<'documents.get'>>;
    },
    'documents.delete': async ({ id }) => {
      await requireDocument(ctx, id);
      const trashId = await store.trash.trashDocument(id);
      changedAll();
      return { ok: true as const, trashId };
    },
    'documents.trash': async () =>
      (await store.trash.list()).map((r) => ({
        trashId: r.id,
        docId: r.docId,
        title: r.title,
        city: r.city,
        file: r.fileName,
        clauseCount: r.clauses,
        codingCount: r.codings,
        noteCount: r.notes,
        deletedAt: r.deletedAt,
      })),
    'documents.restore': async ({ trashId }) => {
      const restored = await store.trash.restore(trashId);
      changedAll();
      return restored;
    },
    'documents.purge': async ({ trashId }) => {
      if (!(await store.trash.purge(trashId)))
        throw new ApiError('not_found', `Nothing with id ${trashId} is in the Trash (it may have been restored or purged).`);
      events.changed('documents');
      return { ok: true as const };
    },
    'notes.restore': async ({ id }) => {
      if (!(await store.trash.restoreNote(id))) throw new ApiError('not_found', `Note ${id} does not exist.`);
      events.changed('notes');
      return { ok: true as const };
    },
    'extraction.targets': async ({ docIds }) => {
      const rows: Output<'extraction.targets'>['rows'] = [];
      for (const item of await listedDocuments(docIds)) {
        const d = await store.documents.get(item.id);
        if (!d) continue; // deleted meanwhile
        const clauses = (await store.documents.clauses(d.id)).map((c) => ({ id: c.id, kind: c.kind, path: c.path, textStart: c.textStart, end: c.end }));
        rows.push(...targetRows({ id: d.id, city: d.metadata.city, title: d.metadata.title, period: d.metadata.period }, d.cleanedText, clauses));
      }
      return { rows };
    },
    'extraction.agencies': async ({ docIds }) => {
      const rows: Output<'extraction.agencies'>['rows'] = [];
      for (const d of await listedDocuments(docIds)) {
        const clauses = (await store.documents.clauses(d.id)).map((c) => ({
          id: c.id,
          path: c.path,
          lead: c.leadAgencies,
          responsible: c.responsibleAgencies,
        }));
        rows.push(...agencyRows({ id: d.id, city: d.city, title: d.title }, clauses));
      }
      return { rows };
    },
    'tasks.cancel': ({ taskId }, caller) => {
      ctx.tasks.cancel(caller, taskId);
      return { ok: true as const };
    },
  };
  if (opts.download) {
    const download = opts.download;
    /** The team project as a desktop project file in the owner's export folder: what a desktop backup is, for a team. */
    handlers['export.backup'] = async (dest, caller) => {
      const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
      const { file, name } = exportTarget(ctx, caller, dest, `PolicyLens team project ${stamp}`, 'policylens-backup');
      const task = ctx.tasks.start(caller, dest.taskId);
      try {
        events.emit({ type: 'progress', taskId: task.taskId, done: 0, total: 1, label: 'backup' });
        await download(file, { overwrite: dest.overwrite });
        events.emit({ type: 'progress', taskId: task.taskId, done: 1, total: 1, label: 'backup' });
      } finally {
        task.end();
      }
      return { path: name, downloadName: name, bytes: statSync(file).size, format: 'backup', warnings: [] };
    };
  }
  return handlers;
}
