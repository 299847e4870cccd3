// Telling a heading (一、指导思想) from a measure (1.就业目标。至2018年…), and finding a measure's
// short lead phrase (就业目标).
//
// A heading is a clause whose first paragraph is a short title: no sentence punctuation inside it,
// at most one closing 。 at its end. What follows that line (an unnumbered paragraph under
// "(一)拓展创业创新空间", or sub-clauses) does not change that: the clause still opens with a title.
// A clause that is nothing but one short sentence ending in 。 (②对创业团队给予场租补贴。) is a
// small measure, not a title. Neither is the last item of an enumeration whose items end in ；
// ((三)申报材料弄虚作假的。 after (二)…的；), even when the article's next paragraph (款) follows it.

import type { ClauseKind } from '../types';

/** Longest first line that still reads as a section title. */
const MAX_HEADING_CHARS = 40;
/** Longest first line that is a sentence (a comma inside, a full stop at its end) yet a title. */
const MAX_SENTENCE_HEADING_CHARS = 20;
/** Longest lead phrase of a measure that reads as its name (拓展小微企业发展空间, 就业目标). */
const MAX_LEAD_CHARS = 25;

const INNER_PUNCT = /[。；;！!？?：:]/;

/**
 * The closing matter of a document — the attachment list (附件：…), the signature (an agency line and a
 * date), 抄送/印发 lines — follows the last clause in the text but says nothing about it: a last
 * clause "（二）本办法自印发之日起施行。" is a one-sentence measure, not a title over a paragraph.
 */
const CLOSING_LINE =
  /^(附\s*件\s*\d*\s*[:：]?|抄送\s*[:：]|(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年[\d一二三四五六七八九十\s]{1,4}月[\d一二三四五六七八九十\s]{1,4}日$)/u;
const AGENCY_LINE = /^[\p{Script=Han}\s]{2,40}(人民政府|政府|办公室|办公厅|委员会|局|厅|委)$/u;

function beforeClosingMatter(text: string): string {
  const lines = text.split('\n');
  let cut = lines.findIndex((l, i) => i > 0 && CLOSING_LINE.test(l.trim()));
  if (cut < 0) return text;
  // The signatory's name stands right above the date.
  while (cut > 1 && AGENCY_LINE.test(lines[cut - 1].trim())) cut--;
  return lines.slice(0, cut).join('\n');
}

export interface HeadingInfo {
  kind: Extract<ClauseKind, 'heading' | 'measure'>;
  heading: string | null;
}

/**
 * `ownText` is the clause's text after its label, up to the next clause; `hasChildren` says whether
 * numbered clauses hang under it; `inEnumeration` that its previous sibling ended in ；, so it is
 * an item of a list, never a title.
 */
export function classifyClause(ownText: string, hasChildren: boolean, inEnumeration = false): HeadingInfo {
  const trimmed = beforeClosingMatter(ownText).trim();
  if (inEnumeration && !hasChildren) return { kind: 'measure', heading: leadPhrase(trimmed) };
  const nl = trimmed.indexOf('\n');
  const firstLine = (nl < 0 ? trimmed : trimmed.slice(0, nl)).trim();
  const title = firstLine.replace(/[。.：:]$/, '');
  const standsAlone = nl < 0 && !hasChildren;
  const sentence = title !== firstLine && /[，,]/.test(title);
  if (
    title.length > 0 &&
    !(standsAlone && title !== firstLine) &&
    // "…资金,满足…需求。": a full sentence with a full stop is a measure unless it is short
    !(sentence && title.length > MAX_SENTENCE_HEADING_CHARS) &&
    title.length <= MAX_HEADING_CHARS &&
    !INNER_PUNCT.test(title) &&
    // a title does not end with a comma or an opening bracket: that line was cut mid-sentence
    !/[，,、（(《“]$/.test(title)
  ) {
    return { kind: 'heading', heading: title };
  }
  return { kind: 'measure', heading: leadPhrase(trimmed) };
}

/**
 * The phrase before the first 。 or ：, when it is short enough to read as the measure's name and
 * more text follows it (a one-sentence measure has no separate name).
 */
function leadPhrase(text: string): string | null {
  const m = /^([^。：:；;！？\n]{2,})[。：:]/.exec(text);
  if (!m || !text.slice(m[0].length).trim()) return null;
  const lead = m[1].trim();
  if (lead.length > MAX_LEAD_CHARS) return null;
  // A lead phrase that already carries several commas is a sentence, not a name.
  if ((lead.match(/[，,]/g) ?? []).length > 1) return null;
  return lead;
}
