// The rows of documents, parts and clauses as stored, and how they become what the API returns
// (summaries, metadata): the shapes db/documents.ts reads and writes, apart from its SQL.
import type { AnalysedDocument } from '../../../shared/domain/analyze';
import type { Clause, DocumentSummary, MetadataFieldName, MetadataFields } from '../../../shared/api/methods/documents';
import { withPlainText, type StoredText } from './documentText';

export const metadataColumns: Record<MetadataFieldName, string> = {
  title: 'title',
  city: 'city',
  province: 'province',
  level: 'level',
  issuer: 'issuer',
  docNumber: 'doc_number',
  dateWritten: 'date_written',
  datePublished: 'date_published',
  validity: 'validity',
  period: 'period',
  dateEffective: 'date_effective',
  approvedBy: 'approved_by',
  dateApproved: 'date_approved',
  sourceId: 'source_id',
  sourceUrl: 'source_url',
};
export const metadataFieldList = Object.keys(metadataColumns) as MetadataFieldName[];

export interface DocumentRow {
  id: number;
  file_name: string;
  source_path: string | null;
  source_hash: string;
  format: string;
  encoding: string | null;
  cleaned_text: string;
  title: string | null;
  city: string | null;
  province: string | null;
  level: string | null;
  issuer: string | null;
  doc_number: string | null;
  date_written: string | null;
  date_published: string | null;
  validity: string | null;
  period: string | null;
  date_effective: string | null;
  approved_by: string | null;
  date_approved: string | null;
  history: string;
  source_id: string | null;
  source_url: string | null;
  inferred_fields: string;
  edited_fields: string;
  warnings: string;
  imported_at: string;
  updated_at: string;
}

export interface ClauseRow {
  id: number;
  doc_id: number;
  parent_id: number | null;
  ord: number;
  label: string;
  level: number;
  kind: Clause['kind'];
  heading: string | null;
  text: string;
  start: number;
  text_start: number;
  end: number;
  part_index: number | null;
  path: string;
  lead_agencies: string;
  responsible_agencies: string;
}

export interface NewDocument {
  fileName: string;
  sourcePath: string | null;
  sourceHash: string;
  format: string;
  encoding: string | null;
  analysed: AnalysedDocument;
  warnings: string[];
  /** The cleaned text packed beforehand (db/documentText.ts textColumns); packed when written otherwise. */
  packed?: Uint8Array;
}

export function yearOf(r: Pick<DocumentRow, 'date_written' | 'date_published' | 'period'>): number | null {
  const m = /^(\d{4})/.exec(r.date_written ?? r.date_published ?? r.period ?? '');
  return m ? Number(m[1]) : null;
}

export function metadataOf(r: DocumentRow): MetadataFields {
  return {
    title: r.title,
    city: r.city,
    province: r.province,
    level: r.level as MetadataFields['level'],
    issuer: r.issuer,
    docNumber: r.doc_number,
    dateWritten: r.date_written,
    datePublished: r.date_published,
    validity: r.validity,
    period: r.period,
    dateEffective: r.date_effective,
    approvedBy: r.approved_by,
    dateApproved: r.date_approved,
    sourceId: r.source_id,
    sourceUrl: r.source_url,
  };
}

export function historyOf(r: Pick<DocumentRow, 'history'>): DocumentSummary['history'] {
  try {
    const h = JSON.parse(r.history) as unknown;
    return Array.isArray(h) ? (h as DocumentSummary['history']) : [];
  } catch {
    return [];
  }
}
/** A document row as read: its text unpacked (documentText.ts). */
export const plain = (row: unknown): DocumentRow | undefined => (row ? (withPlainText(row as DocumentRow & StoredText) as DocumentRow) : undefined);

/** A clause row as stored: its text is computed from the document's (clauseText.ts). */
export type StoredClauseRow = Omit<ClauseRow, 'text'>;

export type PartRow = { doc_id: number; part_index: number; title: string };

/**
 * The columns of a summary, in order. The Library lists every document, so these are read as
 * arrays (better-sqlite3's raw mode) and turned into summaries directly: with 5,000 documents that
 * is 5,000 objects of 22 named columns fewer to build and collect on every list.
 */
export const SUMMARY_COLUMNS = `d.id, d.file_name, d.format, d.encoding, d.title, d.city, d.province, d.level, d.issuer, d.doc_number,
  d.date_written, d.date_published, d.validity, d.period, d.date_effective, d.approved_by, d.date_approved, d.history,
  d.source_id, d.source_url, d.imported_at`;
export type SummaryRow = [
  id: number,
  file_name: string,
  format: string,
  encoding: string | null,
  title: string | null,
  city: string | null,
  province: string | null,
  level: string | null,
  issuer: string | null,
  doc_number: string | null,
  date_written: string | null,
  date_published: string | null,
  validity: string | null,
  period: string | null,
  date_effective: string | null,
  approved_by: string | null,
  date_approved: string | null,
  history: string,
  source_id: string | null,
  source_url: string | null,
  imported_at: string,
  clause_count: number,
];

export function summariesOf(rows: SummaryRow[], partRows: PartRow[]): DocumentSummary[] {
  const parts = new Map<number, Array<{ index: number; title: string }>>();
  for (const p of partRows) {
    if (!parts.has(p.doc_id)) parts.set(p.doc_id, []);
    parts.get(p.doc_id)!.push({ index: p.part_index, title: p.title });
  }
  return rows.map((r) => {
    const [id, file, format, encoding, title, city, province, level, issuer, docNumber, dateWritten, datePublished, validity, period] = r;
    const [dateEffective, approvedBy, dateApproved, history, sourceId, sourceUrl, importedAt, clauseCount] = r.slice(14) as [
      string | null,
      string | null,
      string | null,
      string,
      string | null,
      string | null,
      string,
      number,
    ];
    return {
      id,
      file,
      format,
      encoding,
      title,
      city,
      province,
      level: level as MetadataFields['level'],
      issuer,
      docNumber,
      dateWritten,
      datePublished,
      validity,
      period,
      dateEffective,
      approvedBy,
      dateApproved,
      sourceId,
      sourceUrl,
      history: history === '[]' ? [] : historyOf({ history }),
      year: yearOf({ date_written: dateWritten, date_published: datePublished, period }),
      clauseCount,
      parts: parts.get(id) ?? [],
      importedAt,
    };
  });
}
