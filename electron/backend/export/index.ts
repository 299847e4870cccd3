import { basename } from 'node:path';
import type { exportMethods, ExportOptions, ExportResult } from '../../../shared/api/methods/export';
import type { BackendContext } from '../context';
import type { HandlerGroup } from '../handlers/types';
import { throwIfCancelled } from '../services/events';
import type { DocumentHooks } from '../services/hooks';
import { backupTo } from './backup';
import { concordanceLines, concordanceTable } from './concordance';
import { resolveDestination, writeNew } from './files';
import { writerFor } from './formats';
import { tableToCsv, tablesToXlsx } from './formats/tables';
import { configuredPdfRenderer, headlessChromiumRenderer, type PdfRenderer } from './formats/pdf';
import { buildModel, type ModelScope } from './model-builder';
import { labelsFor } from './report/labels';

export interface ExportFeatureOptions {
  /** The desktop app passes Electron's printToPDF here; elsewhere headless Chromium prints. */
  pdfRenderer?: PdfRenderer;
}

/**
 * The export feature: reports, tables, REFI-QDA projects and backups going out (coming in: ../project). It reads other
 * features only through the contract (model-builder.ts) and writes files only through files.ts,
 * which never replaces an existing file unless the caller says so.
 */
export function createExportFeature(
  ctx: BackendContext,
  opts: ExportFeatureOptions = {},
): { handlers: HandlerGroup<keyof typeof exportMethods>; hooks?: DocumentHooks } {
  let headless: PdfRenderer | undefined;
  const pdfRenderer = (): PdfRenderer => opts.pdfRenderer ?? configuredPdfRenderer() ?? (headless ??= headlessChromiumRenderer());
  const projectName = () => basename(ctx.info.databasePath).replace(/\.(sqlite3?|db|policylens)$/i, '') || 'PolicyLens project';

  async function run(
    scope: ModelScope,
    format: Parameters<typeof writerFor>[0],
    options: ExportOptions,
    dest: { path?: string; fileName?: string; overwrite: boolean; taskId?: string },
    fallbackName: (name: string) => string,
  ): Promise<ExportResult> {
    const writer = writerFor(format);
    const task = ctx.tasks.start(dest.taskId);
    const steps = 5;
    const step = (done: number, label: string) => ctx.events.emit({ type: 'progress', taskId: task.taskId, done, total: steps, label });
    try {
      step(0, 'collecting');
      const model = await buildModel(ctx, scope, projectName(), (label) => step(1, label));
      throwIfCancelled(task.signal);
      // Resolve before rendering so a name clash is reported before the slow part.
      const target = resolveDestination(ctx, dest, writer.extension, fallbackName(model.comparison?.name ?? model.projectName));
      step(2, 'rendering');
      const bytes = await writer.write(model, options, { pdf: pdfRenderer() });
      throwIfCancelled(task.signal);
      step(4, 'writing');
      writeNew(target.path, bytes, dest.overwrite);
      step(5, 'done');
      return { path: target.path, downloadName: target.downloadName, bytes: bytes.length, format, warnings: model.warnings };
    } finally {
      task.end();
    }
  }

  return {
    handlers: {
      'export.comparison': ({ comparisonId, format, options, ...dest }) => run({ comparisonId }, format, options, dest, (name) => name),
      'export.project': async ({ format, options, attributes, ...dest }) => {
        // The attributes feature says which documents a filter selects (through the contract).
        const documentIds = attributes?.length ? (await ctx.api.attributes.match({ filters: attributes })).docIds : undefined;
        return run({ allComparisons: format === 'json', documentIds }, format, options, dest, (name) => `${name} ${format === 'xlsx' ? 'tables' : 'export'}`);
      },
      'export.concordance': async ({ query, filters, format, context, locale, ...dest }) => {
        const task = ctx.tasks.start(dest.taskId);
        const l = labelsFor(locale);
        try {
          ctx.events.emit({ type: 'progress', taskId: task.taskId, done: 0, total: 3, label: 'searching' });
          const lines = await concordanceLines(ctx, query, filters, context, l);
          throwIfCancelled(task.signal);
          const target = resolveDestination(ctx, dest, format, `${l.concordance} ${query}`);
          ctx.events.emit({ type: 'progress', taskId: task.taskId, done: 1, total: 3, label: 'rendering' });
          const table = concordanceTable(lines, l);
          const bytes = format === 'csv' ? tableToCsv(table) : await tablesToXlsx([table], { title: `${l.concordance} ${query}` });
          throwIfCancelled(task.signal);
          writeNew(target.path, bytes, dest.overwrite);
          ctx.events.emit({ type: 'progress', taskId: task.taskId, done: 3, total: 3, label: 'done' });
          return { path: target.path, downloadName: target.downloadName, bytes: bytes.length, format, warnings: [], occurrences: lines.length };
        } finally {
          task.end();
        }
      },
      'export.backup': async ({ ...dest }) => {
        const task = ctx.tasks.start(dest.taskId);
        try {
          const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
          const target = resolveDestination(ctx, dest, 'policylens-backup', `${projectName()} ${stamp}`);
          const bytes = await backupTo(ctx, target.path, dest.overwrite, (done, total) =>
            ctx.events.emit({ type: 'progress', taskId: task.taskId, done, total, label: 'backup' }),
          );
          return { path: target.path, downloadName: target.downloadName, bytes, format: 'backup', warnings: [] };
        } finally {
          task.end();
        }
      },
    },
  };
}
