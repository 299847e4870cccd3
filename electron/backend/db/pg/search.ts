import { findOccurrences, parseQuery, positiveTerms, type ParsedQuery, type QueryTerm } from '../../../../shared/domain/search';
import type { SearchRepository, StoreSearchHit } from '../../store/types';
import { termKeys } from './grams';
import type { Runner } from './runner';

/**
 * Search on PostgreSQL with the SQLite index's semantics: the query is parsed and folded by the
 * same domain code (shared/domain/search/query.ts), and a clause is a hit exactly when
 * matchesFolded(query, folded) holds — every term of one OR group is a substring of the folded
 * text and no excluded term is. The GIN index on `grams` narrows to clauses holding each term's
 * characters or pairs; strpos() on the folded text decides. Ranking is BM25 as FTS5 computes it
 * (k1 1.2, b 0.75, per-term IDF over the whole corpus), ties broken by length then clause id as
 * the SQLite index orders them; term frequencies count non-overlapping occurrences (FTS5 counts
 * overlapping ones: only a term that overlaps itself, like 常常 in 常常常, can rank differently).
 */

const K1 = 1.2;
const B = 0.75;

/** Builds the WHERE clause of a parsed query; every term travels as a parameter. */
function whereOf(p: ParsedQuery, params: unknown[], docIds: number[] | undefined): string {
  const add = (v: unknown) => `$${params.push(v)}`;
  const has = (t: QueryTerm) => `(s.grams @> ${add(termKeys(t.folded))}::integer[] AND strpos(s.folded, ${add(t.folded)}) > 0)`;
  const groups = p.groups.map((g) => `(${g.map(has).join(' AND ')})`).join(' OR ');
  const parts = [`(${groups})`];
  for (const t of p.exclude) parts.push(`strpos(s.folded, ${add(t.folded)}) = 0`);
  if (docIds) parts.push(`s.doc_id = ANY(${add(docIds)}::integer[])`);
  return parts.join(' AND ');
}

/**
 * BM25 of one clause (higher is better). Each term's IDF comes from its clause count over the
 * corpus: counted by the server per term, except for a query of one term over the whole corpus
 * with nothing excluded, whose clause count is the number of hits (counted anyway, by the window
 * function of the page query) — the commonest query pays for one pass over its hits, not two.
 * Term frequencies are byte counts divided by the term's bytes: the same number of occurrences
 * as counting characters, without decoding UTF-8.
 */
function scoreOf(terms: QueryTerm[], params: unknown[], fromTotal: boolean): { sql: string; initPlans: string } {
  const add = (v: unknown) => `$${params.push(v)}`;
  const norm = `(${K1} * (1 - ${B} + ${B} * s.len / GREATEST(1, st.total_len::float8 / GREATEST(st.rows, 1))))`;
  const counts: string[] = [];
  const parts = terms.map((t, i) => {
    const term = add(t.folded);
    counts.push(
      fromTotal
        ? `NULL::bigint AS n${i}`
        : `(SELECT count(*) FROM search_clauses x WHERE x.grams @> ${add(termKeys(t.folded))}::integer[] AND strpos(x.folded, ${term}) > 0) AS n${i}`,
    );
    const tf = `((octet_length(s.folded) - octet_length(replace(s.folded, ${term}, '')))::float8 / octet_length(${term}))`;
    const saturation = `(${tf} * ${K1 + 1}) / (${tf} + ${norm})`;
    return fromTotal ? saturation : `GREATEST(1e-6, ln((st.rows - c.n${i} + 0.5)::float8 / (c.n${i} + 0.5))) * ${saturation}`;
  });
  return { sql: parts.join(' + '), initPlans: counts.join(', ') };
}

/** IDF of a term found in `hits` of `rows` clauses, as FTS5 computes it (shared/domain/search/bm25.ts). */
function idf(rows: number, hits: number): number {
  const v = Math.log((rows - hits + 0.5) / (hits + 0.5));
  return v > 0 ? v : 1e-6;
}

export function createPgSearch(run: Runner): SearchRepository {
  async function count(query: string, docIds?: number[]): Promise<number> {
    const p = parseQuery(query);
    if (!p.groups.length || (docIds && !docIds.length)) return 0;
    const params: unknown[] = [];
    const rows = await run.read<{ n: number }>(`SELECT count(*)::integer AS n FROM search_clauses s WHERE ${whereOf(p, params, docIds)}`, params);
    return rows[0].n;
  }

  return {
    count: ({ query, docIds }) => count(query, docIds),

    async query({ query, docIds, offset = 0, limit = 20 }) {
      const p = parseQuery(query);
      if (!p.groups.length || (docIds && !docIds.length)) return { total: 0, hits: [] };
      const terms = positiveTerms(p);
      const params: unknown[] = [];
      const where = whereOf(p, params, docIds);
      const fromTotal = terms.length === 1 && !p.exclude.length && !docIds;
      const score = scoreOf(terms, params, fromTotal);
      const lim = `$${params.push(limit)}`;
      const off = `$${params.push(offset)}`;
      const rows = await run.read<{
        clause_id: number;
        doc_id: number;
        base: number;
        text: string;
        folded: string;
        score: number;
        total: string;
        corpus: string;
      }>(
        `WITH c AS MATERIALIZED (SELECT ${score.initPlans}), m AS MATERIALIZED (
           SELECT s.clause_id, s.doc_id, s.len, ${score.sql} AS score
           FROM search_clauses s, search_stats st, c WHERE st.id = 1 AND ${where}),
         page AS (SELECT m.*, count(*) OVER () AS total FROM m ORDER BY m.score DESC, m.len, m.clause_id LIMIT ${lim} OFFSET ${off})
         SELECT page.clause_id, page.doc_id, page.score, page.total, s.base, s.text, s.folded, (SELECT rows FROM search_stats WHERE id = 1) AS corpus
         FROM page JOIN search_clauses s ON s.clause_id = page.clause_id ORDER BY page.score DESC, page.len, page.clause_id`,
        params,
      );
      const total = rows.length ? Number(rows[0].total) : offset > 0 ? await count(query, docIds) : 0;
      const hits: StoreSearchHit[] = rows.map((r) => ({
        clauseId: r.clause_id,
        docId: r.doc_id,
        score: fromTotal ? idf(Number(r.corpus), total) * r.score : r.score,
        occurrences: findOccurrences(r.text, terms, r.folded).map((o) => ({ start: r.base + o.start, end: r.base + o.end })),
      }));
      return { total, hits };
    },
  };
}
