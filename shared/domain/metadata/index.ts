// Metadata of one policy document as a researcher would cite it: title, place, issuer, 文号,
// dates, validity, period and the 文号 it cites. Pure: text in, metadata out.
//
// Sources, strongest first: what the document prints (title block, signature, 文号 line), the
// web page's labelled fields (only in the raw text), then inference (place names in the body,
// the 文号's issuer code, target years); inferred fields are listed in `inferred`.
import type { DocumentMetadata, PartSpan } from '../types';
import { docNumberKey, findDocNumbers } from './docNumbers';
import { readLabelledFields } from './labelledFields';
import { findTitleBlocks, issuerPrefix, pickTitleBlock, readTransmittal, type TitleBlock } from './title';
import { findSignature } from './signature';
import { placeFromBody, placeFromHeader, type PlaceGuess } from './place';
import { fiveYearPlanPeriod, inferPeriod, printedPeriod } from './period';
import { inferIssuerFromDocNumber, inferTitleFromPurpose, isNationalIssuer } from './inference';

export { findDocNumbers, normaliseDocNumber, docNumberKey } from './docNumbers';
export type { DocNumberHit } from './docNumbers';

export interface MetadataInput {
  /** The importer's text before cleanup (web chrome such as 发布日期 may only be here). */
  raw: string;
  /** The cleaned text (offsets of `parts` refer to it). */
  cleaned: string;
  /** Documents carried inside the file (several plans under one notice); [] when there is one. */
  parts: PartSpan[];
  /** The source file's name, a last resort for nothing but kept for future heuristics. */
  fileName: string;
}

type InferableField = DocumentMetadata['inferred'][number];

// The head of a document ends at its first top-level numbered clause (一、).
const FIRST_SECTION_RE = /^[\s\u00a0\u3000]*[一二三四五六七八九十]+[、.．]/u;
const MAX_HEAD_LINES = 80;

function headLineCount(lines: string[]): number {
  const i = lines.findIndex((l) => FIRST_SECTION_RE.test(l));
  return i < 0 ? Math.min(lines.length, MAX_HEAD_LINES) : Math.min(i, MAX_HEAD_LINES);
}

/** The 文号 printed on a line of its own in the head (under a PDF's letterhead). */
function docNumberLine(lines: string[], head: number): string | null {
  for (let i = 0; i < head; i++) {
    const t = lines[i].replace(/[\s\u00a0\u3000]+/gu, '');
    const hits = findDocNumbers(t);
    if (hits.length === 1 && hits[0].start === 0 && hits[0].end === t.length) return hits[0].docNumber;
  }
  return null;
}

function yearOf(date: string | null): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}

/** Extracts a document's metadata; fields that cannot be read or inferred are null. */
export function extractMetadata(input: MetadataInput): DocumentMetadata {
  const { raw, cleaned, parts } = input;
  const inferred: InferableField[] = [];
  const lines = cleaned.split('\n');
  const head = headLineCount(lines);
  const labelled = readLabelledFields(raw);
  const labelledClean = readLabelledFields(cleaned);

  // Title: the first title block of the head. A cover notice issuing one plan is cited by the plan.
  const first: TitleBlock | undefined = pickTitleBlock(findTitleBlocks(lines, head));
  let title: string | null = first?.text ?? null;
  let headerText = first?.text ?? '';
  if (title && title !== headerText) headerText = `${headerText} ${title}`;
  if (first) {
    const bodyAfter = lines.slice(first.lastLine + 1, head).join('\n');
    const transmittal = readTransmittal(first.text, bodyAfter, parts.length);
    if (transmittal && !transmittal.several) title = transmittal.plans[0];
  }

  // Issuer: the signature block, else the title's 关于 prefix, else the web page's 发布机构.
  const signature = findSignature(lines, first ? first.lastLine + 1 : 0, first ? lines.length : head);
  // A signature without a place (区政府办公室) yields to a title prefix that names one.
  const prefix = first ? issuerPrefix(first.text) : null;
  let issuer = signature?.issuer ?? prefix;
  if (issuer && prefix && issuer !== prefix && !placeFromHeader(issuer).province && placeFromHeader(prefix).province) issuer = prefix;
  const webIssuer = labelled.issuer ?? labelledClean.issuer;
  if (!issuer && webIssuer && (placeFromHeader(webIssuer).province || isNationalIssuer(webIssuer))) issuer = webIssuer;

  const docNumber = labelled.docNumber ?? labelledClean.docNumber ?? docNumberLine(lines, head);
  const dateWritten = labelled.dateWritten ?? labelledClean.dateWritten ?? signature?.date ?? null;
  const datePublished = labelled.datePublished ?? labelledClean.datePublished;
  const validity = labelled.validity ?? labelledClean.validity;

  // Place: named by the issuer, else by the title, else inferred from the body. National bodies
  // (国务院, ministries) have no place: nothing is inferred for them.
  let place: PlaceGuess = issuer ? placeFromHeader(issuer) : placeFromHeader('');
  if (!place.province) place = placeFromHeader(headerText);
  if (!place.province && !(issuer && isNationalIssuer(issuer))) {
    place = placeFromBody(cleaned);
    if (place.city) inferred.push('city');
    if (place.province) inferred.push('province');
    if (place.level) inferred.push('level');
  }

  if (!issuer && docNumber) {
    issuer = inferIssuerFromDocNumber(docNumber, place);
    if (issuer) inferred.push('issuer');
  }
  if (!title) title = labelled.title ?? labelledClean.title;
  if (!title) {
    title = inferTitleFromPurpose(cleaned);
    if (title) inferred.push('title');
  }

  // Period: printed in the title, the notice title or a part's title; else from target years.
  let period = [title ?? '', first?.text ?? '', ...parts.map((p) => p.title)].map(printedPeriod).find((p) => p) ?? null;
  if (!period) {
    period = [title ?? '', first?.text ?? ''].map(fiveYearPlanPeriod).find((p) => p) ?? null;
    if (period) inferred.push('period');
  }
  if (!period) {
    const startYear = yearOf(dateWritten) ?? yearOf(datePublished) ?? (docNumber ? Number(/\d{4}/u.exec(docNumber.normalize('NFKC'))?.[0]) || null : null);
    period = inferPeriod(startYear, cleaned);
    if (period) inferred.push('period');
  }

  // Cited 文号: every one in the cleaned text, first appearance order, without the document's own.
  const ownKey = docNumber ? docNumberKey(docNumber) : null;
  const seen = new Set<string>();
  const citedDocNumbers: string[] = [];
  for (const hit of findDocNumbers(cleaned)) {
    const key = docNumberKey(hit.docNumber);
    if (key === ownKey || seen.has(key)) continue;
    seen.add(key);
    citedDocNumbers.push(hit.docNumber);
  }

  return {
    title,
    city: place.city,
    province: place.province,
    level: place.level,
    issuer,
    docNumber,
    dateWritten,
    datePublished,
    validity,
    period,
    citedDocNumbers,
    inferred,
  };
}
