import type Database from 'better-sqlite3';

/**
 * Type-to-filter over the documents, for pickers that must not load a 5,000-document corpus to
 * show twenty: every word of the query (case-folded) must occur in the title, file name, city,
 * province, 文号, issuer or a date. Ordered by place, then newest first, then title.
 */
export function createDocumentFinder(db: Database.Database) {
  const haystack = `lower(coalesce(d.title,'') || ' ' || d.file_name || ' ' || coalesce(d.city,'') || ' ' || coalesce(d.province,'') || ' ' ||
    coalesce(d.doc_number,'') || ' ' || coalesce(d.issuer,'') || ' ' || coalesce(d.date_written,'') || ' ' || coalesce(d.date_published,''))`;
  const cache = new Map<number, { count: Database.Statement; page: Database.Statement }>();
  function statements(words: number) {
    let s = cache.get(words);
    if (!s) {
      const where = [
        '(@ids IS NULL OR d.id IN (SELECT value FROM json_each(@ids)))',
        ...Array.from({ length: words }, (_, i) => `instr(${haystack}, @w${i}) > 0`),
      ].join(' AND ');
      s = {
        count: db.prepare(`SELECT count(*) FROM documents d WHERE ${where}`).pluck(),
        page: db
          .prepare(
            `SELECT d.id FROM documents d WHERE ${where}
          ORDER BY coalesce(d.city, d.province, '') = '', coalesce(d.city, d.province, ''), coalesce(d.date_written, d.date_published, '') DESC, coalesce(d.title, d.file_name), d.id
          LIMIT @limit OFFSET @offset`,
          )
          .pluck(),
      };
      cache.set(words, s);
    }
    return s;
  }
  // The distinct values a filter bar offers; years as documents.list computes them (written, else published, else period start).
  const distinct = (col: string) => db.prepare(`SELECT DISTINCT ${col} FROM documents WHERE ${col} IS NOT NULL AND ${col} <> ''`).pluck();
  const values = {
    cities: distinct('city'),
    provinces: distinct('province'),
    validity: distinct('validity'),
    years: db
      .prepare(
        `SELECT DISTINCT CAST(substr(y, 1, 4) AS INTEGER) FROM (SELECT coalesce(date_written, date_published, period) AS y FROM documents)
         WHERE y GLOB '[0-9][0-9][0-9][0-9]*' ORDER BY 1`,
      )
      .pluck(),
  };
  return {
    /** Cities, provinces, validity and years in use, for a filter bar that must not load every document to list them. */
    values(): { cities: string[]; provinces: string[]; validity: string[]; years: number[] } {
      return {
        cities: values.cities.all() as string[],
        provinces: values.provinces.all() as string[],
        validity: values.validity.all() as string[],
        years: values.years.all() as number[],
      };
    },
    find(opts: { q: string; ids: number[] | null; offset: number; limit: number }): { total: number; ids: number[] } {
      // Up to 8 words: a longer query narrows nothing further in practice and keeps the statement cache small.
      const words = opts.q.toLowerCase().split(/\s+/u).filter(Boolean).slice(0, 8);
      const params: Record<string, unknown> = { ids: opts.ids ? JSON.stringify(opts.ids) : null, offset: opts.offset, limit: opts.limit };
      words.forEach((w, i) => (params[`w${i}`] = w));
      const s = statements(words.length);
      return { total: s.count.get(params) as number, ids: s.page.all(params) as number[] };
    },
  };
}
