import type Database from 'better-sqlite3';

/**
 * Type-to-filter over the documents, for pickers that must not load a 5,000-document corpus to
 * show twenty: every word of the query (case-folded) must occur in the title, file name, city,
 * province, 文号, issuer or a date. Ordered by place, then newest first, then title.
 */
export function createDocumentFinder(db: Database.Database) {
  const haystack = `lower(coalesce(d.title,'') || ' ' || d.file_name || ' ' || coalesce(d.city,'') || ' ' || coalesce(d.province,'') || ' ' ||
    coalesce(d.doc_number,'') || ' ' || coalesce(d.issuer,'') || ' ' || coalesce(d.date_written,'') || ' ' || coalesce(d.date_published,''))`;
  const cache = new Map<number, { count: Database.Statement; page: Database.Statement<unknown[], { id: number; total: number }> }>();
  function statements(words: number) {
    let s = cache.get(words);
    if (!s) {
      const where = [
        '(@ids IS NULL OR d.id IN (SELECT value FROM json_each(@ids)))',
        ...Array.from({ length: words }, (_, i) => `instr(${haystack}, @w${i}) > 0`),
      ].join(' AND ');
      s = {
        count: db.prepare(`SELECT count(*) FROM documents d WHERE ${where}`).pluck(),
        // The total rides along with the page (one scan of the table, not two); count is for a page past the end.
        page: db.prepare(
          `SELECT d.id, count(*) OVER () AS total FROM documents d WHERE ${where}
          ORDER BY coalesce(d.city, d.province, '') = '', coalesce(d.city, d.province, ''), coalesce(d.date_written, d.date_published, '') DESC, coalesce(d.title, d.file_name), d.id
          LIMIT @limit OFFSET @offset`,
        ),
      };
      cache.set(words, s);
    }
    return s;
  }
  // The distinct values a filter bar offers, from one scan of the metadata (each DISTINCT would be a
  // scan of its own); years as documents.list computes them (written, else published, else period start).
  const valueRows = db.prepare(`SELECT DISTINCT city, province, validity,
      CASE WHEN y GLOB '[0-9][0-9][0-9][0-9]*' THEN CAST(substr(y, 1, 4) AS INTEGER) END AS year
    FROM (SELECT city, province, validity, coalesce(date_written, date_published, period) AS y FROM documents)`);
  return {
    /** Cities, provinces, validity and years in use, for a filter bar that must not load every document to list them. */
    values(): { cities: string[]; provinces: string[]; validity: string[]; years: number[] } {
      const rows = valueRows.all() as Array<{ city: string | null; province: string | null; validity: string | null; year: number | null }>;
      const distinct = <T>(xs: Array<T | null>) => [...new Set(xs.filter((x): x is T => x !== null && x !== ''))];
      return {
        cities: distinct(rows.map((r) => r.city)),
        provinces: distinct(rows.map((r) => r.province)),
        validity: distinct(rows.map((r) => r.validity)),
        years: distinct(rows.map((r) => r.year)).sort((a, b) => a - b),
      };
    },
    find(opts: { q: string; ids: number[] | null; offset: number; limit: number }): { total: number; ids: number[] } {
      // Up to 8 words: a longer query narrows nothing further in practice and keeps the statement cache small.
      const words = opts.q.toLowerCase().split(/\s+/u).filter(Boolean).slice(0, 8);
      const params: Record<string, unknown> = { ids: opts.ids ? JSON.stringify(opts.ids) : null, offset: opts.offset, limit: opts.limit };
      words.forEach((w, i) => (params[`w${i}`] = w));
      const s = statements(words.length);
      const rows = s.page.all(params);
      return { total: rows.length ? rows[0].total : opts.offset > 0 ? (s.count.get(params) as number) : 0, ids: rows.map((r) => r.id) };
    },
  };
}
