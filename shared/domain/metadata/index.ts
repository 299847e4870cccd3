// Metadata of one policy document as a researcher would cite it: title, place, issuer, 文号,
// dates, validity, period and the 文号 it cites. Pure: text in, metadata out.
//
// Sources, strongest first: what the document prints (title block, signature, 文号 line), the
// web page's labelled fields (only in the raw text), then inference (place names in the body,
// the 文号's issuer code, target years); inferred fields are listed in `inferred`.
import type { DocumentMetadata, PartSpan } from '../types';
import { docNumberKey, findDocNumbers } from './docNumbers';
import { findPlaces } from '../gazetteer/index';
import { matchLabel } from '../segment/labels';
import { readLabelledFields } from './labelledFields';
import { findTitleBlocks, issuerPrefix, pickTitleBlock, readTransmittal, selfNamedTypes, TITLE_END_RE, type TitleBlock } from './title';
import { findSignature } from './signature';
import { countyCitySpeaking, placeFromBody, placeFromHeader, type PlaceGuess } from './place';
import { fiveYearPlanPeriod, inferPeriod, printedPeriod } from './period';
import { inferIssuerFromDocNumber, inferTitleFromPurpose, isNationalIssuer, nationalMakerOf } from './inference';
import { effectiveDateOf, readPromulgation, type Promulgation } from './promulgation';
import { readExportHeader } from './exportHeader';
import { decreeNumberLine, levelOfPlace } from './decree';
import { readSpeech, speakerOf, speakingLevel } from './speech';

export { findDocNumbers, normaliseDocNumber, docNumberKey } from './docNumbers';
export type { DocNumberHit } from './docNumbers';
export { unreadFields, type UnreadField } from './unread';

export interface MetadataInput {
  /** The importer's text before cleanup (web chrome such as 发布日期 may only be here). */
  raw: string;
  /** The cleaned text (offsets of `parts` refer to it). */
  cleaned: string;
  /** Documents carried inside the file (several plans under one notice); [] when there is one. */
  parts: PartSpan[];
  /** The source file's name (not used for any field yet: names of real files are unreliable). */
  fileName: string;
}

type InferableField = DocumentMetadata['inferred'][number];

// The head of a document ends at its first top-level numbered clause (一、), not at "一、二季度…".
const isFirstSection = (line: string): boolean => {
  const m = matchLabel(line.replace(/^[\s\u00a0\u3000]+/u, ''));
  return m !== null && (m.scheme === 'cn-dun' || m.scheme === 'cn-dot');
};
const MAX_HEAD_LINES = 80;

function headLineCount(lines: string[]): number {
  const i = lines.findIndex(isFirstSection);
  return i < 0 ? Math.min(lines.length, MAX_HEAD_LINES) : Math.min(i, MAX_HEAD_LINES);
}

/** The 文号 printed on a line of its own in the head (under a PDF's letterhead). */
function docNumberLine(lines: string[], head: number): string | null {
  for (let i = 0; i < head; i++) {
    // PKULaw and web pages print it in brackets under the title: （新质监办发〔2012〕24号）.
    const t = lines[i].replace(/[\s\u00a0\u3000]+/gu, '').replace(/^[(（](.*)[)）]$/u, '$1');
    const hits = findDocNumbers(t);
    if (hits.length === 1 && hits[0].start === 0 && hits[0].end === t.length) return hits[0].docNumber;
  }
  return null;
}

/** The year of 'YYYY-MM-DD' or of 'YYYY'. */
function yearOf(date: string | null): number | null {
  return date ? Number(date.slice(0, 4)) || null : null;
}

interface TitleReading {
  title: string | null;
  /** The printed title block (the cover notice when there is one). */
  block: TitleBlock | undefined;
}

/** The first title block of the head; a cover notice issuing one plan is cited by the plan. */
function readTitle(lines: string[], head: number, partCount: number): TitleReading {
  // The genre the text names itself by (本规范, 本守则) can end its title too.
  const own = selfNamedTypes(lines.join('\n'));
  // Navigation menus may number their entries (一、), ending the head early: look further then.
  const blocks = findTitleBlocks(lines, head, own);
  const wide = blocks.length ? blocks : findTitleBlocks(lines, Math.min(lines.length, MAX_HEAD_LINES), own);
  const block = pickTitleBlock(wide);
  if (!block) return { title: null, block };
  const published = publishedUnder(block, wide, lines);
  // The announcement and its signature stay the block: they say who published it and when.
  if (published) return { title: published.text, block };
  const transmittal = readTransmittal(block.text, lines.slice(block.lastLine + 1, head).join('\n'), partCount);
  return { title: transmittal && !transmittal.several ? transmittal.plans[0] : block.text, block };
}

/** 云南省人民代表大会常务委员会公告, 广东省人民政府令: the header under which a law or a rule is published. */
const PUBLICATION_HEADER_RE = /(?:公告|令)$/u;

/**
 * A regulation published under a 公告 or 令 header ('《云南省中小企业促进条例》已由…通过，现予公布')
 * is cited by its own title, printed after the announcement: the later title block the
 * announcement quotes in 《》.
 */
