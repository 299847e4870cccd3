import { extractAgencies } from '../agencies';
import { cleanText } from '../cleanup';
import { extractMetadata } from '../metadata';
import { segmentClauses, splitParts } from '../segment';
import type { ClauseAgencies, ClauseDraft, DocumentMetadata, ExtractedText, PartSpan } from '../types';

/** A clause ready to store: the segmenter's draft plus what is derived from it. */
export interface AnalysedClause extends ClauseDraft {
  /** Own text: from textStart to end, trimmed (ownTextSpan). */
  text: string;
  /** Where the own text starts in the cleaned text (textStart plus the white space trimmed). */
  ownStart: number;
  /** Clause path as researchers cite it: 四-(三)-2-(1). */
  path: string;
  agencies: ClauseAgencies;
}

export interface AnalysedDocument {
  cleaned: string;
  parts: PartSpan[];
  clauses: AnalysedClause[];
  metadata: DocumentMetadata;
}

/**
 * A clause's own text and where it starts: cleaned.slice(textStart, end) trimmed. The one
 * definition, used by the analyser and by everything that reads clauses back from their spans.
 */
export function ownTextSpan(cleaned: string, textStart: number, end: number): { text: string; start: number } {
  const slice = cleaned.slice(textStart, end);
  const text = slice.trim();
  return { text, start: textStart + (slice.length - slice.trimStart().length) };
}

/** '一、' → '一', '3.' → '3', '(三)' stays: how labels read inside a path. */
export function pathSegment(label: string): string {
  return label.trim().replace(/[、.．,，:：\s]+$/u, '');
}

/**
 * The whole understanding of one document, as a pure function of the extracted text: cleanup,
 * parts, clause tree, metadata and agencies. Deterministic, so offsets stored from it never move
 * for the same source.
 */
export function analyseDocument(extracted: ExtractedText, fileName: string): AnalysedDocument {
  const cleaned = cleanText(extracted.text, extracted.format);
  const parts = splitParts(cleaned);
  const drafts = segmentClauses(cleaned, parts);
  const paths: string[] = [];
  const clauses = drafts.map((d, i): AnalysedClause => {
    const own = pathSegment(d.label);
    const parentPath = d.parentIndex == null ? '' : paths[d.parentIndex];
    paths[i] = own ? (parentPath ? `${parentPath}-${own}` : own) : parentPath;
    const { text, start: ownStart } = ownTextSpan(cleaned, d.textStart, d.end);
    return {
      ...d,
      text,
      ownStart,
      path: paths[i],
      agencies: d.kind === 'measure' || d.kind === 'heading' ? extractAgencies(text) : { lead: [], responsible: [] },
    };
  });
  const metadata = extractMetadata({ raw: extracted.text, cleaned, parts, fileName });
  return { cleaned, parts, clauses, metadata };
}
