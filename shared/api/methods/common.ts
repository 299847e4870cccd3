import { z } from 'zod';

/** Ids are SQLite integer row ids. */
export const id = z.number().int().positive();
/** A caller-chosen id for a long task: progress events and `tasks.cancel` refer to it. */
export const taskId = z.string().min(1).max(100);
export const empty = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });
