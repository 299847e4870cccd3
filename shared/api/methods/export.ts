import { z } from 'zod';
import { method } from '../define';
import { attributeFilter } from './attributes';
import { id, taskId } from './common';
import { MAX_QUERY_CHARS, searchFilters } from './search';

/** Everything a comparison can be exported as. */
export const exportFormat = z.enum(['docx', 'html', 'md', 'pdf', 'xlsx', 'csv', 'qdpx', 'json']);
export type ExportFormat = z.infer<typeof exportFormat>;
/** What the whole project can be exported as. */
export const projectExportFormat = z.enum(['qdpx', 'json', 'xlsx']);

export const exportOptions = z
  .object({
    /** Report: clauses of the compared documents that are in no aligned row. */
    includeUnaligned: z.boolean().default(false),
    /** Report and tables: links the researcher rejected. */
    includeRejected: z.boolean().default(false),
    /** Codings still only suggested (not yet accepted) are included, marked by status. */
    includeSuggested: z.boolean().default(true),
    /** Language of the report's and tables' own words. */
    locale: z.enum(['en', 'zh-CN']).default('en'),
    /** Which table a CSV holds (a CSV file has one). */
    csvTable: z.enum(['codings', 'alignment', 'targets']).default('codings'),
  })
  .strict();
export type ExportOptions = z.infer<typeof exportOptions>;

/**
 * Where the file goes: `path` (absolute; desktop app and CLI, refused in browser mode) or
 * `fileName` inside the project's exports folder (browser mode: downloaded from there).
 * An existing file is never replaced unless `overwrite` is true: the call fails with 'conflict'.
 */
const destination = {
  path: z.string().min(1).max(4096).optional(),
  fileName: z.string().min(1).max(200).optional(),
  overwrite: z.boolean().default(false),
  taskId: taskId.optional(),
};

export const exportResult = z.object({
  path: z.string(),
  /** The name to download through GET /api/download/<downloadName>, when it lies in the exports folder. */
  downloadName: z.string().nullable(),
  bytes: z.number().int(),
  format: z.string(),
  /** Things a researcher should know (a feature's data that could not be included …). */
  warnings: z.array(z.string()),
});
export type ExportResult = z.infer<typeof exportResult>;

/** Formats of a keyword-in-context table. */
export const concordanceFormat = z.enum(['xlsx', 'csv']);

export const exportMethods = {
  /** A comparison as a report (docx, html, md, pdf), tables (xlsx, csv), a REFI-QDA project (qdpx) or JSON. */
  'export.comparison': method(
    z.object({ comparisonId: id, format: exportFormat, options: exportOptions.default(exportOptions.parse({})), ...destination }).strict(),
    exportResult,
    { progress: true },
  ),
  /** The whole project: every document, theme, coding and note (qdpx, json) or all tables (xlsx). */
  'export.project': method(
    /** attributes: only the documents with these attribute values (with their codings and notes). */
    z
      .object({ format: projectExportFormat, options: exportOptions.default(exportOptions.parse({})), attributes: attributeFilter.optional(), ...destination })
      .strict(),
    exportResult,
    { progress: true },
  ),
  /** One-file backup of the project: a consistent SQLite snapshot taken while the app runs. */
  'export.backup': method(z.object({ ...destination }).strict(), exportResult, { progress: true }),
  /**
   * Keyword in context: every exact occurrence of a search (not one per clause) with its left and
   * right context, document, city, year and clause (with the part it belongs to), as XLSX or CSV.
   */
  'export.concordance': method(
    z
      .object({
        query: z.string().trim().min(1, 'A concordance needs a search query.').max(MAX_QUERY_CHARS),
        filters: searchFilters.optional(),
        format: concordanceFormat.default('xlsx'),
        /** Characters of context on each side of a hit (within its paragraph). */
        context: z.number().int().min(1).max(500).default(30),
        locale: z.enum(['en', 'zh-CN']).default('en'),
        ...destination,
      })
      .strict(),
    exportResult.extend({ occurrences: z.number().int() }),
    { progress: true },
  ),
};
