import type { systemMethods } from '../../../shared/api/methods/system';
import type { BackendContext } from '../context';
import type { HandlerGroup } from './types';

export function systemHandlers(ctx: BackendContext): HandlerGroup<keyof typeof systemMethods> {
  return {
    'system.info': () => ({
      version: ctx.info.version,
      mode: ctx.info.mode === 'electron' ? 'electron' : 'browser',
      dataDir: ctx.info.dataDir,
      databasePath: ctx.info.databasePath,
      documentCount: ctx.documents.count(),
    }),
    'tasks.cancel': ({ taskId }) => {
      ctx.tasks.cancel(taskId);
      return { ok: true };
    },
  };
}
