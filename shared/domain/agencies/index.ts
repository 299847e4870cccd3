// Agencies a clause makes responsible, as local plans print them in brackets after a measure:
//   (责任部门:市经信委、市财政局)        (市国税局、市地税局负责)        (区市场监管局牵头)
//   (牵头单位:市科技局;责任单位:市经信委、各县市区人民政府)         (责任单位:区金融办、区财政局)
// and the same with full-width brackets/colons, or as a trailing '责任单位:…' line.
//
// Convention (ClauseAgencies):
// - `lead`: agencies marked as leading (牵头单位, …牵头). When none is marked, the FIRST agency of a
//   責任 list (责任部门/责任单位/…负责) is the lead: Chinese plans list the lead first.
// - `responsible`: the other agencies with a duty, in printed order, never repeating a lead.
// So every agency named is in exactly one of the two lists, and [...lead, ...responsible] is the
// full list in printed order.
import type { ClauseAgencies } from '../types';

const LEAD_LABELS = ['牵头单位', '牵头部门', '牵头责任单位', '主办单位', '牵头'];
const RESPONSIBLE_LABELS = ['责任单位', '责任部门', '责任主体', '实施单位', '配合单位', '协办单位', '参与单位', '配合部门'];
const LABEL_RE = new RegExp(`(${[...LEAD_LABELS, ...RESPONSIBLE_LABELS].sort((a, b) => b.length - a.length).join('|')})[:：]`, 'gu');

/** How an agency name ends; used to split on 和/及/与 only between two agency names. */
const AGENCY_END = '(?:局|委|办|部|院|府|支行|分行|银行|会|联|室|厅|中心|政府|组|团|署|所|站|处|社|馆|区|县|市|公司|集团)';
const CONJUNCTION_SPLIT_RE = new RegExp(`(?<=${AGENCY_END})(?:和|及|与|以及|会同)(?=[\\u4e00-\\u9fff]{2,})`, 'gu');
const ITEM_SEPARATORS_RE = /[、，,；;\/]/u;
/** '市公安消防局等有关前置许可审批部门' → '市公安消防局': 等… after a complete name is a summary. */
const TRAILING_ET_CETERA_RE = new RegExp(`(?<=${AGENCY_END})等[\\u4e00-\\u9fff]{0,14}$`, 'u');

// Bracket contents with a trailing verb: '市国税局、市地税局负责', '区市场监管局牵头,区财政局配合'.
const VERB_RE = /^(.+?)(牵头负责|牵头|分别负责|共同负责|负责落实|负责)(?:[,，;；](.+?)(?:配合|参与|协助|协办|按职责分工负责|按职责负责))?$/u;

const PAGE_MARKER_RE = /[-—–]\s*\d{1,3}\s*[-—–]/gu;
/** A plausible agency name ends like one (市财政局, 团市委, 各区市政府, 联席会议相关单位, 青岛海关). */
const AGENCY_NAME_RE = new RegExp(`(?:${AGENCY_END}|单位|部门|海关|机构)$`, 'u');
const SPACE_BETWEEN_AGENCIES_RE = new RegExp(`(?<=[\\u4e00-\\u9fff]${AGENCY_END})[ \\t\\u00a0\\u3000]+(?=[\\u4e00-\\u9fff])`, 'gu');

/**
 * Removes page markers and white space. Spaces after a complete agency name separate two names
 * ('市财政局 市科技局'); other white space is a PDF line break inside a name (市财\n政局).
 */
function cleanContent(s: string): string {
  return s
    .replace(PAGE_MARKER_RE, '')
    .replace(SPACE_BETWEEN_AGENCIES_RE, '、')
    .replace(/[\s\u00a0\u3000]+/gu, '');
}

/** '市经信委、市财政局及各区市政府等部门' → ['市经信委', '市财政局', '各区市政府']. */
export function splitAgencyList(list: string): string[] {
  const out: string[] = [];
  for (const piece of splitOutsideBrackets(list)) {
    for (const raw of piece.split(CONJUNCTION_SPLIT_RE)) {
      const name = raw
        .replaceAll(LEAD_MARK, '')
        .replace(TRAILING_ET_CETERA_RE, '')
        .replace(/(?:按职责分工|按职责|分别|共同)$/u, '')
        .replace(/^(?:由|请)/u, '')
        .trim();
      if (name.length >= 2 && AGENCY_NAME_RE.test(name) && !/[。:：\d]/u.test(name)) out.push(name);
    }
  }
  return out;
}

/** A lead marker after a name in a list: 市发改委（牵头）, 市发改委[牵头]; set aside as LEAD_MARK. */
const LEAD_MARK_RE = /(?<=\p{Script=Han})[(（[［〔【]\s*牵头(?:单位|部门)?\s*[)）\]］〕】](?=[、，,；;)）\]］\s]|$)/gu;
const LEAD_MARK = '⦀';

/** The names of a list that carry a lead marker. */
function markedLeads(list: string): string[] {
  return splitOutsideBrackets(list)
    .filter((piece) => piece.includes(LEAD_MARK))
    .flatMap((piece) => splitAgencyList(piece.replaceAll(LEAD_MARK, '')));
}

/**
 * Splits a list at its separators, except inside brackets: 各县（市、区）人民政府 is one name, whose
 * bracket lists the kinds of county-level divisions.
 */
