import type { ExportFormat } from '../../../../shared/api/methods/export';
import type { ExportModel, ReportOptions } from '../model';
import { modelToQdpx } from '../qdpx/export';
import { buildReport } from '../report/build';
import { comparisonTable } from '../report/comparison-table';
import { codingTable, targetsTable } from '../report/tables';
import { reportToDocx } from './docx';
import { reportToHtml } from './html';
import { modelToJson } from './json';
import { reportToMarkdown } from './markdown';
import type { PdfRenderer } from './pdf';
import { tableToCsv, tablesToXlsx } from './tables';

export interface WriterOptions extends ReportOptions {
  csvTable: 'codings' | 'alignment' | 'targets';
}

export interface WriterDeps {
  pdf: PdfRenderer;
}

/** One writer per format, registered in one list: adding a format touches this file only. */
export interface ExportWriter {
  format: ExportFormat;
  extension: string;
  write(model: ExportModel, options: WriterOptions, deps: WriterDeps): Promise<Buffer>;
}

const lang = (o: ReportOptions) => (o.locale === 'zh-CN' ? 'zh-CN' : 'en');

export const writers: ExportWriter[] = [
  { format: 'docx', extension: 'docx', write: (m, o) => reportToDocx(buildReport(m, o)) },
  { format: 'html', extension: 'html', write: async (m, o) => Buffer.from(reportToHtml(buildReport(m, o), lang(o)), 'utf8') },
  { format: 'md', extension: 'md', write: async (m, o) => Buffer.from(reportToMarkdown(buildReport(m, o)), 'utf8') },
  { format: 'pdf', extension: 'pdf', write: (m, o, deps) => deps.pdf.render(reportToHtml(buildReport(m, o), lang(o))) },
  {
    format: 'xlsx',
    extension: 'xlsx',
    write: (m, o) =>
      tablesToXlsx(m.comparison ? [comparisonTable(m, o), codingTable(m, o), targetsTable(m, o)] : [codingTable(m, o), targetsTable(m, o)], {
        title: m.comparison?.name ?? m.projectName,
      }),
  },
  {
    format: 'csv',
    extension: 'csv',
    write: async (m, o) => tableToCsv(o.csvTable === 'alignment' ? comparisonTable(m, o) : o.csvTable === 'targets' ? targetsTable(m, o) : codingTable(m, o)),
  },
  { format: 'qdpx', extension: 'qdpx', write: (m, o) => modelToQdpx(m, o) },
  { format: 'json', extension: 'json', write: async (m) => modelToJson(m) },
];

export function writerFor(format: ExportFormat): ExportWriter {
  const w = writers.find((x) => x.format === format);
  if (!w) throw new Error(`No writer for ${format}`);
  return w;
}
