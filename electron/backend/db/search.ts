import { KEY_SPLIT, clauseIndexRow, sortKey, type ClauseIndexRow } from '../../../shared/domain/search';
import { ownTextSpan } from '../../../shared/domain/analyze';
import { createClauseTexts } from './clauseText';
import { changeStamp, releaseFreePages, type Db } from './connection';
import { type StoredText, unpackText } from './documentText';

/**
 * Every SQL statement of the search feature. It owns search_clauses, search_fts and
 * search_levels (migrations/002_search.sql, 009, 011) and reads the core tables (documents,
 * clauses) without writing them. FTS5 rowids are sort keys (length band × 2^32 + clause id, see
 * shared/domain/search/levels.ts), computed from search_clauses.len; what leaves this file is
 * clause ids, except from streams and scopeTexts, which yield keys. Scores from SQL are FTS5 bm25 values, lower is better, as SQLite returns them.
 */

export interface DocumentFacts {
  id: number;
  title: string | null;
  city: string | null;
  province: string | null;
  level: string | null;
  validity: string | null;
  year: number | null;
}

/** Which clauses a query may hit: of these documents and/or these clauses; null = all. */
export type Scope = { docs: number[] | null; clauses: number[] | null } | null;

export interface HitRow {
  id: number;
  doc_id: number;
  text: string;
  label: string;
  path: string;
  heading: string | null;
  base: number;
  /** The plan's title when the clause's file holds several plans (parts). */
  part_title: string | null;
}

export interface ScoredId {
  id: number;
  score: number;
}

function yearOf(r: { date_written: string | null; date_published: string | null; period: string | null }): number | null {
  const m = /^(\d{4})/.exec(r.date_written ?? r.date_published ?? r.period ?? '');
  return m ? Number(m[1]) : null;
}

/** A clause as the index needs it: id and own text. */
export interface IndexableClause {
  id: number;
  text: string;
  /** Its index row computed beforehand from `text` (an import's worker, services/documentExtras.ts); computed here when absent. */
  row?: ClauseIndexRow;
}