function splitOutsideBrackets(list: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if ('(（⦅⦇'.includes(ch)) depth++;
    else if (')）⦆⦈'.includes(ch) && depth > 0) depth--;
    if (depth === 0 && ITEM_SEPARATORS_RE.test(ch)) {
      pieces.push(current);
      current = '';
    } else current += ch;
  }
  pieces.push(current);
  return pieces;
}

interface Found {
  lead: string[];
  responsible: string[];
  /** True when the lead was printed as such (牵头); false when taken as the first of a list. */
  leadMarked: boolean;
}

/** Reads one bracket's content (or a trailing labelled line); null when it names no agencies. */
function readAgencyNote(content: string): Found | null {
  const text = cleanContent(content);
  const labels = [...text.matchAll(LABEL_RE)];
  if (labels.length > 0) {
    const found: Found = { lead: [], responsible: [], leadMarked: false };
    labels.forEach((m, i) => {
      const from = (m.index ?? 0) + m[0].length;
      const to = i + 1 < labels.length ? (labels[i + 1].index ?? text.length) : text.length;
      const list = text.slice(from, to);
      const names = splitAgencyList(list);
      if (LEAD_LABELS.includes(m[1])) {
        found.lead.push(...names);
        found.leadMarked = true;
      } else {
        // 责任单位：市发改委（牵头）、市财政局 — the marked name leads.
        const marked = markedLeads(list);
        if (marked.length) found.leadMarked = true;
        found.lead.push(...marked);
        found.responsible.push(...names.filter((n) => !marked.includes(n)));
      }
    });
    return found.lead.length + found.responsible.length > 0 ? found : null;
  }
  const verb = VERB_RE.exec(text);
  if (verb) {
    const main = splitAgencyList(verb[1]);
    const helpers = verb[3] ? splitAgencyList(verb[3]) : [];
    if (main.length === 0) return null;
    if (verb[2].startsWith('牵头') || helpers.length > 0) return { lead: main, responsible: helpers, leadMarked: true };
    return { lead: [], responsible: main, leadMarked: false };
  }
  return null;
}

// Innermost brackets, half- or full-width, possibly mixed by OCR: (…) （…） (…） （…).
const BRACKET_RE = /[(（]([^()（）]{2,300})[)）]/gu;
/**
 * A short bracket inside a name, between two Chinese characters: 各县（市、区）人民政府, 各县（市）区.
 * It is set aside as ⦅…⦆ while notes are read, so the note around it is still the innermost bracket.
 */
const IN_NAME_BRACKET_RE = /(?<=[\u4e00-\u9fff])[(（][^()（）]{1,10}[)）](?=[\u4e00-\u9fff])/gu;
const SET_ASIDE: Record<string, string> = { '（': '⦅', '）': '⦆', '(': '⦇', ')': '⦈' };
const RESTORE: Record<string, string> = { '⦅': '（', '⦆': '）', '⦇': '(', '⦈': ')' };
const setAsideInNameBrackets = (text: string): string => text.replace(IN_NAME_BRACKET_RE, (b) => b.replace(/[()（）]/gu, (ch) => SET_ASIDE[ch]));
const restoreInNameBrackets = (name: string): string => name.replace(/[⦅⦆⦇⦈]/gu, (ch) => RESTORE[ch]);
// A labelled note outside brackets, running to the end of its line.
const TRAILING_LABEL_RE = new RegExp(`(?:^|[。；;\\n])\\s*((?:${[...LEAD_LABELS, ...RESPONSIBLE_LABELS].join('|')})[:：][^\\n。]+)`, 'gu');

// Labels printed in lenticular brackets: 【牵头单位】市科技局 → 牵头单位:市科技局.
const LENTICULAR_LABEL_RE = new RegExp(`[【\\[［](${[...LEAD_LABELS, ...RESPONSIBLE_LABELS].join('|')})[】\\]］][:：]?`, 'gu');

/** Lead and responsible agencies named in a clause's text (see the convention above). */
export function extractAgencies(clauseText: string): ClauseAgencies {
  if (typeof clauseText !== 'string') throw new TypeError('extractAgencies: clauseText must be a string');
  const notes: Found[] = [];
  // Lead markers first: 市发改委[牵头] is a marker, 【牵头单位】市科技局 a label.
  const labelled = clauseText.replace(/[\r]/gu, '').replace(LEAD_MARK_RE, LEAD_MARK).replace(LENTICULAR_LABEL_RE, '$1:');
  const bracketed = setAsideInNameBrackets(labelled);
  for (const m of bracketed.matchAll(BRACKET_RE)) {
    const note = readAgencyNote(m[1]);
    if (note) notes.push(note);
  }
  if (notes.length === 0) {
    for (const m of bracketed.matchAll(TRAILING_LABEL_RE)) {
      const note = readAgencyNote(m[1]);
      if (note) notes.push(note);
    }
  }
  const lead: string[] = [];
  const responsible: string[] = [];
  const markedLead = notes.some((n) => n.leadMarked);
  for (const n of notes) {
    lead.push(...n.lead);
    responsible.push(...n.responsible);
  }
  // No lead printed anywhere in the clause: the first listed responsible agency leads.
  if (!markedLead && lead.length === 0 && responsible.length > 0) lead.push(responsible[0]);
  const uniqueLead = [...new Set(lead.map(restoreInNameBrackets))];
  const uniqueResponsible = [...new Set(responsible.map(restoreInNameBrackets))].filter((a) => !uniqueLead.includes(a));
  return { lead: uniqueLead, responsible: uniqueResponsible };
}
