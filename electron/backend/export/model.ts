import type { CodingSource, CodingStatus, InstrumentClass, LinkStatus } from '../../../shared/domain/types';
import type { AttributeType, ClauseKind } from '../../../shared/domain/vocabulary';

/**
 * Everything an export writes, as plain data. It is gathered through the other features'
 * contract methods (model-builder.ts), never from their tables, so every writer can be tested
 * with a hand-built model and keeps working when a feature changes how it stores things.
 * Offsets are UTF-16 offsets into `ExportDocument.text` (the cleaned text), like everywhere else.
 */

export interface ExportClause {
  id: number;
  docId: number;
  parentId: number | null;
  label: string;
  kind: ClauseKind;
  heading: string | null;
  /** Own text, without label and children. */
  text: string;
  start: number;
  end: number;
  /** As researchers cite it: 四-(三)-2-(1). */
  path: string;
  agencies: { lead: string[]; responsible: string[] };
  /** Policy-instrument class of the clause when the themes feature knows it. */
  instrument: InstrumentClass | null;
}

export interface ExportDocument {
  id: number;
  file: string;
  title: string | null;
  city: string | null;
  province: string | null;
  level: string | null;
  issuer: string | null;
  docNumber: string | null;
  dateWritten: string | null;
  datePublished: string | null;
  validity: string | null;
  period: string | null;
  year: number | null;
  /** The cleaned text every offset refers to. */
  text: string;
  clauses: ExportClause[];
  /** The researcher's own attributes: attribute id (as text) → value. */
  attributes?: Record<string, string | number | boolean>;
}

/** A researcher's own document attribute (政策类型, 东中西部 …): REFI-QDA variables. */
export interface ExportAttribute {
  id: number;
  name: string;
  type: AttributeType;
  options: string[];
}

export interface ExportTheme {
  id: string;
  parentId: string | null;
  name: string;
  nameEn: string | null;
  /** #rrggbb */
  color: string | null;
  instrument: InstrumentClass | null;
  description: string | null;
}

export interface ExportCoding {
  id: string;
  docId: number;
  /** The clause coded as a whole, or the clause a range lies in; null for a range across clauses. */
  clauseId: number | null;
  /** True when the whole clause is coded rather than a range inside it. */
  wholeClause: boolean;
  start: number;
  end: number;
  themeId: string;
  status: CodingStatus;
  source: CodingSource;
}

export type AnnotationAnchor =
  | { kind: 'clause'; docId: number; clauseId: number }
  | { kind: 'range'; docId: number; start: number; end: number; clauseId: number | null }
  | { kind: 'document'; docId: number }
  /** A row of the alignment table: the compare view's row key and the clauses on it. */
  | { kind: 'row'; rowId: string; clauseIds: number[] }
  | { kind: 'comparison' };

export interface ExportAnnotation {
  id: string;
  anchor: AnnotationAnchor;
  /** Lexical serialized JSON (object or string); rendered by shared/domain/lexical-render. */
  lexical: unknown;
  /** Its plain text, for tables and formats without formatting. */
  text: string;
  createdAt: string | null;
}

/** Why the aligner suggested a link (the compare feature's reasons, as data). */
export type ExportReason =
  { kind: 'terms' | 'section'; terms: string[] } | { kind: 'instrument'; instruments: string[] } | { kind: 'numbers'; values: string[] } | { kind: 'mutual' };

export interface ExportLink {
  a: number;
  b: number;
  score: number;
  status: LinkStatus;
  /** Absent for links built by hand in tests and older JSON. */
  reasons?: ExportReason[];
}

/** One row of a comparison: clauses of several documents that say the same thing. */
export interface ExportRow {
  id: string;
  /** One entry per comparison member (column) that has clauses in this row. */
  cells: Array<{ member: number; docId: number; clauseIds: number[] }>;
  links: ExportLink[];
}

export interface ExportComparison {
  id: number | null;
  name: string;
  /** The documents compared (each once, even when two of its parts are members). */
  documentIds: number[];
  /** The columns: a document, or one part of a document that carries several plans. */
  members: Array<{ docId: number; partIndex: number | null; title: string; clauseIds: number[] }>;
  rows: ExportRow[];
  /** Every link of the comparison, rejected ones included (the report decides what to show). */
  links: ExportLink[];
}

/** A quantitative target (metric, number, unit, year) stated in a clause. */
export interface ExportTarget {
  docId: number;
  clauseId: number;
  path: string;
  metric: string | null;
  value: number;
  valueMax: number | null;
  unit: string;
  year: number | null;
  bound: 'min' | 'max' | null;
  text: string;
}

export interface ExportModel {
  projectName: string;
  appVersion: string;
  exportedAt: string;
  comparison: ExportComparison | null;
  documents: ExportDocument[];
  themes: ExportTheme[];
  codings: ExportCoding[];
  annotations: ExportAnnotation[];
  /** Targets from the themes feature; null when it is not available (the tables then extract them). */
  targets: ExportTarget[] | null;
  /** Project exports (JSON): every comparison with its links. */
  comparisons: ExportComparison[];
  /** Custom document attributes, in order (their values are on the documents). */
  attributes?: ExportAttribute[];
  /** Things the builder could not gather (a feature not available); shown to the researcher. */
  warnings: string[];
}

export interface ReportOptions {
  /** Clauses of the comparison's documents that are in no row. */
  includeUnaligned: boolean;
  /** Show rejected links (as a list of pairs the researcher turned down). */
  includeRejected: boolean;
  /** Codings the researcher has not accepted yet (auto suggestions). */
  includeSuggested: boolean;
  locale: 'en' | 'zh-CN';
}

export const defaultReportOptions: ReportOptions = { includeUnaligned: false, includeRejected: false, includeSuggested: true, locale: 'en' };

/** Lookups every writer needs. */
export function indexModel(model: ExportModel) {
  const docs = new Map(model.documents.map((d) => [d.id, d]));
  const clauses = new Map(model.documents.flatMap((d) => d.clauses.map((c) => [c.id, c] as const)));
  const themes = new Map(model.themes.map((t) => [t.id, t]));
  return { docs, clauses, themes };
}
