// The search query language, kept small enough to explain in one line of the UI:
//   words separated by spaces must all occur · "…" keeps spaces · A OR B · -word excludes ·
//   anything else is literal text.
// Every input parses: brackets, *, NEAR, emoji, unbalanced quotes are searched as the characters
// they are. A query with nothing but exclusions or operators is searched as its literal text, so
// "-" or "OR" still find clauses containing them.

import { foldForSearch } from './fold';

export interface QueryTerm {
  /** The term as the researcher typed it (quotes removed). */
  text: string;
  /** foldForSearch(text): what is compared. Never empty. */
  folded: string;
}

export interface ParsedQuery {
  /** Alternatives (OR) of conjunctions (AND): a clause matches when it contains every term of one group. */
  groups: QueryTerm[][];
  /** A clause containing any of these is not a hit. */
  exclude: QueryTerm[];
}

interface Word {
  raw: string;
  quoted: boolean;
  negated: boolean;
}

/** Splits on white space, keeping "…" together; an unmatched quote is an ordinary character. */
function words(query: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  const n = query.length;
  const isSpace = (c: string) => /\s/u.test(c);
  while (i < n) {
    while (i < n && isSpace(query[i])) i++;
    if (i >= n) break;
    const negated = query[i] === '-' && i + 1 < n && !isSpace(query[i + 1]);
    const bodyStart = negated ? i + 1 : i;
    if (query[bodyStart] === '"') {
      const close = query.indexOf('"', bodyStart + 1);
      const after = close + 1;
      if (close > bodyStart + 1 && (after >= n || isSpace(query[after]))) {
        out.push({ raw: query.slice(bodyStart + 1, close), quoted: true, negated });
        i = after;
        continue;
      }
    }
    let j = i;
    while (j < n && !isSpace(query[j])) j++;
    out.push({ raw: query.slice(bodyStart, j), quoted: false, negated });
    i = j;
  }
  return out;
}

function term(text: string): QueryTerm | null {
  const folded = foldForSearch(text);
  return folded ? { text, folded } : null;
}

/** Parses a query; an empty result (no groups) means there is nothing to search for. */
export function parseQuery(input: string): ParsedQuery {
  // NFKC first so a full-width quote ＂ or minus works like the ASCII one.
  const query = input.normalize('NFKC');
  const ws = words(query);
  const groups: QueryTerm[][] = [[]];
  const exclude: QueryTerm[] = [];
  ws.forEach((w, k) => {
    const current = groups[groups.length - 1];
    const isOperator = !w.quoted && !w.negated && w.raw === 'OR';
    if (isOperator && current.length > 0 && ws.slice(k + 1).some((x) => !x.negated && !(x.raw === 'OR' && !x.quoted))) {
      groups.push([]);
      return;
    }
    const t = term(w.raw);
    if (!t) return;
    if (w.negated) exclude.push(t);
    else current.push(t);
  });
  const positive = groups.filter((g) => g.length > 0);
  if (!positive.length) {
    const literal = term(query);
    return literal ? { groups: [[literal]], exclude: [] } : { groups: [], exclude: [] };
  }
  return { groups: positive, exclude };
}

/** Every distinct positive term, longest first (so highlighting prefers the longer of overlapping terms). */
export function positiveTerms(q: ParsedQuery): QueryTerm[] {
  const seen = new Map<string, QueryTerm>();
  for (const g of q.groups) for (const t of g) if (!seen.has(t.folded)) seen.set(t.folded, t);
  return [...seen.values()].sort((a, b) => b.folded.length - a.folded.length);
}

/** Does a clause's folded text satisfy the query? The exact test every hit passes. */
export function matchesFolded(q: ParsedQuery, folded: string): boolean {
  if (q.exclude.some((t) => folded.includes(t.folded))) return false;
  return q.groups.some((g) => g.every((t) => folded.includes(t.folded)));
}
