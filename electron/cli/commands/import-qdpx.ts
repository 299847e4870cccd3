import { resolve } from 'node:path';
import { type Command } from './types';

/** `import-qdpx --db F PATH`: imports a REFI-QDA project; prints the import report. */
export const importQdpxCommand: Command = {
  usage: 'import-qdpx --db FILE PATH — import a REFI-QDA project (.qdpx): sources, codebook, codings, notes',
  async run(backend, { positionals }) {
    if (positionals.length !== 1) throw new Error('import-qdpx needs exactly one .qdpx file.');
    const report = await backend.api.project.importQdpx({ path: resolve(positionals[0]) });
    for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
    return report;
  },
};
