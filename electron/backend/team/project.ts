// Whole projects coming into a team project: a REFI-QDA file (.qdpx of PolicyLens, NVivo,
// ATLAS.ti, MAXQDA or QualCoder) is read by the desktop's reader and written by the desktop's
// writer, which works only through the API contract — here as the person importing, so their
// role is checked on every step and the codings it brings are theirs (the lead's: the consensus).
import { createClient } from '../../../shared/api/client';
import { ApiError } from '../../../shared/api/errors';
import { applyQdpx } from '../export/qdpx/apply';
import { readQdpx } from '../export/qdpx/read';
import { throwIfCancelled } from '../services/events';
import type { TeamContext, TeamHandlers, TeamDispatch } from './caller';

export function projectHandlers(ctx: TeamContext, dispatch: TeamDispatch): TeamHandlers {
  return {
    'project.importQdpx': async ({ path, file, taskId }, caller) => {
      if (!path === !file) throw new ApiError('invalid_input', 'Give the contents of one .qdpx file.');
      if (path || !file)
        throw new ApiError(
          'unsupported',
          'A team server cannot read files on your computer: upload the .qdpx file itself (Export › Import a REFI-QDA project).',
        );
      const task = ctx.tasks.start(caller, taskId);
      try {
        const parsed = await readQdpx(new Uint8Array(Buffer.from(file.dataBase64, 'base64')), file.name);
        throwIfCancelled(task.signal);
        const api = createClient((method, input) => dispatch.call(caller, method, input));
        return await applyQdpx({ api, events: ctx.events }, parsed, (done, total, label) =>
          ctx.events.emit({ type: 'progress', taskId: task.taskId, done, total, label }),
        );
      } finally {
        task.end();
      }
    },
  };
}
