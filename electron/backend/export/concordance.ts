import type { Output } from '../../../shared/api/contract';
import type { SearchFilters } from '../../../shared/api/methods/search';
import type { BackendContext } from '../context';
import { type Labels, labelsFor } from './report/labels';
import type { Table } from './report/tables';

/**
 * Keyword in context: every exact occurrence of a search as one row (left context, hit, right
 * context, where it is), the way researchers count and quote policy language. Gathered through
 * the search and documents contracts; each context stays inside the hit's paragraph.
 */

export interface ConcordanceLine {
  left: string;
  hit: string;
  right: string;
  docId: number;
  document: string;
  city: string | null;
  year: number | null;
  /** The plan (part) of a file that carries several, else null. */
  part: string | null;
  /** The clause as researchers cite it: 四-(三)-2-(1). */
  clause: string;
  start: number;
}

const PAGE = 20_000;

/** The context on one side: up to `n` characters, not past a paragraph break, white space folded. */
export function contextAround(text: string, start: number, end: number, n: number): { left: string; right: string } {
  let from = Math.max(0, start - n);
  const nl = text.lastIndexOf('\n', start - 1);
  if (nl >= from) from = nl + 1;
  let to = Math.min(text.length, end + n);
  const nr = text.indexOf('\n', end);
  if (nr >= 0 && nr < to) to = nr;
  const fold = (s: string) => s.replace(/\s+/gu, ' ');
  return { left: fold(text.slice(from, start)).trimStart(), right: fold(text.slice(end, to)).trimEnd() };
}

/**
 * Search merges adjacent occurrences of different terms (融资担保 for 融资 担保) into one range;
 * a concordance lists each term: a range the terms tile exactly is split into them.
 */
export function splitByTerms(text: string, ranges: Array<{ start: number; end: number }>, terms: string[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const r of ranges) {
    const piece = text.slice(r.start, r.end);
    const parts: Array<{ start: number; end: number }> = [];
    let at = 0;
    while (at < piece.length) {
      const term = terms.filter((t) => t && piece.startsWith(t, at)).sort((a, b) => b.length - a.length)[0];
      if (!term) break;
      parts.push({ start: r.start + at, end: r.start + at + term.length });
      at += term.length;
    }
    if (at === piece.length && parts.length > 1) out.push(...parts);
    else out.push(r);
  }
  return out;
}

export async function concordanceLines(
  ctx: Pick<BackendContext, 'api'>,
  query: string,
  filters: SearchFilters | undefined,
  context: number,
  l: Labels = labelsFor('en'),
): Promise<ConcordanceLine[]> {
  const hits: Output<'search.query'>['hits'] = [];
  let terms: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await ctx.api.search.query({ query, filters, offset, limit: PAGE, withTotal: false });
    hits.push(...page.hits);
    terms = page.terms;
    if (!page.more || page.hits.length === 0) break;
  }
  const docs = new Map((await ctx.api.documents.list({})).map((d) => [d.id, d]));
  const texts = new Map<number, { text: string; clauses: Map<number, Output<'documents.clauses'>[number]> }>();
  const lines: ConcordanceLine[] = [];
  for (const h of hits) {
    if (!texts.has(h.docId)) {
      const { text } = await ctx.api.documents.text({ id: h.docId });
      const clauses = await ctx.api.documents.clauses({ id: h.docId });
      texts.set(h.docId, { text, clauses: new Map(clauses.map((c) => [c.id, c])) });
    }
    const { text, clauses } = texts.get(h.docId)!;
    const clause = clauses.get(h.clauseId);
    // The part a clause belongs to: its outermost ancestor of kind 'part'.
    let part: string | null = null;
    for (let c = clause; c; c = c.parentId != null ? clauses.get(c.parentId) : undefined) {
      if (c.kind === 'part') part = (c.heading || c.text).trim() || null;
    }
    const d = docs.get(h.docId);
    const where = clause?.path || clause?.label || h.path || h.label || (clause?.kind === 'part' ? l.partTitle : l.preamble);
    for (const o of splitByTerms(text, h.occurrences, terms)) {
      const { left, right } = contextAround(text, o.start, o.end, context);
      lines.push({
        left,
        hit: text.slice(o.start, o.end),
        right,
        docId: h.docId,
        document: d?.title ?? h.title ?? d?.file ?? `#${h.docId}`,
        city: d?.city ?? h.city,
        year: d?.year ?? h.year,
        part,
        clause: where,
        start: o.start,
      });
    }
  }
  // Reading order: by city, year and document, then where in the document.
  return lines.sort((a, b) => (a.city ?? '').localeCompare(b.city ?? '', 'zh-CN') || (a.year ?? 0) - (b.year ?? 0) || a.docId - b.docId || a.start - b.start);
}

export function concordanceTable(lines: ConcordanceLine[], l: Labels = labelsFor('en')): Table {
  const withParts = lines.some((x) => x.part);
  return {
    name: l.concordance,
    header: [l.left, l.hit, l.right, l.document, l.city, l.year, ...(withParts ? [l.part] : []), l.path],
    rows: lines.map((x) => [x.left, x.hit, x.right, x.document, x.city ?? '', x.year, ...(withParts ? [x.part ?? ''] : []), x.clause]),
    // The hit column lines up: left context right-aligned, as a printed concordance.
    align: ['right', 'center', 'left'],
    wrap: false,
  };
}
