// Finding the documents inside a file that carries several (a notice followed by four action plans,
// each numbered again from 一、).
//
// A part starts at a title-like line — a short line without sentence punctuation that ends the way
// titles of policy documents end (…方案, …计划, …意见, …办法, …通知, optionally followed by a
// bracketed period) — when the numbering right after it starts afresh at 1. A file is split only
// when at least two such parts are found; a single plan behind its cover notice is one document.

import type { PartSpan } from '../types';
import { matchLabel } from './labels';
import { splitLines, type Line } from './lines';

const TITLE_TAIL =
  /(方案|计划|意见|办法|通知|规定|细则|决定|措施|要点|规划|纲要|条例|指引|指南|公告|规则|制度|实施方案|行动方案)$/;
/** A period printed after a title: (2016-2018), （2018—2020年）. */
const PERIOD_SUFFIX = /[(（]\s*\d{4}\s*[-—–－~至]+\s*\d{4}\s*年?\s*[)）]$/;
const SENTENCE_PUNCT = /[。，,；;：:！？!?]/;
const MAX_TITLE_CHARS = 80;

/** Does this line read as the title of a policy document? */
export function isTitleLine(text: string): boolean {
  const t = text.trim();
  if (t.length < 6 || t.length > MAX_TITLE_CHARS) return false;
  if (SENTENCE_PUNCT.test(t)) return false;
  if (matchLabel(t)) return false;
  const core = t.replace(PERIOD_SUFFIX, '').replace(/[”"》]+$/, '');
  return TITLE_TAIL.test(core);
}

/** The first label after `from` (stopping at the next title line), if any. */
function firstLabelAfter(lines: Line[], from: number): { number: number } | null {
  for (let i = from + 1; i < lines.length; i++) {
    if (isTitleLine(lines[i].text)) return null;
    const m = matchLabel(lines[i].text);
    if (m) return { number: m.number };
  }
  return null;
}

/** The documents of a multi-document file, in order; [] for a file with one document. */
export function splitParts(cleaned: string): PartSpan[] {
  const lines = splitLines(cleaned);
  const starts: Line[] = [];
  lines.forEach((line, i) => {
    if (!isTitleLine(line.text)) return;
    const first = firstLabelAfter(lines, i);
    if (first && first.number === 1) starts.push(line);
  });
  if (starts.length < 2) return [];
  return starts.map((line, i) => ({
    start: line.start,
    end: i + 1 < starts.length ? starts[i + 1].start : cleaned.length,
    title: line.text.trim(),
  }));
}
