import { z } from 'zod';
import { method } from '../define';
import { id, taskId } from './common';

// What brings a whole project in: a PolicyLens backup restored as a new project, and a REFI-QDA
// project (.qdpx) of another tool read into this one. Their counterparts out (backup, .qdpx
// export) are exports.

export const qdpxImportReport = z.object({
  documents: z.array(z.object({ id, title: z.string().nullable(), source: z.string() })),
  themes: z.object({ created: z.number().int(), reused: z.number().int() }),
  codings: z.number().int(),
  notes: z.number().int(),
  /** What the file holds that PolicyLens cannot represent, and deviations it accepted. */
  warnings: z.array(z.string()),
});
export type QdpxImportReport = z.infer<typeof qdpxImportReport>;

export const projectMethods = {
  /** Restores a backup into a NEW project database at `targetPath` (never over an existing file unless overwrite). */
  'project.restore': method(
    z.object({ backupPath: z.string().min(1).max(4096), targetPath: z.string().min(1).max(4096), overwrite: z.boolean().default(false) }).strict(),
    z.object({ databasePath: z.string(), documentCount: z.number().int(), schemaVersion: z.number().int() }),
  ),
  /** Imports a .qdpx written by PolicyLens, NVivo, ATLAS.ti, MAXQDA or QualCoder: sources, codebook, codings, notes. */
  'project.importQdpx': method(
    z
      .object({
        path: z.string().min(1).max(4096).optional(),
        file: z.object({ name: z.string().min(1).max(1000), dataBase64: z.string().max(400_000_000) }).optional(),
        taskId: taskId.optional(),
      })
      .strict(),
    qdpxImportReport,
    { progress: true },
  ),
};
