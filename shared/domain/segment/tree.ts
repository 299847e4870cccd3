// Building the clause tree of one stretch of text (a whole document, or one part of a file that
// carries several) from the labels found at the start of its lines.
//
// The method is a stack of open clauses, one per level. A candidate label opens a clause only when
// it fits the numbering:
// - its scheme is open on the stack and its number is the next one there (a sibling: 二、 after
//   一、, (三) after (二)); or, at the top level only, 1 right after a title-like line (a new
//   document in a file whose parts were not found) — a "(一)项…" at the start of a paragraph
//   further down does not restart anything;
// - or its scheme is not open and its number is 1 (a first child of the innermost open clause) or
//   continues that scheme's last number anywhere in this stretch — numbering that runs on across
//   sections, (十四) under 二、 after (十三) under 一、, nests under the newest open clause — except
//   right after a title line, where a new document's numbering starts at the top level.
// Anything else — 100 个镇, (2016-2018), a (一) quoted in a wrapped line — stays running text, and
// so does the numbered list of attachments under a notice's 附件： line (1.XX实施方案 / 2.XX办法).
// Levels therefore follow the order in which schemes first appear, not a fixed table: a document
// may open with (一) or 1. as its top level.
// A table of contents (目录: 第一章…第五章 on consecutive lines, then 第一章 again) is not clauses:
// when chapter numbering restarts at 1 and everything accepted so far is such a run of bare
// chapter lines, that run is dropped and becomes part of the preamble.

import type { ClauseDraft } from '../types';
import { classifyClause } from './heading';
import { matchLabel, type LabelMatch, type LabelScheme } from './labels';
import { splitLines } from './lines';
import { documentTitleOf, isTitleLine } from './parts';

interface OpenClause {
  /** Position in `accepted`. */
  index: number;
  scheme: LabelScheme;
  number: number;
}

/** 附件： or 附件 at the start of a line opens a list of attached documents. */
const ATTACHMENT_LINE = /^附\s*件\s*\d*\s*[:：]?/;
const ATTACHMENT_HEADING = /^附\s*件\s*\d*\s*[:：]?\s*$/;

/** How far a sibling's number may jump over a missing one (a typo in the source: (四) then (六)). */
const MAX_SIBLING_GAP = 2;

export interface StretchOptions {
  /** Index of the clause (a part node) that top-level clauses of this stretch hang under. */
  parentIndex: number | null;
  partIndex: number | null;
}

interface Accepted {
  offset: number;
  /** Index of the clause's line in the stretch. */
  lineNo: number;
  /** Start of the sub-heading line its numbering restarted after, if it did. */
  subheadingStart: number | null;
  match: LabelMatch;
  /** Position of the parent in `accepted`, or -1 for the stretch's own parent. */
  parent: number;
  level: number;
}

/**
 * Appends the clauses of text[from, to) to `out`, in reading order, tiling that range: text before
 * the first accepted label becomes a preamble clause (label ''), and every clause runs from its
 * label to the next clause.
 */
export function buildStretch(text: string, from: number, to: number, out: ClauseDraft[], opts: StretchOptions): void {
  const stack: OpenClause[] = [];
  const lastNumber = new Map<LabelScheme, number>();
  const accepted: Accepted[] = [];
  const baseLevel = 1;

  let after: Preceding = 'text';
  let previousLineStart = from;
  let inAttachmentList = false;
  splitLines(text, from, to).forEach((line, lineNo) => {
    const match = matchLabel(line.text);
    if (match && inAttachmentList && isTitleLine(line.text.slice(match.length))) return;
    inAttachmentList = ATTACHMENT_LINE.test(line.text);
    let placed = match ? place(stack, lastNumber, match, after) : null;
    if (match && !placed && match.number === 1 && isTableOfContents(accepted, match.scheme)) {
      accepted.length = 0;
      stack.length = 0;
      lastNumber.clear();
      placed = place(stack, lastNumber, match, after);
    }
    const restartedAt = placed?.restart ? previousLineStart : null;
    after = match ? 'label' : precedingKind(line.text);
    previousLineStart = line.start;
    if (!match || !placed) return;
    stack.length = placed.depth;
    const parent = placed.depth === 0 ? -1 : stack[placed.depth - 1].index;
    stack.push({ index: accepted.length, scheme: match.scheme, number: match.number });
    accepted.push({ offset: line.start, lineNo, subheadingStart: restartedAt, match, parent, level: baseLevel + placed.depth });
    lastNumber.set(match.scheme, match.number);
  });

  const firstStart = accepted.length ? accepted[0].offset : to;
  if (firstStart > from) {
    out.push({
      start: from,
      end: firstStart,
      label: '',
      level: 0,
      kind: 'preamble',
      parentIndex: opts.parentIndex,
      textStart: from,
      heading: null,
      partIndex: opts.partIndex,
    });
  }
  const firstIndex = out.length;
  const hasChildren = new Set(accepted.map((a) => a.parent));
  accepted.forEach((a, i) => {
    const end = i + 1 < accepted.length ? accepted[i + 1].offset : to;
    const textStart = a.offset + a.match.length;
    // The sub-heading a following list restarted after introduces that list, not this clause.
    const ownEnd = accepted[i + 1]?.subheadingStart ?? end;
    const info = classifyClause(text.slice(textStart, ownEnd), hasChildren.has(i), endsEnumerationItem(text, accepted, i));
    // An article (第五条) is a provision, never a section title, however short.
    const { kind, heading } = a.match.scheme === 'tiao' && info.kind === 'heading' ? { kind: 'measure' as const, heading: null } : info;
    out.push({
      start: a.offset,
      end,
      label: a.match.label,
      level: a.level,
      kind,
      parentIndex: a.parent < 0 ? opts.parentIndex : firstIndex + a.parent,
      textStart,
      heading,
      partIndex: opts.partIndex,
    });
  });
}

