import { extname, isAbsolute, resolve } from 'node:path';
import { type Command } from './types';

/**
 * `concordance --db F QUERY --out FILE.xlsx|FILE.csv [--context N] [--city C,…] [--locale zh-CN]`:
 * every exact occurrence of QUERY with its left and right context. The format follows the
 * extension of --out unless --format says otherwise.
 */
export const concordanceCommand: Command = {
  usage: 'concordance --db FILE QUERY --out FILE.xlsx|FILE.csv [--context N] [--city C] [--locale zh-CN] [--overwrite] — keyword in context, every occurrence',
  async run(backend, { options, positionals }) {
    const query = positionals.join(' ');
    if (!query.trim()) throw new Error('concordance needs a query, e.g. concordance --db project.db 人才 --out 人才.xlsx');
    if (!options.out || options.out === 'true') throw new Error('concordance needs --out FILE (.xlsx or .csv).');
    const path = isAbsolute(options.out) ? options.out : resolve(options.out);
    const format = options.format ?? (extname(path).toLowerCase() === '.csv' ? 'csv' : 'xlsx');
    if (format !== 'xlsx' && format !== 'csv') throw new Error(`--format must be xlsx or csv, got ${JSON.stringify(format)}.`);
    const context = options.context === undefined ? 30 : Number(options.context);
    if (!Number.isInteger(context) || context < 1 || context > 500)
      throw new Error(`--context must be a whole number from 1 to 500, got ${JSON.stringify(options.context)}.`);
    const r = await backend.api.export.concordance({
      query,
      format,
      context,
      path,
      overwrite: options.overwrite === 'true',
      locale: options.locale === 'zh-CN' || options.locale === 'zh' ? 'zh-CN' : 'en',
      ...(options.city ? { filters: { cities: options.city.split(',') } } : {}),
    });
    return { path: r.path, format: r.format, bytes: r.bytes, occurrences: r.occurrences };
  },
};
