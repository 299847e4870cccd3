import type { SearchCount, SearchFacets, SearchFilters, SearchHit, SearchResult } from '../../../shared/api/methods/search';
import { passesDocumentFilters } from './filterScope';
import {
  bm25Score,
  clauseIdOfKey,
  findOccurrences,
  idf,
  foldForSearch,
  ftsPlan,
  levelPlan,
  makeSnippet,
  matchesFolded,
  parseQuery,
  positiveTerms,
  type FtsPlan,
  type ParsedQuery,
  type QueryTerm,
} from '../../../shared/domain/search';
import type { DocumentFacts, HitRow, Scope, ScoredId, SearchStore } from '../db/search';
import { rankScope, topHits } from './topk';

/**
 * Up to this many hits, BM25 ranks every hit. FTS5's bm25() costs one pass over the matches
 * (for the IDF) plus about half a microsecond per ranked hit; past this it is the bulk of a query.
 */
export const EXACT_RANK_LIMIT = 8_000;
/** Beyond it, BM25 ranks an evenly spread sample of about this many hits first (see searchResult.ranking). */
export const RANK_SAMPLE = 1_000;
/** Sampling applies to pages a person reads; bulk requests (CLI, export) are always ranked in full. */
const BULK_LIMIT = 1_000;

interface Prepared {
  parsed: ParsedQuery;
  plan: FtsPlan;
  /** Documents and clauses allowed by the filters; null = all. */
  scope: Scope;
}

/** A clause whose id came from a match plus what verification read about it. */
interface Candidate extends ScoredId {
  docId?: number;
}

/** A filter leaving at most this many clauses is ranked by reading them (topk.ts rankScope). */
export const SMALL_SCOPE = 3_000;