/**
 * What the line before a candidate label was: a title or an attachment's heading (附件2), after
 * which a new document's numbering may start afresh; an unnumbered sub-heading, after which any
 * level's numbering may restart; a label; or running text.
 */
type Preceding = 'title' | 'subheading' | 'label' | 'text';

/** A sub-heading: a short unnumbered line without sentence punctuation (夯实数字化基础). */
const MAX_SUBHEADING_CHARS = 30;
const SENTENCE_PUNCT = /[。，,、；;：:！!？?“”"《》]/;

function precedingKind(line: string): Preceding {
  const t = line.trim();
  if (documentTitleOf(t) || ATTACHMENT_HEADING.test(t)) return 'title';
  if (t.length >= 2 && t.length <= MAX_SUBHEADING_CHARS && !SENTENCE_PUNCT.test(t) && !/\d/.test(t)) return 'subheading';
  return 'text';
}

/** The previous sibling of clause i (same parent, same scheme) ends its first line with ；. */
function endsEnumerationItem(text: string, accepted: Accepted[], i: number): boolean {
  const a = accepted[i];
  for (let j = i - 1; j >= 0; j--) {
    const b = accepted[j];
    if (b.parent !== a.parent) continue;
    if (b.match.scheme !== a.match.scheme) return false;
    const nl = text.indexOf('\n', b.offset);
    const firstLine = text.slice(b.offset, nl < 0 || nl > a.offset ? a.offset : nl).trim();
    return /[；;]$/.test(firstLine);
  }
  return false;
}

/** Schemes that differ only in the punctuation after the number. */
const SISTER_SCHEMES: Partial<Record<LabelScheme, LabelScheme>> = {
  'ar-dot': 'ar-dun',
  'ar-dun': 'ar-dot',
  'cn-dun': 'cn-dot',
  'cn-dot': 'cn-dun',
  'ar-paren': 'ar-rparen',
  'ar-rparen': 'ar-paren',
};

/** Chapter-like schemes a table of contents lists. */
const CONTENTS_SCHEMES: ReadonlySet<LabelScheme> = new Set(['zhang', 'jie', 'bufen']);

/**
 * Everything accepted so far is a run of at least two bare chapter lines (第一章 总则 / 第二章 …) on
 * consecutive lines, and a chapter label restarts at 1: that run was a table of contents.
 */
function isTableOfContents(accepted: Accepted[], scheme: LabelScheme): boolean {
  if (!CONTENTS_SCHEMES.has(scheme) || accepted.length < 2) return false;
  return accepted.every((a, i) => CONTENTS_SCHEMES.has(a.match.scheme) && (i === 0 || a.lineNo === accepted[i - 1].lineNo + 1));
}

/** Where a candidate label goes: the stack depth it takes (0 = top level), or null if it does not fit. */
function place(stack: OpenClause[], lastNumber: Map<LabelScheme, number>, m: LabelMatch, after: Preceding): { depth: number; restart?: boolean } | null {
  const at = stack.findIndex((o) => o.scheme === m.scheme);
  if (at >= 0) {
    const prev = stack[at].number;
    if (m.number > prev && m.number <= prev + MAX_SIBLING_GAP) return { depth: at };
    if (m.number === 1 && at === 0 && after === 'title') return { depth: 0 };
    if (m.number === 1 && after === 'subheading') return { depth: at, restart: true };
    return null;
  }
  // A typo that prints one item of a list in a sister style (1. 2、 3. or 一、 二． 三、) keeps its place.
  const sister = SISTER_SCHEMES[m.scheme];
  const sat = sister ? stack.findIndex((o) => o.scheme === sister) : -1;
  if (sat >= 0 && stack[sat].number === m.number - 1) return { depth: sat };
  const last = lastNumber.get(m.scheme) ?? 0;
  // A document's title, then numbering in a scheme of its own: that document starts at the top
  // level, not under the cover notice's last numbered request (…2.请于每季度末报送 / 某市创业行动方案 / 一、).
  if (m.number === 1 && after === 'title') return { depth: 0 };
  if (m.number === 1 || m.number === last + 1) return { depth: stack.length };
  return null;
}