function publishedUnder(header: TitleBlock, blocks: TitleBlock[], lines: string[]): TitleBlock | null {
  if (header.text.includes('关于') || !PUBLICATION_HEADER_RE.test(header.text)) return null;
  for (const later of blocks.filter((b) => b.firstLine > header.lastLine)) {
    const between = lines
      .slice(header.lastLine + 1, later.firstLine)
      .join('')
      .replace(/[\s\u00a0\u3000]+/gu, '');
    if (between.includes(`《${later.text}》`)) return later;
  }
  return null;
}

/** The signature's issuer, else the title's 关于 prefix, else the web page's 发布机构. */
function readIssuer(signatureIssuer: string | null, block: TitleBlock | undefined, webIssuer: string | null): string | null {
  const prefix = block ? issuerPrefix(block.text) : null;
  const issuer = signatureIssuer ?? prefix;
  // A signature without a place (区政府办公室) yields to a title prefix that names one.
  if (issuer && prefix && issuer !== prefix && !placeFromHeader(issuer).province && placeFromHeader(prefix).province) return prefix;
  if (issuer) return issuer;
  if (webIssuer && (placeFromHeader(webIssuer).province || isNationalIssuer(webIssuer))) return webIssuer;
  return null;
}

/** Does the text name this city (in full, by its short form or as part of a longer name)? */
function namesCity(text: string, city: string): boolean {
  return findPlaces(text).some((m) => m.level === 'city' && m.name === city && m.count - m.nicknameCount > 0);
}

/** Cited 文号: every one in the text, first appearance order, once each, without `own`. */
function citedDocNumbersOf(text: string, own: string | null): string[] {
  const seen = new Set<string>(own ? [docNumberKey(own)] : []);
  const cited: string[] = [];
  for (const hit of findDocNumbers(text)) {
    const key = docNumberKey(hit.docNumber);
    if (seen.has(key)) continue;
    seen.add(key);
    cited.push(hit.docNumber);
  }
  return cited;
}

/** '市人民代表大会常务委员会' of a 宁波市 document → '宁波市人民代表大会常务委员会'; '省…' → the province. */
function withOwnPlace(body: string | null, place: PlaceGuess): string | null {
  if (!body) return body;
  if (body.startsWith('省') && place.province && !/市$/u.test(place.province)) return place.province + body.slice(1);
  if (body.startsWith('市') && (place.city || place.province)) return (place.city ?? place.province) + body.slice(1);
  return body;
}

interface Steps {
  adoptedBy: string | null;
  written: string | null;
  published: string | null;
  effective: string | null;
  approvedBy: string | null;
  approved: string | null;
}

/**
 * What the 题注 says: the body that adopted (or, for a rule, published) the text; the date of
 * this version (its latest adoption, revision or amendment); approval, publication and effect.
 */
function promulgationSteps(p: Promulgation | null): Steps {
  const events = p?.events ?? [];
  const last = (kinds: string[]) => [...events].reverse().find((e) => kinds.includes(e.event)) ?? null;
  const first = (kinds: string[]) => events.find((e) => kinds.includes(e.event)) ?? null;
  const approved = last(['approved']);
  return {
    adoptedBy: (first(['adopted', 'revised']) ?? first(['published']))?.by ?? null,
    // A rule published by decree (…总局令第46号公布) was made when the decree was signed.
    written: last(['adopted', 'revised', 'amended'])?.date ?? (first(['adopted']) ? null : last(['published'])?.date) ?? null,
    published: last(['published'])?.date ?? null,
    effective: last(['effective'])?.date ?? null,
    approvedBy: approved?.by ?? null,
    approved: approved?.date ?? null,
  };
}

/**
 * A Word file passed around a team often has no title style and no title in the usual shape
 * (政府工作报告, 2024年政府工作报告): its first line is the title when it reads as a heading —
 * short, without sentence punctuation, not an address (各位代表：), not a numbered clause, not a
 * bracketed or dashed subtitle.
 */
