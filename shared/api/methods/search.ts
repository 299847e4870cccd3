import { z } from 'zod';
import { method } from '../define';
import { adminLevels } from '../../domain/vocabulary';
import { attributeFilter } from './attributes';
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
    levels: z.array(z.enum(adminLevels)).optional(),
    yearFrom: z.number().int().optional(),
    yearTo: z.number().int().optional(),
    docIds: z.array(id).optional(),
    /** Validity as recorded on documents (有效, 废止, 失效 …); '' selects documents with none recorded. */
    validity: z.array(z.string()).optional(),
    /** Clauses coded with any of these themes (through the themes feature). */
    themeIds: z.array(z.string().min(1).max(80)).optional(),
    /**
     * Which codings the theme filter counts: 'coded' confirmed (accepted and manual) codings only,
     * 'suggested' open suggestions only, 'both' either (the default: a fresh project has only
     * suggestions, and a filter that ignored them would find nothing).
     */
    themeMode: z.enum(['coded', 'suggested', 'both']).optional(),
    /** Documents by the researcher's own attributes (through the attributes feature). */
    attributes: attributeFilter.optional(),
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
  /** The title of the plan (part) the clause belongs to, when its file holds several plans; else null. */
  part: z.string().nullable(),
  heading: z.string().nullable(),
  snippet: z.object({ text: z.string(), highlights: z.array(range), cutStart: z.boolean(), cutEnd: z.boolean() }),
  /** Offsets in the document's cleaned text of the first occurrence, and of every occurrence. */
  start: z.number().int(),
  end: z.number().int(),
  occurrences: z.array(range),
  /**
   * Higher is better: BM25 (k1 1.2, b 0.75, lengths in folded characters). For a query of one
   * term the term's IDF, the same for every hit, is left out.
   */
  score: z.number(),
  title: z.string().nullable(),
  city: z.string().nullable(),
  year: z.number().int().nullable(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchResult = z.object({
  /** Every hit, exactly; null when the query asked withTotal: false and the page did not reveal it (see search.count). */
  total: z.number().int().nullable(),
  hits: z.array(searchHit),
  /** True when hits follow this page. */
  more: z.boolean(),
  /** The folded positive terms: what to highlight (the Reader's q). */
  terms: z.array(z.string()),
  /**
   * How the page was ranked: 'bm25' over every hit, or 'bm25-sample' when a query of several
   * terms matches so many clauses that BM25 (whose IDF is then near zero) ranks an evenly spread
   * sample of `rankedAmong` hits first and the rest follow, shorter clauses first. (One-term
   * queries are always ranked over every hit.)
   */
  ranking: z.enum(['bm25', 'bm25-sample']),
  /** How many hits the ranking compared: all of them for 'bm25' (null when the total is null). */
  rankedAmong: z.number().int().nullable(),
  tookMs: z.number(),
});
export type SearchResult = z.infer<typeof searchResult>;

export const searchCount = z.object({ total: z.number().int(), tookMs: z.number() });
export type SearchCount = z.infer<typeof searchCount>;

export const searchFacets = z.object({
  total: z.number().int(),
  cities: z.array(z.object({ city: z.string().nullable(), count: z.number().int() })),
  documents: z.array(
    z.object({ docId: id, title: z.string().nullable(), city: z.string().nullable(), year: z.number().int().nullable(), count: z.number().int() }),
  ),
  /** How many documents have hits (under documentsFilter): `documents` is one page of them when documentsLimit is given. */
  documentsTotal: z.number().int(),
  /**
   * With documentsLimit and no documentsFilter: the hit count of every document with hits, [docId,
   * count], beside the page of named ones. The same for every filter of one query, so it is sent
   * once, not with each typed filter.
   */
  perDocument: z.array(z.tuple([id, z.number().int()])).optional(),
});
export type SearchFacets = z.infer<typeof searchFacets>;

export const searchMethods = {
  /**
   * One page of ranked hits with snippets; exact: a hit is a clause whose folded text contains
   * the query. withTotal: false returns the page without waiting for the exact total (a
   * screen asks search.count, or search.facets, alongside).
   */
  'search.query': method(
    z
      .object({
        query: queryInput,
        filters: searchFilters.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(100_000).default(20),
        withTotal: z.boolean().default(true),
      })
      .strict(),
    searchResult,
  ),
  /** The exact number of hits of a query (search.query's total), under the same filters. */
  'search.count': method(z.object({ query: queryInput, filters: searchFilters.optional() }).strict(), searchCount),
  /** Hit counts per city and per document, under the same filters. */
  'search.facets': method(
    z
      .object({
        query: queryInput,
        filters: searchFilters.optional(),
        /**
         * Paged document facet, for a corpus of thousands: only this many documents (most hits first)
         * from documentsOffset, narrowed to those whose title or city contains every word of
         * documentsFilter. Without documentsLimit every document comes back, as before.
         */
        documentsLimit: z.number().int().min(1).max(1000).optional(),
        documentsOffset: z.number().int().min(0).default(0),
        documentsFilter: z.string().max(200).optional(),
      })
      .strict(),
    searchFacets,
  ),
};
