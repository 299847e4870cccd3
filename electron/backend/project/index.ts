// The project feature: whole projects coming in. A backup restores as a NEW project file (never
// over the open one); a .qdpx (REFI-QDA) of PolicyLens, NVivo, ATLAS.ti, MAXQDA or QualCoder is
// read into this project with its sources, codebook, codings and notes. The file formats are the
// export feature's (export/backup.ts, export/qdpx/), which writes the same files going out.
import { readFile } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { projectMethods } from '../../../shared/api/methods/project';
import type { BackendContext } from '../context';
import { restoreTo } from '../export/backup';
import { applyQdpx } from '../export/qdpx/apply';
import { readQdpx } from '../export/qdpx/read';
import type { HandlerGroup } from '../handlers/types';
import { throwIfCancelled } from '../services/events';

export function createProjectFeature(ctx: BackendContext): { handlers: HandlerGroup<keyof typeof projectMethods> } {
  return {
    handlers: {
      'project.restore': ({ backupPath, targetPath, overwrite }) => {
        if (ctx.info.mode === 'browser')
          throw new ApiError('unsupported', 'Restoring a backup into a new project is done in the desktop app or with the command line.');
        if (!isAbsolute(backupPath) || !isAbsolute(targetPath))
          throw new ApiError('invalid_input', 'The backup and the new project must be given as absolute paths.');
        return restoreTo(ctx, backupPath, targetPath, overwrite);
      },
      'project.importQdpx': async ({ path, file, taskId }) => {
        if (!path === !file) throw new ApiError('invalid_input', 'Give either the path of a .qdpx file or its contents, not both.');
        if (path && ctx.info.mode === 'browser') throw new ApiError('unsupported', 'In browser mode a .qdpx is uploaded, not read from a path.');
        const task = ctx.tasks.start(taskId);
        try {
          let bytes: Uint8Array;
          const name = path ? basename(path) : file!.name;
          if (path) {
            try {
              bytes = new Uint8Array(await readFile(path));
            } catch {
              throw new ApiError('not_found', `${path} does not exist or cannot be read.`);
            }
          } else bytes = new Uint8Array(Buffer.from(file!.dataBase64, 'base64'));
          const parsed = await readQdpx(bytes, name);
          throwIfCancelled(task.signal);
          return await applyQdpx(ctx, parsed, (done, total, label) => ctx.events.emit({ type: 'progress', taskId: task.taskId, done, total, label }));
        } finally {
          task.end();
        }
      },
    },
  };
}
