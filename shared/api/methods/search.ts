import { z } from 'zod';
import { method } from '../define';
import { id } from './common';

/**
 * Any text is a valid query (the language is explained in shared/domain/search/query.ts); the
 * cap only keeps a pasted book from reaching the engine.
 */
export const MAX_QUERY_CHARS = 100_000;

export const searchFilters = z
  .object({
    cities: z.array(z.string()).optional(),
    provinces: z.array(z.string()).optional(),
    levels: z.array(z.enum(['province', 'city', 'district', 'county'])).optional(),
    yearFrom: z.number().int().optional(),
    yearTo: z.number().int().optional(),
    docIds: z.array(id).optional(),
    /** Validity as recorded on documents (有效, 废止, 失效 …); '' selects documents with none recorded. */
    validity: z.array(z.string()).optional(),
    /** Clauses coded with any of these themes (through the themes feature). */
    themeIds: z.array(z.string().min(1).max(80)).optional(),
    /** 'coded': accepted and manual codings (default); 'suggested': suggestions too. */
    themeMode: z.enum(['coded', 'suggested']).optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof searchFilters>;

const queryInput = z.string().max(MAX_QUERY_CHARS, `A search can be at most ${MAX_QUERY_CHARS.toLocaleString('en')} characters long.`);

const range = z.object({ start: z.number().int(), end: z.number().int() });

export const searchHit = z.object({
  docId: id,
  clauseId: id,
  /** The clause's own text and where its occurrences are in it (for the Reader and for context). */
  label: z.string(),
  path: z.string(),
  heading: z.string().nullable(),
  snippet: z.object({ text: z.string(), highlights: z.array(range), cutStart: z.boolean(), cutEnd: z.boolean() }),
  /** Offsets in the document's cleaned text of the first occurrence, and of every occurrence. */
  start: z.number().int(),
  end: z.number().int(),
  occurrences: z.array(range),
  /** Higher is better (BM25). */
  score: z.number(),
  title: z.string().nullable(),
  city: z.string().nullable(),
  year: z.number().int().nullable(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchResult = z.object({
  total: z.number().int(),
  hits: z.array(searchHit),
  /** The folded positive terms: what to highlight (the Reader's q). */
  terms: z.array(z.string()),
  /**
   * How the page was ranked: 'bm25' over every hit, or 'bm25-sample' when the query matches so
   * many clauses that BM25 (whose IDF is then near zero) ranks an evenly spread sample of
   * `rankedAmong` hits first and the rest follow in document order.
   */
  ranking: z.enum(['bm25', 'bm25-sample']),
  rankedAmong: z.number().int(),
  tookMs: z.number(),
});
export type SearchResult = z.infer<typeof searchResult>;

export const searchFacets = z.object({
  total: z.number().int(),
  cities: z.array(z.object({ city: z.string().nullable(), count: z.number().int() })),
  documents: z.array(z.object({ docId: id, title: z.string().nullable(), city: z.string().nullable(), year: z.number().int().nullable(), count: z.number().int() })),
});
export type SearchFacets = z.infer<typeof searchFacets>;

export const searchMethods = {
  /** One page of ranked hits with snippets; exact: a hit is a clause whose folded text contains the query. */
  'search.query': method(
    z.object({
      query: queryInput,
      filters: searchFilters.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(100_000).default(20),
    }).strict(),
    searchResult,
  ),
  /** Hit counts per city and per document, under the same filters. */
  'search.facets': method(z.object({ query: queryInput, filters: searchFilters.optional() }).strict(), searchFacets),
};
