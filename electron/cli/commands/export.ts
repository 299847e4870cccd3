import { isAbsolute, resolve } from 'node:path';
import type { Output } from '../../../shared/api/contract';
import { exportFormat, projectExportFormat } from '../../../shared/api/methods/export';
import { type Command, requireId } from './types';

const flag = (v: string | undefined) => v === 'true' || v === '1' || v === 'yes';

function optionsFrom(o: Record<string, string>) {
  return {
    includeUnaligned: flag(o['include-unaligned']),
    includeRejected: flag(o['include-rejected']),
    includeSuggested: o['only-accepted'] ? !flag(o['only-accepted']) : true,
    locale: o.locale === 'zh-CN' || o.locale === 'zh' ? ('zh-CN' as const) : ('en' as const),
    csvTable: (['codings', 'alignment', 'targets'].includes(o['csv-table']) ? o['csv-table'] : 'codings') as 'codings' | 'alignment' | 'targets',
  };
}

/**
 * `export --db F --comparison ID --format docx|xlsx|csv|md|html|pdf|qdpx|json --out PATH`;
 * `export --db F --project --format qdpx|json|xlsx --out PATH`; `export --db F --format backup --out PATH`.
 * Never replaces an existing file unless --overwrite is given.
 */
export const exportCommand: Command = {
  usage:
    'export --db FILE (--comparison ID | --project) --format docx|xlsx|csv|md|html|pdf|qdpx|json|backup --out PATH [--overwrite] [--locale zh-CN] [--include-unaligned] [--include-rejected] [--csv-table codings|alignment|targets]',
  async run(backend, { options }) {
    const format = options.format;
    if (!options.out || options.out === 'true') throw new Error('export needs --out PATH (the file to write).');
    const path = isAbsolute(options.out) ? options.out : resolve(options.out);
    const overwrite = flag(options.overwrite);
    let result: Output<'export.comparison'>;
    if (format === 'backup') {
      result = await backend.api.export.backup({ path, overwrite });
    } else if (options.comparison) {
      const parsed = exportFormat.safeParse(format);
      if (!parsed.success) throw new Error(`--format must be one of ${exportFormat.options.join(', ')}, got ${JSON.stringify(format ?? '')}.`);
      result = await backend.api.export.comparison({
        comparisonId: requireId(options.comparison, '--comparison'),
        format: parsed.data,
        path,
        overwrite,
        options: optionsFrom(options),
      });
    } else if (flag(options.project)) {
      const parsed = projectExportFormat.safeParse(format);
      if (!parsed.success) throw new Error(`A project exports as ${projectExportFormat.options.join(', ')} (or backup), got ${JSON.stringify(format ?? '')}.`);
      result = await backend.api.export.project({ format: parsed.data, path, overwrite, options: optionsFrom(options) });
    } else throw new Error('export needs --comparison ID, --project, or --format backup.');
    for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
    return { path: result.path, format: result.format, bytes: result.bytes, warnings: result.warnings };
  },
};

/** `restore --db F --backup FILE --to NEW_DB`: restores a backup into a new project database. */
export const restoreCommand: Command = {
  usage: 'restore --db FILE --backup BACKUP --to NEW_PROJECT.db [--overwrite] — restore a backup as a new project',
  async run(backend, { options }) {
    if (!options.backup || !options.to) throw new Error('restore needs --backup FILE and --to NEW_PROJECT_FILE.');
    return backend.api.project.restore({ backupPath: resolve(options.backup), targetPath: resolve(options.to), overwrite: flag(options.overwrite) });
  },
};
