// The domain vocabulary of PolicyLens. These names are used unchanged in the database, the API
// contract and the UI: document, part, clause, theme, coding, annotation, comparison, alignment link.
// Pure types only: this file must stay importable from Node, Chromium and tests alike. The closed
// lists (levels, kinds, statuses) are declared in ./vocabulary and re-exported here.
import type { AdminLevel, ClauseKind, MetadataEventKind, Source } from './vocabulary';

export type { AdminLevel, ClauseKind, CodingStatus, InstrumentClass, LinkStatus, MetadataEventKind } from './vocabulary';

/** Formats an importer can read. */
export type SourceFormat = 'txt' | 'html' | 'docx' | 'pdf' | 'md';

/** What an importer hands to the pipeline: the text as extracted, before cleanup. */
export interface ExtractedText {
  /** Plain text as extracted from the file (HTML tags removed, PDF text joined by lines). */
  text: string;
  format: SourceFormat;
  /** Encoding detected for text formats ('utf-8', 'utf-16le', 'gb18030', …); null for binary formats. */
  encoding: string | null;
  /** Non-fatal observations a researcher should see in the import report. */
  warnings: string[];
}

/** A half-open range [start, end) of UTF-16 offsets into a document's cleaned text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * One document carried inside a file that holds several (Wenzhou's notice with four plans).
 * A file with a single document has no parts.
 */
export interface PartSpan extends Span {
  title: string;
}

/**
 * A clause as produced by segmentation, in reading order. The spans of all clauses of a document
 * tile its cleaned text: every character belongs to exactly one clause.
 */
export interface ClauseDraft extends Span {
  /** The number as printed: '一、', '(三)', '（三）', '3.', '1、', '①', '第五条'; '' for preamble and part nodes. */
  label: string;
  /** Depth in the clause tree, 1 for top-level numbered clauses; 0 for preamble and part nodes. */
  level: number;
  kind: ClauseKind;
  /** Index (in the same array) of the parent clause, or null at the top. */
  parentIndex: number | null;
  /** Offset where the clause's own text starts (after its label and the white space after it). */
  textStart: number;
  /** Short heading: a heading clause's title, or a measure's lead phrase before the first 。 when it reads as one (e.g. 就业目标). */
  heading: string | null;
  /** Index into the PartSpan array when the document has parts. */
  partIndex: number | null;
}

/** One dated step in the life of a regulation or rule, as its 题注 prints it. */
export interface MetadataEvent {
  /** YYYY-MM-DD, or null when the 题注 names the step without a date. */
  date: string | null;
  event: MetadataEventKind;
  /** The body that acted (济南市人民代表大会常务委员会), when printed. */
  by: string | null;
}

/** Metadata of one document as a researcher would cite it. Unknown values are null. */
export interface DocumentMetadata {
  title: string | null;
  city: string | null;
  province: string | null;
  level: AdminLevel | null;
  issuer: string | null;
  /** 文号 as printed, spacing normalised: 青政发〔2012〕46号 */
  docNumber: string | null;
  /** YYYY-MM-DD */
  dateWritten: string | null;
  /** YYYY-MM-DD */
  datePublished: string | null;
  /** e.g. 有效, 废止, 失效 */
  validity: string | null;
  /** e.g. 2016-2018 */
  period: string | null;
  /** YYYY-MM-DD: when the text takes effect (本条例自…起施行, 实施日期). */
  dateEffective: string | null;
  /** The body that approved a regulation (山东省人民代表大会常务委员会), from the 题注's 批准. */
  approvedBy: string | null;
  /** YYYY-MM-DD of that approval. */
  dateApproved: string | null;
  /** Adoption, approval, amendments, publication: the 题注's dated steps, oldest first. */
  history: MetadataEvent[];
  /** The source database's id of the text (PKULaw 法宝引证码 CLI.12.1075244). */
  sourceId: string | null;
  /** Where the text was exported from (PKULaw 原文链接). */
  sourceUrl: string | null;
  /** Every 文号 the body cites, as printed (normalised spacing), in order of first appearance, without the document's own. */
  citedDocNumbers: string[];
  /** Names of the fields whose values were inferred rather than read from the text. */
  inferred: Array<keyof Omit<DocumentMetadata, 'inferred' | 'citedDocNumbers' | 'history'>>;
}

/** Agencies named as responsible for a clause. */
export interface ClauseAgencies {
  lead: string[];
  responsible: string[];
}

export type CodingSource = Source;