export function createSearchEngine(store: SearchStore, opts: { exactRankLimit?: number; rankSample?: number; smallScope?: number } = {}) {
  const exactRankLimit = opts.exactRankLimit ?? EXACT_RANK_LIMIT;
  const smallScope = opts.smallScope ?? SMALL_SCOPE;
  const rankSample = opts.rankSample ?? RANK_SAMPLE;
  function allowedDocuments(filters: SearchFilters | undefined): number[] | null {
    if (!filters) return null;
    const f = filters;
    const active = Object.values(f).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
    if (!active) return null;
    return store
      .documentFacts()
      .filter((d) => passesDocumentFilters(f, d))
      .map((d) => d.id);
  }

  /** themeClauses: the clauses coded with the filtered themes (resolved by the caller), or null. */
  function prepare(query: string, filters: SearchFilters | undefined, themeClauses: number[] | null): Prepared | null {
    const parsed = parseQuery(query);
    const plan = ftsPlan(parsed);
    if (!plan.match) return null;
    const { themeIds: _themes, themeMode: _mode, ...documentFilters } = filters ?? {};
    const docs = allowedDocuments(documentFilters);
    if ((docs && !docs.length) || (themeClauses && !themeClauses.length)) return null;
    return { parsed, plan, scope: docs || themeClauses ? { docs, clauses: themeClauses } : null };
  }

  /**
   * When the FTS expression only approximates the query (very long terms, private-use
   * characters), every candidate is checked against its folded text: exact, and cheap because
   * such queries are rare and match few clauses.
   */
  function verifiedCandidates(p: Prepared): Candidate[] {
    const all = store.ranked(p.plan.match!, p.scope, 1e9, 0);
    const out: Candidate[] = [];
    for (let i = 0; i < all.length; i += 500) {
      const chunk = all.slice(i, i + 500);
      const rows = new Map(store.hitRows(chunk.map((c) => c.id)).map((r) => [r.id, r]));
      for (const c of chunk) {
        const row = rows.get(c.id);
        if (row && matchesFolded(p.parsed, foldForSearch(row.text))) out.push({ ...c, docId: row.doc_id });
      }
    }
    return out;
  }

  /** The one term of a query that is a single exact term (no AND, OR, exclusion), else null. */
  function singleTerm(p: Prepared): QueryTerm | null {
    const g = p.parsed.groups;
    return p.plan.exact && g.length === 1 && g[0].length === 1 && !p.parsed.exclude.length ? g[0][0] : null;
  }

  /**
   * The number of hits of an exact query. A lone character is counted in the level index (its
   * level 1): the body index has no prefix index, and its prefix query would merge the doclists
   * of every bigram starting with the character.
   */
  function exactCount(p: Prepared): number {
    const single = singleTerm(p);
    if (single) {
      const plan = levelPlan(single.folded);
      if (plan.character) return store.countLevels(plan.match(1), p.scope);
    }
    return store.count(p.plan.match!, p.scope);
  }

  /** The exact number of hits. */
  function total(p: Prepared): number {
    const single = singleTerm(p);
    if (single && p.scope && store.scopeSize(p.scope) <= smallScope) return rankScope(store, single.folded, p.scope).length;
    return p.plan.exact ? exactCount(p) : verifiedCandidates(p).length;
  }

  interface Page {
    /** null when not asked for (withTotal false) and not known anyway. */
    total: number | null;
    ids: ScoredId[];
    more: boolean;
    /** Hit rows already read while ranking, by clause id. */
    rows?: Map<number, HitRow>;
    ranking: SearchResult['ranking'];
    rankedAmong: number | null;
  }

  function page(p: Prepared, offset: number, limit: number, withTotal: boolean): Page {
    const single = singleTerm(p);
    if (single && p.scope && store.scopeSize(p.scope) <= smallScope) {
      const all = rankScope(store, single.folded, p.scope);
      const ids = all.slice(offset, offset + limit).map((h) => ({ id: clauseIdOfKey(h.key), score: -h.score }));
      return { total: all.length, ids, more: all.length > offset + limit, ranking: 'bm25', rankedAmong: all.length };
    }
    if (single) {
      // Ranked best first by BM25 over every hit, reading only as far as this page (topk.ts).
      const rows = new Map<number, HitRow>();
      const top = topHits(store, single.folded, p.scope, offset + limit + 1, rows);
      const ids = top.slice(offset, offset + limit).map((h) => ({ id: clauseIdOfKey(h.key), score: -h.score }));
      const more = top.length > offset + limit;
      const n = withTotal ? (more ? exactCount(p) : top.length) : !more ? top.length : null;
      return { total: n, ids, more, ranking: 'bm25', rankedAmong: n, rows };
    }
    const done = (r: { total: number; ids: ScoredId[]; ranking: SearchResult['ranking']; rankedAmong: number }): Page => ({
      ...r,
      more: offset + r.ids.length < r.total,
    });
    return done(fullPage(p, offset, limit));
  }

  /** Queries of several terms: every hit is counted, and ranked in full or by a sample. */
  function fullPage(p: Prepared, offset: number, limit: number): { total: number; ids: ScoredId[]; ranking: SearchResult['ranking']; rankedAmong: number } {
    const match = p.plan.match!;
    if (!p.plan.exact) {
      const all = verifiedCandidates(p);
      return { total: all.length, ids: all.slice(offset, offset + limit), ranking: 'bm25', rankedAmong: all.length };
    }
    if (limit > BULK_LIMIT) {
      const total = store.count(match, p.scope);
      return { total, ids: offset < total ? store.ranked(match, p.scope, limit, offset) : [], ranking: 'bm25', rankedAmong: total };
    }
    // A bounded first look: up to exactRankLimit matches cost little, and then FTS5's bm25()
    // ranks them all (its IDF pass is over these few matches too).
    const probe = store.probe(match, p.scope, exactRankLimit + 1);
    if (probe.n <= exactRankLimit) {
      return { total: probe.n, ids: offset < probe.n ? store.ranked(match, p.scope, limit, offset) : [], ranking: 'bm25', rankedAmong: probe.n };
    }
    // Tens of thousands of hits: FTS5's bm25() would pass over all of them twice more (IDF, then
    // scores), which costs more than a person waits for. One pass counts the hits and collects
    // every stride-th one (by id, so the sample spreads over all documents, the stride estimated
    // from where the probe stopped); BM25 ranks that sample here, with the IDF from the true
    // count; the other hits follow in id order.
    const span = store.idSpan();
    const covered = Math.max(1, (probe.last ?? span.max) - span.min + 1);
    const estimate = (probe.n * (span.max - span.min + 1)) / covered;
    const stride = Math.max(1, Math.ceil(estimate / rankSample));
    const { n: total, sample } = store.countAndSample(match, p.scope, stride);
    const ranked = rankSampled(sample, p.parsed, total);
    const ids = ranked.slice(offset, offset + limit);
    if (ids.length < limit) ids.push(...store.rest(match, p.scope, stride, limit - ids.length, Math.max(0, offset - ranked.length)));
    return { total, ids, ranking: 'bm25-sample', rankedAmong: ranked.length };
  }

  /** BM25 (as FTS5 computes it) over sampled hits, best first; scores are negated like FTS5's. */
  function rankSampled(sample: number[], parsed: ParsedQuery, total: number): ScoredId[] {
    const terms = positiveTerms(parsed);
    const rows = store.texts(sample);
    const average = store.averageLength();
    const weight = idf(store.rowCount(), total);
    const termIdf = terms.map(() => weight);
    return rows.map((r) => ({ id: r.id, score: -bm25Score(r.text, terms, termIdf, average) })).sort((a, b) => a.score - b.score || a.id - b.id);
  }

  function buildHits(ids: ScoredId[], terms: QueryTerm[], parsed: ParsedQuery, read?: Map<number, HitRow>): SearchHit[] {
    const rows = new Map(store.hitRows(ids.filter((i) => !read?.has(i.id)).map((i) => i.id)).map((r) => [r.id, r]));
    for (const { id } of ids) if (read?.has(id)) rows.set(id, read.get(id)!);
    const facts = new Map(store.documentFacts([...new Set([...rows.values()].map((r) => r.doc_id))]).map((d) => [d.id, d]));
    const hits: SearchHit[] = [];
    for (const { id, score } of ids) {
      const row = rows.get(id);
      if (!row) continue;
      const folded = foldForSearch(row.text);
      if (!matchesFolded(parsed, folded)) {
        // The index and the text disagree: a bug, not a hit. Say so loudly, never show it.
        console.error(`[policylens] search index out of step for clause ${id}`);
        continue;
      }
      const occ = findOccurrences(row.text, terms, folded);
      const d: DocumentFacts | undefined = facts.get(row.doc_id);
      const first = occ[0] ?? { start: 0, end: 0 };
      hits.push({
        docId: row.doc_id,
        clauseId: id,
        label: row.label,
        path: row.path,
        part: row.part_title ?? null,
        heading: row.heading,
        snippet: makeSnippet(row.text, occ),
        start: row.base + first.start,
        end: row.base + first.end,
        occurrences: occ.map((r) => ({ start: row.base + r.start, end: row.base + r.end })),
        score: -score,
        title: d?.title ?? null,
        city: d?.city ?? null,
        year: d?.year ?? null,
      });
    }
    return hits;
  }

  /** Hits per document (most first) and per city, and their total. */
  function countFacets(p: Prepared): { total: number; cityList: SearchFacets['cities']; documents: SearchFacets['documents'] } {
    let perDoc: Array<{ docId: number; n: number }>;
    if (p.plan.exact) perDoc = store.perDocument(p.plan.match!, p.scope);
    else {
      const counts = new Map<number, number>();
      for (const c of verifiedCandidates(p)) counts.set(c.docId!, (counts.get(c.docId!) ?? 0) + 1);
      perDoc = [...counts].map(([docId, n]) => ({ docId, n }));
    }
    const facts = new Map(store.documentFacts(perDoc.map((d) => d.docId)).map((d) => [d.id, d]));
    const cities = new Map<string | null, number>();
    const documents = perDoc.map(({ docId, n }) => {
      const d = facts.get(docId);
      cities.set(d?.city ?? null, (cities.get(d?.city ?? null) ?? 0) + n);
      return { docId, title: d?.title ?? null, city: d?.city ?? null, year: d?.year ?? null, count: n };
    });
    documents.sort((a, b) => b.count - a.count || a.docId - b.docId);
    const cityList = [...cities].map(([city, count]) => ({ city, count })).sort((a, b) => b.count - a.count || String(a.city).localeCompare(String(b.city)));
    return { total: documents.reduce((s, d) => s + d.count, 0), cityList, documents };
  }

  // The facets of the last query, kept while the project is unchanged: typing in the facets'
  // document filter asks again at every keystroke, and only the filtering of the documents changes.
  let lastFacets: ({ key: string } & ReturnType<typeof countFacets>) | null = null;

  return {
    query(
      input: { query: string; filters?: SearchFilters; offset: number; limit: number; withTotal?: boolean },
      themeClauses: number[] | null = null,
    ): SearchResult {
      const started = performance.now();
      const p = prepare(input.query, input.filters, themeClauses);
      if (!p) return { total: 0, hits: [], more: false, terms: [], ranking: 'bm25', rankedAmong: 0, tookMs: performance.now() - started };
      const terms = positiveTerms(p.parsed);
      const r = page(p, input.offset, input.limit, input.withTotal ?? true);
      const hits = buildHits(r.ids, terms, p.parsed, r.rows);
      return {
        total: r.total,
        hits,
        more: r.more,
        terms: terms.map((t) => t.folded),
        ranking: r.ranking,
        rankedAmong: r.rankedAmong,
        tookMs: performance.now() - started,
      };
    },

    /** The exact number of hits, the same as search.query's total. */
    count(input: { query: string; filters?: SearchFilters }, themeClauses: number[] | null = null): SearchCount {
      const started = performance.now();
      const p = prepare(input.query, input.filters, themeClauses);
      return { total: p ? total(p) : 0, tookMs: performance.now() - started };
    },

    facets(
      input: { query: string; filters?: SearchFilters; documentsLimit?: number; documentsOffset?: number; documentsFilter?: string },
      themeClauses: number[] | null = null,
    ): SearchFacets {
      const key = `${JSON.stringify([input.query, input.filters ?? null, themeClauses])}\u0000${store.changeStamp()}`;
      if (lastFacets?.key !== key) {
        const p = prepare(input.query, input.filters, themeClauses);
        if (!p) return { total: 0, cities: [], documents: [], documentsTotal: 0, ...(input.documentsLimit ? { perDocument: [] } : {}) };
        lastFacets = { key, ...countFacets(p) };
      }
      const { total, cityList, documents } = lastFacets;
      // Copies: what is kept must not change with what a caller does to its answer.
      if (!input.documentsLimit && !input.documentsFilter) return { total, cities: [...cityList], documents: [...documents], documentsTotal: documents.length };
      const words = (input.documentsFilter ?? '').toLowerCase().split(/\s+/u).filter(Boolean);
      const shown = words.length
        ? documents.filter((d) => {
            const hay = `${d.title ?? ''} ${d.city ?? ''} ${d.year ?? ''}`.toLowerCase();
            return words.every((w) => hay.includes(w));
          })
        : documents;
      const offset = input.documentsOffset ?? 0;
      return {
        total,
        cities: [...cityList],
        documents: shown.slice(offset, input.documentsLimit ? offset + input.documentsLimit : undefined),
        documentsTotal: shown.length,
        // Not with a typed filter: the counts are the same for every filter of one query, and a
        // client typing in the filter has them from its first answer (thousands of pairs a keystroke).
        ...(words.length ? {} : { perDocument: documents.map((d) => [d.docId, d.count] as [number, number]) }),
      };
    },
  };
}
export type SearchEngine = ReturnType<typeof createSearchEngine>;