export function createSearchStore(db: Db) {
  const stmt = {
    indexedOfDoc: db.prepare('SELECT clause_id, len FROM search_clauses WHERE doc_id = ?').raw(),
    deleteFts: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
    deleteLevels: db.prepare('DELETE FROM search_levels WHERE rowid = ?'),
    deleteRows: db.prepare('DELETE FROM search_clauses WHERE doc_id = ?'),
    cleaned: db.prepare('SELECT cleaned_text, cleaned_z FROM documents WHERE id = ?'),
    clauses: db.prepare('SELECT id, text_start, end FROM clauses WHERE doc_id = ? ORDER BY ord'),
    insertRow: db.prepare('INSERT INTO search_clauses (doc_id, clause_id, len) VALUES (?, ?, ?)'),
    insertFts: db.prepare('INSERT INTO search_fts (rowid, body) VALUES (?, ?)'),
    insertLevels: db.prepare('INSERT INTO search_levels (rowid, levels) VALUES (?, ?)'),
    docIds: db.prepare('SELECT id FROM documents ORDER BY id').pluck(),
    clauseCount: db.prepare('SELECT count(*) FROM clauses').pluck(),
    indexedCount: db.prepare('SELECT count(*) FROM search_clauses').pluck(),
    facts: db.prepare('SELECT id, title, city, province, level, validity, date_written, date_published, period FROM documents ORDER BY id'),
    dataVersion: db.prepare('PRAGMA data_version').pluck(),
    texts: db.prepare('SELECT id, doc_id, text_start, end FROM clauses WHERE id IN (SELECT value FROM json_each(?))'),
    averageLength: db.prepare('SELECT avg(len) FROM search_clauses').pluck(),
    lengths: db.prepare('SELECT clause_id, len FROM search_clauses').raw(),
    // Clause ids only grow (INTEGER PRIMARY KEY): the largest one bounds the indexed ones.
    maxClauseId: db.prepare('SELECT max(id) FROM clauses').pluck(),
    hit: db.prepare(`SELECT c.id, c.doc_id, c.text_start, c.end, c.label, c.path, c.heading,
        (SELECT p.title FROM parts p WHERE p.doc_id = c.doc_id AND p.part_index = c.part_index
        AND (SELECT count(*) FROM parts q WHERE q.doc_id = c.doc_id) > 1) AS part_title
      FROM clauses c JOIN search_clauses s ON s.doc_id = c.doc_id AND s.clause_id = c.id WHERE c.id = ?`),
    hits: db.prepare(`SELECT c.id, c.doc_id, c.text_start, c.end, c.label, c.path, c.heading,
        (SELECT p.title FROM parts p WHERE p.doc_id = c.doc_id AND p.part_index = c.part_index
        AND (SELECT count(*) FROM parts q WHERE q.doc_id = c.doc_id) > 1) AS part_title
      FROM clauses c JOIN search_clauses s ON s.doc_id = c.doc_id AND s.clause_id = c.id WHERE c.id IN (SELECT value FROM json_each(?))`),
  };

  // The statements that take a MATCH expression come in two shapes: over the whole corpus, and
  // restricted to a set of documents (a JSON array bound as the last parameter). CROSS JOIN keeps
  // SQLite from driving the join from clauses: the FTS match is always the narrow side, and each
  // match finds its clause (and so its document) by the clause id its key holds.
  const docFilter = `CROSS JOIN clauses s ON s.id = search_fts.rowid % ${KEY_SPLIT}
    AND (@docs IS NULL OR s.doc_id IN (SELECT value FROM json_each(@docs)))
    AND (@clauses IS NULL OR s.id IN (SELECT value FROM json_each(@clauses)))`;
  const shapes = (sql: (join: string) => string) => ({ all: db.prepare(sql('')), filtered: db.prepare(sql(docFilter)) });
  const q = {
    count: shapes((j) => `SELECT count(*) FROM search_fts ${j} WHERE search_fts MATCH @match`),
    countLevels: shapes(
      (j) => `SELECT count(*) FROM search_levels ${j.replaceAll('search_fts.rowid', 'search_levels.rowid')} WHERE search_levels MATCH @match`,
    ),
    ranked: shapes(
      (j) => `SELECT search_fts.rowid % ${KEY_SPLIT} AS id, bm25(search_fts) AS score FROM search_fts ${j}
      WHERE search_fts MATCH @match ORDER BY score, search_fts.rowid LIMIT @limit OFFSET @offset`,
    ),
    probe: shapes(
      (j) => `SELECT count(*) AS n, max(key) AS last FROM (SELECT search_fts.rowid AS key FROM search_fts ${j}
      WHERE search_fts MATCH @match LIMIT @cap)`,
    ),
    countAndSample: shapes(
      (j) => `SELECT count(*) AS n,
      json_group_array(search_fts.rowid % ${KEY_SPLIT}) FILTER (WHERE search_fts.rowid % @stride = 0) AS sample
      FROM search_fts ${j} WHERE search_fts MATCH @match`,
    ),
    rest: shapes(
      (j) => `SELECT search_fts.rowid % ${KEY_SPLIT} AS id, 0 AS score FROM search_fts ${j}
      WHERE search_fts MATCH @match AND search_fts.rowid % @stride <> 0 ORDER BY search_fts.rowid LIMIT @limit OFFSET @offset`,
    ),
    perDocument: shapes(
      (j) => `SELECT s2.doc_id AS docId, count(*) AS n FROM search_fts ${j}
      JOIN clauses s2 ON s2.id = search_fts.rowid % ${KEY_SPLIT} WHERE search_fts MATCH @match GROUP BY s2.doc_id`,
    ),
  };
  type Shape = { all: ReturnType<Db['prepare']>; filtered: ReturnType<Db['prepare']> };
  const pick = (s: Shape, scope: Scope) => (scope ? s.filtered : s.all);
  // A scope's clauses, read through the indexes: one statement per shape (documents, clauses,
  // both), because an `@docs IS NULL OR …` condition would keep SQLite from using either index.
  const scopeStatements = new Map<string, ReturnType<Db['prepare']>>();
  function scopeStatement(what: 'count' | 'texts', scope: NonNullable<Scope>): ReturnType<Db['prepare']> {
    const name = `${what}/${!!scope.docs}/${!!scope.clauses}`;
    let st = scopeStatements.get(name);
    if (!st) {
      const where = [
        scope.docs ? 'c.doc_id IN (SELECT value FROM json_each(@docs))' : '',
        scope.clauses ? 'c.id IN (SELECT value FROM json_each(@clauses))' : '',
      ]
        .filter(Boolean)
        .join(' AND ');
      const from = 'FROM clauses c JOIN search_clauses s ON s.doc_id = c.doc_id AND s.clause_id = c.id';
      st = db.prepare(what === 'count' ? `SELECT count(*) ${from} WHERE ${where}` : `SELECT c.id, s.len, c.doc_id, c.text_start, c.end ${from} WHERE ${where}`);
      scopeStatements.set(name, st);
    }
    return st;
  }
  const scopeParams = (scope: NonNullable<Scope>) => ({
    ...(scope.docs ? { docs: JSON.stringify(scope.docs) } : {}),
    ...(scope.clauses ? { clauses: JSON.stringify(scope.clauses) } : {}),
  });
  const params = (match: string, scope: Scope, extra: Record<string, number> = {}) => ({
    match,
    ...(scope ? { docs: scope.docs && JSON.stringify(scope.docs), clauses: scope.clauses && JSON.stringify(scope.clauses) } : {}),
    ...extra,
  });

  // Streams: the keys of a MATCH, in key order, read one at a time while others are open. A
  // statement serves one open iterator at a time, so each (table, shape) keeps a pool.
  const streamSql = (table: 'search_fts' | 'search_levels', join: string) =>
    `SELECT ${table}.rowid FROM ${table} ${join.replaceAll('search_fts.rowid', `${table}.rowid`)} WHERE ${table} MATCH @match ORDER BY ${table}.rowid`;
  const pools = new Map<string, Array<ReturnType<Db['prepare']>>>();
  function streamStatement(table: 'search_fts' | 'search_levels', scoped: boolean): ReturnType<Db['prepare']> {
    const name = `${table}/${scoped}`;
    let pool = pools.get(name);
    if (!pool) pools.set(name, (pool = []));
    const free = pool.find((st) => !st.busy);
    if (free) return free;
    const st = db.prepare(streamSql(table, scoped ? docFilter : '')).pluck();
    pool.push(st);
    return st;
  }

  const clauseTexts = createClauseTexts(db);
  type StoredHitRow = Omit<HitRow, 'text' | 'base'> & { text_start: number; end: number };
  // base: where the own text starts in the cleaned text, as the text itself is computed.
  const hitRows = (rows: StoredHitRow[]): HitRow[] =>
    rows.map(({ text_start, end, ...r }) => {
      const own = ownTextSpan(clauseTexts.documentText(r.doc_id), text_start, end);
      return { ...r, text: own.text, base: own.start };
    });

  const merges = ['search_fts', 'search_levels'].map((t) => db.prepare(`INSERT INTO ${t}(${t}, rank) VALUES('merge', ?)`));
  const totalChanges = db.prepare('SELECT total_changes()').pluck();

  // Document metadata, cached: the documents table keeps each document's full texts before
  // title and city, so reading them costs a walk through every row's overflow pages. The
  // cache is dropped when this connection changes documents (documentsChanged, the index hooks)
  // and when another connection commits (data_version).
  let factsCache: Map<number, DocumentFacts> | null = null;
  let factsVersion = -1;
  function allFacts(): Map<number, DocumentFacts> {
    const version = stmt.dataVersion.get() as number;
    if (!factsCache || version !== factsVersion) {
      type Raw = DocumentFacts & { date_written: string | null; date_published: string | null; period: string | null };
      factsCache = new Map(
        (stmt.facts.all() as Raw[]).map((r) => [
          r.id,
          {
            id: r.id,
            title: r.title,
            city: r.city,
            province: r.province,
            level: r.level,
            validity: r.validity,
            year: yearOf(r),
          },
        ]),
      );
      factsVersion = version;
    }
    return factsCache;
  }

  let averageCache: number | null = null;
  let rowCountCache: number | null = null;
  // Folded length by clause id (index keys hold only a length band, shared/domain/search/levels.ts),
  // and the smallest and largest key, read in one pass over search_clauses.
  let lengthsCache: { lengths: Uint32Array; min: number; max: number } | null = null;
  let lengthsVersion = -1;

  function unindexDocument(docId: number): void {
    averageCache = rowCountCache = lengthsCache = null;
    factsCache = null;
    for (const [id, len] of stmt.indexedOfDoc.all(docId) as Array<[number, number]>) {
      const key = sortKey(len, id);
      stmt.deleteFts.run(key);
      stmt.deleteLevels.run(key);
    }
    stmt.deleteRows.run(docId);
  }

  function lengthsAndSpan(): { lengths: Uint32Array; min: number; max: number } {
    const version = stmt.dataVersion.get() as number;
    if (!lengthsCache || version !== lengthsVersion) {
      const out = new Uint32Array(((stmt.maxClauseId.get() as number | null) ?? 0) + 1);
      let min = Infinity;
      let max = 0;
      for (const [id, len] of stmt.lengths.iterate() as IterableIterator<[number, number]>) {
        out[id] = len;
        const key = sortKey(len, id);
        if (key < min) min = key;
        if (key > max) max = key;
      }
      lengthsCache = { lengths: out, min: min === Infinity ? 0 : min, max };
      lengthsVersion = version;
    }
    return lengthsCache;
  }

  /** A document's clauses read back from the database (a restore, a rebuild). */
  function storedClauses(docId: number): IndexableClause[] | undefined {
    const stored = stmt.cleaned.get(docId) as StoredText | undefined;
    const cleaned = stored && unpackText(stored);
    if (cleaned === undefined) return undefined;
    return (stmt.clauses.all(docId) as Array<{ id: number; text_start: number; end: number }>).map((c) => ({
      id: c.id,
      text: ownTextSpan(cleaned, c.text_start, c.end).text,
    }));
  }

  /** (Re)writes the index rows of one document: from the analysed clauses when given, else from the stored ones. */
  function indexDocumentClauses(docId: number, clauses?: IndexableClause[]): void {
    indexDocumentsClauses([docId], clauses ? new Map([[docId, clauses]]) : undefined);
  }

  /**
   * (Re)writes the index rows of several documents (an import batch), all in one ascending run
   * of keys: FTS5 writes its pending terms out as a new segment whenever a rowid is not above the
   * last one, so each document on its own would cost a segment (and the merges that follow), and
   * unsorted keys a segment per clause. `given`: the clauses the import just analysed, by document.
   */
  function indexDocumentsClauses(docIds: number[], given?: Map<number, IndexableClause[]>): void {
    const rows: Array<{ docId: number; id: number; key: number; row: ClauseIndexRow }> = [];
    for (const docId of new Set(docIds)) {
      unindexDocument(docId);
      const clauses = given?.get(docId) ?? storedClauses(docId);
      if (!clauses) continue;
      for (const c of clauses) {
        const row = c.row ?? clauseIndexRow(c.text);
        rows.push({ docId, id: c.id, key: sortKey(row.len, c.id), row });
      }
    }
    rows.sort((a, b) => a.key - b.key);
    for (const { docId, id, row } of rows) stmt.insertRow.run(docId, id, row.len);
    for (const { key, row } of rows) stmt.insertFts.run(key, row.body);
    for (const { key, row } of rows) if (row.levels.length) stmt.insertLevels.run(key, row.levels);
  }

  return {
    /** Changes whenever the project does (see changeStamp): the key of what the engine caches. */
    changeStamp: changeStamp(db),
    indexDocumentClauses,
    indexDocumentsClauses,
    unindexDocument,
    /** True when clauses exist that the index does not hold (a database from before search, or a crash-free drift). */
    needsRebuild: () => (stmt.clauseCount.get() as number) !== (stmt.indexedCount.get() as number),
    rebuild(): void {
      db.transaction(() => {
        db.exec(
          "INSERT INTO search_fts(search_fts) VALUES('delete-all'); INSERT INTO search_levels(search_levels) VALUES('delete-all'); DELETE FROM search_clauses;",
        );
        for (const id of stmt.docIds.all() as number[]) indexDocumentClauses(id);
      })();
    },
    /**
     * One bounded step of merging the FTS5 segments (about `pages` pages written). Imports leave
     * an index in many segments, and every term lookup visits each one: a merged index answers
     * the first page several times faster. Returns false when nothing was left to merge.
     */
    mergeStep(pages = 200): boolean {
      let worked = false;
      for (const m of merges) {
        const before = totalChanges.get() as number;
        m.run(-pages);
        if ((totalChanges.get() as number) - before >= 2) worked = true;
      }
      return worked;
    },
    /** Metadata used by filters, facets and hit lists: of the given documents, or of all. */
    documentFacts(ids: number[] | null = null): DocumentFacts[] {
      const all = allFacts();
      if (!ids) return [...all.values()];
      return ids.flatMap((id) => all.get(id) ?? []);
    },
    /** Forget cached document metadata: this connection changed documents. */
    documentsChanged(): void {
      factsCache = null;
    },
    count: (match: string, scope: Scope) => pick(q.count, scope).pluck().get(params(match, scope)) as number,
    /** How many clauses match `match` in the level index (a one-character term's level 1 is its hits). */
    countLevels: (match: string, scope: Scope) => pick(q.countLevels, scope).pluck().get(params(match, scope)) as number,
    ranked: (match: string, scope: Scope, limit: number, offset: number) => pick(q.ranked, scope).all(params(match, scope, { limit, offset })) as ScoredId[],
    /** How many matches there are, up to `cap`, and the id of the last one counted (matches come in id order). */
    probe: (match: string, scope: Scope, cap: number) => pick(q.probe, scope).get(params(match, scope, { cap })) as { n: number; last: number | null },
    /** One pass: the number of matches and the ids of those whose id is a multiple of `stride`. */
    countAndSample(match: string, scope: Scope, stride: number): { n: number; sample: number[] } {
      const r = pick(q.countAndSample, scope).get(params(match, scope, { stride })) as { n: number; sample: string | null };
      return { n: r.n, sample: r.sample ? (JSON.parse(r.sample) as number[]) : [] };
    },
    /** Indexed clauses (cached until the corpus changes). */
    rowCount(): number {
      rowCountCache ??= stmt.indexedCount.get() as number;
      return rowCountCache;
    },
    /** The smallest and largest index key (cached until the index changes). */
    idSpan(): { min: number; max: number } {
      const { min, max } = lengthsAndSpan();
      return { min, max };
    },
    /** Folded length of each indexed clause's own text, by clause id (0: not indexed); cached until the index changes. */
    lengths: (): Uint32Array => lengthsAndSpan().lengths,
    /** Average length of a clause's own text, for BM25's length normalisation (cached until the corpus changes). */
    averageLength(): number {
      averageCache ??= (stmt.averageLength.get() as number | null) ?? 1;
      return averageCache;
    },
    rest: (match: string, scope: Scope, stride: number, limit: number, offset: number) =>
      pick(q.rest, scope).all(params(match, scope, { stride, limit, offset })) as ScoredId[],
    perDocument: (match: string, scope: Scope) => pick(q.perDocument, scope).all(params(match, scope)) as Array<{ docId: number; n: number }>,
    /** Just the texts (for ranking a sample). */
    texts(ids: number[]): Array<{ id: number; text: string }> {
      return ids.length
        ? clauseTexts
            .withText(stmt.texts.all(JSON.stringify(ids)) as Array<{ id: number; doc_id: number; text_start: number; end: number }>)
            .map(({ id, text }) => ({ id, text }))
        : [];
    },
    /**
     * The keys matching `match` in the body index ('body') or the level index ('levels'), in
     * ascending key order (shortest clause first), lazily. Call return() on the iterator when done.
     */
    stream(index: 'body' | 'levels', match: string, scope: Scope): IterableIterator<number> {
      return streamStatement(index === 'body' ? 'search_fts' : 'search_levels', !!scope).iterate(params(match, scope)) as IterableIterator<number>;
    },
    /** How many indexed clauses a scope holds. */
    scopeSize: (scope: NonNullable<Scope>) => scopeStatement('count', scope).pluck().get(scopeParams(scope)) as number,
    /** Every clause of a scope: its key and own text (for ranking a small scope by reading it). */
    scopeTexts: (scope: NonNullable<Scope>) =>
      clauseTexts
        .withText(scopeStatement('texts', scope).all(scopeParams(scope)) as Array<{ id: number; len: number; doc_id: number; text_start: number; end: number }>)
        .map(({ id, len, text }) => ({ key: sortKey(len, id), text })),
    /** One hit row (read to check a candidate's exact term frequency, and kept for showing it). */
    hitRow: (id: number) => hitRows(stmt.hit.all(id) as StoredHitRow[])[0] as HitRow | undefined,
    hitRows(ids: number[]): HitRow[] {
      return ids.length ? hitRows(stmt.hits.all(JSON.stringify(ids)) as StoredHitRow[]) : [];
    },
  };
}
export type SearchStore = ReturnType<typeof createSearchStore>;

/** Merges the search index into one segment per table, in bounded steps; for tools and benchmarks that wait for it. */
export function compactSearchIndex(db: Db): void {
  const store = createSearchStore(db);
  while (store.mergeStep(1000)) {
    // keep merging
  }
  while (releaseFreePages(db, 10_000)) {
    // hand the replaced segments' pages back
  }
}