function firstHeadingLine(lines: string[]): string | null {
  const first = lines.find((l) => l.trim())?.trim() ?? '';
  if (first.length < 4 || first.length > 40 || /[。，,；;：:！!？?]/u.test(first) || /^[（(—－\-【\[]/u.test(first) || matchLabel(first)) return null;
  // It must end like a document, not like a section (2023年工作回顾).
  return /(?:报告|纲要|白皮书)$/u.test(first) || TITLE_END_RE.test(first) ? first.replace(/[\s\u3000]+/gu, '') : null;
}

/** Extracts a document's metadata; fields that cannot be read or inferred are null. */
export function extractMetadata(input: MetadataInput): DocumentMetadata {
  const { raw, cleaned, parts } = input ?? ({} as MetadataInput);
  if (typeof raw !== 'string' || typeof cleaned !== 'string') throw new TypeError('extractMetadata: raw and cleaned must be strings');
  if (!Array.isArray(parts)) throw new TypeError('extractMetadata: parts must be an array (empty when the file holds one document)');
  const inferred: InferableField[] = [];
  const lines = cleaned.split('\n');
  const head = headLineCount(lines);
  const labelled = readLabelledFields(raw);
  const labelledClean = readLabelledFields(cleaned);

  const exported = readExportHeader(raw);
  const { block, title: printedTitle } = readTitle(lines, head, parts.length);
  const promulgation = readPromulgation(lines, block ? block.lastLine + 1 : 0);
  const steps = promulgationSteps(promulgation);
  const signature = findSignature(lines, block ? block.lastLine + 1 : 0, block ? lines.length : head);
  let issuer = steps.adoptedBy ?? readIssuer(signature?.issuer ?? null, block, labelled.issuer ?? labelledClean.issuer);
  // A central rule copied without its header still names its maker in its closing clauses.
  if (!issuer && !placeFromHeader(block?.text ?? '').province) {
    issuer = nationalMakerOf(cleaned);
    if (issuer) inferred.push('issuer');
  }
  const docNumber = labelled.docNumber ?? labelledClean.docNumber ?? promulgation?.decree ?? docNumberLine(lines, head) ?? decreeNumberLine(lines, head);
  const speech = printedTitle ? null : readSpeech(lines);
  const dateWritten = steps.written ?? speech?.date ?? labelled.dateWritten ?? labelledClean.dateWritten ?? signature?.date ?? null;
  const datePublished = steps.published ?? labelled.datePublished ?? labelledClean.datePublished;
  const validity = labelled.validity ?? labelledClean.validity;
  const dateEffective = steps.effective ?? labelled.dateEffective ?? labelledClean.dateEffective ?? effectiveDateOf(cleaned, datePublished);

  // The State Council's report (我代表国务院) is national: no place is read from what it names.
  if (!issuer && speech && isNationalIssuer(speech.body)) issuer = speech.body;

  // Place: named by the issuer, else by the title, else inferred from the body. National bodies
  // (国务院, ministries) have no place: nothing is inferred for them.
  let place: PlaceGuess = placeFromHeader(issuer ?? '', cleaned);
  if (!place.province) place = placeFromHeader(block?.text ?? '', cleaned);
  // A speech names its speaker (我代表扬州市人民政府): that place outranks the places it mentions.
  if (!place.province && speech) place = placeFromHeader(speech.body, cleaned);
  if (place.fromContext) inferred.push('city', 'province');
  // A district's or county's city that the text never names (江宁区 → 南京市) is looked up, not read.
  else if (place.city && !inferred.includes('city') && !namesCity(cleaned, place.city)) inferred.push('city');
  if (!place.province && !(issuer && isNationalIssuer(issuer))) {
    place = placeFromBody(cleaned, speech ? speakingLevel(speech.body) : null);
    if (place.city) inferred.push('city');
    if (place.province) inferred.push('province');
    if (place.level) inferred.push('level');
  }
  if (speech) place = countyCitySpeaking(place, speech.body, cleaned);

  // 题注 and signatures abbreviate their own place (市人民代表大会常务委员会, 省人民政府).
  issuer = withOwnPlace(issuer, place);
  steps.approvedBy = withOwnPlace(steps.approvedBy, place);
  if (!issuer && speech) issuer = speakerOf(speech.body, place.district ?? place.city ?? place.province);
  if (!issuer && docNumber) {
    issuer = inferIssuerFromDocNumber(docNumber, place);
    if (issuer) inferred.push('issuer');
  }
  let title =
    printedTitle ?? labelled.title ?? labelledClean.title ?? (/\.docx$/iu.test(input.fileName) ? firstHeadingLine(lines) : null) ?? speech?.title ?? null;
  if (!title) {
    title = inferTitleFromPurpose(cleaned);
    if (title) inferred.push('title');
  }

  // Period: printed in the title, the notice title or a part's title; else a Five-Year Plan
  // named in the title; else from the start year and the target years.
  let period = [title ?? '', block?.text ?? '', ...parts.map((p) => p.title)].map(printedPeriod).find((p) => p) ?? null;
  if (!period) {
    const startYear = yearOf(dateWritten) ?? yearOf(datePublished) ?? yearOf(docNumber ? (/\d{4}/u.exec(docNumber.normalize('NFKC'))?.[0] ?? null) : null);
    period = [title ?? '', block?.text ?? ''].map(fiveYearPlanPeriod).find((p) => p) ?? inferPeriod(startYear, cleaned);
    if (period) inferred.push('period');
  }

  const level = levelOfPlace(place, issuer);
  return {
    title,
    city: level === 'municipality' ? place.province : place.city,
    province: place.province,
    level,
    issuer,
    docNumber,
    dateWritten,
    datePublished,
    validity,
    period,
    dateEffective,
    approvedBy: steps.approvedBy,
    dateApproved: steps.approved,
    history: promulgation?.events.filter((e) => e.event !== 'effective') ?? [],
    sourceId: exported.sourceId,
    sourceUrl: exported.sourceUrl,
    citedDocNumbers: citedDocNumbersOf(cleaned, docNumber),
    inferred,
  };
}
