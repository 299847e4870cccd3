import { z } from 'zod';

/**
 * Events pushed from the backend to the renderer (IPC 'policylens:event' in Electron,
 * server-sent events at /api/events in browser mode).
 */
export const progressEvent = z.object({
  type: z.literal('progress'),
  /** The taskId the caller passed to the long-running method. */
  taskId: z.string(),
  /** Units done and in all (files, rows, pages …); total 0 while unknown. */
  done: z.number(),
  total: z.number(),
  /** What is being worked on now, for the progress bar's caption (a file name …). */
  label: z.string().optional(),
  /** Progress of the current item, 0..1, for per-file bars. */
  itemFraction: z.number().optional(),
});

export const changedEvent = z.object({
  type: z.literal('changed'),
  /** What changed, so views can refetch: 'documents', 'themes', 'comparisons', 'notes' … */
  topic: z.string(),
});

export const apiEvent = z.discriminatedUnion('type', [progressEvent, changedEvent]);
export type ApiEvent = z.infer<typeof apiEvent>;
export type ProgressEvent = z.infer<typeof progressEvent>;
