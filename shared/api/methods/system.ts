import { z } from 'zod';
import { method } from '../define';
import { empty, ok, taskId } from './common';

export const systemMethods = {
  /** What the UI needs to know about where it runs. */
  'system.info': method(
    empty,
    z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser']),
      dataDir: z.string(),
      databasePath: z.string(),
      documentCount: z.number().int(),
    }),
  ),
  /** Ask a long task (import, export) to stop; it ends with a 'cancelled' error and changes nothing more. */
  'tasks.cancel': method(z.object({ taskId }).strict(), ok),
};
