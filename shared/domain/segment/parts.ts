// Finding the documents inside a file that carries several (a notice followed by four action plans,
// each numbered again from 一、).
//
// A part starts at a title-like line — a short line without sentence punctuation that ends the way
// titles of policy documents end (…方案, …计划, …意见, …办法, …通知, optionally followed by a
// bracketed period) — when the numbering right after it starts afresh at 1. A file is split only
// when at least two such parts are found; a single plan behind its cover notice is one document.

import type { PartSpan } from '../types';
import { matchLabel, type LabelMatch } from './labels';
import { splitLines, type Line } from './lines';

const TITLE_TAIL = /(方案|计划|意见|办法|通知|规定|细则|决定|措施|要点|规划|纲要|条例|指引|指南|公告|规则|制度|实施方案|行动方案)$/;
/** A period printed after a title: (2016-2018), （2018—2020年）. */
const PERIOD_SUFFIX = /[(（]\s*\d{4}\s*[-—–－~至]+\s*\d{4}\s*年?\s*[)）]$/;
const SENTENCE_PUNCT = /[。，,；;：:！？!?]/;
/** A line that is only a period in brackets. */
const PERIOD_LINE = new RegExp(`^${PERIOD_SUFFIX.source}`);
const MIN_TITLE_CHARS = 8;
const MAX_TITLE_CHARS = 80;

/** Does this line read as the title of a policy document? */
export function isTitleLine(text: string): boolean {
  const t = text.trim();
  if (t.length < MIN_TITLE_CHARS || t.length > MAX_TITLE_CHARS) return false;
  if (SENTENCE_PUNCT.test(t)) return false;
  if (matchLabel(t)) return false;
  // A line that closes a quotation it did not open (…的若干措施》) is the tail of a wrapped citation.
  if (closesUnopened(t, '《', '》') || closesUnopened(t, '“', '”')) return false;
  const core = t.replace(PERIOD_SUFFIX, '').replace(/[”"》]+$/, '');
  return TITLE_TAIL.test(core);
}

function closesUnopened(text: string, open: string, close: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === open) depth++;
    else if (ch === close && --depth < 0) return true;
  }
  return false;
}

/** 附件1： / 附件 2 / 附件: printed before an attached document's title on the same line. */
const ATTACHMENT_PREFIX = /^附\s*件\s*\d{0,2}\s*[:：]?\s*/;

/**
 * The title of a document, also when it is printed after its attachment number on the same line
 * ('附件1：长沙市…实施细则'), or null when the line is not a title.
 */
export function documentTitleOf(text: string): string | null {
  const t = text.trim();
  if (isTitleLine(t)) return t;
  const prefix = ATTACHMENT_PREFIX.exec(t);
  if (!prefix || !prefix[0].trim()) return null;
  const rest = t.slice(prefix[0].length);
  return isTitleLine(rest) ? rest : null;
}

/** The first label after line `from` (stopping at the next title line), if any. */
function firstLabelAfter(lines: Line[], from: number): LabelMatch | null {
  for (let i = from + 1; i < lines.length; i++) {
    if (documentTitleOf(lines[i].text)) return null;
    const m = matchLabel(lines[i].text);
    if (m) return m;
  }
  return null;
}

/** A paragraph ends at sentence or clause punctuation, a closing bracket or quote, or a colon. */
const PARAGRAPH_END = /[。：:；;！!？?）)」”》】]$/u;
/** Words that open the rest of a sentence, never a title: …的, 和…, 及…, 等…. */
const CONTINUATION_START = /^[的和及与、等之并或而且即]/u;
/** A line this long that does not end a paragraph was wrapped: the next line continues it. */
const WRAPPED_LINE_CHARS = 24;

/**
 * A title-like line that is the tail of a wrapped sentence (a long guide's '…按照本实施方案' cut at
 * the margin): it is not a document's own title line, so it never starts a part.
 */
function continuesSentence(lines: Line[], i: number, title: string): boolean {
  if (CONTINUATION_START.test(title)) return true;
  let k = i - 1;
  while (k >= 0 && !lines[k].text.trim()) k--;
  if (k < 0) return false;
  const prev = lines[k].text.trim();
  return prev.length >= WRAPPED_LINE_CHARS && !PARAGRAPH_END.test(prev) && !matchLabel(prev) && !documentTitleOf(prev);
}

/**
 * The documents of a multi-document file, in order; [] for a file with one document.
 * A title starts a part when the numbering after it restarts at 1 in the scheme the parts open
 * with (一、 in a file of plans): an unnumbered sub-heading followed by (一) inside a plan is not
 * a new document.
 */
export function splitParts(cleaned: string): PartSpan[] {
  const lines = splitLines(cleaned);
  const candidates: Array<{ line: Line; index: number; title: string; first: LabelMatch }> = [];
  lines.forEach((line, i) => {
    const title = documentTitleOf(line.text);
    if (!title || continuesSentence(lines, i, title)) return;
    const first = firstLabelAfter(lines, i);
    if (first && first.number === 1) candidates.push({ line, index: i, title, first });
  });
  // The scheme most titles open with (ties: the earliest) is the one documents are numbered in.
  const tally = new Map<string, number>();
  for (const c of candidates) tally.set(c.first.scheme, (tally.get(c.first.scheme) ?? 0) + 1);
  let topScheme: string | undefined;
  for (const [scheme, n] of tally) if (topScheme === undefined || n > (tally.get(topScheme) ?? 0)) topScheme = scheme;
  const starts = candidates.filter((c) => c.first.scheme === topScheme);
  if (starts.length < 2) return [];
  return starts.map(({ line, index, title }, i) => {
    const next = lines[index + 1];
    // A plan prints its period on the line under its name: 某某实施方案 / （2022—2025年）.
    const period = next && PERIOD_LINE.test(next.text.trim()) ? next.text.trim() : '';
    return {
      start: line.start,
      end: i + 1 < starts.length ? starts[i + 1].line.start : cleaned.length,
      title: title + period,
    };
  });
}

/** Where a part's title ends: after its first line, or after the period line printed under it. */
export function partTitleEnd(cleaned: string, part: PartSpan, end: number): number {
  const lines = splitLines(cleaned, part.start, end);
  if (lines.length > 1 && lines[0].text.trim() !== part.title && PERIOD_LINE.test(lines[1].text.trim())) {
    return Math.min(lines[1].end + 1, end);
  }
  return Math.min(lines.length ? lines[0].end + 1 : end, end);
}
