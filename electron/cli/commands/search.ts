import { snippetAsText } from '../../../shared/domain/search';
import { type Command } from './types';

function positiveInt(value: string | undefined, what: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be a whole number, got ${JSON.stringify(value)}.`);
  return n;
}

export const searchCommand: Command = {
  usage: 'search --db FILE [--limit N] [--offset N] [--city C] QUERY — clauses containing the query, best first',
  async run(backend, { options, positionals }) {
    const query = positionals.join(' ');
    if (!query.trim()) throw new Error('search needs a query, e.g. search --db project.db 人才 (put -- before a query that starts with --).');
    const limit = positiveInt(options.limit, '--limit', 20);
    if (limit < 1 || limit > 100_000) throw new Error('--limit must be between 1 and 100000.');
    const filters = options.city ? { cities: options.city.split(',') } : undefined;
    const r = await backend.api.search.query({ query, limit, offset: positiveInt(options.offset, '--offset', 0), ...(filters ? { filters } : {}) });
    return {
      total: r.total,
      hits: r.hits.map((h) => ({ docId: h.docId, clauseId: h.clauseId, snippet: snippetAsText(h.snippet), start: h.start, end: h.end, score: h.score })),
    };
  },
};
